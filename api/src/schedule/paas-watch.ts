import type { Infrastructure } from '../composition/infrastructure.js';
import type { PaasEngine } from '../composition/paas-engine.js';

const RECONCILE_EVERY_MS = 10 * 60_000;
/** Leases renewed while held: how long a killed holder blocks the others. */
const RECONCILE_LEASE_MS = 60_000;
/** After a signalled stop of a serving container, how long to wait for the event stream to break (daemon going down) before reconciling. */
const STOPPED_RECONCILE_MS = 5000;

/**
 * Worker start: reconcile Docker with the database (once now, then every ten minutes, one worker
 * at a time) and watch managed containers die, so crash loops become `failed` with their last log
 * lines. A reconcile also runs when the Docker event stream comes back after a break (the daemon
 * restarted: its containers were stopped) and a few seconds after a serving container was stopped
 * by a signal while the daemon stayed up (docker stop by hand). Without a Docker engine the worker
 * still runs its other jobs; this logs why PaaS is off. The returned function stops all of it and
 * releases this worker's log-follow leases, so another worker takes the follows over at once.
 */
export function startPaasWorker(infra: Infrastructure, engine: PaasEngine): () => Promise<void> {
  const log = infra.logger;
  let stopWatching: (() => void) | undefined;
  /** Bumped whenever the event stream breaks or comes back. */
  let streamEpoch = 0;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  };
  const reconcile = async () => {
    // At boot the Redis client may still be connecting (its offline queue is off).
    for (let i = 0; i < 50 && !infra.redis.isReady; i++) await new Promise((r) => setTimeout(r, 200));
    try {
      await engine.driver.ping();
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'paas: no Docker engine answers; deployments will fail until one does');
      return;
    }
    // The egress policy goes in before anything else runs; each deployment re-verifies it.
    await engine.sandbox.install().then(
      () => log.info('paas: sandbox egress policy installed and verified'),
      (err: Error) => log.error({ err: err.message }, 'paas: sandbox not ready; deployments are refused until it is'),
    );
    await engine.driver
      .prepare()
      .catch((err: Error) =>
        log.error(
          { err: err.message, driver: engine.driver.name },
          'paas: the engine is not ready for this driver; deployments will fail until it is',
        ),
      );
    stopWatching ??= engine.driver.watchDeaths(
      (event) =>
        void engine.runtime.onContainerDeath(event).then(
          (verdict) => {
            if (verdict !== 'stopped') return;
            // When the daemon is going down the stream breaks meanwhile and the reconnection reconciles.
            const seen = streamEpoch;
            later(STOPPED_RECONCILE_MS, () => void (seen === streamEpoch && reconcile()));
          },
          (err: Error) => log.warn({ err: err.message, ...event }, 'paas: could not handle a container exit'),
        ),
      (err) => {
        streamEpoch++;
        log.warn({ err: err.message }, 'paas: Docker event stream broke; reconnecting');
      },
      (reconnected) => {
        streamEpoch++;
        if (reconnected) {
          log.info('paas: Docker event stream is back; reconciling');
          void reconcile();
        }
      },
    );
    const result = await engine.leases
      .withLock('paas-reconcile', RECONCILE_LEASE_MS, () => engine.reconciler.run(), { renew: true })
      .catch((err: Error) => {
        log.error({ err }, 'paas: reconcile failed');
        return { ran: false as const };
      });
    if (result.ran) log.info(result.value, 'paas: reconciled Docker with the database');
    // Held by a worker that died mid-reconcile: its lease runs out, then this one reconciles.
    else later(RECONCILE_LEASE_MS + 1000, () => void reconcile());
    // Build cache (dangling layers of failed builds) older than a day: slow on a busy engine, so
    // outside the reconcile lease, by one worker at a time.
    void engine.leases
      .withLock('paas-prune', 10 * 60_000, async () => {
        const bytes = await engine.docker.pruneBuildCache(24);
        if (bytes > 0) log.info({ bytes }, 'paas: pruned the build cache');
      })
      .catch((err: Error) => log.warn({ err: err.message }, 'paas: build cache prune failed'));
  };
  void reconcile();
  const timer = setInterval(() => void reconcile(), RECONCILE_EVERY_MS);
  timer.unref();
  // Runtime output and metrics of serving containers (re-attaches after a restart of this worker).
  engine.watcher.start();
  return async () => {
    clearInterval(timer);
    for (const t of timers) clearTimeout(t);
    stopWatching?.();
    await engine.watcher.stop();
  };
}
