import { unwrap } from '../api/errors';
import { Empty, ErrorNote, Loading, PageHeader, Status } from '../components/bits';
import { href } from '../lib/router';
import { useApi, useSession } from '../lib/session';
import { useLoad } from '../lib/useLoad';

export { ProjectEditor } from './ProjectEditor';

/** Portfolio projects in their display order. */
export function ProjectsList() {
  const api = useApi();
  const { can } = useSession();
  const projects = useLoad(async () => unwrap(await api.GET('/api/v1/admin/projects')), []);
  const sorted = [...(projects.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title));
  return (
    <>
      <PageHeader title="Projects" actions={can('content:publish') && <a className="btn btn-primary" href={href('/projects/new')}>New project</a>} />
      <ErrorNote message={projects.error} retry={projects.reload} />
      {projects.loading && <Loading />}
      {projects.data && !projects.data.length && <Empty>No projects yet.</Empty>}
      {sorted.length > 0 && (
        <div className="table-wrap">
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Status</th>
                <th scope="col" className="hide-narrow">Stack</th>
                <th scope="col">Order</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={href(`/projects/${p.id}`)}>{p.title}</a>
                    {p.featured && <span className="muted small"> · featured</span>}
                    <div className="muted small">{p.summary}</div>
                  </td>
                  <td data-label="Status"><Status value={p.status} /></td>
                  <td data-label="Stack" className="hide-narrow">{p.techStack.join(', ')}</td>
                  <td data-label="Order">{p.sortOrder}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
