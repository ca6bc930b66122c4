import {
  bigint,
  char,
  boolean,
  index,
  int,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  smallint,
  text,
  tinyint,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { createdAt, id, json, ref, timestamp, updatedAt } from './columns.js';
import type { StoredEnv } from '../domain/paas/app-env.js';

export const ROLES = ['admin', 'editor', 'author', 'viewer'] as const;
export const POST_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
/** The languages a post may declare (null: the site's language). */
export const POST_LANGUAGES = ['tr', 'en'] as const;
export const PUBLISH_STATUSES = ['draft', 'published'] as const;
export const MESSAGE_STATUSES = ['unread', 'read', 'archived'] as const;
/** pending = will (re)try; dead = retries exhausted (dead letter), replayable by hand. */
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'dead'] as const;
export const MEDIA_STATUSES = ['processing', 'ready', 'failed'] as const;
export const APP_STATUSES = [
  'created',
  'queued',
  'cloning',
  'detecting',
  'building',
  'starting',
  'running',
  'failed',
  'stopped',
] as const;
export const DEPLOYMENT_STATUSES = [
  'queued',
  'cloning',
  'detecting',
  'building',
  'starting',
  'running',
  'failed',
  'stopped',
  'superseded',
] as const;
export const BUILD_STATUSES = ['queued', 'building', 'succeeded', 'failed', 'superseded'] as const;

/** Lexical serialized editor state, stored verbatim; rendered columns sit beside it. */
export interface LexicalState {
  root: { type: 'root'; children: unknown[]; [key: string]: unknown };
}
export interface TocEntry {
  id: string;
  text: string;
  level: number;
}

/**
 * Edits to a published post kept aside (autosaved) until someone publishes them: the fields of an
 * update request, the version they were made on, and who saved them when.
 */
export interface PendingPostChanges {
  changes: Record<string, unknown>;
  baseVersion: number;
  savedAt: string;
  savedBy: string | null;
}

// ---------------------------------------------------------------- identity
export const users = mysqlTable(
  'users',
  {
    id: id(),
    email: varchar('email', { length: 254 }).notNull(),
    name: varchar('name', { length: 120 }).notNull(),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    role: mysqlEnum('role', ROLES).notNull().default('viewer'),
    disabledAt: timestamp('disabled_at'),
    totpSecret: varchar('totp_secret', { length: 255 }),
    totpEnabledAt: timestamp('totp_enabled_at'),
    recoveryCodes: json<string[]>('recovery_codes'),
    /** Last accepted TOTP time step: a code is accepted once (no replay within its window). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    passwordChangedAt: timestamp('password_changed_at'),
    lastLoginAt: timestamp('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

/** Refresh tokens: opaque, stored as SHA-256, rotated; a family is one login. */
export const sessions = mysqlTable(
  'sessions',
  {
    id: id(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: char36('family_id').notNull(),
    tokenHash: char64('token_hash').notNull(),
    replacedById: ref('replaced_by_id'),
    usedAt: timestamp('used_at'),
    revokedAt: timestamp('revoked_at'),
    revokedReason: varchar('revoked_reason', { length: 64 }),
    expiresAt: timestamp('expires_at').notNull(),
    ip: varchar('ip', { length: 45 }),
    userAgent: varchar('user_agent', { length: 512 }),
    lastUsedAt: timestamp('last_used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_uq').on(t.tokenHash),
    index('sessions_family_idx').on(t.familyId),
    index('sessions_user_idx').on(t.userId, t.revokedAt),
  ],
);

export const passwordResetTokens = mysqlTable(
  'password_reset_tokens',
  {
    id: id(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: char64('token_hash').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('password_reset_token_hash_uq').on(t.tokenHash)],
);

export const apiKeys = mysqlTable(
  'api_keys',
  {
    id: id(),
    name: varchar('name', { length: 120 }).notNull(),
    /** First characters of the key, shown in lists so a key can be recognised without its secret. */
    prefix: varchar('prefix', { length: 16 }).notNull(),
    keyHash: char64('key_hash').notNull(),
    scopes: json<string[]>('scopes').notNull(),
    /** Requests per minute for this key; null = the API_KEY default. */
    rateLimitPerMinute: int('rate_limit_per_minute'),
    createdBy: ref('created_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at'),
    lastUsedAt: timestamp('last_used_at'),
    revokedAt: timestamp('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash)],
);

// ---------------------------------------------------------------- content
export const media = mysqlTable(
  'media',
  {
    id: id(),
    storageKey: varchar('storage_key', { length: 512 }).notNull(),
    filename: varchar('filename', { length: 255 }).notNull(),
    mimeType: varchar('mime_type', { length: 127 }).notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number', unsigned: true }).notNull(),
    width: int('width'),
    height: int('height'),
    alt: varchar('alt', { length: 500 }).notNull().default(''),
    focalX: tinyint('focal_x'),
    focalY: tinyint('focal_y'),
    variants: json<{ width: number; height: number; key: string; format: string; bytes: number }[]>('variants'),
    /** Variants are made by a job: processing → ready (or failed, with the original still served). */
    status: mysqlEnum('status', MEDIA_STATUSES).notNull().default('processing'),
    sha256: char64('sha256').notNull(),
    uploadedBy: ref('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('media_storage_key_uq').on(t.storageKey), index('media_created_idx').on(t.createdAt)],
);

export const tags = mysqlTable(
  'tags',
  {
    id: id(),
    name: varchar('name', { length: 80 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    description: varchar('description', { length: 500 }).notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('tags_slug_uq').on(t.slug)],
);

export const posts = mysqlTable(
  'posts',
  {
    id: id(),
    slug: varchar('slug', { length: 200 }).notNull(),
    title: varchar('title', { length: 300 }).notNull(),
    excerpt: varchar('excerpt', { length: 1000 }).notNull().default(''),
    content: json<LexicalState>('content').notNull(),
    html: mediumtext('html').notNull(),
    plainText: mediumtext('plain_text').notNull(),
    readingTimeMinutes: smallint('reading_time_minutes').notNull().default(0),
    toc: json<TocEntry[]>('toc').notNull(),
    coverMediaId: ref('cover_media_id').references(() => media.id, { onDelete: 'set null' }),
    authorId: ref('author_id')
      .notNull()
      .references(() => users.id),
    seoTitle: varchar('seo_title', { length: 300 }),
    seoDescription: varchar('seo_description', { length: 500 }),
    canonicalUrl: varchar('canonical_url', { length: 2048 }),
    ogImageMediaId: ref('og_image_media_id').references(() => media.id, { onDelete: 'set null' }),
    featured: boolean('featured').notNull().default(false),
    /** The post's own language; null means the site's. */
    language: mysqlEnum('language', POST_LANGUAGES),
    status: mysqlEnum('status', POST_STATUSES).notNull().default('draft'),
    publishedAt: timestamp('published_at'),
    scheduledAt: timestamp('scheduled_at'),
    /** Optimistic concurrency: a save names the version it edited. */
    version: int('version').notNull().default(1),
    /** Published posts only: autosaved edits that are not live yet. */
    pendingChanges: json<PendingPostChanges>('pending_changes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('posts_slug_uq').on(t.slug),
    index('posts_status_published_idx').on(t.status, t.publishedAt),
    index('posts_author_idx').on(t.authorId),
    index('posts_updated_idx').on(t.updatedAt),
    index('posts_scheduled_idx').on(t.status, t.scheduledAt),
  ],
);

/** Old slugs keep working: the site and API answer them with a redirect to the current one. */
export const slugRedirects = mysqlTable(
  'slug_redirects',
  {
    id: id(),
    entityType: varchar('entity_type', { length: 32 }).notNull(),
    entityId: ref('entity_id').notNull(),
    oldSlug: varchar('old_slug', { length: 200 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('slug_redirects_uq').on(t.entityType, t.oldSlug)],
);

export const postRevisions = mysqlTable(
  'post_revisions',
  {
    id: id(),
    postId: ref('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    revision: int('revision').notNull(),
    title: varchar('title', { length: 300 }).notNull(),
    excerpt: varchar('excerpt', { length: 1000 }).notNull().default(''),
    content: json<LexicalState>('content').notNull(),
    savedBy: ref('saved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('post_revisions_uq').on(t.postId, t.revision)],
);

export const postTags = mysqlTable(
  'post_tags',
  {
    postId: ref('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    tagId: ref('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tagId] }), index('post_tags_tag_idx').on(t.tagId)],
);

export const projects = mysqlTable(
  'projects',
  {
    id: id(),
    slug: varchar('slug', { length: 200 }).notNull(),
    title: varchar('title', { length: 300 }).notNull(),
    summary: varchar('summary', { length: 1000 }).notNull().default(''),
    body: json<LexicalState>('body').notNull(),
    html: mediumtext('html').notNull(),
    techStack: json<string[]>('tech_stack').notNull(),
    repoUrl: varchar('repo_url', { length: 2048 }),
    liveUrl: varchar('live_url', { length: 2048 }),
    imageIds: json<string[]>('image_ids').notNull(),
    sortOrder: int('sort_order').notNull().default(0),
    featured: boolean('featured').notNull().default(false),
    status: mysqlEnum('status', PUBLISH_STATUSES).notNull().default('draft'),
    paasAppId: ref('paas_app_id'),
    publishedAt: timestamp('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('projects_slug_uq').on(t.slug), index('projects_order_idx').on(t.status, t.sortOrder)],
);

export const pages = mysqlTable(
  'pages',
  {
    id: id(),
    slug: varchar('slug', { length: 200 }).notNull(),
    title: varchar('title', { length: 300 }).notNull(),
    content: json<LexicalState>('content').notNull(),
    html: mediumtext('html').notNull(),
    seoTitle: varchar('seo_title', { length: 300 }),
    seoDescription: varchar('seo_description', { length: 500 }),
    status: mysqlEnum('status', PUBLISH_STATUSES).notNull().default('draft'),
    publishedAt: timestamp('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('pages_slug_uq').on(t.slug)],
);

export const skills = mysqlTable(
  'skills',
  {
    id: id(),
    name: varchar('name', { length: 80 }).notNull(),
    category: varchar('category', { length: 80 }).notNull(),
    /** 0–100. */
    level: tinyint('level', { unsigned: true }).notNull().default(50),
    sortOrder: int('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('skills_name_category_uq').on(t.category, t.name)],
);

export const contactMessages = mysqlTable(
  'contact_messages',
  {
    id: id(),
    name: varchar('name', { length: 120 }).notNull(),
    email: varchar('email', { length: 254 }).notNull(),
    subject: varchar('subject', { length: 200 }).notNull().default(''),
    message: text('message').notNull(),
    status: mysqlEnum('status', MESSAGE_STATUSES).notNull().default('unread'),
    ip: varchar('ip', { length: 45 }),
    userAgent: varchar('user_agent', { length: 512 }),
    readAt: timestamp('read_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contact_status_idx').on(t.status, t.createdAt)],
);

/** Key/value settings (title, description, author, social links, navigation, ...). */
export const siteSettings = mysqlTable('site_settings', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: json<unknown>('value').notNull(),
  updatedBy: ref('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------- events and delivery
/** Written in the same transaction as the change it describes; the worker dispatches it. */
export const outboxEvents = mysqlTable(
  'outbox_events',
  {
    id: id(),
    type: varchar('type', { length: 64 }).notNull(),
    aggregateType: varchar('aggregate_type', { length: 32 }).notNull(),
    aggregateId: ref('aggregate_id').notNull(),
    payload: json<Record<string, unknown>>('payload').notNull(),
    dispatchedAt: timestamp('dispatched_at'),
    attempts: int('attempts').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_pending_idx').on(t.dispatchedAt, t.createdAt)],
);

export const webhooks = mysqlTable('webhooks', {
  id: id(),
  name: varchar('name', { length: 120 }).notNull(),
  url: varchar('url', { length: 2048 }).notNull(),
  /** HMAC signing secret; needed in clear to sign, so it is never returned after creation. */
  secret: varchar('secret', { length: 128 }).notNull(),
  events: json<string[]>('events').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: ref('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const webhookDeliveries = mysqlTable(
  'webhook_deliveries',
  {
    id: id(),
    webhookId: ref('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: ref('event_id').notNull(),
    eventType: varchar('event_type', { length: 64 }).notNull(),
    status: mysqlEnum('status', DELIVERY_STATUSES).notNull().default('pending'),
    attempts: int('attempts').notNull().default(0),
    responseStatus: smallint('response_status'),
    responseSnippet: varchar('response_snippet', { length: 1000 }),
    error: varchar('error', { length: 1000 }),
    durationMs: int('duration_ms'),
    nextAttemptAt: timestamp('next_attempt_at'),
    deliveredAt: timestamp('delivered_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_uq').on(t.webhookId, t.eventId),
    index('webhook_deliveries_created_idx').on(t.webhookId, t.createdAt),
    // The dispatcher's stranded-delivery sweep (every 30 s) reads pending rows by due time.
    index('webhook_deliveries_pending_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** One row per delivery attempt: the log the admin reads and replays from. */
export const webhookAttempts = mysqlTable(
  'webhook_attempts',
  {
    id: id(),
    deliveryId: ref('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: int('attempt').notNull(),
    responseStatus: smallint('response_status'),
    responseSnippet: varchar('response_snippet', { length: 1000 }),
    error: varchar('error', { length: 1000 }),
    durationMs: int('duration_ms').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attempt)],
);

/** Outgoing e-mail by idempotency key: a retried job finds the key and does not send twice. */
export const emailLog = mysqlTable('email_log', {
  key: varchar('key', { length: 191 }).primaryKey(),
  to: varchar('to', { length: 254 }).notNull(),
  subject: varchar('subject', { length: 300 }).notNull(),
  messageId: varchar('message_id', { length: 255 }),
  sentAt: timestamp('sent_at'),
  createdAt: createdAt(),
});

export const auditLog = mysqlTable(
  'audit_log',
  {
    /** Auto-increment so the newest-first cursor is a plain integer. */
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    actorUserId: ref('actor_user_id'),
    actorApiKeyId: ref('actor_api_key_id'),
    action: varchar('action', { length: 64 }).notNull(),
    targetType: varchar('target_type', { length: 32 }).notNull(),
    targetId: varchar('target_id', { length: 64 }),
    ip: varchar('ip', { length: 45 }),
    userAgent: varchar('user_agent', { length: 512 }),
    diff: json<Record<string, unknown>>('diff'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_actor_idx').on(t.actorUserId), index('audit_target_idx').on(t.targetType, t.targetId)],
);

// ---------------------------------------------------------------- site builds and PaaS
export const siteBuilds = mysqlTable(
  'site_builds',
  {
    id: id(),
    status: mysqlEnum('status', BUILD_STATUSES).notNull().default('queued'),
    trigger: varchar('trigger', { length: 32 }).notNull(),
    release: varchar('release', { length: 64 }),
    pagesBuilt: int('pages_built'),
    durationMs: int('duration_ms'),
    log: mediumtext('log'),
    error: varchar('error', { length: 1000 }),
    startedAt: timestamp('started_at'),
    finishedAt: timestamp('finished_at'),
    createdAt: createdAt(),
  },
  (t) => [index('site_builds_created_idx').on(t.createdAt)],
);

export const paasApps = mysqlTable(
  'paas_apps',
  {
    id: id(),
    slug: varchar('slug', { length: 63 }).notNull(),
    name: varchar('name', { length: 120 }).notNull(),
    repoUrl: varchar('repo_url', { length: 2048 }).notNull(),
    /** null: the repository's default branch (its HEAD), whatever it is called. */
    branch: varchar('branch', { length: 255 }),
    /** Names in the clear, each value sealed (domain/paas/app-env.ts); rows from before sealing hold the plain map. */
    env: json<StoredEnv>('env').notNull(),
    status: mysqlEnum('status', APP_STATUSES).notNull().default('created'),
    isPublic: boolean('is_public').notNull().default(false),
    /** An image from the repository's own Dockerfile whose USER is root runs as root only when set; else as 10001:10001. */
    runAsRoot: boolean('run_as_root').notNull().default(false),
    // Build settings an admin may set (services/paas/build-settings.ts); null = detected.
    /** The app's folder in the repository (a monorepo package). */
    rootDir: varchar('root_dir', { length: 255 }),
    /** An argv array, or `{ shell }` for a string run by `sh -c` (a bare JSON string would not read back: the driver parses it first). */
    buildCommand: json<string[] | { shell: string }>('build_command'),
    startCommand: json<string[] | { shell: string }>('start_command'),
    /** Static output folder of the build, relative to rootDir. */
    outputDir: varchar('output_dir', { length: 255 }),
    /** The port the app listens on. */
    listenPort: int('listen_port'),
    /** What the health wait asks for (a 2xx/3xx); null = any answer on `/`. */
    healthCheckPath: varchar('health_check_path', { length: 255 }),
    /** Swarm placement constraints (`node.labels.gpu==true`), added to PAAS_SWARM_CONSTRAINTS; null = none. */
    placement: json<string[]>('placement'),
    detectedType: varchar('detected_type', { length: 32 }),
    containerId: varchar('container_id', { length: 128 }),
    imageId: varchar('image_id', { length: 128 }),
    hostPort: int('host_port'),
    url: varchar('url', { length: 2048 }),
    lastError: varchar('last_error', { length: 1000 }),
    /** The port the app listens on inside its container (PORT); the router targets hostPort. */
    containerPort: int('container_port'),
    /** The deployment whose container serves the app (no FK: the two tables would reference each other). */
    activeDeploymentId: ref('active_deployment_id'),
    /** HMAC secret of the git push webhook (X-Hub-Signature-256), sealed with AES-256-GCM. */
    hookSecret: varchar('hook_secret', { length: 255 }),
    // A private repository (services/paas/repo-access.ts): an https token, or an ssh deploy key.
    /** Access token of a private https repository, sealed (AES-256-GCM); never returned. */
    gitToken: text('git_token'),
    /** The user name sent with gitToken (GitHub x-access-token, GitLab oauth2, Bitbucket x-token-auth). */
    gitUsername: varchar('git_username', { length: 64 }),
    /** The app's ed25519 deploy key: the OpenSSH private key, sealed. */
    deployKey: text('deploy_key'),
    /** Its public half, `ssh-ed25519 AAAA… omervision-<slug>`. */
    deployKeyPublic: varchar('deploy_key_public', { length: 255 }),
    /** The ssh host key pinned at the first clone (one known_hosts line); later clones require it. */
    sshKnownHost: text('ssh_known_host'),
    createdBy: ref('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('paas_apps_slug_uq').on(t.slug)],
);

export const paasDeployments = mysqlTable(
  'paas_deployments',
  {
    id: id(),
    appId: ref('app_id')
      .notNull()
      .references(() => paasApps.id, { onDelete: 'cascade' }),
    status: mysqlEnum('status', DEPLOYMENT_STATUSES).notNull().default('queued'),
    commitSha: char('commit_sha', { length: 40 }),
    reason: varchar('reason', { length: 1000 }),
    log: mediumtext('log'),
    /** manual | webhook | redeploy. */
    trigger: varchar('trigger', { length: 16 }).notNull().default('manual'),
    branch: varchar('branch', { length: 255 }),
    detectedType: varchar('detected_type', { length: 32 }),
    /** The generated Dockerfile; null when the repository's own was used. */
    dockerfile: text('dockerfile'),
    imageId: varchar('image_id', { length: 128 }),
    containerId: varchar('container_id', { length: 128 }),
    hostPort: int('host_port'),
    containerPort: int('container_port'),
    createdBy: ref('created_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at'),
    finishedAt: timestamp('finished_at'),
    durationMs: int('duration_ms'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('paas_deployments_app_idx').on(t.appId, t.createdAt),
    index('paas_deployments_status_idx').on(t.status),
  ],
);

function char36(name: string) {
  return char(name, { length: 36 });
}
function char64(name: string) {
  return char(name, { length: 64 });
}

// ---------------------------------------------------------------- operations
export const MAINTENANCE_OUTCOMES = ['running', 'succeeded', 'failed'] as const;

/** The last run of each periodic job (cleanup, media sweep, backup, …): what the admin and monitoring read. */
export const maintenanceRuns = mysqlTable('maintenance_runs', {
  job: varchar('job', { length: 64 }).primaryKey(),
  outcome: mysqlEnum('outcome', MAINTENANCE_OUTCOMES).notNull(),
  startedAt: timestamp('started_at').notNull(),
  finishedAt: timestamp('finished_at'),
  durationMs: int('duration_ms'),
  /** What the run did (rows removed, archive written, …). */
  result: json<Record<string, unknown>>('result'),
  error: varchar('error', { length: 1000 }),
  lastSuccessAt: timestamp('last_success_at'),
  runs: int('runs').notNull().default(0),
  /** Failed runs since the last success: 0 when healthy. */
  consecutiveFailures: int('consecutive_failures').notNull().default(0),
  updatedAt: updatedAt(),
});
