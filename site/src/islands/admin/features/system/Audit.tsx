import { useState, type FormEvent } from 'react';
import { unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { TextField } from '../../components/Field';
import { Empty, ErrorNote, LoadMore, Loading, PageHeader } from '../../components/bits';
import { formatDate } from '../../lib/format';
import { href } from '../../lib/router';
import { useApi } from '../../lib/session';
import { usePaged } from '../../lib/useLoad';

type Entry = Schemas['AuditEntry'];

/** The admin screen of a target, where there is one. */
const SCREENS: Record<string, (id: string) => string> = {
  post: (id) => href(`/posts/${id}`),
  page: (id) => href(`/pages/${id}`),
  project: (id) => href(`/projects/${id}`),
  paas_app: (id) => href(`/apps/${id}`),
  webhook: (id) => href(`/webhooks/${id}`),
  user: () => href('/users'),
  tag: () => href('/tags'),
  skill: () => href('/skills'),
  media: () => href('/media'),
  api_key: () => href('/api-keys'),
  contact_message: (id) => href('/inbox', { status: 'all', open: id }),
  settings: () => href('/settings'),
  site_build: () => href('/site'),
};

/** A deleted target keeps the name its audit line recorded (title, filename, name). */
function recordedName(e: Entry): string | null {
  const d = (e.diff ?? {}) as Record<string, unknown>;
  for (const key of ['title', 'filename', 'name', 'slug', 'email']) {
    const v = d[key];
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && typeof v[1] === 'string') return v[1];
  }
  return null;
}

function Target({ e }: { e: Entry }) {
  const kind = e.targetType.replace(/_/g, ' ');
  if (!e.targetId) return <>{kind}</>;
  const name = e.targetName ?? recordedName(e);
  const screen = e.targetName ? SCREENS[e.targetType] : undefined;
  const text = name ? `“${name}”` : `#${e.targetId.slice(-8)}`;
  return (
    <>
      {kind}{' '}
      {screen ? (
        <a href={screen(e.targetId)} title={e.targetId}>
          {text}
        </a>
      ) : (
        <span title={e.targetId}>{text}</span>
      )}
      {!e.targetName && name && <span className="muted small"> (deleted)</span>}
    </>
  );
}

/** Who did what, newest first: every admin change and sign-in event. */
export function Audit() {
  const api = useApi();
  const [type, setType] = useState('');
  const [filter, setFilter] = useState('');
  const entries = usePaged(
    async (cursor) =>
      unwrap(
        await api.GET('/api/v1/admin/audit', {
          params: { query: { limit: 50, cursor, targetType: filter || undefined } },
        }),
      ),
    [filter],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(type.trim());
  };

  return (
    <>
      <PageHeader title="Audit log" />
      <form className="filters" onSubmit={submit}>
        <TextField label="Target type" value={type} onValue={setType} placeholder="post, media, user…" />
        <button type="submit" className="btn">
          Filter
        </button>
      </form>
      <ErrorNote message={entries.error} retry={entries.reload} />
      {!entries.loading && !entries.items.length && <Empty>Nothing logged.</Empty>}
      {entries.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.items.map((e) => (
                <tr key={e.id}>
                  <td data-label="When" className="nowrap">
                    {formatDate(e.createdAt)}
                  </td>
                  <td data-label="Who">
                    {e.actorName
                      ? e.actorApiKeyId
                        ? `API key “${e.actorName}”`
                        : e.actorName
                      : e.actorUserId || e.actorApiKeyId
                        ? 'a deleted account'
                        : 'system'}
                    {e.ip && <div className="muted small">{e.ip}</div>}
                  </td>
                  <td data-label="Action">
                    <code>{e.action}</code>
                  </td>
                  <td data-label="Target">
                    <Target e={e} />
                  </td>
                  <td data-label="Details">
                    {e.diff && Object.keys(e.diff).length > 0 ? (
                      <details>
                        <summary>changes</summary>
                        <pre className="log small">{JSON.stringify(e.diff, null, 2)}</pre>
                      </details>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.loading && <Loading />}
      <LoadMore hasMore={Boolean(entries.nextCursor)} loading={entries.loading} onMore={entries.more} />
    </>
  );
}
