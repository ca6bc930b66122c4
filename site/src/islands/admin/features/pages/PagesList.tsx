import { unwrap } from '../../api/errors';
import { Empty, ErrorNote, Loading, PageHeader, Status } from '../../components/bits';
import { formatDate } from '../../lib/format';
import { href } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';

/** Pages (about, …) with their status. */
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
