import type { RedisClient } from './redis.js';

/** Upper bounds (seconds) of the duration buckets, as in a Prometheus histogram. */
export const JOB_DURATION_BUCKETS = [0.1, 0.5, 1, 5, 30, 120, 600, 3600] as const;

export interface JobStats {
  priority: string;
  /** Finished runs (succeeded + failed) and the sum of their durations. */
  count: number;
  sumSeconds: number;
  failed: number;
  /** Cumulative: runs that took at most `le` seconds. */
  buckets: Record<string, number>;
}

/**
 * Job durations per queue, summed in Redis: the worker processes record, the API's /metrics reads,
 * whichever process and however many workers. One hash per queue; values only ever grow (counters).
 */
export class JobStatsRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private key(queue: string) {
    return `${this.prefix}jobstats:${queue}`;
  }

  async record(queue: string, priority: string, seconds: number, ok: boolean): Promise<void> {
    const key = this.key(queue);
    const multi = this.redis
      .multi()
      .hSet(key, 'priority', priority)
      .hIncrBy(key, 'count', 1)
      .hIncrByFloat(key, 'sum', seconds);
    if (!ok) multi.hIncrBy(key, 'failed', 1);
    for (const le of JOB_DURATION_BUCKETS) if (seconds <= le) multi.hIncrBy(key, `le:${le}`, 1);
    await multi.exec();
  }

  async read(queues: string[]): Promise<Record<string, JobStats>> {
    const out: Record<string, JobStats> = {};
    for (const queue of queues) {
      const h = await this.redis.hGetAll(this.key(queue));
      if (!h.count) continue;
      out[queue] = {
        priority: h.priority ?? 'default',
        count: Number(h.count),
        sumSeconds: Number(h.sum ?? 0),
        failed: Number(h.failed ?? 0),
        buckets: Object.fromEntries(JOB_DURATION_BUCKETS.map((le) => [String(le), Number(h[`le:${le}`] ?? 0)])),
      };
    }
    return out;
  }
}
