import BeeQueue from 'bee-queue';
import type { Logger } from 'pino';
import type { JobSpec } from '../jobs/job-spec.js';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface EnqueueOptions {
  /** Job id: enqueueing the same id twice keeps one job (idempotent producers). */
  id?: string;
  runAt?: Date;
  /**
   * With `id`: remember the id this long (ms from now), so enqueueing it again in that time is a
   * no-op even after the job has succeeded. bee-queue forgets a succeeded job's id
   * (`removeOnSuccess`), so without this a periodic job whose id names its period (`cleanup:<hour>`)
   * ran again on every tick of every worker. Cover the period, plus the wait when `runAt` is later.
   */
  onceForMs?: number;
}

export type JobHandler<T> = (data: T, job: { id: string; attempt: number }) => Promise<unknown>;

/**
 * bee-queue on Redis. The API only produces (no blocking connection, offline queue off so a
 * Redis outage fails fast); the worker also consumes.
 */
export class QueueRepository {
  private readonly queues = new Map<string, BeeQueue>();

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly isWorker: boolean,
    /** A worker that dies (kill -9, OOM) leaves its job active; after about this long it is re-queued. */
    private readonly stallIntervalMs = 5000,
  ) {}

  private queue(name: string): BeeQueue {
    let q = this.queues.get(name);
    if (!q) {
      q = new BeeQueue(name, {
        prefix: `${this.prefix}bq`,
        isWorker: this.isWorker,
        getEvents: false,
        sendEvents: this.isWorker,
        activateDelayedJobs: this.isWorker,
        removeOnSuccess: true,
        removeOnFailure: false,
        stallInterval: this.stallIntervalMs,
        redis: {
          url: this.redisUrl,
          enable_offline_queue: this.isWorker,
          connect_timeout: 5000,
          retry_strategy: (o: { attempt: number }) => Math.min(o.attempt * 200, 3000),
        } as BeeQueue.QueueSettings['redis'],
      });
      q.on('error', (err) => this.logger.warn({ err: err.message, queue: name }, 'queue error'));
      this.queues.set(name, q);
    }
    return q;
  }

  async enqueue<T>(spec: JobSpec<T>, data: T, options: EnqueueOptions = {}): Promise<string> {
    const q = this.queue(spec.name);
    if (options.id && options.onceForMs) {
      // First producer of the period claims the id (SET NX PX, atomic across replicas); the others stop here.
      const marker = `${this.prefix}bq:${spec.name}:once:${options.id}`;
      if (!(await redisCommand(q, 'set', [marker, '1', 'PX', String(Math.ceil(options.onceForMs)), 'NX'])))
        return options.id;
      try {
        return await this.save(q, spec, data, options);
      } catch (err) {
        // Not saved: let the next tick try again.
        await redisCommand(q, 'del', [marker]).catch(() => undefined);
        throw err;
      }
    }
    return this.save(q, spec, data, options);
  }

  private async save<T>(q: BeeQueue, spec: JobSpec<T>, data: T, options: EnqueueOptions): Promise<string> {
    let job = q.createJob(data).retries(spec.retries).backoff('exponential', spec.backoffMs).timeout(spec.timeoutMs);
    if (options.id) job = job.setId(options.id);
    if (options.runAt) job = job.delayUntil(options.runAt);
    const saved = await job.save();
    return saved.id;
  }

  process<T>(spec: JobSpec<T>, concurrency: number, handler: JobHandler<T>): void {
    const q = this.queue(spec.name);
    q.process(concurrency, async (job: BeeQueue.Job<T>) => {
      const attempt = spec.retries - (job.options.retries as number) + 1;
      return handler(job.data, { id: job.id, attempt });
    });
    // bee-queue leaves stall detection to the application: every worker checks, so a job whose
    // worker died is retried within about two intervals whichever workers are still alive.
    q.checkStalledJobs(this.stallIntervalMs, (err: Error | null, n?: number) => {
      if (err) this.logger.warn({ queue: spec.name, err: err.message }, 'stalled-job check failed');
      else if (n) this.logger.warn({ queue: spec.name, stalled: n }, 're-queued jobs of a worker that stopped');
    });
    q.on('failed', (job, err) =>
      this.logger.error({ queue: spec.name, jobId: job.id, err: err.message }, 'job failed'),
    );
    q.on('retrying', (job, err) =>
      this.logger.warn({ queue: spec.name, jobId: job.id, err: err.message }, 'job will retry'),
    );
  }

  async counts(names: string[]): Promise<Record<string, QueueCounts>> {
    const out: Record<string, QueueCounts> = {};
    for (const name of names) {
      const h = await this.queue(name).checkHealth();
      out[name] = { waiting: h.waiting, active: h.active, delayed: h.delayed, failed: h.failed };
    }
    return out;
  }

  /** Stops taking jobs and waits up to `timeoutMs` for active ones to finish. */
  async close(timeoutMs: number): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close(timeoutMs).catch(() => undefined)));
  }
}

type RedisCallback = (err: Error | null, reply: unknown) => void;

/** One command on the queue's own Redis connection (bee-queue's node_redis v3 client, ready once the queue is). */
async function redisCommand(q: BeeQueue, command: 'set' | 'del', args: string[]): Promise<unknown> {
  await q.ready();
  const client = (q as unknown as { client: Record<string, (...a: [...string[], RedisCallback]) => boolean> }).client;
  return new Promise((resolve, reject) => {
    client[command]!(...args, (err: Error | null, reply: unknown) => (err ? reject(err) : resolve(reply)));
  });
}
