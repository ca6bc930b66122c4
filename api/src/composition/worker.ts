import { createCleanupJob } from '../jobs/cleanup.job.js';
import { createEmailJob } from '../jobs/email.job.js';
import { Jobs, type PasswordResetJobData, type PostPublishJobData } from '../jobs/job-spec.js';
import { createMediaOrphansJob, createMediaVariantsJob } from '../jobs/media.jobs.js';
import { createBackupJob, recordPeriodicRuns } from '../jobs/ops.jobs.js';
import { createPaasJobs } from '../jobs/paas.jobs.js';
import type { RegisteredJob } from '../jobs/registered-job.js';
import { createWebhookJobs } from '../jobs/webhook.jobs.js';
import { AuditRepository } from '../repositories/audit.repository.js';
import { EmailLogRepository } from '../repositories/email-log.repository.js';
import { MaintenanceRepository } from '../repositories/maintenance.repository.js';
import { PasswordResetRepository } from '../repositories/password-reset.repository.js';
import { UserRepository } from '../repositories/user.repository.js';
import { AuditService } from '../services/audit.service.js';
import { PasswordResetSender } from '../services/auth/password-reset-sender.js';
import { CleanupService } from '../services/cleanup.service.js';
import { composeContent } from './content.js';
import type { Infrastructure } from './infrastructure.js';
import { composeMedia } from './media.js';
import { createBackupServices, maintenanceService } from './ops.js';
import { composePaasEngine, paasWorkDir, type PaasEngine } from './paas-engine.js';
import { composeWebhookWorker } from './webhooks.js';

/** The PaaS job handlers over an engine (tests pass one of their own). */
export function composePaasJobs(infra: Infrastructure, engine: PaasEngine = composePaasEngine(infra)) {
  return createPaasJobs({ logger: infra.logger, workDir: paasWorkDir(infra.env) }, engine);
}

/** The composition root of the worker: every job type it consumes. A new job is one line here plus its handler file. */
export function buildJobRegistry(infra: Infrastructure): RegisteredJob<never>[] {
  const db = infra.database.db;
  const audit = new AuditService(new AuditRepository(db));
  const cleanup = new CleanupService(new MaintenanceRepository(db), {
    audit: infra.env.RETENTION_AUDIT_DAYS,
    webhooks: infra.env.RETENTION_WEBHOOK_DAYS,
    deployLogs: infra.env.RETENTION_DEPLOY_LOG_DAYS,
  });
  const content = composeContent(infra, audit);
  const media = composeMedia(infra, audit);
  const webhooks = createWebhookJobs(composeWebhookWorker(infra), infra.logger);
  const paas = composePaasJobs(infra);
  const { backup } = createBackupServices(infra.env, { storage: infra.storage, logger: infra.logger });
  const resets = new PasswordResetSender(
    new UserRepository(db),
    new PasswordResetRepository(db),
    { enqueueEmail: async (data) => void (await infra.queues.enqueue(Jobs.email, data, { id: data.key })) },
    audit,
    (token) => `${infra.env.SITE_URL}/admin/#/reset-password?token=${encodeURIComponent(token)}`,
  );
  // Periodic jobs record their last run, duration and outcome (GET /api/v1/admin/maintenance).
  return recordPeriodicRuns(maintenanceService(infra), [
    { spec: Jobs.email, handle: createEmailJob(infra.mail, new EmailLogRepository(db), infra.logger) },
    { spec: Jobs.passwordReset, handle: (d: PasswordResetJobData) => resets.send(d) },
    { spec: Jobs.cleanup, concurrency: 1, handle: createCleanupJob(cleanup, infra.logger) },
    { spec: Jobs.mediaVariants, handle: createMediaVariantsJob(media.variants, infra.logger) },
    { spec: Jobs.mediaOrphans, concurrency: 1, handle: createMediaOrphansJob(media.orphans, infra.logger) },
    { spec: Jobs.outboxDispatch, concurrency: 1, handle: webhooks.dispatch },
    { spec: Jobs.webhookDeliver, handle: webhooks.deliver },
    { spec: Jobs.paasDeploy, concurrency: infra.env.PAAS_BUILD_CONCURRENCY, handle: paas.deploy },
    { spec: Jobs.paasControl, concurrency: 2, handle: paas.control },
    {
      spec: Jobs.postPublish,
      concurrency: 1,
      handle: async (d: PostPublishJobData) => ({
        published: await content.publishing.publishScheduled(d.postId, new Date(d.at)),
      }),
    },
    {
      spec: Jobs.publishDue,
      concurrency: 1,
      handle: async () => ({ published: await content.publishing.publishDue() }),
    },
    { spec: Jobs.backup, concurrency: 1, handle: createBackupJob(backup) },
  ] as unknown as RegisteredJob<never>[]);
}
