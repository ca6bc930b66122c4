import type { AdminClient } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PostStatus } from '../../api/types';
import { Empty, ErrorNote, Loading, PageHeader, Status } from '../../components/bits';
import { formatDuration, relative } from '../../lib/format';
import { href } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';

const COUNTED: PostStatus[] = ['draft', 'scheduled', 'published'];

/** A count from one page of up to 100: "100+" when there are more (the API has no totals). */
async function countPosts(api: AdminClient, status: PostStatus): Promise<string> {
  const page = unwrap(await api.GET('/api/v1/admin/posts', { params: { query: { status, limit: 100 } } }));
  return page.nextCursor ? `${page.items.length}+` : String(page.items.length);
}

export function Dashboard() {
  const api = useApi();
  const { can, user } = useSession();

  const counts = useLoad(async () => {
    const out: { label: string; value: string; to: string }[] = [];
    if (can('content:read')) {
      const values = await Promise.all(COUNTED.map((s) => countPosts(api, s)));
      COUNTED.forEach((s, i) =>
        out.push({
          label: `${s[0]!.toUpperCase()}${s.slice(1)} posts`,
          value: values[i]!,
          to: href('/posts', { status: s }),
        }),
      );
    }
    if (can('inbox:read')) {
      const unread = unwrap(await api.GET('/api/v1/admin/messages/unread-count'));
      out.push({ label: 'Unread messages', value: String(unread.unread), to: href('/inbox', { status: 'unread' }) });
    }
    return out;
  }, []);

  const recent = useLoad(
    async () =>
      can('content:read')
        ? unwrap(await api.GET('/api/v1/admin/posts', { params: { query: { limit: 5 } } })).items
        : [],
    [],
  );
  const messages = useLoad(
    async () =>
      can('inbox:read')
        ? unwrap(await api.GET('/api/v1/admin/messages', { params: { query: { status: 'unread', limit: 5 } } })).items
        : [],
    [],
  );
  const builds = useLoad(
    async () =>
      can('site:read')
        ? unwrap(await api.GET('/api/v1/admin/site/builds', { params: { query: { limit: 5 } } })).items
        : [],
    [],
  );
  const apps = useLoad(async () => (can('paas:read') ? unwrap(await api.GET('/api/v1/admin/paas/apps')) : []), []);

  return (
    <>
      <PageHeader
        title="Dashboard"
        actions={
          can('content:write') && (
            <a className="btn btn-primary" href={href('/posts/new')}>
              New post
            </a>
          )
        }
      >
        <p className="muted">Welcome back, {user.name}.</p>
      </PageHeader>
      <section aria-label="Counts" className="stats">
        {counts.loading && <Loading />}
        <ErrorNote message={counts.error} retry={counts.reload} />
        {counts.data?.map((c) => (
          <a key={c.label} className="stat" href={c.to}>
            <span className="stat-value">{c.value}</span>
            <span className="stat-label">{c.label}</span>
          </a>
        ))}
      </section>
      <div className="grid-2">
        {can('content:read') && (
          <section className="card" aria-labelledby="dash-posts">
            <h2 id="dash-posts">Recent posts</h2>
            <ErrorNote message={recent.error} retry={recent.reload} />
            {recent.data && !recent.data.length && <Empty>No posts yet.</Empty>}
            <ul className="plain-list">
              {recent.data?.map((p) => (
                <li key={p.id}>
                  <a href={href(`/posts/${p.id}`)}>{p.title}</a> <Status value={p.status} />
                  <span className="muted small"> · {relative(p.updatedAt)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {can('inbox:read') && (
          <section className="card" aria-labelledby="dash-inbox">
            <h2 id="dash-inbox">Unread messages</h2>
            <ErrorNote message={messages.error} retry={messages.reload} />
            {messages.data && !messages.data.length && <Empty>Inbox zero.</Empty>}
            <ul className="plain-list">
              {messages.data?.map((m) => (
                <li key={m.id}>
                  <a href={href('/inbox', { open: m.id })}>{m.subject || '(no subject)'}</a>
                  <span className="muted small">
                    {' '}
                    · {m.name} · {relative(m.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {can('site:read') && (
          <section className="card" aria-labelledby="dash-builds">
            <h2 id="dash-builds">Latest site builds</h2>
            <ErrorNote message={builds.error} retry={builds.reload} />
            {builds.data && !builds.data.length && <Empty>No builds yet.</Empty>}
            <ul className="plain-list">
              {builds.data?.map((b) => (
                <li key={b.id}>
                  <Status value={b.status} /> {b.trigger}
                  <span className="muted small">
                    {' '}
                    · {formatDuration(b.durationMs)} · {relative(b.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
            <a href={href('/site')}>All builds</a>
          </section>
        )}
        {can('paas:read') && (
          <section className="card" aria-labelledby="dash-apps">
            <h2 id="dash-apps">Latest deployments</h2>
            <ErrorNote message={apps.error} retry={apps.reload} />
            {apps.data && !apps.data.length && <Empty>No apps yet.</Empty>}
            <ul className="plain-list">
              {apps.data?.slice(0, 5).map((a) => (
                <li key={a.id}>
                  <a href={href(`/apps/${a.id}`)}>{a.name}</a> <Status value={a.latestDeployment?.status ?? a.status} />
                  <span className="muted small"> · {relative(a.latestDeployment?.createdAt ?? a.updatedAt)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
