import { useEffect, useState } from 'react';
import { messageOf, unwrap } from '../../api/errors';
import type { SiteBuild } from '../../api/types';
import { Modal } from '../../components/Modal';
import { useUi } from '../../components/UiProvider';
import { Empty, ErrorNote, LoadMore, Loading, PageHeader, Status } from '../../components/bits';
import { formatDate, formatDuration } from '../../lib/format';
import { useApi, useSession } from '../../lib/session';
import { useLoad, usePaged } from '../../lib/useLoad';

const ACTIVE = new Set(['queued', 'building']);

/** Build history (status, duration, log), rebuild now, and roll back to an earlier release. */
export function SiteBuilds() {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const builds = usePaged(
    async (cursor) => unwrap(await api.GET('/api/v1/admin/site/builds', { params: { query: { limit: 20, cursor } } })),
    [],
  );
  const [logOf, setLogOf] = useState<SiteBuild | null>(null);
  const [busy, setBusy] = useState(false);
  // After "Rebuild now": the newest build id we had then, until a newer one shows up (or a minute passes).
  const [awaiting, setAwaiting] = useState<{ newest: string | null; until: number } | null>(null);
  const canBuild = can('site:build');
  const newest = builds.items[0]?.id ?? null;

  // Checked after every reload (a new items array), so the minute runs out even when nothing new arrives.
  useEffect(() => {
    if (awaiting && (newest !== awaiting.newest || Date.now() > awaiting.until)) setAwaiting(null);
  }, [awaiting, newest, builds.items]);

  // While a build runs, or a requested one has not reached the list yet, the list refreshes itself.
  const running = builds.items.some((b) => ACTIVE.has(b.status));
  const refresh = awaiting ? 1500 : running ? 4000 : 0;
  useEffect(() => {
    if (!refresh) return;
    const timer = setInterval(builds.reload, refresh);
    return () => clearInterval(timer);
  }, [refresh, builds.reload]);

  const rebuild = async () => {
    setBusy(true);
    try {
      unwrap(await api.POST('/api/v1/admin/site/rebuild'));
      notify('Rebuild requested; it shows up here in a moment.');
      setAwaiting({ newest, until: Date.now() + 60_000 });
    } catch (err) {
      notify(messageOf(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  // The newest successful record (a build, or a rollback that made a release live again) is what visitors get.
  const live = builds.items.find((b) => b.status === 'succeeded' && b.release)?.release ?? null;
  // Release ids start with their UTC build time, so they sort by age.
  const moveKind = (release: string) => (live && release > live ? 'forward' : 'back');

  const rollback = async (release?: string) => {
    const forward = release ? moveKind(release) === 'forward' : false;
    const ok = await confirm({
      title: release
        ? `${forward ? 'Go forward' : 'Roll back'} to release ${release}?`
        : 'Roll back to the previous release?',
      message: `Visitors get that ${forward ? 'newer' : 'earlier'} release at once. The next publish builds from the current content again.`,
      confirmLabel: forward ? 'Go forward' : 'Roll back',
      danger: !forward,
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
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void rebuild()}>
                Rebuild now
              </button>
              <button type="button" className="btn" disabled={busy || !live} onClick={() => void rollback()}>
                Roll back to previous
              </button>
            </>
          )
        }
      />
      <ErrorNote message={builds.error} retry={builds.reload} />
      {live && (
        <p className="muted small">
          Live now: release <code>{live}</code>
        </p>
      )}
      {!builds.loading && !builds.items.length && <Empty>No builds yet.</Empty>}
      {builds.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Trigger</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
                <th scope="col" className="hide-narrow">
                  Pages
                </th>
                <th scope="col">Release</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {builds.items.map((b) => {
                // The build that produced the live release is marked; a rollback record just says what it did.
                const isLive = Boolean(
                  live &&
                  b.release === live &&
                  b.status === 'succeeded' &&
                  (b.trigger !== 'rollback' ||
                    !builds.items.some((x) => x.release === live && x.trigger !== 'rollback')),
                );
                const canMove =
                  canBuild && b.status === 'succeeded' && b.release && b.release !== live && b.trigger !== 'rollback';
                return (
                  <tr key={b.id} className={isLive ? 'row-live' : undefined}>
                    <td data-label="Status">
                      <Status value={b.status} /> {isLive && <span className="badge badge-live">live</span>}
                      {b.error && <div className="field-error small">{b.error}</div>}
                    </td>
                    <td data-label="Trigger">
                      {b.trigger === 'rollback' ? 'rollback (made a release live)' : b.trigger}
                    </td>
                    <td data-label="Started" className="nowrap">
                      {formatDate(b.startedAt ?? b.createdAt)}
                    </td>
                    <td data-label="Duration">{formatDuration(b.durationMs)}</td>
                    <td data-label="Pages" className="hide-narrow">
                      {b.pagesBuilt ?? '—'}
                      {b.pagesSkipped ? ` (+${b.pagesSkipped} reused)` : ''}
                    </td>
                    <td data-label="Release" className="small release-id">
                      {b.release ?? '—'}
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => setLogOf(b)}
                        aria-label={`Log of the ${formatDate(b.startedAt ?? b.createdAt)} build`}
                      >
                        Log
                      </button>
                      {canMove && (
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={busy}
                          onClick={() => void rollback(b.release!)}
                        >
                          {moveKind(b.release!) === 'forward' ? 'Go forward to this' : 'Roll back to this'}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
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
  const build = useLoad(
    async () => unwrap(await api.GET('/api/v1/admin/site/builds/{buildId}', { params: { path: { buildId: id } } })),
    [id],
  );
  if (build.loading) return <Loading />;
  if (build.error) return <ErrorNote message={build.error} retry={build.reload} />;
  return (
    <pre className="log" role="log" aria-label="Build log" tabIndex={0}>
      {build.data?.log || 'No log recorded.'}
    </pre>
  );
}
