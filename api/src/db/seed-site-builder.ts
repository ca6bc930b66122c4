import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../repositories/database.js';
import { API_KEY_PREFIX } from '../services/api-key.service.js';
import { randomToken, sha256 } from '../services/auth/token.service.js';
import { BUILDER_HOOK_PATH } from '../services/site-build.service.js';
import { generateSecret, openSecret, type Sealer } from '../services/webhooks/signature.js';
import * as t from './schema.js';

/** What the builder's key may do: read content, open and finish build records. */
export const SITE_BUILDER_SCOPES = ['content:read', 'site:build'];
export const SITE_WEBHOOK_SECRET_FILE = 'site-webhook';
export const SITE_BUILDER_KEY_FILE = 'site-builder-key';

export interface SiteBuilderSeedOptions {
  /** SITE_BUILDER_URL; the subscription points at `<url>/_builder/hooks/site-changed`. */
  builderUrl: string;
  /** `<DATA_DIR>/secrets`: the builder reads the webhook secret and its API key from here. */
  secretsDir: string;
  /** SITE_WEBHOOK_SECRET when set; else the file, generated when missing. */
  webhookSecret?: string;
  sealer: Sealer;
  /** Owner of the key and the subscription (the seeded admin). */
  ownerEmail: string;
}

export interface SiteBuilderSeedResult {
  webhook: 'created' | 'secret-updated' | 'present';
  key: 'created' | 'present';
}

/**
 * Connects the site builder to the API, idempotently: a `site.changed` webhook pointing at the
 * builder (signed with the secret the builder reads from `secrets/site-webhook`) and an API key for
 * its build records in `secrets/site-builder-key` (mode 600). The files are the builder's source of
 * truth: a row whose secret differs is brought in line, and a key file whose key is unknown or
 * revoked (a reset database) is replaced.
 */
export async function seedSiteBuilder(db: Db, opts: SiteBuilderSeedOptions): Promise<SiteBuilderSeedResult> {
  mkdirSync(opts.secretsDir, { recursive: true, mode: 0o700 });
  const [owner] = await db
    .select({ id: t.users.id })
    .from(t.users)
    .where(eq(t.users.email, opts.ownerEmail.toLowerCase()));
  const result: SiteBuilderSeedResult = { webhook: 'present', key: 'present' };

  const secretFile = join(opts.secretsDir, SITE_WEBHOOK_SECRET_FILE);
  let secret = opts.webhookSecret ?? readSecret(secretFile);
  if (!secret) {
    secret = generateSecret();
    writeSecret(secretFile, secret);
  }
  const url = new URL(BUILDER_HOOK_PATH, opts.builderUrl).toString();
  const [hook] = await db.select().from(t.webhooks).where(eq(t.webhooks.url, url));
  if (!hook) {
    await db.insert(t.webhooks).values({
      id: uuidv7(),
      name: 'Site builder',
      url,
      secret: opts.sealer.seal(secret),
      events: ['site.changed'],
      active: true,
      createdBy: owner?.id ?? null,
    });
    result.webhook = 'created';
  } else if (currentSecret(hook.secret, opts.sealer) !== secret) {
    await db
      .update(t.webhooks)
      .set({ secret: opts.sealer.seal(secret) })
      .where(eq(t.webhooks.id, hook.id));
    result.webhook = 'secret-updated';
  }

  const keyFile = join(opts.secretsDir, SITE_BUILDER_KEY_FILE);
  const existing = readSecret(keyFile);
  const known = existing
    ? (
        await db
          .select({ id: t.apiKeys.id })
          .from(t.apiKeys)
          .where(and(eq(t.apiKeys.keyHash, sha256(existing)), isNull(t.apiKeys.revokedAt)))
      )[0]
    : undefined;
  if (!known) {
    const key = randomToken(API_KEY_PREFIX);
    await db.insert(t.apiKeys).values({
      id: uuidv7(),
      name: 'Site builder',
      prefix: key.slice(0, 12),
      keyHash: sha256(key),
      scopes: SITE_BUILDER_SCOPES,
      // A full build of a large site reads every post once; the per-IP limits still apply.
      rateLimitPerMinute: 100_000,
      createdBy: owner?.id ?? null,
      expiresAt: null,
    });
    writeSecret(keyFile, key);
    result.key = 'created';
  }
  return result;
}

function currentSecret(stored: string, sealer: Sealer): string | null {
  try {
    return openSecret(stored, sealer);
  } catch {
    return null; // sealed under another JWT_SECRET: replace it
  }
}

function readSecret(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all (rename), readable by the owner only. */
function writeSecret(file: string, value: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, value, { mode: 0o600 });
  renameSync(tmp, file);
}
