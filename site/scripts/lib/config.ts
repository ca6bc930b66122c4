import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { originOf, paasFrameSources, type CspSources } from './csp.ts';

export interface SiteServerConfig {
  host: string;
  port: number;
  siteRoot: string;
  releasesDir: string;
  keepReleases: number;
  /** Where the builder reads content (and records builds). */
  apiUrl: string;
  /** The API as browsers reach it (contact form, previews, PaaS status). */
  publicApiUrl: string;
  siteUrl: string;
  debounceMs: number;
  maxWaitMs: number;
  buildTimeoutMs: number;
  webhookSecretEnv?: string;
  webhookSecretFile: string;
  builderKeyEnv?: string;
  builderKeyFile: string;
  purgeUrl?: string;
  purgeToken?: string;
  /** Keep a resident renderer between builds (SITE_RESIDENT_RENDERER=false: one astro build per publish). */
  residentRenderer: boolean;
  /** The renderer is replaced when a build leaves it above this resident set size. */
  rendererMaxRssMb: number;
  /** Build once at start when the API answers (make dev); off in some tests. */
  buildOnStart: boolean;
  /** What the pages' Content-Security-Policy allows besides the site itself: the API, the PaaS apps. */
  csp: CspSources;
}

/**
 * Settings of the site server/builder, from the environment, then `<repo>/.env` (like the API).
 * SITE_PORT, SITE_HOST, SITE_API_URL, PUBLIC_API_URL, SITE_URL, SITE_RELEASES_DIR, SITE_KEEP_RELEASES,
 * SITE_DEBOUNCE_MS, SITE_BUILD_TIMEOUT_MS, SITE_WEBHOOK_SECRET, SITE_BUILDER_KEY, CDN_PURGE_URL,
 * CDN_PURGE_TOKEN, SITE_BUILD_ON_START, SITE_RESIDENT_RENDERER, SITE_RENDERER_MAX_RSS_MB, DATA_DIR; for the Content-Security-Policy also the API's
 * PAAS_APP_URL, PAAS_DOMAIN and PAAS_ROUTER_PORT (where the /paas/ page finds the apps it embeds).
 */
export function loadSiteConfig(source: NodeJS.ProcessEnv = process.env): SiteServerConfig {
  const siteRoot = resolve(new URL('.', import.meta.url).pathname, '../..');
  const repoRoot = resolve(siteRoot, '..');
  const file = join(repoRoot, '.env');
  const env = { ...(existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {}), ...source } as Record<
    string,
    string | undefined
  >;
  const get = (key: string) => (env[key] === '' ? undefined : env[key]);
  const num = (key: string, fallback: number) => {
    const raw = get(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${key}: must be a non-negative number (got "${raw}")`);
    return n;
  };
  const dataDir = get('DATA_DIR') ?? '.data';
  const secrets = join(isAbsolute(dataDir) ? dataDir : join(repoRoot, dataDir), 'secrets');
  const releasesDir = get('SITE_RELEASES_DIR') ?? join(siteRoot, '.releases');
  const publicApiUrl = (get('PUBLIC_API_URL') ?? 'http://127.0.0.1:8000').replace(/\/+$/, '');
  const port = num('SITE_PORT', 3000);
  return {
    host: get('SITE_HOST') ?? '127.0.0.1',
    port,
    siteRoot,
    releasesDir: isAbsolute(releasesDir) ? releasesDir : resolve(repoRoot, releasesDir),
    keepReleases: Math.max(1, num('SITE_KEEP_RELEASES', 5)),
    apiUrl: (get('SITE_API_URL') ?? publicApiUrl).replace(/\/+$/, ''),
    publicApiUrl,
    siteUrl: (get('SITE_URL') ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    // Short: the API's outbox already folds a burst of site.changed into one delivery, and changes that
    // arrive during a build wait for the next one anyway.
    debounceMs: num('SITE_DEBOUNCE_MS', 200),
    maxWaitMs: num('SITE_MAX_WAIT_MS', 3000),
    buildTimeoutMs: num('SITE_BUILD_TIMEOUT_MS', 600_000),
    webhookSecretEnv: get('SITE_WEBHOOK_SECRET'),
    webhookSecretFile: join(secrets, 'site-webhook'),
    builderKeyEnv: get('SITE_BUILDER_KEY'),
    builderKeyFile: join(secrets, 'site-builder-key'),
    purgeUrl: get('CDN_PURGE_URL'),
    purgeToken: get('CDN_PURGE_TOKEN'),
    buildOnStart: get('SITE_BUILD_ON_START') !== 'false',
    residentRenderer: get('SITE_RESIDENT_RENDERER') !== 'false',
    rendererMaxRssMb: num('SITE_RENDERER_MAX_RSS_MB', 1536),
    csp: {
      connect: originOf(publicApiUrl),
      frames: paasFrameSources({
        PAAS_APP_URL: get('PAAS_APP_URL'),
        PAAS_DOMAIN: get('PAAS_DOMAIN'),
        PAAS_ROUTER_PORT: get('PAAS_ROUTER_PORT'),
      }),
    },
  };
}

/** The builder's API key, read fresh for every build (the seed may have replaced it). */
export function builderKey(config: SiteServerConfig): string | undefined {
  if (config.builderKeyEnv) return config.builderKeyEnv;
  try {
    return readFileSync(config.builderKeyFile, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
