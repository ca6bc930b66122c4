import { useState } from 'react';
import { messageOf, unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { moved, Sortable, useSortableItem } from '../../components/Sortable';
import { useUi } from '../../components/UiProvider';
import { Empty, ErrorNote, Loading, PageHeader, Status } from '../../components/bits';
import { href } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';
import { orderChanges } from '../../lib/reorder';
import { useLoad } from '../../lib/useLoad';

type Project = Schemas['ProjectView'];

/** Portfolio projects in their display order. */
export function ProjectsList() {
  const api = useApi();
  const { can } = useSession();
  const projects = useLoad(async () => unwrap(await api.GET('/api/v1/admin/projects')), []);
  const { notify } = useUi();
  const [busy, setBusy] = useState(false);
  const sorted = [...(projects.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title));
  const writable = can('content:publish');

  // While a move is saved the list shows the new order at once (the server's answer follows).
  const [pending, setPending] = useState<Project[]>();
  const shown = pending ?? sorted;

  /** Moves a project from one place to another; usually one PATCH of its `sortOrder` (see orderChanges). */
  const move = async (from: number, to: number, how: 'up' | 'down' | 'drag') => {
    const item = shown[from];
    const changes = orderChanges(shown, from, to);
    if (busy || !item || !changes.length) return;
    setPending(moved(shown, from, to));
    setBusy(true);
    try {
      for (const c of changes) {
        const saved = unwrap(
          await api.PATCH('/api/v1/admin/projects/{projectId}', {
            params: { path: { projectId: c.id } },
            body: { sortOrder: c.sortOrder },
          }),
        );
        projects.setData((old) => old?.map((p) => (p.id === saved.id ? saved : p)));
      }
      notify(how === 'drag' ? `“${item.title}” moved to position ${to + 1}.` : `“${item.title}” moved ${how}.`);
    } catch (err) {
      notify(messageOf(err), 'error');
    } finally {
      setPending(undefined);
      projects.reload();
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader
        title="Projects"
        actions={
          can('content:publish') && (
            <a className="btn btn-primary" href={href('/projects/new')}>
              New project
            </a>
          )
        }
      />
      <ErrorNote message={projects.error} retry={projects.reload} />
      {projects.loading && <Loading />}
      {projects.data && !projects.data.length && <Empty>No projects yet.</Empty>}
      {writable && sorted.length > 1 && (
        <p className="muted small" id="projects-order-help">
          The site lists projects in this order, and its home page shows the first three marked featured. Drag a row by
          ⠿, or focus ⠿, press Space and use the arrow keys.
        </p>
      )}
      {sorted.length > 0 && (
        <div className="table-wrap">
          <table
            className="table table-cards"
            aria-describedby={writable && sorted.length > 1 ? 'projects-order-help' : undefined}
          >
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Status</th>
                <th scope="col" className="hide-narrow">
                  Stack
                </th>
                <th scope="col">{writable ? 'Order (drag ⠿ or use the arrows)' : 'Order'}</th>
              </tr>
            </thead>
            <tbody>
              <Sortable
                ids={shown.map((p) => p.id)}
                nameOf={(id) => shown.find((p) => p.id === id)?.title ?? 'project'}
                onMove={(from, to) => void move(from, to, 'drag')}
              >
                {shown.map((p, i) => (
                  <ProjectRow
                    key={p.id}
                    project={p}
                    index={i}
                    count={shown.length}
                    writable={writable}
                    busy={busy}
                    onMove={(by) => void move(i, i + by, by < 0 ? 'up' : 'down')}
                  />
                ))}
              </Sortable>
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** One project in the list; where the order may change, a drag handle and ↑/↓ (a one-click alternative to dragging). */
function ProjectRow({
  project: p,
  index,
  count,
  writable,
  busy,
  onMove,
}: {
  project: Project;
  index: number;
  count: number;
  writable: boolean;
  busy: boolean;
  onMove(by: -1 | 1): void;
}) {
  const { ref, style, handle, isDragging } = useSortableItem(p.id, p.title, !writable);
  return (
    <tr ref={ref} style={style} className={isDragging ? 'is-dragging' : undefined}>
      <td>
        <a href={href(`/projects/${p.id}`)}>{p.title}</a>
        {p.featured && <span className="muted small"> · featured</span>}
        <div className="muted small">{p.summary}</div>
      </td>
      <td data-label="Status">
        <Status value={p.status} />
      </td>
      <td data-label="Stack" className="hide-narrow">
        {p.techStack.join(', ')}
      </td>
      <td data-label="Order">
        {writable ? (
          <span className="actions-inline order-tools">
            {handle}
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Move ${p.title} up`}
              disabled={busy || index === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Move ${p.title} down`}
              disabled={busy || index === count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
          </span>
        ) : (
          index + 1
        )}
      </td>
    </tr>
  );
}
