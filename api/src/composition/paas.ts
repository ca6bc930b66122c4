import { Jobs } from '../jobs/job-spec.js';
import { PaasAppLogRepository } from '../repositories/paas-app-log.repository.js';
import { PaasLogRepository } from '../repositories/paas-log.repository.js';
import { PaasMetricsRepository } from '../repositories/paas-metrics.repository.js';
import { PaasRepository } from '../repositories/paas.repository.js';
import { TransactionRunner } from '../repositories/database.js';
import type { AuditService } from '../services/audit.service.js';
import { SecretBox } from '../services/auth/secret-box.js';
import { AppEnvBox } from '../services/paas/app-env-box.js';
import { PaasEnvService } from '../services/paas/app-env.service.js';
import { PaasAppRuntimeService } from '../services/paas/app-runtime.service.js';
import { PaasService, type PaasJobs } from '../services/paas/paas.service.js';
import { REPO_CREDENTIALS_PURPOSE } from '../services/paas/repo-access.js';
import { paasUrls } from '../services/paas/views.js';
import type { Infrastructure } from './infrastructure.js';

// The API's side of the PaaS: records, queues and reads. Nothing here reaches the Docker Engine
// (composition/paas-engine.ts is the worker's side; .dependency-cruiser.cjs keeps it that way).

export const PAAS_HOOK_SECRET_PURPOSE = 'paas-hook-secret';

/**
 * The apps' records, their variables sealed with their own key from JWT_SECRET (services/paas/app-env-box.ts).
 * The app router builds its repository without it (router.ts: it has no JWT_SECRET and reads no variables).
 */
export function paasRepository(infra: Pick<Infrastructure, 'database' | 'env'>): PaasRepository {
  return new PaasRepository(infra.database.db, new AppEnvBox(infra.env.JWT_SECRET));
}

/** The producer side: the API queues, the worker builds and runs. */
export function paasJobs(infra: Infrastructure): PaasJobs {
  return {
    deploy: async (deploymentId) =>
      void (await infra.queues.enqueue(Jobs.paasDeploy, { deploymentId }, { id: `paas-deploy:${deploymentId}` })),
    control: async (data) => void (await infra.queues.enqueue(Jobs.paasControl, data)),
  };
}

export function createPaasService(infra: Infrastructure, audit: AuditService): PaasService {
  const { env } = infra;
  return new PaasService(
    paasRepository(infra),
    new PaasLogRepository(infra.redis, env.REDIS_KEY_PREFIX, infra.pubsub),
    paasJobs(infra),
    audit,
    new SecretBox(env.JWT_SECRET, PAAS_HOOK_SECRET_PURPOSE),
    new SecretBox(env.JWT_SECRET, REPO_CREDENTIALS_PURPOSE),
    paasUrls(env),
    { allowLocalRepos: env.PAAS_ALLOW_LOCAL_REPOS },
  );
}

export function composePaas(infra: Infrastructure, audit: AuditService): PaasService {
  const { env } = infra;
  return new PaasService(
    paasRepository(infra),
    new PaasLogRepository(infra.redis, env.REDIS_KEY_PREFIX, infra.pubsub),
    paasJobs(infra),
    audit,
    new SecretBox(env.JWT_SECRET, PAAS_HOOK_SECRET_PURPOSE),
    new SecretBox(env.JWT_SECRET, REPO_CREDENTIALS_PURPOSE),
    paasUrls(env),
    { allowLocalRepos: env.PAAS_ALLOW_LOCAL_REPOS },
  );
}

/** Runtime output in Redis, trimmed by count and age (PAAS_APP_LOG_*). */
export function appLogRepository(infra: Infrastructure, withSubscriber: boolean): PaasAppLogRepository {
  const { env } = infra;
  return new PaasAppLogRepository(
    infra.redis,
    env.REDIS_KEY_PREFIX,
    { maxLines: env.PAAS_APP_LOG_MAX_LINES, maxAgeSeconds: env.PAAS_APP_LOG_MAX_AGE_HOURS * 3600 },
    withSubscriber ? infra.pubsub : undefined,
  );
}

/** The API side of runtime logs and metrics: reads what the worker's AppWatcher writes. */
export function composePaasAppRuntime(infra: Infrastructure): PaasAppRuntimeService {
  return new PaasAppRuntimeService(
    paasRepository(infra),
    appLogRepository(infra, true),
    new PaasMetricsRepository(infra.redis, infra.env.REDIS_KEY_PREFIX),
  );
}

/** An app's environment variables, one at a time (names listed, values masked unless an admin reveals them). */
export function composePaasEnv(infra: Infrastructure, audit: AuditService): PaasEnvService {
  const db = infra.database.db;
  return new PaasEnvService(paasRepository(infra), new TransactionRunner(db), audit);
}
