import { useEffect, useState, type FormEvent } from 'react';
import { unwrap } from '../../api/errors';
import type { PostStatus } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { Empty, ErrorNote, LoadMore, Loading, PageHeader, Status } from '../../components/bits';
import { formatDate } from '../../lib/format';
import { href, navigate } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';
import { useLoad, usePaged } from '../../lib/useLoad';

const STATUSES: { value: '' | PostStatus; label: string }[] = [
  { value: '', label: 'All statuses' },
  { value: 'draft', label: 'Drafts' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'published', label: 'Published' },
  { value: 'archived', label: 'Archived' },
];

/** Posts with search and filters; the filters live in the URL so Back and reload keep them. */
export function PostsList({ query }: { query: URLSearchParams }) {
  const api = useApi();
  const { can } = useSession();
  const q = query.get('q') ?? '';
  const status = (query.get('status') ?? '') as '' | PostStatus;
  const tag = query.get('tag') ?? '';
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);

  const tags = useLoad(async () => unwrap(await api.GET('/api/v1/admin/tags')), []);
  const posts = usePaged(
    async (cursor) =>
      unwrap(
        await api.GET('/api/v1/admin/posts', {
          params: {
            query: { limit: 20, cursor, q: q || undefined, status: status || undefined, tag: tag || undefined },
          },
        }),
      ),
    [q, status, tag],
  );

  const go = (next: Record<string, string>) => navigate('/posts', { q, status, tag, ...next });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: search.trim() });
  };

  return (
    <>
      <PageHeader
        title="Posts"
        actions={
          can('content:write') && (
            <a className="btn btn-primary" href={href('/posts/new')}>
              New post
            </a>
          )
        }
      />
      <form className="filters" role="search" onSubmit={submit}>
        <TextField label="Search posts" type="search" value={search} onValue={setSearch} placeholder="Title or text" />
        <SelectField label="Status" value={status} onValue={(v) => go({ status: v })} options={STATUSES} />
        <SelectField
          label="Tag"
          value={tag}
          onValue={(v) => go({ tag: v })}
          options={[
            { value: '', label: 'All tags' },
            ...(tags.data ?? []).map((t) => ({ value: t.slug, label: `${t.name} (${t.postCount})` })),
          ]}
        />
        <button type="submit" className="btn">
          Search
        </button>
      </form>
      <ErrorNote message={posts.error} retry={posts.reload} />
      {!posts.loading && !posts.error && !posts.items.length && <Empty>No posts match.</Empty>}
      {posts.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col" className="hide-narrow">
                  Author
                </th>
                <th scope="col" className="hide-narrow">
                  Tags
                </th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {posts.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={href(`/posts/${p.id}`)}>{p.title}</a>
                    {p.featured && <span className="muted small"> · featured</span>}
                    <div className="muted small">/{p.slug}</div>
                  </td>
                  <td data-label="Status">
                    <Status value={p.status} />
                    {p.hasPendingChanges && <div className="small text-warn">changes not live yet</div>}
                    {p.status === 'scheduled' && <div className="muted small">{formatDate(p.scheduledAt)}</div>}
                  </td>
                  <td className="hide-narrow">{p.author.name}</td>
                  <td className="hide-narrow">{p.tags.map((t) => t.name).join(', ')}</td>
                  <td data-label="Updated">{formatDate(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {posts.loading && <Loading />}
      <LoadMore hasMore={Boolean(posts.nextCursor)} loading={posts.loading} onMore={posts.more} />
    </>
  );
}
