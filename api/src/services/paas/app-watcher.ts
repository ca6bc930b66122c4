import type { LockRepository } from '../../repositories/lock.repository.js';
import type { PaasAppLogRepository } from '../../repositories/paas-app-log.repository.js';
import type { PaasMetricsRepository } from '../../repositories/paas-metrics.repository.js';
import type { PaasRepository } from '../../repositories/paas.repository.js';
import { dockerSince, messageLines, ResumeFilter, type AppLogLine } from '../../domain/paas/app-log-lines.js';
import { cpuPercent, memoryUse } from '../../domain/paas/app-metrics.js';
import type { PaasDriver } from './driver.js';

export interface AppWatcherSettings {
  /** How often the serving containers are read from the database (a switch is followed within this). */
  pollMs: number;
  metricsMs: number;
  /** The per-container lease: how long a killed worker keeps the others from taking its follows over. */
  leaseMs: number;
  /** Lines read back from a container never followed before (its retention cap). */
  firstTail: number;
  maxLine: number;
  /** The containers' CPU cap as a percent of one CPU, reported beside the use. */
  cpuLimitPercent: number | null;
  /** How long a container no longer serving is still followed (blue-green drain; restart in progress). */
  graceMs: number;
}

interface Follow {
  appId: string;
  abort: AbortController;
  /** Set once this worker holds the lease and ships. */
  shipping: boolean;
  notServingSince?: number;
}

/** Lines waiting for Redis beyond this are dropped (and said so): an app logging faster than Redis stores. */
const MAX_PENDING = 5000;
const BATCH = 500;
const FLUSH_MS = 100;

/**
 * The worker side of runtime logs and metrics. Every `pollMs` it reads which containers serve apps
 * (the database is the truth: launch, start, restart, blue-green switch, reconcile all end there)
 * and follows each one's output into the app's Redis stream, under a per-container lease so exactly
 * one worker follows a container. A follower resumes after the cursor stored with the lines (Docker
 * timestamps), so a re-attach after a container restart or a worker restart neither loses nor
 * doubles lines. The holder of a container's lease also samples its CPU, memory and restarts.
 */
export class AppWatcher {
  private readonly follows = new Map<string, Follow>();
  private readonly running = new Set<Promise<unknown>>();
  /** appId → serving container id, as of the last poll. */
  private serving = new Map<string, string>();
  private timers: NodeJS.Timeout[] = [];
  private polling = false;
  private sampling = false;
  private stopped = false;

  constructor(
    private readonly repo: Pick<PaasRepository, 'listAppsByStatus'>,
    private readonly docker: Pick<PaasDriver, 'followLogs' | 'stats' | 'state'>,
    private readonly logs: Pick<PaasAppLogRepository, 'append' | 'cursor'>,
    private readonly metrics: Pick<PaasMetricsRepository, 'put'>,
    private readonly leases: Pick<LockRepository, 'withLock'>,
    private readonly settings: AppWatcherSettings,
    private readonly onError: (err: Error, context: Record<string, string>) => void,
  ) {}

  start(): void {
    this.stopped = false;
    void this.poll();
    this.timers = [
      setInterval(() => void this.poll(), this.settings.pollMs),
      setInterval(() => void this.sample(), this.settings.metricsMs),
    ];
    for (const t of this.timers) t.unref();
  }

  /** Stops following; resolves once every lease is released (another worker takes over at once). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    for (const f of this.follows.values()) f.abort.abort();
    await Promise.allSettled([...this.running]);
  }

  /** Containers this worker follows now (for tests and logs). */
  get following(): string[] {
    return [...this.follows].filter(([, f]) => f.shipping).map(([id]) => id);
  }

  async poll(): Promise<void> {
    if (this.polling || this.stopped) return;
    this.polling = true;
    try {
      const apps = await this.repo.listAppsByStatus(['running', 'starting']);
      this.serving = new Map(apps.filter((a) => a.containerId).map((a) => [a.id, a.containerId!]));
      const servingIds = new Set(this.serving.values());
      for (const [appId, containerId] of this.serving)
        if (!this.follows.has(containerId)) this.follow(appId, containerId);
      const now = Date.now();
      for (const [containerId, f] of this.follows) {
        if (servingIds.has(containerId)) f.notServingSince = undefined;
        else if (now - (f.notServingSince ??= now) >= this.settings.graceMs) f.abort.abort();
      }
    } catch (err) {
      this.onError(err as Error, { step: 'poll' });
    } finally {
      this.polling = false;
    }
  }

  private follow(appId: string, containerId: string): void {
    const f: Follow = { appId, abort: new AbortController(), shipping: false };
    this.follows.set(containerId, f);
    const done = this.leases
      .withLock(`paas-app-log:${containerId}`, this.settings.leaseMs, () => this.ship(appId, containerId, f), {
        renew: true,
        onLost: () => f.abort.abort(),
      })
      .catch((err: Error) => this.onError(err, { step: 'follow', appId, containerId }))
      .finally(() => {
        if (this.follows.get(containerId) === f) this.follows.delete(containerId);
        this.running.delete(done);
      });
    this.running.add(done);
  }

  /** Ships the container's output until it stops or the follow is aborted; the next poll re-attaches. */
  private async ship(appId: string, containerId: string, f: Follow): Promise<void> {
    const state = await this.docker.state(containerId);
    if (!state?.running || f.abort.signal.aborted) return;
    f.shipping = true;
    const filter = new ResumeFilter(await this.logs.cursor(appId, containerId));
    let batch: AppLogLine[] = [];
    let dropped = 0;
    /** Lines read but not yet in Redis (in the batch or being written). */
    let unsaved = 0;
    let writing: Promise<void> = Promise.resolve();
    const flush = () => {
      if (batch.length === 0) return writing;
      const lines = batch;
      const cursor = filter.cursor;
      batch = [];
      writing = writing.then(async () => {
        try {
          await this.logs.append(appId, containerId, lines, cursor);
          unsaved -= lines.length;
        } catch (err) {
          // Not stored: stop here; the next attach resumes from the stored cursor.
          f.abort.abort();
          throw err;
        }
      });
      return writing;
    };
    const timer = setInterval(() => void flush().catch(() => undefined), FLUSH_MS);
    const from = filter.cursor ? { since: dockerSince(filter.cursor.ts) } : { tail: this.settings.firstTail };
    try {
      await this.docker.followLogs(
        containerId,
        from,
        (stream, message) => {
          for (const line of messageLines(stream, message, this.settings.maxLine)) {
            if (!filter.admit(line.ts)) continue;
            if (unsaved >= MAX_PENDING) {
              dropped++;
              continue;
            }
            if (dropped > 0) {
              batch.push({
                ts: line.ts,
                stream: 'stderr',
                line: `[${dropped} lines dropped: the app logs faster than they can be stored]`,
              });
              unsaved++;
              dropped = 0;
            }
            batch.push(line);
            unsaved++;
            if (batch.length % BATCH === 0) void flush().catch(() => undefined);
          }
        },
        f.abort.signal,
      );
    } finally {
      clearInterval(timer);
      await flush();
    }
  }

  /** One reading per followed serving container: CPU, memory, restarts, kept for three intervals. */
  async sample(): Promise<void> {
    if (this.sampling || this.stopped) return;
    this.sampling = true;
    try {
      const mine = [...this.follows].filter(
        ([containerId, f]) => f.shipping && this.serving.get(f.appId) === containerId,
      );
      await Promise.all(
        mine.map(async ([containerId, f]) => {
          try {
            const [stats, state] = await Promise.all([this.docker.stats(containerId), this.docker.state(containerId)]);
            if (!stats || !state?.running) return;
            const memory = memoryUse(stats);
            await this.metrics.put(
              f.appId,
              {
                containerId,
                cpuPercent: cpuPercent(stats),
                cpuLimitPercent: this.settings.cpuLimitPercent,
                memoryBytes: memory.usedBytes,
                memoryLimitBytes: memory.limitBytes,
                restartCount: state.restartCount,
                sampledAt: Date.now(),
              },
              this.settings.metricsMs * 3,
            );
          } catch (err) {
            this.onError(err as Error, { step: 'metrics', appId: f.appId, containerId });
          }
        }),
      );
    } finally {
      this.sampling = false;
    }
  }
}
