import type { Schemas } from '../../api/types';
import { DocumentEditorFrame } from '../../components/DocumentEditorFrame';
import { CheckField, SelectField, TextArea, TextField } from '../../components/Field';
import { useApi, useSession } from '../../lib/session';
import { useDocumentEditor, type DocumentForm } from '../../lib/useDocumentEditor';
import { useLoad } from '../../lib/useLoad';
import { unwrap } from '../../api/errors';
import { useMediaPicker } from '../media/MediaPicker';
import { ProjectGallery } from './ProjectGallery';

type Project = Schemas['ProjectView'];
interface Form {
  title: string;
  slug: string;
  summary: string;
  techStack: string;
  repoUrl: string;
  liveUrl: string;
  imageIds: string[];
  sortOrder: string;
  featured: boolean;
  paasAppId: string;
}
const EMPTY: Form = {
  title: '',
  slug: '',
  summary: '',
  techStack: '',
  repoUrl: '',
  liveUrl: '',
  imageIds: [],
  sortOrder: '0',
  featured: false,
  paasAppId: '',
};

const formOf = (p: Project): Form => ({
  title: p.title,
  slug: p.slug,
  summary: p.summary,
  techStack: p.techStack.join(', '),
  repoUrl: p.repoUrl ?? '',
  liveUrl: p.liveUrl ?? '',
  imageIds: p.imageIds,
  sortOrder: String(p.sortOrder),
  featured: p.featured,
  paasAppId: p.paasAppId ?? '',
});

const PROJECT_FORM: DocumentForm<'projects', Form> = {
  empty: EMPTY,
  formOf,
  contentOf: (p) => p.body,
  // An emptied link or app is sent as null, which clears it (left out, it would stay as it was).
  payload: (form, body) => ({
    title: form.title.trim(),
    ...(form.slug.trim() ? { slug: form.slug.trim() } : {}),
    summary: form.summary,
    body,
    techStack: form.techStack
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    repoUrl: form.repoUrl.trim() || null,
    liveUrl: form.liveUrl.trim() || null,
    imageIds: form.imageIds,
    sortOrder: Number(form.sortOrder) || 0,
    featured: form.featured,
    paasAppId: form.paasAppId || null,
  }),
  check: (form, project) =>
    project && !form.slug.trim()
      ? { slug: 'A published address needs a slug: lowercase letters, digits and dashes.' }
      : undefined,
};

/** A portfolio project: text, stack, links, gallery, optional live demo app; publish and unpublish. */
export function ProjectEditor({ id }: { id?: string }) {
  const api = useApi();
  const { can } = useSession();
  const ed = useDocumentEditor('projects', id, PROJECT_FORM);
  const picker = useMediaPicker();
  const apps = useLoad(async () => (can('paas:read') ? unwrap(await api.GET('/api/v1/admin/paas/apps')) : []), []);
  const { form, set, field, fields, readOnly: ro } = ed;
  return (
    <DocumentEditorFrame
      editor={ed}
      picker={picker}
      contentLabel="Description"
      contentField="body"
      belowTitle={<TextArea label="Summary" {...field('summary')} maxLength={1000} rows={2} />}
      belowContent={
        <ProjectGallery
          ids={form.imageIds}
          onChange={(imageIds) => set({ imageIds })}
          pick={picker.pick}
          readOnly={ro}
          error={fields.imageIds}
        />
      }
      side={
        <>
          <TextField label="Slug" {...field('slug')} maxLength={200} placeholder="made from the title" />
          <TextField label="Tech stack" {...field('techStack')} hint="Comma-separated" />
          <TextField label="Repository URL" type="url" {...field('repoUrl')} />
          <TextField label="Live URL" type="url" {...field('liveUrl')} />
          <SelectField
            label="Live demo app"
            value={form.paasAppId}
            onValue={(v) => set({ paasAppId: v })}
            options={[{ value: '', label: 'None' }, ...(apps.data ?? []).map((a) => ({ value: a.id, label: a.name }))]}
            error={fields.paasAppId}
            disabled={ro}
          />
          <TextField label="Sort order" type="number" {...field('sortOrder')} />
          <CheckField label="Featured" checked={form.featured} onChecked={(v) => set({ featured: v })} disabled={ro} />
        </>
      }
    />
  );
}
