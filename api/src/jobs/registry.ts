import type { Infrastructure } from '../container.js';
import type { JobHandler } from '../repositories/queue.repository.js';
import { EmailLogRepository } from '../repositories/email-log.repository.js';
import { MaintenanceRepository } from '../repositories/maintenance.repository.js';
import { CleanupService } from '../services/cleanup.service.js';
import { createCleanupJob } from './cleanup.job.js';
import { createEmailJob } from './email.job.js';
import { Jobs, type JobSpec } from './job-spec.js';

export interface RegisteredJob<T = never> {
  spec: JobSpec<T>;
  concurrency?: number;
  handle: JobHandler<T>;
}

/** Every job type the worker consumes. A new job is one line here plus its handler file. */
export function buildJobRegistry(infra: Infrastructure): RegisteredJob<never>[] {
  const cleanup = new CleanupService(new MaintenanceRepository(infra.database.db));
  return [
    { spec: Jobs.email, handle: createEmailJob(infra.mail, new EmailLogRepository(infra.database.db), infra.logger) },
    { spec: Jobs.cleanup, concurrency: 1, handle: createCleanupJob(cleanup, infra.logger) },
  ] as unknown as RegisteredJob<never>[];
}

const HOUR = 3_600_000;

/**
 * Periodic jobs. Each worker enqueues the current slot with a fixed job id, so with several workers
 * running the slot still runs once.
 */
export function scheduleRecurring(infra: Infrastructure): () => void {
  const tick = () => {
    const slot = new Date(Math.floor(Date.now() / HOUR) * HOUR).toISOString();
    infra.queues
      .enqueue(Jobs.cleanup, { slot }, { id: `cleanup:${slot}` })
      .catch((err: Error) => infra.logger.warn({ err: err.message }, 'could not schedule cleanup'));
  };
  tick();
  const timer = setInterval(tick, HOUR / 4);
  return () => clearInterval(timer);
}
