import { useState, type FormEvent } from 'react';
import { messageOf, unwrap } from '../../api/errors';
import type { AdminPost } from '../../api/types';
import { TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useUi } from '../../components/UiProvider';
import { Status } from '../../components/bits';
import { formatDate, toLocalInput } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';
import { Revisions } from './Revisions';
import type { PostDraftApi } from './usePostDraft';

const SAVE_LABEL: Record<string, string> = {
  idle: '',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
  conflict: 'Changed elsewhere',
};

/** Save, publish, schedule, unpublish, archive, delete, preview and revisions of one post. */
export function PostActions({ d }: { d: PostDraftApi }) {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const [busy, setBusy] = useState(false);
  const [scheduleOpen, setScheduleOpen] = useState(false);
  const [when, setWhen] = useState(toLocalInput(null));
  const [scheduleError, setScheduleError] = useState<string>();
  const [preview, setPreview] = useState<string>();
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const post = d.post;
  const canPublish = can('content:publish');

  /** Saves pending edits, then runs `action` on the saved post. */
  const run = async (action: (p: AdminPost) => Promise<AdminPost | void>, done?: string) => {
    setBusy(true);
    try {
      const saved = await d.save();
      if (!saved) return;
      const result = await action(saved);
      if (result) d.adopt(result, false);
      if (done) notify(done);
    } catch (err) {
      d.setError(messageOf(err));
      notify(messageOf(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const id = (p: AdminPost) => ({ params: { path: { postId: p.id } } });
  const publish = () =>
    run(
      async (p) => unwrap(await api.POST('/api/v1/admin/posts/{postId}/publish', id(p))),
      'Published. The site rebuilds in a moment.',
    );
  const unpublish = async () => {
    if (
      await confirm({
        title: 'Unpublish this post?',
        message: 'It disappears from the site and becomes a draft again.',
        confirmLabel: 'Unpublish',
      })
    )
      await run(async (p) => unwrap(await api.POST('/api/v1/admin/posts/{postId}/unpublish', id(p))), 'Unpublished.');
  };
  const archive = async () => {
    if (
      await confirm({
        title: 'Archive this post?',
        message: 'It leaves the site and the post lists; you can still open it here.',
        confirmLabel: 'Archive',
      })
    )
      await run(async (p) => unwrap(await api.POST('/api/v1/admin/posts/{postId}/archive', id(p))), 'Archived.');
  };
  const remove = async () => {
    if (!post) return;
    const ok = await confirm({
      title: 'Delete this post?',
      message: `“${post.title}” and all its revisions are deleted for good.`,
      confirmLabel: 'Delete post',
      danger: true,
    });
    if (!ok) return;
    try {
      unwrap(await api.DELETE('/api/v1/admin/posts/{postId}', id(post)));
      notify('Post deleted.');
      navigate('/posts');
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };
  const schedule = async (e: FormEvent) => {
    e.preventDefault();
    setScheduleError(undefined);
    const at = new Date(when);
    if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now())
      return setScheduleError('Choose a time in the future.');
    setScheduleOpen(false);
    await run(
      async (p) =>
        unwrap(await api.POST('/api/v1/admin/posts/{postId}/schedule', { ...id(p), body: { at: at.toISOString() } })),
      `Scheduled for ${formatDate(at.toISOString())}.`,
    );
  };
  const openPreview = () =>
    run(async (p) => {
      const link = unwrap(await api.POST('/api/v1/admin/posts/{postId}/preview-link', id(p)));
      setPreview(link.url);
      window.open(link.url, '_blank', 'noopener');
    });

  const publishChanges = async () => {
    setBusy(true);
    try {
      if (await d.publishPending()) notify('Changes published. The site rebuilds in a moment.');
    } catch (err) {
      d.setError(messageOf(err));
      notify(messageOf(err), 'error');
    } finally {
      setBusy(false);
    }
  };
  const discardChanges = async () => {
    const ok = await confirm({
      title: 'Discard the changes?',
      message: 'The edits that are not live yet are deleted; the form shows the published post again.',
      confirmLabel: 'Discard changes',
      danger: true,
    });
    if (!ok) return;
    try {
      await d.discardPending();
      notify('Changes discarded.');
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  const status = post?.status ?? 'draft';
  const live = status === 'published';
  const pending = live && (Boolean(post?.pendingChanges) || d.state === 'dirty' || d.state === 'saving');
  const saveLabel = live && d.state === 'saved' ? 'Saved, not live yet' : SAVE_LABEL[d.state];
  return (
    <section className="card post-actions" aria-label="Publishing">
      <p className="post-status">
        <Status value={status} />
        {status === 'scheduled' && <span className="small"> for {formatDate(post?.scheduledAt)}</span>}
        {live && <span className="small"> {formatDate(post?.publishedAt)}</span>}
        <span className={`save-state save-${d.state}`} role="status" aria-live="polite">
          {saveLabel}
        </span>
      </p>
      {live && post?.pendingChanges && (
        <p className="small pending-note">
          Changes saved {formatDate(post.pendingChanges.savedAt)} are not on the site yet.
        </p>
      )}
      <div className="actions-stack">
        {live ? (
          <>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void publishChanges()}
              disabled={busy || !pending}
            >
              Publish changes
            </button>
            {post?.pendingChanges && (
              <button type="button" className="btn" onClick={() => void discardChanges()} disabled={busy}>
                Discard changes
              </button>
            )}
          </>
        ) : (
          <button
            type="button"
            className="btn"
            onClick={() => void run(async () => undefined, 'Saved.')}
            disabled={busy || d.state === 'saving'}
          >
            {status === 'draft' ? 'Save draft' : 'Save'}
          </button>
        )}
        {canPublish && status !== 'published' && (
          <button type="button" className="btn btn-primary" onClick={() => void publish()} disabled={busy}>
            Publish
          </button>
        )}
        {canPublish && status !== 'published' && (
          <button type="button" className="btn" onClick={() => setScheduleOpen(true)} disabled={busy}>
            Schedule…
          </button>
        )}
        {canPublish && (status === 'published' || status === 'scheduled') && (
          <button type="button" className="btn" onClick={() => void unpublish()} disabled={busy}>
            Unpublish
          </button>
        )}
        {!canPublish && <p className="muted small">An editor publishes your post once it is ready.</p>}
        <button type="button" className="btn" onClick={() => void openPreview()} disabled={busy}>
          Preview
        </button>
        {preview && (
          <a className="small" href={preview} target="_blank" rel="noopener">
            Open the preview link (30 minutes)
          </a>
        )}
        {post && (
          <button type="button" className="btn" onClick={() => setRevisionsOpen(true)}>
            Revisions
          </button>
        )}
        {post && canPublish && status !== 'archived' && (
          <button type="button" className="btn" onClick={() => void archive()} disabled={busy}>
            Archive
          </button>
        )}
        {post && (
          <button type="button" className="btn btn-danger" onClick={() => void remove()} disabled={busy}>
            Delete
          </button>
        )}
      </div>
      <Modal open={scheduleOpen} title="Schedule publishing" onClose={() => setScheduleOpen(false)}>
        <form onSubmit={(e) => void schedule(e)}>
          <TextField
            label="Publish at"
            type="datetime-local"
            value={when}
            onValue={setWhen}
            error={scheduleError}
            hint="Your local time."
          />
          <div className="actions">
            <button type="button" className="btn" onClick={() => setScheduleOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary">
              Schedule
            </button>
          </div>
        </form>
      </Modal>
      {post && (
        <Modal open={revisionsOpen} title="Revisions" onClose={() => setRevisionsOpen(false)} wide>
          <Revisions
            post={post}
            onRestored={(p) => (d.adopt(p, true), setRevisionsOpen(false), notify('Revision restored.'))}
          />
        </Modal>
      )}
    </section>
  );
}
