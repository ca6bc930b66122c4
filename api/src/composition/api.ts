import { readFileSync } from 'node:fs';
import { ApiKeysController } from '../controllers/api-keys.controller.js';
import { AuditController } from '../controllers/audit.controller.js';
import { AuthController } from '../controllers/auth.controller.js';
import { ContactController } from '../controllers/contact.controller.js';
import { ContentTransferController } from '../controllers/content-transfer.controller.js';
import { HealthController } from '../controllers/health.controller.js';
import { MediaController } from '../controllers/media.controller.js';
import { MessagesController } from '../controllers/messages.controller.js';
import { MetaController } from '../controllers/meta.controller.js';
import { MetricsController } from '../controllers/metrics.controller.js';
import { OpsController } from '../controllers/ops.controller.js';
import { PagesController } from '../controllers/pages.controller.js';
import { PaasRuntimeController } from '../controllers/paas-runtime.controller.js';
import { PaasEnvController } from '../controllers/paas-env.controller.js';
import { PaasController, PublicPaasController } from '../controllers/paas.controller.js';
import { PostsController } from '../controllers/posts.controller.js';
import { ProjectsController } from '../controllers/projects.controller.js';
import { PublicCatalogController } from '../controllers/public-catalog.controller.js';
import { PublicPostsController } from '../controllers/public-posts.controller.js';
import { SiteBuildsController } from '../controllers/site-builds.controller.js';
import { SettingsController } from '../controllers/settings.controller.js';
import { SkillsController } from '../controllers/skills.controller.js';
import { TagsController } from '../controllers/tags.controller.js';
import { UsersController } from '../controllers/users.controller.js';
import { WebhooksController } from '../controllers/webhooks.controller.js';
import { Jobs } from '../jobs/job-spec.js';
import type { AnswerCache } from '../middleware/cached-answers.js';
import type { SessionCookies } from '../middleware/cookies.js';
import type { RateLimitPresets } from '../middleware/rate-limit.js';
import { AuditRepository } from '../repositories/audit.repository.js';
import { ContactRepository } from '../repositories/contact.repository.js';
import { TransactionRunner } from '../repositories/database.js';
import { SiteBuildRepository, SiteBuilderHttpRepository } from '../repositories/site-build.repository.js';
import { WebhookRepository } from '../repositories/webhook.repository.js';
import { AuditService } from '../services/audit.service.js';
import type { Authenticator } from '../services/auth/authenticator.js';
import { ContactService } from '../services/contact.service.js';
import { HealthService } from '../services/health.service.js';
import { MetricsService } from '../services/metrics.service.js';
import { SiteBuildService } from '../services/site-build.service.js';
import { webhookSecretBox } from '../services/webhooks/webhook-secrets.js';
import { composeAuth, composeRateLimits } from './auth.js';
import { composeContent } from './content.js';
import { createOutbox, QUEUE_NAMES, type Infrastructure } from './infrastructure.js';
import { composeMedia } from './media.js';
import { createContentTransfer, createOpsServices } from './ops.js';
import { composePaas, composePaasAppRuntime, composePaasEnv } from './paas.js';
import { composeWebhooks } from './webhooks.js';

export interface ApiComposition {
  controllers: object[];
  authenticator: Authenticator;
  cookies: SessionCookies;
  rateLimits: RateLimitPresets | null;
  /** The public read cache, which middleware/cached-answers.ts asks before routing. */
  readCache: AnswerCache;
}

/** The composition root of the API: one module per area, concrete classes wired through constructors, nothing hidden. */
export function composeApi(infra: Infrastructure): ApiComposition {
  const { env, database, redis, storage, queues, metrics } = infra;
  const db = database.db;
  const audit = new AuditService(new AuditRepository(db));
  const rates = composeRateLimits(infra);
  const auth = composeAuth(infra, audit, rates);
  const content = composeContent(infra, audit);
  const media = composeMedia(infra, audit, content.cache);
  const paas = composePaas(infra, audit);
  const ops = createOpsServices(infra, audit);
  const transfer = createContentTransfer(infra, audit, content.cache);
  const contact = new ContactService(
    new ContactRepository(db),
    { enqueueEmail: async (data) => void (await queues.enqueue(Jobs.email, data, { id: data.key })) },
    audit,
    env.CONTACT_NOTIFY_EMAIL ?? env.ADMIN_EMAIL,
    infra.logger,
  );
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
  const siteBuilds = new SiteBuildService({
    builds: new SiteBuildRepository(db),
    tx: new TransactionRunner(db),
    outbox: createOutbox(infra),
    webhooks: new WebhookRepository(db),
    secrets: webhookSecretBox(env.JWT_SECRET),
    http: new SiteBuilderHttpRepository(),
    audit,
    builderUrl: env.SITE_BUILDER_URL,
  });

  return {
    authenticator: auth.authenticator,
    cookies: auth.cookies,
    readCache: content.cache,
    rateLimits: rates.presets,
    controllers: [
      new HealthController(health),
      new MetricsController(metricsService),
      new MetaController({
        name: 'OmerVision API',
        version: packageVersion(),
        openapi: `${env.PUBLIC_API_URL}/openapi.json`,
        docs: `${env.PUBLIC_API_URL}/docs`,
      }),
      new AuthController(auth.auth, auth.passwords, auth.totp, auth.users, auth.cookies),
      new UsersController(auth.users),
      new ApiKeysController(auth.apiKeys),
      new AuditController(audit),
      new MediaController(media.service),
      new WebhooksController(composeWebhooks(infra, audit)),
      new PostsController(content.postService, content.publishing),
      new PublicPostsController(content.publicPosts, content.publishing),
      new ProjectsController(content.projects),
      new PagesController(content.pages),
      new SkillsController(content.skills),
      new TagsController(content.tags),
      new SettingsController(content.settings),
      new PublicCatalogController(content.publicCatalog),
      new ContactController(contact),
      new MessagesController(contact),
      new PaasController(paas),
      new PublicPaasController(paas),
      new PaasEnvController(composePaasEnv(infra, audit)),
      new PaasRuntimeController(composePaasAppRuntime(infra)),
      new OpsController(ops.backup, ops.maintenance),
      new ContentTransferController(transfer.exporter, transfer.importer),
      new SiteBuildsController(siteBuilds),
    ],
  };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
