import { composeContent, composeMedia, type Infrastructure } from '../container.js';
import type { JobHandler } from '../repositories/queue.repository.js';
import { EmailLogRepository } from '../repositories/email-log.repository.js';
import { AuditRepository } from '../repositories/audit.repository.js';
import { MaintenanceRepository } from '../repositories/maintenance.repository.js';
import { PasswordResetRepository } from '../repositories/password-reset.repository.js';
import { UserRepository } from '../repositories/user.repository.js';
import { AuditService } from '../services/audit.service.js';
import { PasswordResetSender } from '../services/auth/password-reset-sender.js';
import { CleanupService } from '../services/cleanup.service.js';
import { createCleanupJob } from './cleanup.job.js';
import { createEmailJob } from './email.job.js';
import { createMediaOrphansJob, createMediaVariantsJob, nextOrphanSweep } from './media.jobs.js';
import { createWebhookJobs } from './webhook.jobs.js';
import { createPaasJobs } from './paas.jobs.js';
import { createBackupJob, recordPeriodicRuns, scheduleDailyBackup } from './ops.jobs.js';
import { Jobs, type JobSpec, type PasswordResetJobData, type PostPublishJobData } from './job-spec.js';

export interface RegisteredJob<T = never> {
  spec: JobSpec<T>;
  concurrency?: number;
  handle: JobHandler<T>;
}

/** Every job type the worker consumes. A new job is one line here plus its handler file. */
export function buildJobRegistry(infra: Infrastructure): RegisteredJob<never>[] {
  const cleanup = new CleanupService(new MaintenanceRepository(infra.database.db), {
    audit: infra.env.RETENTION_AUDIT_DAYS, webhooks: infra.env.RETENTION_WEBHOOK_DAYS, deployLogs: infra.env.RETENTION_DEPLOY_LOG_DAYS,
  });
  const content = composeContent(infra);
  const media = composeMedia(infra);
  const webhooks = createWebhookJobs(infra);
  const paas = createPaasJobs(infra);
  const db = infra.database.db;
  const resets = new PasswordResetSender(
    new UserRepository(db), new PasswordResetRepository(db),
    { enqueueEmail: async (data) => void (await infra.queues.enqueue(Jobs.email, data, { id: data.key })) },
    new AuditService(new AuditRepository(db)),
    (token) => `${infra.env.SITE_URL}/admin/#/reset-password?token=${encodeURIComponent(token)}`,
  );
  // Periodic jobs record their last run, duration and outcome (GET /api/v1/admin/maintenance).
  return recordPeriodicRuns(infra, [
    { spec: Jobs.email, handle: createEmailJob(infra.mail, new EmailLogRepository(infra.database.db), infra.logger) },
    { spec: Jobs.passwordReset, handle: (d: PasswordResetJobData) => resets.send(d) },
    { spec: Jobs.cleanup, concurrency: 1, handle: createCleanupJob(cleanup, infra.logger) },
    { spec: Jobs.mediaVariants, handle: createMediaVariantsJob(media.variants, infra.logger) },
    { spec: Jobs.mediaOrphans, concurrency: 1, handle: createMediaOrphansJob(media.orphans, infra.logger) },
    { spec: Jobs.outboxDispatch, concurrency: 1, handle: webhooks.dispatch },
    { spec: Jobs.webhookDeliver, handle: webhooks.deliver },
    { spec: Jobs.paasDeploy, concurrency: infra.env.PAAS_BUILD_CONCURRENCY, handle: paas.deploy },
    { spec: Jobs.paasControl, concurrency: 2, handle: paas.control },
    { spec: Jobs.postPublish, concurrency: 1, handle: async (d: PostPublishJobData) => ({ published: await content.publishing.publishScheduled(d.postId, new Date(d.at)) }) },
    { spec: Jobs.publishDue, concurrency: 1, handle: async () => ({ published: await content.publishing.publishDue() }) },
    { spec: Jobs.backup, concurrency: 1, handle: createBackupJob(infra) },
  ] as unknown as RegisteredJob<never>[]);
}

const HOUR = 3_600_000;

/**
 * Periodic jobs. Each worker enqueues the current slot with a fixed job id, and the id is remembered
 * for the slot (`onceForMs`: bee-queue forgets ids of succeeded jobs), so with several workers
 * ticking every 15 minutes the slot still runs once.
 */
export function scheduleRecurring(infra: Infrastructure): () => void {
  const tick = () => {
    const slot = new Date(Math.floor(Date.now() / HOUR) * HOUR).toISOString();
    infra.queues
      .enqueue(Jobs.cleanup, { slot }, { id: `cleanup:${slot}`, onceForMs: 2 * HOUR })
      .catch((err: Error) => infra.logger.warn({ err: err.message }, 'could not schedule cleanup'));
    const sweep = nextOrphanSweep(new Date());
    infra.queues
      .enqueue(Jobs.mediaOrphans, { slot: sweep.toISOString() }, { id: `media-orphans:${sweep.toISOString()}`, runAt: sweep, onceForMs: sweep.getTime() - Date.now() + HOUR })
      .catch((err: Error) => infra.logger.warn({ err: err.message }, 'could not schedule the media orphan sweep'));
    scheduleDailyBackup(infra);
  };
  tick();
  const timer = setInterval(tick, HOUR / 4);
  const minute = setInterval(() => {
    const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    infra.queues.enqueue(Jobs.publishDue, { slot }, { id: `publish-due:${slot}`, onceForMs: 120_000 }).catch(() => undefined);
  }, 60_000);
  return () => {
    clearInterval(timer);
    clearInterval(minute);
  };
}

/**
 * Outbox dispatch every second. Each worker enqueues the current second with a fixed job id, so
 * workers ticking together produce one job; a Redis lease inside the job (jobs/webhook.jobs.ts)
 * keeps passes from overlapping when one runs long or two workers' seconds straddle.
 */
export function scheduleOutboxDispatch(infra: Infrastructure, everyMs = 1000): () => void {
  const timer = setInterval(() => {
    const tick = new Date(Math.floor(Date.now() / everyMs) * everyMs).toISOString();
    infra.queues
      .enqueue(Jobs.outboxDispatch, { tick }, { id: `outbox-dispatch:${tick}`, onceForMs: 2 * everyMs })
      .catch((err: Error) => infra.logger.warn({ err: err.message }, 'could not schedule outbox dispatch'));
  }, everyMs);
  return () => clearInterval(timer);
}
