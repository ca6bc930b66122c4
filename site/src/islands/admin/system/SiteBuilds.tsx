import { useEffect, useState } from 'react';
import { messageOf, unwrap } from '../api/errors';
import type { SiteBuild } from '../api/types';
import { Modal } from '../components/Modal';
import { useUi } from '../components/UiProvider';
import { Empty, ErrorNote, LoadMore, Loading, PageHeader, Status } from '../components/bits';
import { formatDate, formatDuration } from '../lib/format';
import { useApi, useSession } from '../lib/session';
import { useLoad, usePaged } from '../lib/useLoad';

const ACTIVE = new Set(['queued', 'building']);

/** Build history (status, duration, log), rebuild now, and roll back to an earlier release. */
export function SiteBuilds() {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const builds = usePaged(async (cursor) => unwrap(await api.GET('/api/v1/admin/site/builds', { params: { query: { limit: 20, cursor } } })), []);
  const [logOf, setLogOf] = useState<SiteBuild | null>(null);
  const [busy, setBusy] = useState(false);
  const canBuild = can('site:build');

  // While a build runs, the list refreshes itself.
  const running = builds.items.some((b) => ACTIVE.has(b.status));
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(builds.reload, 4000);
    return () => clearInterval(timer);
  }, [running, builds.reload]);

  const rebuild = async () => {
    setBusy(true);
    try {
      unwrap(await api.POST('/api/v1/admin/site/rebuild'));
      notify('Rebuild requested; it shows up here in a moment.');
      setTimeout(builds.reload, 1500);
    } catch (err) {
      notify(messageOf(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const rollback = async (release?: string) => {
    const ok = await confirm({
      title: release ? `Roll back to ${release}?` : 'Roll back to the previous release?',
      message: 'Visitors get that release at once. The next publish builds from the current content again.',
      confirmLabel: 'Roll back',
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const r = unwrap(await api.POST('/api/v1/admin/site/rollback', { body: release ? { release } : {} }));
      notify(`Now serving ${r.release}.`);
      builds.reload();
    } catch (err) {
      notify(messageOf(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Site builds"
        actions={
          canBuild && (
            <>
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void rebuild()}>Rebuild now</button>
              <button type="button" className="btn" disabled={busy} onClick={() => void rollback()}>Roll back</button>
            </>
          )
        }
      />
      <ErrorNote message={builds.error} retry={builds.reload} />
      {!builds.loading && !builds.items.length && <Empty>No builds yet.</Empty>}
      {builds.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Trigger</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
                <th scope="col" className="hide-narrow">Pages</th>
                <th scope="col" className="hide-narrow">Release</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {builds.items.map((b) => (
                <tr key={b.id}>
                  <td><Status value={b.status} />{b.error && <div className="field-error small">{b.error}</div>}</td>
                  <td>{b.trigger}</td>
                  <td className="nowrap">{formatDate(b.startedAt ?? b.createdAt)}</td>
                  <td>{formatDuration(b.durationMs)}</td>
                  <td className="hide-narrow">{b.pagesBuilt ?? '—'}{b.pagesSkipped ? ` (+${b.pagesSkipped} reused)` : ''}</td>
                  <td className="hide-narrow small">{b.release ?? '—'}</td>
                  <td className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => setLogOf(b)}>Log</button>
                    {canBuild && b.status === 'succeeded' && b.release && (
                      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void rollback(b.release!)}>Use this release</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {builds.loading && <Loading />}
      <LoadMore hasMore={Boolean(builds.nextCursor)} loading={builds.loading} onMore={builds.more} />
      <Modal open={logOf !== null} title="Build log" onClose={() => setLogOf(null)} wide>
        {logOf && <BuildLog id={logOf.id} />}
      </Modal>
    </>
  );
}

function BuildLog({ id }: { id: string }) {
  const api = useApi();
  const build = useLoad(async () => unwrap(await api.GET('/api/v1/admin/site/builds/{buildId}', { params: { path: { buildId: id } } })), [id]);
  if (build.loading) return <Loading />;
  if (build.error) return <ErrorNote message={build.error} retry={build.reload} />;
  return <pre className="log" tabIndex={0}>{build.data?.log || 'No log recorded.'}</pre>;
}
