import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Env } from './config/env.js';
import { ApiKeysController } from './controllers/api-keys.controller.js';
import { AuditController } from './controllers/audit.controller.js';
import { AuthController } from './controllers/auth.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { MetaController } from './controllers/meta.controller.js';
import { MetricsController } from './controllers/metrics.controller.js';
import { UsersController } from './controllers/users.controller.js';
import { Jobs } from './jobs/job-spec.js';
import type { RateLimitPresets } from './middleware/rate-limit.js';
import { ApiKeyRepository } from './repositories/api-key.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { createDatabase, type Database } from './repositories/database.js';
import { DenylistRepository } from './repositories/denylist.repository.js';
import { MailRepository } from './repositories/mail.repository.js';
import { MetricsRepository } from './repositories/metrics.repository.js';
import { PasswordHasher } from './repositories/password-hasher.js';
import { PasswordResetRepository } from './repositories/password-reset.repository.js';
import { QueueRepository } from './repositories/queue.repository.js';
import { RateLimitRepository, type Bucket } from './repositories/rate-limit.repository.js';
import { closeRedis, createRedis, type RedisClient } from './repositories/redis.js';
import { SessionRepository } from './repositories/session.repository.js';
import { StorageRepository } from './repositories/storage.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { ApiKeyService } from './services/api-key.service.js';
import { AuditService } from './services/audit.service.js';
import { AuthService } from './services/auth/auth.service.js';
import { Authenticator } from './services/auth/authenticator.js';
import { PasswordService } from './services/auth/password.service.js';
import { RevocationService } from './services/auth/revocation.service.js';
import { SecretBox } from './services/auth/secret-box.js';
import { TokenService } from './services/auth/token.service.js';
import { TotpService } from './services/auth/totp.service.js';
import { HealthService } from './services/health.service.js';
import { MetricsService } from './services/metrics.service.js';
import { UserService } from './services/user.service.js';

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

export interface ApiComposition {
  controllers: object[];
  authenticator: Authenticator;
  rateLimits: RateLimitPresets | null;
}

/** The composition root of the API: concrete classes wired through constructors, nothing hidden. */
export function composeApi(infra: Infrastructure): ApiComposition {
  const { env, database, redis, storage, queues, metrics } = infra;
  const db = database.db;
  const limits = new RateLimitRepository(redis, env.REDIS_KEY_PREFIX);
  const unlimited = !env.RATE_LIMIT_ENABLED;
  const bucket = (name: string, points: number, seconds: number): Bucket =>
    limits.bucket(name, unlimited ? 1_000_000_000 : points, seconds);

  const users = new UserRepository(db);
  const sessions = new SessionRepository(db);
  const apiKeys = new ApiKeyRepository(db);
  const hasher = new PasswordHasher();
  const tokens = new TokenService(env.JWT_SECRET, env.PUBLIC_API_URL);
  const denylist = new DenylistRepository(redis, env.REDIS_KEY_PREFIX);
  const audit = new AuditService(new AuditRepository(db));
  const revocation = new RevocationService(sessions, denylist);
  const totp = new TotpService(users, new SecretBox(env.JWT_SECRET, 'totp-at-rest'), hasher, audit, 'OmerVision');
  const auth = new AuthService(users, sessions, hasher, tokens, revocation, {
    attempts: bucket('login', env.RATE_LIMIT_LOGIN_PER_MIN, 60),
    lockouts: bucket('login-lockouts', 1000, 86_400),
    perIp: bucket('login-ip', env.RATE_LIMIT_LOGIN_IP_PER_15MIN, 900),
  }, totp, audit);
  const passwords = new PasswordService(
    users, revocation, new PasswordResetRepository(db), hasher,
    { enqueueEmail: async (data) => void (await queues.enqueue(Jobs.email, data, { id: data.key })) },
    bucket('password-reset', 3, 3600), audit,
    (token) => `${env.SITE_URL}/admin/#/reset-password?token=${encodeURIComponent(token)}`,
  );
  const userService = new UserService(users, revocation, hasher, audit);
  const keyBuckets = new Map<number, Bucket>();
  const authenticator = new Authenticator(tokens, denylist, sessions, apiKeys, (perMinute) => {
    const points = perMinute ?? env.RATE_LIMIT_API_KEY_PER_MIN;
    let b = keyBuckets.get(points);
    if (!b) keyBuckets.set(points, (b = bucket(`apikey-${points}`, points, 60)));
    return b;
  });

  const health = new HealthService(
    [
      { name: 'db', check: () => database.ping() },
      { name: 'redis', check: async () => void (await redis.ping()) },
      { name: 's3', check: (signal) => storage.ping(signal) },
    ],
    env.HEALTH_TIMEOUT_MS,
  );
  const metricsService = new MetricsService({ metrics, dbPool: () => database.stats(), queueDepths: () => queues.counts(QUEUE_NAMES) });

  return {
    authenticator,
    rateLimits: unlimited ? null : {
      read: bucket('api-read', env.RATE_LIMIT_READ_PER_MIN, 60),
      write: bucket('api-write', env.RATE_LIMIT_WRITE_PER_MIN, 60),
      contact: bucket('contact', env.RATE_LIMIT_CONTACT_PER_HOUR, 3600),
    },
    controllers: [
      new HealthController(health),
      new MetricsController(metricsService),
      new MetaController({ name: 'OmerVision API', version: packageVersion(), openapi: `${env.PUBLIC_API_URL}/openapi.json`, docs: `${env.PUBLIC_API_URL}/docs` }),
      new AuthController(auth, passwords, totp, userService),
      new UsersController(userService),
      new ApiKeysController(new ApiKeyService(apiKeys, audit, () => authenticator.forget())),
      new AuditController(audit),
    ],
  };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
