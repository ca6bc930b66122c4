import { useState } from 'react';
import { messageOf, unwrap } from '../../api/errors';
import type { AdminPost, Schemas } from '../../api/types';
import { useUi } from '../../components/UiProvider';
import { Empty, ErrorNote, Loading } from '../../components/bits';
import { formatDate } from '../../lib/format';
import { useApi, useSession } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';
import { diffWords, textOf, type DiffPart } from './revision-diff';

type Revision = Schemas['PostRevision'];

/**
 * Every saved revision of a post, newest first (one per editing burst); each one's changes against
 * the revision before it, and restoring one makes it the current content.
 */
export function Revisions({ post, onRestored }: { post: AdminPost; onRestored(p: AdminPost): void }) {
  const api = useApi();
  const { can } = useSession();
  const { confirm } = useUi();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<string | null>(null);
  const revisions = useLoad(
    async () =>
      unwrap(await api.GET('/api/v1/admin/posts/{postId}/revisions', { params: { path: { postId: post.id } } })),
    [post.id, post.version],
  );

  const restore = async (revisionId: string, revision: number) => {
    const ok = await confirm({
      title: `Restore revision ${revision}?`,
      message:
        'The title, excerpt and content of that revision replace the current ones (the current state stays in the history).',
      confirmLabel: 'Restore',
    });
    if (!ok) return;
    try {
      onRestored(
        unwrap(
          await api.POST('/api/v1/admin/posts/{postId}/revisions/{revisionId}/restore', {
            params: { path: { postId: post.id, revisionId } },
          }),
        ),
      );
    } catch (err) {
      setError(messageOf(err));
    }
  };

  if (revisions.loading) return <Loading />;
  const list = revisions.data ?? [];
  return (
    <>
      <ErrorNote message={revisions.error ?? error} retry={revisions.reload} />
      {revisions.data && !list.length && <Empty>No revisions yet: one is kept for every editing session.</Empty>}
      <ol className="revisions">
        {list.map((r, i) => (
          <li key={r.id}>
            <div className="revision-head">
              <div>
                <strong>#{r.revision}</strong> {r.title}
                <div className="muted small">{formatDate(r.createdAt)}</div>
              </div>
              <div className="actions-inline">
                <button
                  type="button"
                  className="btn btn-small"
                  aria-expanded={open === r.id}
                  onClick={() => setOpen(open === r.id ? null : r.id)}
                >
                  {open === r.id ? 'Hide changes' : 'Changes'}
                </button>
                {can('content:write') && (
                  <button type="button" className="btn btn-small" onClick={() => void restore(r.id, r.revision)}>
                    Restore
                  </button>
                )}
              </div>
            </div>
            {open === r.id && <RevisionChanges postId={post.id} revision={r} previous={list[i + 1]} />}
          </li>
        ))}
      </ol>
    </>
  );
}

/** What a revision changed against the one before it: title, excerpt and text, word by word. */
function RevisionChanges({ postId, revision, previous }: { postId: string; revision: Revision; previous?: Revision }) {
  const api = useApi();
  const diff = useLoad(async () => {
    const get = async (r: Revision) =>
      unwrap(
        await api.GET('/api/v1/admin/posts/{postId}/revisions/{revisionId}', {
          params: { path: { postId, revisionId: r.id } },
        }),
      );
    const [now, before] = await Promise.all([get(revision), previous ? get(previous) : Promise.resolve(null)]);
    return {
      title: diffWords(before?.title ?? '', now.title),
      excerpt: diffWords(before?.excerpt ?? '', now.excerpt),
      text: diffWords(before ? textOf(before.content) : '', textOf(now.content)),
    };
  }, [postId, revision.id, previous?.id]);
  if (diff.loading) return <Loading />;
  if (diff.error || !diff.data) return <ErrorNote message={diff.error} retry={diff.reload} />;
  const changed = (parts: DiffPart[]) => parts.some((p) => p.kind !== 'same');
  const { title, excerpt, text } = diff.data;
  return (
    <div className="revision-diff" role="region" aria-label={`Changes in revision ${revision.revision}`}>
      <p className="muted small">
        {previous ? `Against revision ${previous.revision}.` : 'The first revision: everything is new.'}
      </p>
      {!changed(title) && !changed(excerpt) && !changed(text) && (
        <p className="muted">No changes to the title, excerpt or text.</p>
      )}
      {changed(title) && <DiffBlock label="Title" parts={title} />}
      {changed(excerpt) && <DiffBlock label="Excerpt" parts={excerpt} />}
      {changed(text) && <DiffBlock label="Text" parts={text} />}
    </div>
  );
}

function DiffBlock({ label, parts }: { label: string; parts: DiffPart[] }) {
  return (
    <div className="diff-block">
      <strong className="small">{label}</strong>
      <p className="diff pre">
        {parts.map((p, i) =>
          p.kind === 'added' ? (
            <ins key={i}>{p.text}</ins>
          ) : p.kind === 'removed' ? (
            <del key={i}>{p.text}</del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
