import { useState, type FormEvent } from 'react';
import { unwrap } from '../api/errors';
import { TextField } from '../components/Field';
import { Empty, ErrorNote, LoadMore, Loading, PageHeader } from '../components/bits';
import { formatDate } from '../lib/format';
import { useApi, useSession } from '../lib/session';
import { useLoad, usePaged } from '../lib/useLoad';

/** Who did what, newest first: every admin change and sign-in event. */
export function Audit() {
  const api = useApi();
  const { can } = useSession();
  const [type, setType] = useState('');
  const [filter, setFilter] = useState('');
  const entries = usePaged(
    async (cursor) => unwrap(await api.GET('/api/v1/admin/audit', { params: { query: { limit: 50, cursor, targetType: filter || undefined } } })),
    [filter],
  );
  // Names instead of ids where we may list users.
  const users = useLoad(async () => (can('users:manage') ? unwrap(await api.GET('/api/v1/admin/users', { params: { query: { limit: 100 } } })).items : []), []);
  const nameOf = (id: string | null) => (id ? (users.data?.find((u) => u.id === id)?.name ?? id.slice(0, 8)) : null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(type.trim());
  };

  return (
    <>
      <PageHeader title="Audit log" />
      <form className="filters" onSubmit={submit}>
        <TextField label="Target type" value={type} onValue={setType} placeholder="post, media, user…" />
        <button type="submit" className="btn">Filter</button>
      </form>
      <ErrorNote message={entries.error} retry={entries.reload} />
      {!entries.loading && !entries.items.length && <Empty>Nothing logged.</Empty>}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col" className="hide-narrow">Target</th>
              <th scope="col" className="hide-narrow">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.items.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{formatDate(e.createdAt)}</td>
                <td>
                  {nameOf(e.actorUserId) ?? (e.actorApiKeyId ? `API key ${e.actorApiKeyId.slice(0, 8)}` : 'system')}
                  {e.ip && <div className="muted small">{e.ip}</div>}
                </td>
                <td><code>{e.action}</code></td>
                <td className="hide-narrow">{e.targetType}{e.targetId && <span className="muted small"> {e.targetId.slice(0, 8)}</span>}</td>
                <td className="hide-narrow">
                  {e.diff && Object.keys(e.diff).length > 0 && (
                    <details>
                      <summary>diff</summary>
                      <pre className="log small">{JSON.stringify(e.diff, null, 2)}</pre>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.loading && <Loading />}
      <LoadMore hasMore={Boolean(entries.nextCursor)} loading={entries.loading} onMore={entries.more} />
    </>
  );
}
