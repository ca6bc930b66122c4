import { useMemo } from 'react';
import { unwrap } from '../../api/errors';
import { CheckField, FormError, SelectField, TextArea, TextField } from '../../components/Field';
import { ErrorNote, Loading, PageHeader } from '../../components/bits';
import { RichTextEditor } from '../../editor/RichTextEditor';
import { MediaField } from '../media/MediaField';
import { useMediaPicker } from '../media/MediaPicker';
import { href } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';
import { PostActions } from './PostActions';
import { SeoPanel } from './SeoPanel';
import { usePostDraft } from './usePostDraft';

/** The post editor: title, Lexical body, settings, SEO, and the publishing sidebar. */
export function PostEditor({ id }: { id?: string }) {
  const api = useApi();
  const { user, can } = useSession();
  const d = usePostDraft(id);
  const picker = useMediaPicker();
  const imagePicker = useMediaPicker('Insert an image');
  const tags = useLoad(async () => unwrap(await api.GET('/api/v1/admin/tags')), []);
  const siteUrl = typeof window === 'undefined' ? '' : window.location.origin;
  // Authors edit their own posts only; the API enforces it, the form just says so early.
  const readOnly = !can('content:write') || Boolean(d.post && user.role === 'author' && d.post.author.id !== user.id);

  const contentError = useMemo(
    () => Object.entries(d.fields).find(([k]) => k === 'content' || k.startsWith('content.'))?.[1],
    [d.fields],
  );

  if (d.loading) return <Loading label="Loading the post…" />;
  if (d.loadError)
    return (
      <>
        <PageHeader title="Post" />
        <ErrorNote message={d.loadError} />
        <a href={href('/posts')}>Back to posts</a>
      </>
    );

  return (
    <>
      <PageHeader title={d.post ? 'Edit post' : 'New post'}>
        <p className="muted small">
          <a href={href('/posts')}>← All posts</a>
          {d.post && ` · by ${d.post.author.name}`}
        </p>
      </PageHeader>
      {d.state === 'conflict' && (
        <div className="form-error" role="alert">
          <span>Someone else saved this post while you were editing. Autosave is paused.</span>
          <button type="button" className="btn btn-small" onClick={() => void d.reloadFromServer()}>
            Load their version (drop mine)
          </button>
          <button type="button" className="btn btn-small" onClick={() => void d.save(true)}>
            Overwrite with mine
          </button>
        </div>
      )}
      {d.state !== 'conflict' && <FormError message={d.state === 'error' ? d.error : undefined} />}
      <div className="editor-layout">
        <div className="editor-main">
          <TextField
            label="Title"
            className="title-field"
            value={d.draft.title}
            onValue={(v) => d.update({ title: v })}
            maxLength={300}
            required
            error={d.fields.title}
            readOnly={readOnly}
            placeholder="Post title"
          />
          <RichTextEditor
            key={d.contentKey}
            label="Content"
            initial={d.content.current}
            onChange={d.setContent}
            pickImage={can('media:read') ? imagePicker.pickImage : undefined}
            error={contentError}
            readOnly={readOnly}
          />
        </div>
        <aside className="editor-side" aria-label="Post settings">
          {!readOnly && <PostActions d={d} />}
          <section className="card" aria-label="Post details">
            <TextField
              label="Slug"
              value={d.draft.slug}
              onValue={(v) => d.update({ slug: v.toLowerCase().replace(/\s+/g, '-') })}
              maxLength={200}
              placeholder="made from the title"
              hint={`${siteUrl}/blog/${d.draft.slug || '…'}/`}
              error={d.fields.slug}
              readOnly={readOnly}
            />
            <TextArea
              label="Excerpt"
              value={d.draft.excerpt}
              onValue={(v) => d.update({ excerpt: v })}
              maxLength={1000}
              rows={3}
              error={d.fields.excerpt}
              readOnly={readOnly}
            />
            <TextField
              label="Tags"
              value={d.draft.tags}
              onValue={(v) => d.update({ tags: v })}
              list="post-tags"
              hint="Comma-separated; new tags are created."
              error={d.fields.tags}
              readOnly={readOnly}
            />
            <datalist id="post-tags">
              {tags.data?.map((t) => (
                <option key={t.id} value={t.name} />
              ))}
            </datalist>
            <SelectField
              label="Language"
              value={d.draft.language ?? ''}
              onValue={(v) => d.update({ language: v === 'tr' || v === 'en' ? v : null })}
              options={[
                { value: '', label: "The site's language" },
                { value: 'tr', label: 'Türkçe (tr)' },
                { value: 'en', label: 'English (en)' },
              ]}
              hint="The post's own language: its page is marked and dated in it."
              error={d.fields.language}
              disabled={readOnly}
            />
            <CheckField
              label="Featured"
              checked={d.draft.featured}
              onChecked={(v) => d.update({ featured: v })}
              disabled={readOnly}
            />
            <MediaField
              label="Cover image"
              value={d.draft.coverMediaId}
              onChange={(v) => d.update({ coverMediaId: v })}
              pick={picker.pick}
              error={d.fields.coverMediaId}
              disabled={readOnly}
            />
          </section>
          <SeoPanel
            draft={d.draft}
            siteUrl={siteUrl}
            fields={d.fields}
            onSeo={d.updateSeo}
            pick={picker.pick}
            readOnly={readOnly}
          />
        </aside>
      </div>
      {picker.element}
      {imagePicker.element}
    </>
  );
}
