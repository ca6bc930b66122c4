import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from 'prom-client';
import type { Env } from './config/env.js';

export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** API processes: API_WORKERS, else one per core in production (compose runs what ships) and one elsewhere. */
export function apiWorkerCount(env: Pick<Env, 'API_WORKERS' | 'NODE_ENV'>, cores = availableParallelism()): number {
  return env.API_WORKERS ?? (env.NODE_ENV === 'production' ? cores : 1);
}

type Message =
  | { ov: 'metrics?'; id: number }
  | { ov: 'metrics'; id: number; metrics?: MetricsJson; error?: string }
  | { ov: 'collect'; id: number }
  | { ov: 'collected'; id: number; metrics?: MetricsJson; error?: string };

const isMessage = (m: unknown): m is Message =>
  typeof m === 'object' && m !== null && typeof (m as { ov?: unknown }).ov === 'string';

/** A worker that has not answered a collection by then is left out of that scrape. */
const COLLECT_TIMEOUT_MS = 2000;
/** More crashes than this within CRASH_WINDOW_MS: something is wrong beyond one process; let the supervisor see it. */
const MAX_CRASHES = 10;
const CRASH_WINDOW_MS = 60_000;
/** A worker exiting with this code (a bad setting, boot.ts) will never boot: stop at once. */
const EX_CONFIG = 78;

export interface PrimaryOptions {
  count: number;
  logger: Logger;
  shutdownTimeoutMs: number;
}

/**
 * The primary of a clustered API. It serves nothing itself: it forks `count` workers that share the
 * port (node:cluster hands connections to them in turn), replaces one that dies, passes SIGTERM and
 * SIGINT on (each worker drains as a single process would) and exits once all have exited, and
 * answers a worker's request for the metrics of every worker (summed by prom-client's aggregator).
 */
export function runPrimary({ count, logger, shutdownTimeoutMs }: PrimaryOptions): void {
  let stopping = false;
  const crashes: number[] = [];
  const collections = new Map<number, { pending: Set<number>; results: MetricsJson[]; finish: () => void }>();
  let nextCollection = 0;

  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (m: unknown) => {
      if (isMessage(m)) void onMessage(worker, m);
    });
  };

  const onMessage = async (worker: Worker, m: Message) => {
    if (m.ov === 'collected') {
      const c = collections.get(m.id);
      if (!c || !c.pending.delete(worker.id)) return;
      if (m.metrics) c.results.push(m.metrics);
      if (c.pending.size === 0) c.finish();
    } else if (m.ov === 'metrics?') {
      try {
        const metrics = await collect();
        worker.send({ ov: 'metrics', id: m.id, metrics } satisfies Message);
      } catch (err) {
        worker.send({ ov: 'metrics', id: m.id, error: (err as Error).message } satisfies Message);
      }
    }
  };

  const collect = () =>
    new Promise<MetricsJson>((resolve, reject) => {
      const id = nextCollection++;
      const live = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w?.isConnected());
      let finished = false;
      const c = {
        pending: new Set(live.map((w) => w.id)),
        results: [] as MetricsJson[],
        finish: () => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          collections.delete(id);
          AggregatorRegistry.aggregate(c.results)
            .getMetricsAsJSON()
            .then((json) => resolve(json as MetricsJson), reject);
        },
      };
      const timer = setTimeout(c.finish, COLLECT_TIMEOUT_MS);
      collections.set(id, c);
      for (const w of live) w.send({ ov: 'collect', id } satisfies Message);
      if (live.length === 0) c.finish();
    });

  cluster.on('exit', (worker, code, signal) => {
    for (const c of collections.values()) if (c.pending.delete(worker.id) && c.pending.size === 0) c.finish();
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('shutdown complete');
        process.exit(0);
      }
      return;
    }
    if (code === EX_CONFIG) {
      logger.fatal({ pid: worker.process.pid }, 'an api worker refused its settings; stopping');
      process.exit(EX_CONFIG);
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length > MAX_CRASHES) {
      logger.fatal({ crashes: crashes.length }, 'api workers keep dying; stopping');
      process.exit(1);
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'api worker died; starting another');
    setTimeout(fork, Math.min(100 * 2 ** (crashes.length - 1), 5000));
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Each worker drains (closeServer, pools) and exits itself; a little longer than its own limit.
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, shutdownTimeoutMs + 2000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  logger.info({ workers: count }, 'api primary: starting workers');
  for (let i = 0; i < count; i++) fork();
}

/**
 * In a cluster worker: answers the primary's collections from `registry`, and returns how to get the
 * metrics of every worker (through the primary). Undefined outside a cluster.
 */
export function clusterMetrics(registry: Registry): (() => Promise<MetricsJson>) | undefined {
  if (!cluster.isWorker || !process.send) return undefined;
  const send = (m: Message) => process.send!(m);
  const waiting = new Map<number, { resolve: (m: MetricsJson) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  process.on('message', (m: unknown) => {
    if (!isMessage(m)) return;
    if (m.ov === 'collect') {
      registry.getMetricsAsJSON().then(
        (metrics) => send({ ov: 'collected', id: m.id, metrics: metrics as MetricsJson }),
        (err: Error) => send({ ov: 'collected', id: m.id, error: err.message }),
      );
    } else if (m.ov === 'metrics') {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.metrics) w?.resolve(m.metrics);
      else w?.reject(new Error(m.error ?? 'no metrics'));
    }
  });
  return () =>
    new Promise<MetricsJson>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the api primary did not answer with metrics'));
      }, COLLECT_TIMEOUT_MS * 2);
      waiting.set(id, {
        resolve: (m) => (clearTimeout(timer), resolve(m)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      send({ ov: 'metrics?', id });
    });
}
