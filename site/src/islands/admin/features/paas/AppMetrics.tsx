import { useEffect } from 'react';
import { unwrap } from '../../api/errors';
import { formatBytes } from '../../lib/format';
import { useApi } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';

const REFRESH_MS = 10_000;

/**
 * CPU, memory and restarts of the app's serving container as badges, refreshed every 10 s while the
 * app runs and the tab is visible (the worker samples the engine about as often).
 */
export function AppMetrics({ appId, status }: { appId: string; status: string }) {
  const api = useApi();
  const metrics = useLoad(
    async () => unwrap(await api.GET('/api/v1/admin/paas/apps/{appId}/metrics', { params: { path: { appId } } })),
    [appId, status],
  );
  const active = status === 'running' || status === 'starting';

  useEffect(() => {
    if (!active) return;
    const reload = metrics.reload;
    const timer = setInterval(() => document.visibilityState === 'visible' && reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, metrics.reload]);

  const m = metrics.data;
  if (!active || !m) return null;
  if (!m.sampledAt)
    return <p className="metrics muted small">Resource use appears within a few seconds of the app running.</p>;
  const cpu = `${(m.cpuPercent ?? 0).toFixed(1)} %${m.cpuLimitPercent ? ` of ${m.cpuLimitPercent} %` : ''}`;
  const memory = `${formatBytes(m.memoryBytes ?? 0)}${m.memoryLimitBytes ? ` of ${formatBytes(m.memoryLimitBytes)}` : ''}`;
  const high = (used: number | null, limit: number | null) => Boolean(used !== null && limit && used / limit >= 0.9);
  return (
    <p className="metrics" aria-label="Resource use" title={`Sampled ${new Date(m.sampledAt).toLocaleTimeString()}`}>
      <span className={`badge metric${high(m.cpuPercent, m.cpuLimitPercent) ? ' metric-high' : ''}`}>CPU {cpu}</span>
      <span className={`badge metric${high(m.memoryBytes, m.memoryLimitBytes) ? ' metric-high' : ''}`}>
        Memory {memory}
      </span>
      <span className={`badge metric${m.restartCount ? ' metric-high' : ''}`}>
        {m.restartCount ?? 0} restart{m.restartCount === 1 ? '' : 's'}
      </span>
    </p>
  );
}
