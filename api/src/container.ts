import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Env } from './config/env.js';
import { ApiKeysController } from './controllers/api-keys.controller.js';
import { AuditController } from './controllers/audit.controller.js';
import { AuthController } from './controllers/auth.controller.js';
import { ContactController } from './controllers/contact.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { MediaController } from './controllers/media.controller.js';
import { MessagesController } from './controllers/messages.controller.js';
import { MetaController } from './controllers/meta.controller.js';
import { MetricsController } from './controllers/metrics.controller.js';
import { UsersController } from './controllers/users.controller.js';
import { WebhooksController } from './controllers/webhooks.controller.js';
import { PaasController, PublicPaasController } from './controllers/paas.controller.js';
import { PaasEnvController } from './controllers/paas-env.controller.js';
import { PaasRuntimeController } from './controllers/paas-runtime.controller.js';
import { createPaasAppRuntimeService, createPaasService } from './jobs/paas.jobs.js';
import { OpsController } from './controllers/ops.controller.js';
import { ContentTransferController } from './controllers/content-transfer.controller.js';
import { createContentTransfer, createOpsServices } from './jobs/ops.jobs.js';
import { SiteBuildsController } from './controllers/site-builds.controller.js';
import { PagesController, ProjectsController } from './controllers/catalog.controller.js';
import { PostsController } from './controllers/posts.controller.js';
import { PublicCatalogController } from './controllers/public-catalog.controller.js';
import { TaxonomyController } from './controllers/taxonomy.controller.js';
import { PublicPostsController } from './controllers/public-posts.controller.js';
import { Errors } from './errors/catalogue.js';
import { Jobs } from './jobs/job-spec.js';
import { webhookScheduler, webhookSecretBox } from './jobs/webhook.jobs.js';
import { SessionCookies } from './middleware/cookies.js';
import type { AnswerCache } from './middleware/cached-answers.js';
import type { RateLimitPresets } from './middleware/rate-limit.js';
import { ApiKeyRepository } from './repositories/api-key.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { ContactRepository } from './repositories/contact.repository.js';
import { CacheRepository } from './repositories/cache.repository.js';
import { createDatabase, TransactionRunner, type Database } from './repositories/database.js';
import { OutboxRepository } from './repositories/outbox.repository.js';
import { PostRepository } from './repositories/post.repository.js';
import { PageRepository, ProjectRepository } from './repositories/project.repository.js';
import { TaxonomyRepository } from './repositories/taxonomy.repository.js';
import { DenylistRepository } from './repositories/denylist.repository.js';
import { MailRepository } from './repositories/mail.repository.js';
import { MediaRepository } from './repositories/media.repository.js';
import { MetricsRepository } from './repositories/metrics.repository.js';
import { JobStatsRepository } from './repositories/job-stats.repository.js';
import { PasswordHasher } from './repositories/password-hasher.js';
import { PasswordResetRepository } from './repositories/password-reset.repository.js';
import { QueueRepository } from './repositories/queue.repository.js';
import { RateLimitRepository, type Bucket } from './repositories/rate-limit.repository.js';
import { closeRedis, createRedis, type RedisClient } from './repositories/redis.js';
import { RedisPubSub } from './repositories/redis-pubsub.js';
import { SessionRepository } from './repositories/session.repository.js';
import { StorageRepository } from './repositories/storage.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { WebhookDeliveryRepository } from './repositories/webhook-delivery.repository.js';
import { WebhookRepository } from './repositories/webhook.repository.js';
import { SiteBuildRepository, SiteBuilderHttpRepository } from './repositories/site-build.repository.js';
import { ApiKeyService } from './services/api-key.service.js';
import { AuditService } from './services/audit.service.js';
import { AuthService } from './services/auth/auth.service.js';
import { Authenticator } from './services/auth/authenticator.js';
import { PasswordService } from './services/auth/password.service.js';
import { RevocationService } from './services/auth/revocation.service.js';
import { SecretBox } from './services/auth/secret-box.js';
import { TokenService } from './services/auth/token.service.js';
import { TotpService } from './services/auth/totp.service.js';
import { ContactService } from './services/contact.service.js';
import { ContentChanges } from './services/content/content-changes.js';
import { CACHE_NS } from './services/content/events.js';
import { PageService } from './services/content/page.service.js';
import { PostService } from './services/content/post.service.js';
import { ProjectService } from './services/content/project.service.js';
import { PublicCatalogService } from './services/content/public-catalog.service.js';
import { PaasRepository } from './repositories/paas.repository.js';
import { paasUrls } from './services/paas/views.js';
import { PaasEnvService } from './services/paas/app-env.service.js';
import { TaxonomyService } from './services/content/taxonomy.service.js';
import { PreviewTokens } from './services/content/preview-tokens.js';
import { PublicContentService } from './services/content/public-content.service.js';
import { PublishingService } from './services/content/publishing.service.js';
import { HealthService } from './services/health.service.js';
import { MediaService } from './services/media/media.service.js';
import { publicImage } from './services/media/media-views.js';
import { MediaOrphanService } from './services/media/orphans.js';
import { MediaVariantsService } from './services/media/variants.js';
import { MetricsService } from './services/metrics.service.js';
import { UserService } from './services/user.service.js';
import { UrlGuard } from './services/webhooks/url-guard.js';
import { WebhookService } from './services/webhooks/webhook.service.js';
import { SiteBuildService } from './services/site-build.service.js';

const QUEUE_NAMES = Object.values(Jobs).map((j) => j.name);

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
  const queues = new QueueRepository(env.REDIS_URL, env.REDIS_KEY_PREFIX, logger, role === 'worker', env.QUEUE_STALL_INTERVAL_MS);
  const mail = new MailRepository(env.SMTP_URL, env.MAIL_FROM);
  const jobStats = new JobStatsRepository(redis, env.REDIS_KEY_PREFIX);
  const metrics = new MetricsRepository(`omervision-${role}`, {
    dbPool: () => database.stats(),
    queues: () => queues.counts(QUEUE_NAMES),
    jobStats: () => jobStats.read(QUEUE_NAMES),
  });
  return {
    env, logger, database, redis, pubsub, storage, queues, mail, metrics, jobStats,
    async close() {
      await queues.close(env.SHUTDOWN_TIMEOUT_MS / 2);
      await Promise.allSettled([database.close(), pubsub.close(), closeRedis(redis)]);
      storage.close();
      mail.close();
    },
  };
}

/** Posts and public reads; shared by the API and the worker (which publishes scheduled posts). */
export function composeContent(infra: Infrastructure, audit = new AuditService(new AuditRepository(infra.database.db))) {
  const { env, database, redis, queues, logger } = infra;
  const posts = new PostRepository(database.db);
  const apiKeys = new ApiKeyRepository(database.db);
  const cache = new CacheRepository(redis, env.REDIS_KEY_PREFIX, logger, { memoryTtlMs: 30_000, redisTtlSeconds: 600, maxEntries: 5000, enabled: env.CACHE_ENABLED });
  const changes = new ContentChanges(new OutboxRepository(database.db), cache);
  const tx = new TransactionRunner(database.db);
  const mediaRows = new MediaRepository(database.db);
  const images = async (ids: string[]) =>
    new Map((await mediaRows.findByIds(ids)).map((row) => [row.id, publicImage(row, (key) => infra.storage.publicUrl(key))]));
  const postService = new PostService(posts, tx, changes, audit, async (actor) => {
    if (actor.principal.kind === 'user') return actor.principal.userId;
    const key = await apiKeys.findById(actor.principal.apiKeyId);
    if (!key?.createdBy) throw Errors.forbidden('This API key has no owner to author posts as.');
    return key.createdBy;
  });
  const publishing = new PublishingService(
    posts, postService, tx, changes, audit,
    { schedulePublish: async (postId, at) => void (await queues.enqueue(Jobs.postPublish, { postId, at: at.toISOString() }, { id: `publish:${postId}:${at.getTime()}`, runAt: at })) },
    new PreviewTokens(env.JWT_SECRET, env.PUBLIC_API_URL),
    (token) => `${env.SITE_URL}/preview/?token=${encodeURIComponent(token)}`,
    images,
  );
  const projects = new ProjectRepository(database.db);
  const pages = new PageRepository(database.db);
  const taxonomy = new TaxonomyRepository(database.db);
  const paasApps = new PaasRepository(database.db);
  const appUrls = paasUrls(env);
  const demoApps = async () => (await paasApps.listApps()).map((a) => ({
    id: a.id, isPublic: a.isPublic, app: { slug: a.slug, name: a.name, status: a.status, url: appUrls.app(a.slug) },
  }));
  return {
    cache, postService, publishing, publicContent: new PublicContentService(posts, cache, images),
    projects: new ProjectService(projects, tx, changes, audit),
    pages: new PageService(pages, tx, changes, audit),
    taxonomy: new TaxonomyService(taxonomy, tx, changes, audit),
    publicCatalog: new PublicCatalogService(projects, pages, taxonomy, cache, images, demoApps),
  };
}

/** The media library; shared by the API (uploads) and the worker (variants, orphan sweep). */
export function composeMedia(
  infra: Infrastructure,
  audit = new AuditService(new AuditRepository(infra.database.db)),
  cache = new CacheRepository(infra.redis, infra.env.REDIS_KEY_PREFIX, infra.logger, { memoryTtlMs: 30_000, redisTtlSeconds: 600, maxEntries: 5000, enabled: infra.env.CACHE_ENABLED }),
) {
  const { database, storage, queues } = infra;
  const repo = new MediaRepository(database.db);
  const outbox = new OutboxRepository(database.db);
  const tx = new TransactionRunner(database.db);
  const jobs = { enqueueVariants: async (mediaId: string) => void (await queues.enqueue(Jobs.mediaVariants, { mediaId }, { id: mediaId })) };
  return {
    service: new MediaService(repo, storage, tx, new ContentChanges(outbox, cache), audit, jobs),
    // Posts and projects embed the variants: new ones make their cached public answers stale.
    variants: new MediaVariantsService(repo, storage, tx, outbox, () => cache.invalidate(CACHE_NS.posts, CACHE_NS.projects).catch(() => undefined)),
    orphans: new MediaOrphanService(repo, storage, jobs),
  };
}

export interface ApiComposition {
  controllers: object[];
  authenticator: Authenticator;
  cookies: SessionCookies;
  rateLimits: RateLimitPresets | null;
  /** The public read cache, which middleware/cached-answers.ts asks before routing. */
  readCache: AnswerCache;
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
    perAccount: bucket('login-account', env.RATE_LIMIT_LOGIN_ACCOUNT_FAILURES, env.RATE_LIMIT_LOGIN_ACCOUNT_WINDOW_MIN * 60),
    knownAddresses: limits.bucket('login-known', 1, 14 * 86_400),
  }, totp, audit);
  const passwords = new PasswordService(
    users, revocation, new PasswordResetRepository(db), hasher,
    { enqueueReset: async (data) => void (await queues.enqueue(Jobs.passwordReset, data, { id: `password-reset:${data.requestId}` })) },
    bucket('password-reset', 3, 3600), audit,
  );
  const cookies = new SessionCookies(env.COOKIE_SECURE ?? env.NODE_ENV === 'production');
  const userService = new UserService(users, revocation, hasher, audit);
  const contact = new ContactService(
    new ContactRepository(db),
    { enqueueEmail: async (data) => void (await queues.enqueue(Jobs.email, data, { id: data.key })) },
    audit, env.CONTACT_NOTIFY_EMAIL ?? env.ADMIN_EMAIL, infra.logger,
  );
  const content = composeContent(infra, audit);
  const media = composeMedia(infra, audit, content.cache);
  const paas = createPaasService(infra, audit);
  const ops = createOpsServices(infra, audit);
  const transfer = createContentTransfer(infra, audit, content.cache);
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
    cookies,
    readCache: content.cache,
    rateLimits: unlimited ? null : {
      read: bucket('api-read', env.RATE_LIMIT_READ_PER_MIN, 60),
      write: bucket('api-write', env.RATE_LIMIT_WRITE_PER_MIN, 60),
      contact: bucket('contact', env.RATE_LIMIT_CONTACT_PER_HOUR, 3600),
    },
    controllers: [
      new HealthController(health),
      new MetricsController(metricsService),
      new MetaController({ name: 'OmerVision API', version: packageVersion(), openapi: `${env.PUBLIC_API_URL}/openapi.json`, docs: `${env.PUBLIC_API_URL}/docs` }),
      new AuthController(auth, passwords, totp, userService, cookies),
      new UsersController(userService),
      new ApiKeysController(new ApiKeyService(apiKeys, audit, () => authenticator.forget())),
      new AuditController(audit),
      new MediaController(media.service),
      new WebhooksController(new WebhookService(
        new WebhookRepository(db), new WebhookDeliveryRepository(db), new UrlGuard(env.WEBHOOK_ALLOWED_PRIVATE_HOSTS),
        webhookSecretBox(env.JWT_SECRET), webhookScheduler(queues), audit,
      )),
      new PostsController(content.postService, content.publishing),
      new PublicPostsController(content.publicContent, content.publishing),
      new ProjectsController(content.projects),
      new PagesController(content.pages),
      new TaxonomyController(content.taxonomy),
      new PublicCatalogController(content.publicCatalog),
      new ContactController(contact),
      new MessagesController(contact),
      new PaasController(paas),
      new PublicPaasController(paas),
      new PaasEnvController(new PaasEnvService(new PaasRepository(db), new TransactionRunner(db), audit)),
      new PaasRuntimeController(createPaasAppRuntimeService(infra)),
      new OpsController(ops.backup, ops.maintenance),
      new ContentTransferController(transfer.exporter, transfer.importer),
      new SiteBuildsController(new SiteBuildService({
        builds: new SiteBuildRepository(db), tx: new TransactionRunner(db), outbox: new OutboxRepository(db), webhooks: new WebhookRepository(db),
        secrets: webhookSecretBox(env.JWT_SECRET), http: new SiteBuilderHttpRepository(), audit, builderUrl: env.SITE_BUILDER_URL,
      })),
    ],
  };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
