import { z } from 'zod';
import { paasDomainProblem } from './paas-domain.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const port = z.coerce.number().int().min(1).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL (${protocols.join(' or ')})`,
  );

/** Every setting the api and worker read. Defaults are the embedded dev stack (scripts/services.sh). */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(8000),
  PUBLIC_API_URL: url(['http:', 'https:']).default('http://127.0.0.1:8000'),
  SITE_URL: url(['http:', 'https:']).default('http://127.0.0.1:3000'),
  /** Where the API reaches the site builder (rollback) and where the seed points its webhook. */
  SITE_BUILDER_URL: url(['http:', 'https:']).default('http://127.0.0.1:3000'),
  DATABASE_URL: url(['mysql:']).default('mysql://omervision:omervision@127.0.0.1:3307/omervision'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6380'),
  REDIS_KEY_PREFIX: z.string().default('ov:'),
  S3_ENDPOINT: z.union([url(['http:', 'https:']), z.literal('')]).default('http://127.0.0.1:9100'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).default('omervision-media'),
  S3_ACCESS_KEY_ID: z.string().min(1).default('S3RVER'),
  S3_SECRET_ACCESS_KEY: z.string().min(1).default('S3RVER'),
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** Public base URL of media objects (e.g. a CDN); empty = the bucket's own URL at S3_ENDPOINT. */
  MEDIA_PUBLIC_URL: z.union([url(['http:', 'https:']), z.literal('')]).default(''),
  /** Largest accepted upload in bytes (413 above). */
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).max(104_857_600).default(10_485_760),
  SMTP_URL: url(['smtp:', 'smtps:']).default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().min(3).default('OmerVision <no-reply@omervision.local>'),
  CORS_ORIGINS: list.default(['http://127.0.0.1:3000', 'http://localhost:3000']),
  TRUST_PROXY: z.string().default('loopback'),
  /** `__Host-`/`__Secure-` session cookie names, always Secure; unset = on in production only. */
  COOKIE_SECURE: bool.optional(),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 1mb or 512kb')
    .default('1mb'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SLOW_REQUEST_MS: z.coerce.number().int().min(1).default(1000),
  HEALTH_TIMEOUT_MS: z.coerce.number().int().min(50).default(1500),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  /** API processes (node:cluster) sharing the port; unset = one per core in production, else 1. */
  API_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  JWT_SECRET: z.string().default(''),
  ADMIN_EMAIL: z.email().default('admin@omervision.local'),
  ADMIN_PASSWORD: z.string().default(''),
  /** Who gets contact-form messages by e-mail; unset = ADMIN_EMAIL. */
  CONTACT_NOTIFY_EMAIL: z.email().optional(),
  /** false = every public read goes to MySQL (benchmarks, debugging). */
  CACHE_ENABLED: bool.default(true),
  RATE_LIMIT_ENABLED: bool.default(true),
  RATE_LIMIT_READ_PER_MIN: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_WRITE_PER_MIN: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_CONTACT_PER_HOUR: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_LOGIN_PER_MIN: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_LOGIN_IP_PER_15MIN: z.coerce.number().int().min(1).default(100),
  /** Failed sign-ins per account from any address within the window, then 429 until it ends. */
  RATE_LIMIT_LOGIN_ACCOUNT_FAILURES: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_LOGIN_ACCOUNT_WINDOW_MIN: z.coerce.number().int().min(1).max(1440).default(15),
  RATE_LIMIT_API_KEY_PER_MIN: z.coerce.number().int().min(1).default(600),
  QUEUE_STALL_INTERVAL_MS: z.coerce.number().int().min(500).default(5000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Jobs per queue of high-priority types (e-mail, webhook delivery, scheduled publishing). */
  WORKER_CONCURRENCY_HIGH: z.coerce.number().int().min(1).max(64).default(4),
  /** Jobs per queue of low-priority types (cleanup, media sweep, backup). */
  WORKER_CONCURRENCY_LOW: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * `host:port` pairs webhooks may reach although they resolve to a private or loopback address (the
   * local site builder); everything else must be public (services/webhooks/url-guard.ts). `none`
   * allows none.
   */
  WEBHOOK_ALLOWED_PRIVATE_HOSTS: list
    .refine(
      (items) => items.every((h) => h === 'none' || /^(\[[0-9a-f:.]+\]|[^\s:/[\]]+):\d{1,5}$/i.test(h)),
      'must be a comma-separated list of host:port (or none)',
    )
    .default(['127.0.0.1:3000', 'localhost:3000']),
  DATA_DIR: z.string().default('.data'),
  // PaaS (services/paas, composition/paas*.ts, router.ts)
  PAAS_ROUTER_HOST: z.string().min(1).default('127.0.0.1'),
  PAAS_ROUTER_PORT: port.default(8090),
  /** Apps answer at `<slug>.<PAAS_DOMAIN>` on the router. */
  PAAS_DOMAIN: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i, 'must be a domain name')
    .default('apps.localhost'),
  /** Public URL of an app with `{slug}` in it; unset = http://<slug>.<PAAS_DOMAIN>:<PAAS_ROUTER_PORT>. */
  PAAS_APP_URL: z
    .string()
    .refine((v) => v.includes('{slug}') && /^https?:\/\//.test(v), 'must be an http(s) URL containing {slug}')
    .optional(),
  /**
   * Tests and local development only: 1 accepts file:// repository URLs; `loopback` also https and
   * ssh hosts on loopback addresses (the private-repository tests' git servers). Never other private ranges.
   */
  PAAS_ALLOW_LOCAL_REPOS: z.union([z.literal('loopback'), bool]).default(false),
  /** Runs Node apps; glibc (Debian), like the build image, so native modules built there load. */
  PAAS_IMAGE_NODE: z.string().min(1).default('node:24-bookworm-slim'),
  /** Build stage of Node apps: python3, make and g++ for native modules. */
  PAAS_IMAGE_NODE_BUILD: z.string().min(1).default('node:24-bookworm'),
  PAAS_IMAGE_STATIC: z.string().min(1).default('node:24-alpine'),
  PAAS_IMAGE_PYTHON: z.string().min(1).default('python:3.12-slim'),
  /** Checkouts and build contexts; unset = <DATA_DIR>/paas. */
  PAAS_WORK_DIR: z.string().optional(),
  PAAS_BUILD_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  PAAS_CLONE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  PAAS_REPO_MAX_MB: z.coerce.number().int().min(1).default(200),
  PAAS_BUILD_TIMEOUT_MS: z.coerce.number().int().min(5000).default(900_000),
  PAAS_HEALTH_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  PAAS_KEEP_IMAGES: z.coerce.number().int().min(1).max(50).default(3),
  /** Runtime output kept per app in Redis: about this many lines (trimmed in blocks of ~100)… */
  PAAS_APP_LOG_MAX_LINES: z.coerce.number().int().min(100).max(100_000).default(5000),
  /** …none older than this many hours. */
  PAAS_APP_LOG_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  /** How often the worker samples CPU, memory and restarts of running apps. */
  PAAS_APP_METRICS_INTERVAL_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  // The build and run sandbox (services/paas/sandbox.ts, SECURITY.md)
  /**
   * enforce = no deployment without the egress policy installed (by this worker); agent = installed by
   * the node's egress agent (api/src/egress-agent.ts, Swarm), no deployment without its fresh stamp;
   * off = an outside firewall confines the ovp* bridges.
   */
  PAAS_EGRESS_POLICY: z.enum(['enforce', 'agent', 'off']).default('enforce'),
  /** Destinations builds and apps may reach although private: CIDR or address, optionally :port (e.g. a proxy on the LAN). */
  PAAS_EGRESS_ALLOW: list
    .refine(
      (items) => items.every((i) => /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?(:\d{1,5})?$/.test(i)),
      'must be a comma-separated list of IPv4 addresses or CIDRs, optionally with :port',
    )
    .default([]),
  /** Registries a repository's own Dockerfile may name in FROM / COPY --from (pulled by the worker before the build). */
  PAAS_ALLOWED_REGISTRIES: list.default([
    'docker.io',
    'ghcr.io',
    'quay.io',
    'gcr.io',
    'mcr.microsoft.com',
    'public.ecr.aws',
    'registry.gitlab.com',
  ]),
  PAAS_BUILD_MEMORY_MB: z.coerce.number().int().min(64).default(2048),
  PAAS_BUILD_PIDS_LIMIT: z.coerce.number().int().min(32).default(512),
  /** How much one build may fill the engine's disk before it is stopped. */
  PAAS_BUILD_DISK_MB: z.coerce.number().int().min(64).default(4096),
  PAAS_BUILD_CONTEXT_MB: z.coerce.number().int().min(1).default(250),
  PAAS_IMAGE_MAX_MB: z.coerce.number().int().min(16).default(2048),
  PAAS_BUILD_LOG_MAX_KB: z.coerce.number().int().min(16).default(2048),
  /** Proxy for builds and apps; unset = the worker's own HTTP_PROXY / HTTPS_PROXY / NO_PROXY. */
  PAAS_BUILD_HTTP_PROXY: z.string().url().optional(),
  PAAS_BUILD_HTTPS_PROXY: z.string().url().optional(),
  PAAS_BUILD_NO_PROXY: z.string().optional(),
  /** `0` when the npm registry (a mirror or proxy) strips package signatures, which corepack then refuses. */
  PAAS_BUILD_COREPACK_INTEGRITY_KEYS: z.string().optional(),
  /** CA bundle (PEM) builds and apps trust; unset = the worker's NODE_EXTRA_CA_CERTS or SSL_CERT_FILE; `none` = no bundle. */
  PAAS_BUILD_CA_FILE: z.string().min(1).optional(),
  /** OCI runtime for app containers (`runsc` for gVisor, `kata-runtime`), registered in the engine's daemon.json; unset = runc. */
  PAAS_CONTAINER_RUNTIME: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'must be a runtime name from daemon.json')
    .optional(),
  /** Id of this installation on a shared Docker Engine; unset = derived from DATABASE_URL and REDIS_KEY_PREFIX. */
  PAAS_INSTANCE: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and -')
    .optional(),
  /** How apps run: `docker` (containers on this engine) or `swarm` (services on the swarm this engine manages). Builds stay local. */
  PAAS_DRIVER: z.enum(['docker', 'swarm']).default('docker'),
  /** swarm: the registry app images are pushed to, reachable by every node (scripts/registry.sh runs one on 127.0.0.1:5000). */
  PAAS_REGISTRY: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d{1,5})?(\/[a-z0-9._/-]+)?$/i, 'must be host[:port][/path]')
    .default('127.0.0.1:5000'),
  /** swarm: the app router, joined to each app's overlay network: `service:<name>` (a stack) or `container:<name>`; unset = apps are reachable only on the overlays. */
  PAAS_SWARM_ROUTER: z
    .string()
    .regex(/^(service|container):[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'must be service:<name> or container:<name>')
    .optional(),
  /** swarm: placement constraints for every app (`node.labels.paas==true,node.role==worker`). */
  PAAS_SWARM_CONSTRAINTS: list.default([]),
  // Operations (services/ops, composition/ops.ts, scripts/backup.ts, scripts/restore.ts)
  /** Local folder of backup archives; unset = <DATA_DIR>/backups. Ignored when BACKUP_S3_BUCKET is set. */
  BACKUP_DIR: z.string().optional(),
  /** Archives go to this bucket (same S3 endpoint and keys as the media) instead of BACKUP_DIR. */
  BACKUP_S3_BUCKET: z.string().min(3).optional(),
  BACKUP_S3_PREFIX: z
    .string()
    .regex(/^[^\s]*$/, 'must not contain spaces')
    .default('backups/'),
  /** Set = archives are encrypted (AES-256-GCM, key from scrypt); restoring needs the same passphrase. */
  BACKUP_PASSPHRASE: z.string().min(12, 'must be at least 12 characters').optional(),
  BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).max(365).default(7),
  BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).max(520).default(4),
  /** UTC hour of the daily backup. */
  BACKUP_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(2),
  RETENTION_AUDIT_DAYS: z.coerce.number().int().min(1).default(365),
  RETENTION_WEBHOOK_DAYS: z.coerce.number().int().min(1).default(30),
  RETENTION_DEPLOY_LOG_DAYS: z.coerce.number().int().min(1).default(30),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses once; an empty string counts as unset so `.env` lines like `FOO=` fall back to the default. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([key, v]) => v !== '' && key in envSchema.shape));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const env = result.data;
  if (env.NODE_ENV === 'production' && env.JWT_SECRET.length < 32) {
    throw new ConfigError(['JWT_SECRET: must be at least 32 characters in production']);
  }
  // Outside production boot.ts only warns (apps.localhost and the like are fine on a laptop).
  const paas = env.NODE_ENV === 'production' ? paasDomainProblem(env) : undefined;
  if (paas) throw new ConfigError([`PAAS_DOMAIN: ${paas}`]);
  return env;
}
