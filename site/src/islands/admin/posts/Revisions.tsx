import { useState } from 'react';
import { messageOf, unwrap } from '../api/errors';
import type { AdminPost } from '../api/types';
import { useUi } from '../components/UiProvider';
import { Empty, ErrorNote, Loading } from '../components/bits';
import { formatDate } from '../lib/format';
import { useApi, useSession } from '../lib/session';
import { useLoad } from '../lib/useLoad';

/** Every saved revision of a post, newest first; restoring one makes it the current content. */
export function Revisions({ post, onRestored }: { post: AdminPost; onRestored(p: AdminPost): void }) {
  const api = useApi();
  const { can } = useSession();
  const { confirm } = useUi();
  const [error, setError] = useState<string>();
  const revisions = useLoad(
    async () => unwrap(await api.GET('/api/v1/admin/posts/{postId}/revisions', { params: { path: { postId: post.id } } })),
    [post.id, post.version],
  );

  const restore = async (revisionId: string, revision: number) => {
    const ok = await confirm({
      title: `Restore revision ${revision}?`,
      message: 'The title, excerpt and content of that revision replace the current ones (the current state stays in the history).',
      confirmLabel: 'Restore',
    });
    if (!ok) return;
    try {
      onRestored(unwrap(await api.POST('/api/v1/admin/posts/{postId}/revisions/{revisionId}/restore', { params: { path: { postId: post.id, revisionId } } })));
    } catch (err) {
      setError(messageOf(err));
    }
  };

  if (revisions.loading) return <Loading />;
  return (
    <>
      <ErrorNote message={revisions.error ?? error} retry={revisions.reload} />
      {revisions.data && !revisions.data.length && <Empty>No revisions yet: one is kept every time the post is saved.</Empty>}
      <ol className="revisions">
        {revisions.data?.map((r) => (
          <li key={r.id}>
            <div>
              <strong>#{r.revision}</strong> {r.title}
              <div className="muted small">{formatDate(r.createdAt)}</div>
            </div>
            {can('content:write') && (
              <button type="button" className="btn btn-small" onClick={() => void restore(r.id, r.revision)}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
