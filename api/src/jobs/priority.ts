import type { Logger } from 'pino';
import type { Env } from '../config/env.js';
import type { JobStatsRepository } from '../repositories/job-stats.repository.js';
import type { JobHandler } from '../repositories/queue.repository.js';
import type { JobPriority } from './job-spec.js';
import type { RegisteredJob } from './registered-job.js';

/** A queue's concurrency: what its registry entry demands (1 for jobs that must not overlap), else its priority's. */
export function concurrencyOf(
  entry: RegisteredJob<never>,
  env: Pick<Env, 'WORKER_CONCURRENCY' | 'WORKER_CONCURRENCY_HIGH' | 'WORKER_CONCURRENCY_LOW'>,
): number {
  if (entry.concurrency !== undefined) return entry.concurrency;
  const byPriority: Record<JobPriority, number> = {
    high: env.WORKER_CONCURRENCY_HIGH,
    default: env.WORKER_CONCURRENCY,
    low: env.WORKER_CONCURRENCY_LOW,
  };
  return byPriority[entry.spec.priority];
}

/** The handler, timed: every run's duration and outcome go to the per-queue statistics behind /metrics. */
export function timed(
  entry: RegisteredJob<never>,
  stats: Pick<JobStatsRepository, 'record'>,
  logger: Logger,
): JobHandler<never> {
  const { name, priority } = entry.spec;
  const record = (started: number, ok: boolean) =>
    stats
      .record(name, priority, (performance.now() - started) / 1000, ok)
      .catch((err: Error) => logger.debug({ queue: name, err: err.message }, 'job statistics not recorded'));
  return async (data, job) => {
    const started = performance.now();
    try {
      const result = await entry.handle(data, job);
      await record(started, true);
      return result;
    } catch (err) {
      await record(started, false);
      throw err;
    }
  };
}
