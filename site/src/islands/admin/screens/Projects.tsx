import { useState } from 'react';
import { messageOf, unwrap } from '../api/errors';
import { useUi } from '../components/UiProvider';
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
  const { notify } = useUi();
  const [busy, setBusy] = useState(false);
  const sorted = [...(projects.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title));
  const writable = can('content:publish');

  /** Moves a project one place; every project then gets its position as its order (10, 20, …). */
  const move = async (i: number, by: number) => {
    const next = [...sorted];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    setBusy(true);
    try {
      for (const [k, p] of next.entries()) {
        const sortOrder = (k + 1) * 10;
        if (p.sortOrder !== sortOrder) unwrap(await api.PATCH('/api/v1/admin/projects/{projectId}', { params: { path: { projectId: p.id } }, body: { sortOrder } }));
      }
      notify(`“${item!.title}” moved ${by < 0 ? 'up' : 'down'}.`);
    } catch (err) {
      notify(messageOf(err), 'error');
    } finally {
      projects.reload();
      setBusy(false);
    }
  };
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
              {sorted.map((p, i) => (
                <tr key={p.id}>
                  <td>
                    <a href={href(`/projects/${p.id}`)}>{p.title}</a>
                    {p.featured && <span className="muted small"> · featured</span>}
                    <div className="muted small">{p.summary}</div>
                  </td>
                  <td data-label="Status"><Status value={p.status} /></td>
                  <td data-label="Stack" className="hide-narrow">{p.techStack.join(', ')}</td>
                  <td data-label="Order">
                    {writable ? (
                      <span className="actions-inline order-tools">
                        <button type="button" className="btn btn-small" aria-label={`Move ${p.title} up`} disabled={busy || i === 0} onClick={() => void move(i, -1)}>↑</button>
                        <button type="button" className="btn btn-small" aria-label={`Move ${p.title} down`} disabled={busy || i === sorted.length - 1} onClick={() => void move(i, 1)}>↓</button>
                      </span>
                    ) : (
                      p.sortOrder
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
