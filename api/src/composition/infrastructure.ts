import type { Logger } from 'pino';
import type { Env } from '../config/env.js';
import { Jobs } from '../jobs/job-spec.js';
import { CacheRepository } from '../repositories/cache.repository.js';
import { createDatabase, type Database } from '../repositories/database.js';
import { JobStatsRepository } from '../repositories/job-stats.repository.js';
import { MailRepository } from '../repositories/mail.repository.js';
import { MetricsRepository } from '../repositories/metrics.repository.js';
import { OutboxRepository } from '../repositories/outbox.repository.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { closeRedis, createRedis, type RedisClient } from '../repositories/redis.js';
import { RedisPubSub } from '../repositories/redis-pubsub.js';
import { StorageRepository } from '../repositories/storage.repository.js';

export const QUEUE_NAMES = Object.values(Jobs).map((j) => j.name);

export interface Infrastructure {
  env: Env;
  logger: Logger;
  database: Database;
  redis: RedisClient;
  /** One subscribed connection for the whole process (live deployment logs). */
  pubsub: RedisPubSub;
  storage: StorageRepository;
  queues: QueueRepository;
  mail: MailRepository;
  metrics: MetricsRepository;
  /** Job durations per queue: the worker records, /metrics reports. */
  jobStats: JobStatsRepository;
  close(): Promise<void>;
}

/** Every connection to the outside world, made once per process. */
export function createInfrastructure(env: Env, logger: Logger, role: 'api' | 'worker'): Infrastructure {
  const database = createDatabase(env.DATABASE_URL, { poolSize: env.DB_POOL_SIZE, timeoutMs: env.DB_TIMEOUT_MS });
  const redis = createRedis(env.REDIS_URL, logger, `omervision-${role}`);
  const pubsub = new RedisPubSub(redis);
  const storage = new StorageRepository({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    publicUrl: env.MEDIA_PUBLIC_URL,
  });
  const queues = new QueueRepository(
    env.REDIS_URL,
    env.REDIS_KEY_PREFIX,
    logger,
    role === 'worker',
    env.QUEUE_STALL_INTERVAL_MS,
  );
  const mail = new MailRepository(env.SMTP_URL, env.MAIL_FROM);
  const jobStats = new JobStatsRepository(redis, env.REDIS_KEY_PREFIX);
  const metrics = new MetricsRepository(`omervision-${role}`, {
    dbPool: () => database.stats(),
    queues: () => queues.counts(QUEUE_NAMES),
    jobStats: () => jobStats.read(QUEUE_NAMES),
  });
  return {
    env,
    logger,
    database,
    redis,
    pubsub,
    storage,
    queues,
    mail,
    metrics,
    jobStats,
    async close() {
      await queues.close(env.SHUTDOWN_TIMEOUT_MS / 2);
      await Promise.allSettled([database.close(), pubsub.close(), closeRedis(redis)]);
      storage.close();
      mail.close();
    },
  };
}

/**
 * The outbox as the writing side uses it: once a transaction that added events commits, a worker is
 * asked to dispatch now (one job per 100 ms across replicas) instead of at its next one-second tick,
 * which stays as the safety net. A publish reaches the site builder ~0.5 s sooner on average.
 */
export function createOutbox(infra: Infrastructure): OutboxRepository {
  const kick = () => {
    const slot = Math.floor(Date.now() / 100);
    infra.queues
      .enqueue(Jobs.outboxDispatch, { tick: `kick-${slot}` }, { id: `outbox-dispatch:kick:${slot}`, onceForMs: 1000 })
      .catch(() => undefined);
  };
  return new OutboxRepository(infra.database.db, kick);
}

/** The public read cache (memory in front of Redis, versioned per namespace): one per process. */
export function createReadCache(infra: Infrastructure): CacheRepository {
  const { env, redis, logger } = infra;
  return new CacheRepository(redis, env.REDIS_KEY_PREFIX, logger, {
    memoryTtlMs: 30_000,
    redisTtlSeconds: 600,
    maxEntries: 5000,
    enabled: env.CACHE_ENABLED,
  });
}
