import type { Schemas } from '../../api/types';
import { DocumentEditorFrame } from '../../components/DocumentEditorFrame';
import { TextArea, TextField } from '../../components/Field';
import { useDocumentEditor, type DocumentForm } from '../../lib/useDocumentEditor';
import { useMediaPicker } from '../media/MediaPicker';

type PageView = Schemas['PageView'];
interface Form {
  title: string;
  slug: string;
  seoTitle: string;
  seoDescription: string;
}

const PAGE_FORM: DocumentForm<'pages', Form> = {
  empty: { title: '', slug: '', seoTitle: '', seoDescription: '' },
  formOf: (p: PageView) => ({
    title: p.title,
    slug: p.slug,
    seoTitle: p.seoTitle ?? '',
    seoDescription: p.seoDescription ?? '',
  }),
  contentOf: (p) => p.content,
  // Empty optional fields are sent as null, which clears them.
  payload: (form, content) => ({
    title: form.title.trim(),
    slug: form.slug.trim(),
    content,
    seoTitle: form.seoTitle.trim() || null,
    seoDescription: form.seoDescription.trim() || null,
  }),
};

/** A page (about, …): title, slug, rich content, SEO; publish and unpublish. */
export function PageEditor({ id }: { id?: string }) {
  const ed = useDocumentEditor('pages', id, PAGE_FORM);
  const picker = useMediaPicker('Insert an image');
  const { field } = ed;
  return (
    <DocumentEditorFrame
      editor={ed}
      picker={picker}
      contentLabel="Content"
      contentField="content"
      side={
        <>
          <TextField label="Slug" {...field('slug')} maxLength={200} required hint="about → /about/" />
          <TextField label="SEO headline" {...field('seoTitle')} maxLength={300} />
          <TextArea label="Meta description" {...field('seoDescription')} maxLength={500} rows={3} />
        </>
      }
    />
  );
}
