import { useEffect, useState } from 'react';
import { messageOf, unwrap } from '../../api/errors';
import type { PaasApp } from '../../api/types';
import { Modal } from '../../components/Modal';
import { useUi } from '../../components/UiProvider';
import { ErrorNote, Loading, PageHeader, SecretOnce, Status } from '../../components/bits';
import { formatDate, formatDuration } from '../../lib/format';
import { href, navigate } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';
import { AppEnv } from './AppEnv';
import { AppMetrics } from './AppMetrics';
import { AppRuntimeLogs } from './AppRuntimeLogs';
import { LogStream } from './LogStream';
import { deployPhase } from './deploy-phase';
import { PaasAppForm } from './PaasAppForm';

const BUSY = new Set(['queued', 'cloning', 'detecting', 'building', 'starting']);

/** One app: status, open the preview, deploy/stop/start/restart/delete, deployments and live log. */
export function PaasAppDetail({ id }: { id: string }) {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const path = { params: { path: { appId: id } } };
  const app = useLoad(async () => unwrap(await api.GET('/api/v1/admin/paas/apps/{appId}', path)), [id]);
  const deployments = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/admin/paas/apps/{appId}/deployments', {
          params: { path: { appId: id }, query: { limit: 20 } },
        }),
      ),
    [id],
  );
  const [selected, setSelected] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string>();
  const writable = can('paas:write');
  const a = app.data;

  // Follow the newest deployment unless one was picked.
  const shownId = selected ?? deployments.data?.[0]?.id;
  const shown = deployments.data?.find((d) => d.id === shownId);
  // The row moves only at phase boundaries; the live log says which build step is running.
  const [liveLines, setLiveLines] = useState<readonly string[]>([]);
  const phase = shown ? deployPhase(liveLines, shown.status) : null;

  // While something is in progress the status is refreshed (the log streams on its own).
  const busy = Boolean(a && BUSY.has(a.status));
  useEffect(() => {
    if (!busy) return;
    const reloadApp = app.reload;
    const reloadDeployments = deployments.reload;
    const timer = setInterval(() => (reloadApp(), reloadDeployments()), 5000);
    return () => clearInterval(timer);
  }, [busy, app.reload, deployments.reload]);

  const control = async (action: 'stop' | 'start' | 'restart' | 'deploy') => {
    try {
      if (action === 'deploy') {
        const d = unwrap(await api.POST('/api/v1/admin/paas/apps/{appId}/deployments', path));
        setSelected(d.id);
      } else if (action === 'stop') app.setData(unwrap(await api.POST('/api/v1/admin/paas/apps/{appId}/stop', path)));
      else if (action === 'start') app.setData(unwrap(await api.POST('/api/v1/admin/paas/apps/{appId}/start', path)));
      else app.setData(unwrap(await api.POST('/api/v1/admin/paas/apps/{appId}/restart', path)));
      notify(action === 'deploy' ? 'Deployment started.' : `${action[0]!.toUpperCase()}${action.slice(1)} requested.`);
      app.reload();
      deployments.reload();
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  const stop = async () => {
    if (
      await confirm({
        title: 'Stop this app?',
        message: 'Visitors get a 503 until you start it again.',
        confirmLabel: 'Stop app',
        danger: true,
      })
    )
      await control('stop');
  };
  const remove = async () => {
    if (!a) return;
    // Projects that show this app as their live demo lose it: say which before anything goes.
    const linked = await api.GET('/api/v1/admin/projects').then(
      (r) => (r.data ?? []).filter((p) => p.paasAppId === a.id),
      () => [],
    );
    const demoNote = linked.length
      ? ` ${linked.length === 1 ? 'The project' : `${linked.length} projects`} ${linked.map((p) => `“${p.title}”`).join(', ')} show${linked.length === 1 ? 's' : ''} it as the live demo and will show none.`
      : '';
    if (
      !(await confirm({
        title: `Delete ${a.name}?`,
        message: `The container, images, network and checkout are removed. This cannot be undone.${demoNote}`,
        confirmLabel: 'Delete app',
        danger: true,
      }))
    )
      return;
    try {
      unwrap(await api.DELETE('/api/v1/admin/paas/apps/{appId}', path));
      notify('App deleted.');
      navigate('/apps');
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };
  const rotate = async () => {
    if (
      !(await confirm({
        title: 'Rotate the push webhook secret?',
        message: 'Pushes signed with the old secret are refused from now on.',
        confirmLabel: 'Rotate',
        danger: true,
      }))
    )
      return;
    try {
      setSecret(unwrap(await api.POST('/api/v1/admin/paas/apps/{appId}/rotate-hook-secret', path)).hookSecret);
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  if (app.loading && !a) return <Loading />;
  if (!a)
    return (
      <>
        <PageHeader title="App" />
        <ErrorNote message={app.error} retry={app.reload} />
        <a href={href('/apps')}>Back to apps</a>
      </>
    );

  return (
    <>
      <PageHeader
        title={a.name}
        actions={
          <>
            {a.status === 'running' && (
              <a className="btn" href={a.url} target="_blank" rel="noopener">
                Open preview ↗
              </a>
            )}
            {writable && (
              <button type="button" className="btn btn-primary" onClick={() => void control('deploy')}>
                {a.activeDeploymentId ? 'Redeploy' : 'Deploy'}
              </button>
            )}
            {writable && a.status === 'running' && (
              <button type="button" className="btn" onClick={() => void control('restart')}>
                Restart
              </button>
            )}
            {writable && a.status === 'running' && (
              <button type="button" className="btn" onClick={() => void stop()}>
                Stop
              </button>
            )}
            {writable && a.status === 'stopped' && (
              <button type="button" className="btn" onClick={() => void control('start')}>
                Start
              </button>
            )}
          </>
        }
      >
        <p className="muted small">
          <a href={href('/apps')}>← All apps</a> · <Status value={a.status} /> · {a.repoUrl} @{' '}
          {a.branch ?? 'default branch'}
          {a.detectedType && ` · ${a.detectedType}`}
          {a.runAsRoot && (
            <>
              {' '}
              · <span className="text-warn">may run as root</span>
            </>
          )}
        </p>
        {a.lastError && <p className="field-error">{a.lastError}</p>}
        <AppMetrics appId={a.id} status={a.status} />
      </PageHeader>
      {secret && (
        <SecretOnce
          label="New push webhook secret"
          secret={secret}
          note={`use it with ${a.hookUrl}; it is never shown again.`}
        />
      )}
      <div className="editor-layout">
        <section className="card editor-main" aria-labelledby="log-h">
          <h2 id="log-h">
            Build log {shown && <Status value={shown.status} />}{' '}
            {phase && (
              <span className="muted small" aria-live="polite">
                {phase}
              </span>
            )}
          </h2>
          {shown ? (
            <LogStream
              key={shown.id}
              deploymentId={shown.id}
              fallback={shown.log}
              onEnd={() => (app.reload(), deployments.reload())}
              onLines={setLiveLines}
            />
          ) : (
            <p className="muted">No deployments yet{writable ? ': press Deploy.' : '.'}</p>
          )}
        </section>
        <aside className="editor-side">
          <section className="card" aria-labelledby="deps-h">
            <h2 id="deps-h">Deployments</h2>
            <ErrorNote message={deployments.error} retry={deployments.reload} />
            <ul className="plain-list">
              {deployments.data?.map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    className="btn-link"
                    aria-current={d.id === shownId ? 'true' : undefined}
                    onClick={() => setSelected(d.id)}
                  >
                    {formatDate(d.createdAt)}
                  </button>{' '}
                  <Status value={d.status} />
                  <div className="muted small">
                    {d.trigger}
                    {d.commitSha && ` · ${d.commitSha.slice(0, 7)}`} · {formatDuration(d.durationMs)}
                  </div>
                </li>
              ))}
            </ul>
          </section>
          {writable && (
            <section className="card actions-stack" aria-label="Manage app">
              <button type="button" className="btn" onClick={() => setEditing(true)}>
                Edit settings
              </button>
              <button type="button" className="btn" onClick={() => void rotate()}>
                Rotate push secret
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void remove()}>
                Delete app
              </button>
            </section>
          )}
        </aside>
      </div>
      <AppEnv
        appId={a.id}
        deployed={Boolean(a.activeDeploymentId)}
        onRedeploy={() => void control('deploy')}
        onChanged={app.reload}
      />
      {a.activeDeploymentId && (
        <section className="card" aria-labelledby="output-h">
          <h2 id="output-h">Logs</h2>
          <AppRuntimeLogs appId={a.id} status={a.status} />
        </section>
      )}
      <Modal open={editing} title="Edit app" onClose={() => setEditing(false)}>
        {editing && (
          <PaasAppForm
            app={a}
            onSaved={(next: PaasApp) => (
              app.setData(next),
              setEditing(false),
              notify(
                'App saved. Name and visibility apply now; variables, branch and build settings with the next deployment.',
              )
            )}
            onCancel={() => setEditing(false)}
            onChanged={app.setData}
          />
        )}
      </Modal>
    </>
  );
}
