import { useEffect, useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../api/errors';
import type { LexicalDocument, Schemas } from '../api/types';
import { FormError, TextArea, TextField } from '../components/Field';
import { useUi } from '../components/UiProvider';
import { Empty, ErrorNote, Loading, PageHeader, Status } from '../components/bits';
import { RichTextEditor } from '../editor/RichTextEditor';
import { useMediaPicker } from '../media/MediaPicker';
import { formatDate } from '../lib/format';
import { href, navigate } from '../lib/router';
import { useApi, useSession } from '../lib/session';
import { useLoad } from '../lib/useLoad';
import { useUnsavedChanges } from '../lib/unsaved';
import { EMPTY_DOC } from '../posts/draft';

type PageView = Schemas['PageView'];

export function PagesList() {
  const api = useApi();
  const { can } = useSession();
  const pages = useLoad(async () => unwrap(await api.GET('/api/v1/admin/pages')), []);
  return (
    <>
      <PageHeader
        title="Pages"
        actions={
          can('content:publish') && (
            <a className="btn btn-primary" href={href('/pages/new')}>
              New page
            </a>
          )
        }
      />
      <ErrorNote message={pages.error} retry={pages.reload} />
      {pages.loading && <Loading />}
      {pages.data && !pages.data.length && <Empty>No pages yet. The about page is a page with the slug “about”.</Empty>}
      <ul className="plain-list card-list">
        {pages.data?.map((p) => (
          <li key={p.id}>
            <a href={href(`/pages/${p.id}`)}>{p.title}</a> <Status value={p.status} />
            <span className="muted small">
              {' '}
              · /{p.slug}/ · updated {formatDate(p.updatedAt)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A page (about, …): title, slug, rich content, SEO; publish and unpublish. */
export function PageEditor({ id }: { id?: string }) {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const picker = useMediaPicker('Insert an image');
  const loaded = useLoad(
    async () =>
      id ? unwrap(await api.GET('/api/v1/admin/pages/{pageId}', { params: { path: { pageId: id } } })) : null,
    [id],
  );
  const [page, setPage] = useState<PageView | null>(null);
  const [form, setFormState] = useState({ title: '', slug: '', seoTitle: '', seoDescription: '' });
  const [content, setContentState] = useState<LexicalDocument>(EMPTY_DOC);
  const [editorKey, setEditorKey] = useState(0);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const ro = !can('content:publish');
  useUnsavedChanges(() => dirty);
  const setForm = (next: typeof form) => (setFormState(next), setDirty(true));
  const setContent = (doc: LexicalDocument) => (setContentState(doc), setDirty(true));

  useEffect(() => {
    if (!loaded.data) return;
    const p = loaded.data;
    setPage(p);
    setFormState({ title: p.title, slug: p.slug, seoTitle: p.seoTitle ?? '', seoDescription: p.seoDescription ?? '' });
    setContentState(p.content);
    setEditorKey((k) => k + 1);
    setDirty(false);
  }, [loaded.data]);

  if (id && loaded.loading) return <Loading />;
  if (loaded.error)
    return (
      <>
        <PageHeader title="Page" />
        <ErrorNote message={loaded.error} retry={loaded.reload} />
      </>
    );

  const act = async (fn: () => Promise<PageView>, done: string): Promise<PageView | undefined> => {
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const result = await fn();
      if (result) setPage(result);
      notify(done);
      return result;
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  // Empty optional fields are sent as null, which clears them.
  const body = () => ({
    title: form.title.trim(),
    slug: form.slug.trim(),
    content,
    seoTitle: form.seoTitle.trim() || null,
    seoDescription: form.seoDescription.trim() || null,
  });
  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const saved = await act(async () => {
      if (!page) {
        const created = unwrap(await api.POST('/api/v1/admin/pages', { body: body() }));
        navigate(`/pages/${created.id}`, undefined, true);
        return created;
      }
      return unwrap(
        await api.PATCH('/api/v1/admin/pages/{pageId}', { params: { path: { pageId: page.id } }, body: body() }),
      );
    }, 'Page saved.');
    if (saved) setDirty(false);
    return saved;
  };
  const path = () => ({ params: { path: { pageId: page!.id } } });
  const publish = async () => {
    const saved = await save();
    if (saved)
      await act(
        async () =>
          unwrap(await api.POST('/api/v1/admin/pages/{pageId}/publish', { params: { path: { pageId: saved.id } } })),
        'Page published.',
      );
  };
  const unpublish = async () => {
    if (
      await confirm({
        title: 'Unpublish this page?',
        message: 'It disappears from the site.',
        confirmLabel: 'Unpublish',
      })
    )
      await act(
        async () => unwrap(await api.POST('/api/v1/admin/pages/{pageId}/unpublish', path())),
        'Page unpublished.',
      );
  };
  const remove = async () => {
    if (
      !(await confirm({
        title: 'Delete this page?',
        message: `“${page!.title}” is deleted for good.`,
        confirmLabel: 'Delete page',
        danger: true,
      }))
    )
      return;
    try {
      unwrap(await api.DELETE('/api/v1/admin/pages/{pageId}', path()));
      notify('Page deleted.');
      navigate('/pages');
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
      <PageHeader title={page ? 'Edit page' : 'New page'}>
        <p className="muted small">
          <a href={href('/pages')}>← All pages</a>
          {page && (
            <>
              {' '}
              · <Status value={page.status} />
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
            onValue={(v) => setForm({ ...form, title: v })}
            maxLength={300}
            required
            error={fields.title}
            readOnly={ro}
          />
          <RichTextEditor
            key={editorKey}
            label="Content"
            initial={content}
            onChange={setContent}
            pickImage={pickImage}
            readOnly={ro}
            error={Object.entries(fields).find(([k]) => k.startsWith('content'))?.[1]}
          />
        </div>
        <aside className="editor-side">
          <section className="card">
            <TextField
              label="Slug"
              value={form.slug}
              onValue={(v) => setForm({ ...form, slug: v })}
              maxLength={200}
              required
              hint="about → /about/"
              error={fields.slug}
              readOnly={ro}
            />
            <TextField
              label="SEO headline"
              value={form.seoTitle}
              onValue={(v) => setForm({ ...form, seoTitle: v })}
              maxLength={300}
              error={fields.seoTitle}
              readOnly={ro}
            />
            <TextArea
              label="Meta description"
              value={form.seoDescription}
              onValue={(v) => setForm({ ...form, seoDescription: v })}
              maxLength={500}
              rows={3}
              error={fields.seoDescription}
              readOnly={ro}
            />
            <FormError message={error} />
            {!ro && (
              <div className="actions-stack">
                <button type="submit" className="btn" disabled={busy}>
                  Save
                </button>
                {page?.status !== 'published' && (
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={busy || !page}
                    onClick={() => void publish()}
                  >
                    Publish
                  </button>
                )}
                {page?.status === 'published' && (
                  <button type="button" className="btn" disabled={busy} onClick={() => void unpublish()}>
                    Unpublish
                  </button>
                )}
                {page && (
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
