import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Env } from './config/env.js';
import { HealthController } from './controllers/health.controller.js';
import { MetaController } from './controllers/meta.controller.js';
import { MetricsController } from './controllers/metrics.controller.js';
import { Jobs } from './jobs/job-spec.js';
import { createDatabase, type Database } from './repositories/database.js';
import { MailRepository } from './repositories/mail.repository.js';
import { MetricsRepository } from './repositories/metrics.repository.js';
import { QueueRepository } from './repositories/queue.repository.js';
import { closeRedis, createRedis, type RedisClient } from './repositories/redis.js';
import { StorageRepository } from './repositories/storage.repository.js';
import { HealthService } from './services/health.service.js';
import { MetricsService } from './services/metrics.service.js';

const QUEUE_NAMES = Object.values(Jobs).map((j) => j.name);

export interface Infrastructure {
  env: Env;
  logger: Logger;
  database: Database;
  redis: RedisClient;
  storage: StorageRepository;
  queues: QueueRepository;
  mail: MailRepository;
  metrics: MetricsRepository;
  close(): Promise<void>;
}

/** Every connection to the outside world, made once per process. */
export function createInfrastructure(env: Env, logger: Logger, role: 'api' | 'worker'): Infrastructure {
  const database = createDatabase(env.DATABASE_URL, { poolSize: env.DB_POOL_SIZE, timeoutMs: env.DB_TIMEOUT_MS });
  const redis = createRedis(env.REDIS_URL, logger, `omervision-${role}`);
  const storage = new StorageRepository({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  });
  const queues = new QueueRepository(env.REDIS_URL, env.REDIS_KEY_PREFIX, logger, role === 'worker');
  const mail = new MailRepository(env.SMTP_URL, env.MAIL_FROM);
  const metrics = new MetricsRepository(`omervision-${role}`, {
    dbPool: () => database.stats(),
    queues: () => queues.counts(QUEUE_NAMES),
  });
  return {
    env, logger, database, redis, storage, queues, mail, metrics,
    async close() {
      await queues.close(env.SHUTDOWN_TIMEOUT_MS / 2);
      await Promise.allSettled([database.close(), closeRedis(redis)]);
      storage.close();
      mail.close();
    },
  };
}

/** The composition root of the API: concrete classes wired through constructors, nothing hidden. */
export function createApiControllers(infra: Infrastructure): object[] {
  const { env, database, redis, storage, queues, metrics } = infra;
  const health = new HealthService(
    [
      { name: 'db', check: () => database.ping() },
      { name: 'redis', check: async () => void (await redis.ping()) },
      { name: 's3', check: (signal) => storage.ping(signal) },
    ],
    env.HEALTH_TIMEOUT_MS,
  );
  const metricsService = new MetricsService({
    metrics,
    dbPool: () => database.stats(),
    queueDepths: () => queues.counts(QUEUE_NAMES),
  });
  return [
    new HealthController(health),
    new MetricsController(metricsService),
    new MetaController({
      name: 'OmerVision API',
      version: packageVersion(),
      openapi: `${env.PUBLIC_API_URL}/openapi.json`,
      docs: `${env.PUBLIC_API_URL}/docs`,
    }),
  ];
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
