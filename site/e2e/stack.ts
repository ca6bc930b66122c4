import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createInfrastructure, type Infrastructure } from '../../api/src/composition/infrastructure.js';
import { seed } from '../../api/src/db/seed.js';
import { seedSiteBuilder } from '../../api/src/db/seed-site-builder.js';
import { buildJobRegistry } from '../../api/src/composition/worker.js';
import { scheduleOutboxDispatch } from '../../api/src/schedule/recurring.js';
import { webhookSecretBox } from '../../api/src/services/webhooks/webhook-secrets.js';
import { createLogger } from '../../api/src/logger.js';
import { WebhookRepository } from '../../api/src/repositories/webhook.repository.js';
import { testEnv } from '../../api/test/env.js';
import { bearer, PASSWORD } from '../../api/test/factories.js';
import { eventually, startTestApi, type TestApi } from '../../api/test/harness.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SITE_ROOT = new URL('../', import.meta.url).pathname;
export const ADMIN = { email: 'admin@omervision.local', password: PASSWORD };

export interface SiteProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface Stack {
  api: TestApi;
  worker: Infrastructure;
  site: SiteProcess;
  token: string;
  releasesDir: string;
  browser: Browser;
  /** Starts the site server again (after a test killed it). */
  restartSite(): Promise<SiteProcess>;
  call(method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function startSite(port: number, env: Record<string, string>): SiteProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    cwd: SITE_ROOT,
    env: { ...process.env, ...env, SITE_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/**
 * The whole system for browser tests: the real API and worker in this process (own database and
 * Redis prefix from TEST_DATABASE_URL / TEST_REDIS_PREFIX), demo content and the builder's webhook
 * and key from the real seed, the real site server as a child process on a free port, and Chromium.
 */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  // `env` (e.g. PAAS_APP_URL) goes to the API, the worker and the site server alike.
  const overrides = {
    WEBHOOK_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${port}`,
    SITE_BUILDER_URL: siteUrl,
    SITE_URL: siteUrl,
    CORS_ORIGINS: siteUrl,
    RATE_LIMIT_CONTACT_PER_HOUR: '1000',
    RATE_LIMIT_API_KEY_PER_MIN: '100000',
    ...env,
  };
  const api = await startTestApi(overrides);
  const db = api.infra.database.db;
  const tmp = mkdtempSync(join(tmpdir(), 'ov-site-e2e-'));
  await seed(db, ADMIN);
  await seedSiteBuilder(db, {
    builderUrl: siteUrl,
    secretsDir: join(tmp, 'data', 'secrets'),
    sealer: webhookSecretBox(api.infra.env.JWT_SECRET),
    ownerEmail: ADMIN.email,
  });

  const worker = createInfrastructure(testEnv(overrides), createLogger('silent', 'worker-e2e'), 'worker');
  for (const entry of buildJobRegistry(worker)) worker.queues.process(entry.spec, entry.concurrency ?? 2, entry.handle);
  const stopDispatch = scheduleOutboxDispatch(worker);

  const siteEnv = {
    SITE_API_URL: api.url,
    PUBLIC_API_URL: api.url,
    SITE_URL: siteUrl,
    SITE_RELEASES_DIR: join(tmp, 'releases'),
    DATA_DIR: join(tmp, 'data'),
    SITE_DEBOUNCE_MS: '300',
    ...env,
  };
  let site = startSite(port, siteEnv);
  await waitForRelease(site);

  const login = await fetch(`${api.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  return {
    api,
    worker,
    token,
    browser,
    releasesDir: join(tmp, 'releases'),
    get site() {
      return site;
    },
    async restartSite() {
      site = startSite(port, siteEnv);
      await eventually(async () => (await fetch(`${siteUrl}/_builder/health`).catch(() => null))?.ok, 30_000);
      return site;
    },
    call: (method, path, body) =>
      fetch(api.url + path, {
        method,
        headers: { ...bearer(token), 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
    async close() {
      await browser.close().catch(() => undefined);
      await site.stop();
      stopDispatch();
      // Later test files run their own builder on another port: this one's subscription goes quiet.
      const hooks = new WebhookRepository(db);
      for (const hook of await hooks.list())
        if (hook.url.startsWith(siteUrl)) await hooks.update(hook.id, { active: false });
      await worker.close();
      await api.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  } as Stack;
}

/** Waits for the first build to go live; on failure the site's own output explains why. */
async function waitForRelease(site: SiteProcess): Promise<void> {
  try {
    await eventually(async () => (await fetch(`${site.url}/_builder/health`).catch(() => null))?.ok, 180_000, 500);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- site output ---\n${site.output().slice(-4000)}`, { cause: err });
  }
}

export interface BuilderStatus {
  release: string | null;
  releases: string[];
  building: boolean;
  pending: boolean;
  buildPid: number | null;
  renderer: { pid: number | null; warm: boolean; rssMb: number; release: string | null } | null;
}

export async function builderStatus(site: SiteProcess): Promise<BuilderStatus> {
  return (await (await fetch(`${site.url}/_builder/status`)).json()) as BuilderStatus;
}

/** Resolves when the builder has nothing running or waiting. */
export function builderIdle(site: SiteProcess): Promise<unknown> {
  return eventually(
    async () => {
      const s = await builderStatus(site);
      return !s.building && !s.pending;
    },
    90_000,
    250,
  );
}

/** A Lexical document with one paragraph per text. */
export function lexical(...texts: string[]) {
  return {
    root: { type: 'root', children: texts.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })) },
  };
}
