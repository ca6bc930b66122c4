import { useEffect, useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../api/errors';
import type { LexicalDocument, Schemas } from '../api/types';
import { CheckField, FormError, SelectField, TextArea, TextField } from '../components/Field';
import { useUi } from '../components/UiProvider';
import { ErrorNote, Loading, PageHeader, Status } from '../components/bits';
import { RichTextEditor } from '../editor/RichTextEditor';
import { useMediaPicker } from '../media/MediaPicker';
import { ProjectGallery } from '../media/ProjectGallery';
import { href, navigate } from '../lib/router';
import { useApi, useSession } from '../lib/session';
import { useLoad } from '../lib/useLoad';
import { useUnsavedChanges } from '../lib/unsaved';
import { EMPTY_DOC } from '../posts/draft';

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

/** A portfolio project: text, stack, links, gallery, optional live demo app; publish and unpublish. */
export function ProjectEditor({ id }: { id?: string }) {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const picker = useMediaPicker();
  const loaded = useLoad(
    async () =>
      id ? unwrap(await api.GET('/api/v1/admin/projects/{projectId}', { params: { path: { projectId: id } } })) : null,
    [id],
  );
  const apps = useLoad(async () => (can('paas:read') ? unwrap(await api.GET('/api/v1/admin/paas/apps')) : []), []);
  const [project, setProject] = useState<Project | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [body, setBodyState] = useState<LexicalDocument>(EMPTY_DOC);
  const [editorKey, setEditorKey] = useState(0);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const ro = !can('content:publish');
  useUnsavedChanges(() => dirty);
  const setBody = (doc: LexicalDocument) => (setBodyState(doc), setDirty(true));

  useEffect(() => {
    if (!loaded.data) return;
    setProject(loaded.data);
    setForm(formOf(loaded.data));
    setBodyState(loaded.data.body);
    setEditorKey((k) => k + 1);
    setDirty(false);
  }, [loaded.data]);

  if (id && loaded.loading) return <Loading />;
  if (loaded.error)
    return (
      <>
        <PageHeader title="Project" />
        <ErrorNote message={loaded.error} retry={loaded.reload} />
      </>
    );

  const set = (patch: Partial<Form>) => (setForm({ ...form, ...patch }), setDirty(true));
  // An emptied link or app is sent as null, which clears it (left out, it would stay as it was).
  const payload = () => ({
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
  });

  const act = async (fn: () => Promise<Project>, done: string): Promise<Project | undefined> => {
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const result = await fn();
      setProject(result);
      notify(done);
      return result;
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (project && !form.slug.trim()) {
      setFields({ slug: 'A published address needs a slug: lowercase letters, digits and dashes.' });
      return undefined;
    }
    const saved = await act(async () => {
      if (project)
        return unwrap(
          await api.PATCH('/api/v1/admin/projects/{projectId}', {
            params: { path: { projectId: project.id } },
            body: payload(),
          }),
        );
      const created = unwrap(await api.POST('/api/v1/admin/projects', { body: payload() }));
      navigate(`/projects/${created.id}`, undefined, true);
      return created;
    }, 'Project saved.');
    if (saved) {
      setDirty(false);
      setForm(formOf(saved));
    }
    return saved;
  };
  const publish = async () => {
    const saved = await save();
    if (saved)
      await act(
        async () =>
          unwrap(
            await api.POST('/api/v1/admin/projects/{projectId}/publish', { params: { path: { projectId: saved.id } } }),
          ),
        'Project published.',
      );
  };
  const unpublish = async () => {
    if (
      !project ||
      !(await confirm({
        title: 'Unpublish this project?',
        message: 'It disappears from the site.',
        confirmLabel: 'Unpublish',
      }))
    )
      return;
    await act(
      async () =>
        unwrap(
          await api.POST('/api/v1/admin/projects/{projectId}/unpublish', {
            params: { path: { projectId: project.id } },
          }),
        ),
      'Project unpublished.',
    );
  };
  const remove = async () => {
    if (
      !project ||
      !(await confirm({
        title: 'Delete this project?',
        message: `“${project.title}” is deleted for good.`,
        confirmLabel: 'Delete project',
        danger: true,
      }))
    )
      return;
    try {
      unwrap(await api.DELETE('/api/v1/admin/projects/{projectId}', { params: { path: { projectId: project.id } } }));
      notify('Project deleted.');
      navigate('/projects');
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const pickImage = async () => {
    const m = await picker.pick();
    return m ? { src: m.url, altText: m.alt, width: m.width ?? undefined, height: m.height ?? undefined } : null;
  };

  return (
    <>
      <PageHeader title={project ? 'Edit project' : 'New project'}>
        <p className="muted small">
          <a href={href('/projects')}>← All projects</a>
          {project && (
            <>
              {' '}
              · <Status value={project.status} />
            </>
          )}
        </p>
      </PageHeader>
      <form onSubmit={(e) => void save(e)} className="editor-layout">
        <div className="editor-main">
          <TextField
            label="Title"
            className="title-field"
            value={form.title}
            onValue={(v) => set({ title: v })}
            maxLength={300}
            required
            error={fields.title}
            readOnly={ro}
          />
          <TextArea
            label="Summary"
            value={form.summary}
            onValue={(v) => set({ summary: v })}
            maxLength={1000}
            rows={2}
            error={fields.summary}
            readOnly={ro}
          />
          <RichTextEditor
            key={editorKey}
            label="Description"
            initial={body}
            onChange={setBody}
            pickImage={pickImage}
            readOnly={ro}
            error={Object.entries(fields).find(([k]) => k.startsWith('body'))?.[1]}
          />
          <ProjectGallery
            ids={form.imageIds}
            onChange={(imageIds) => set({ imageIds })}
            pick={picker.pick}
            readOnly={ro}
            error={fields.imageIds}
          />
        </div>
        <aside className="editor-side">
          <section className="card">
            <TextField
              label="Slug"
              value={form.slug}
              onValue={(v) => set({ slug: v })}
              maxLength={200}
              placeholder="made from the title"
              error={fields.slug}
              readOnly={ro}
            />
            <TextField
              label="Tech stack"
              value={form.techStack}
              onValue={(v) => set({ techStack: v })}
              hint="Comma-separated"
              error={fields.techStack}
              readOnly={ro}
            />
            <TextField
              label="Repository URL"
              type="url"
              value={form.repoUrl}
              onValue={(v) => set({ repoUrl: v })}
              error={fields.repoUrl}
              readOnly={ro}
            />
            <TextField
              label="Live URL"
              type="url"
              value={form.liveUrl}
              onValue={(v) => set({ liveUrl: v })}
              error={fields.liveUrl}
              readOnly={ro}
            />
            <SelectField
              label="Live demo app"
              value={form.paasAppId}
              onValue={(v) => set({ paasAppId: v })}
              options={[
                { value: '', label: 'None' },
                ...(apps.data ?? []).map((a) => ({ value: a.id, label: a.name })),
              ]}
              error={fields.paasAppId}
              disabled={ro}
            />
            <TextField
              label="Sort order"
              type="number"
              value={form.sortOrder}
              onValue={(v) => set({ sortOrder: v })}
              error={fields.sortOrder}
              readOnly={ro}
            />
            <CheckField
              label="Featured"
              checked={form.featured}
              onChecked={(v) => set({ featured: v })}
              disabled={ro}
            />
            <FormError message={error} />
            {!ro && (
              <div className="actions-stack">
                <button type="submit" className="btn" disabled={busy}>
                  Save
                </button>
                {project?.status !== 'published' && (
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={busy || !project}
                    onClick={() => void publish()}
                  >
                    Publish
                  </button>
                )}
                {project?.status === 'published' && (
                  <button type="button" className="btn" disabled={busy} onClick={() => void unpublish()}>
                    Unpublish
                  </button>
                )}
                {project && (
                  <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void remove()}>
                    Delete
                  </button>
                )}
              </div>
            )}
          </section>
        </aside>
      </form>
      {picker.element}
    </>
  );
}
