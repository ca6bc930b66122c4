/**
 * The site's one process (`node --import tsx site/scripts/server.ts`, port SITE_PORT, default 3000):
 * serves releases/current as static files with CDN cache headers and rebuilds the site when the
 * API's signed `site.changed` webhook arrives (POST /_builder/hooks/site-changed).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { BuildRecords } from './lib/build-records.ts';
import { Builder } from './lib/builder.ts';
import { Coalescer } from './lib/coalescer.ts';
import { builderKey, loadSiteConfig } from './lib/config.ts';
import { contactFallback, json, readBody, SeenIds, tooLarge, WebhookSecret } from './lib/hooks.ts';
import { ReleaseStore } from './lib/releases.ts';
import { createStaticHandler, FileCache, splitUrl, type Live } from './lib/static-server.ts';

const config = loadSiteConfig();
const log = (m: string) => console.log(`${new Date().toISOString()} ${m}`);
const releases = new ReleaseStore(config.releasesDir, config.keepReleases);
await releases.init();

let live: Live | null = null;
const cache = new FileCache();
/** Reads the manifest of the release `current` points at; the old one serves until the new one is read. */
async function loadLive(): Promise<void> {
  const id = await releases.current();
  if (!id) {
    live = null;
    return;
  }
  if (live?.id === id) return;
  const manifest = await releases.manifest(id);
  if (!manifest) return log(`release ${id} has no manifest; still serving ${live?.id ?? 'nothing'}`);
  live = { id, dir: releases.dir(id), manifest };
  cache.clear();
}
await loadLive();
// `current` may also be switched from outside (ln -sfn by hand); notice within two seconds.
setInterval(() => void loadLive().catch(() => undefined), 2000).unref();

const records = new BuildRecords(
  config.apiUrl,
  () => builderKey(config),
  (m) => log(`records: ${m}`),
);
const builder = new Builder({
  siteRoot: config.siteRoot,
  releases,
  records,
  buildEnv: { SITE_URL: config.siteUrl, PUBLIC_API_URL: config.publicApiUrl, SITE_API_URL: config.apiUrl },
  builderKey: () => builderKey(config),
  purge: config.purgeUrl ? { url: config.purgeUrl, token: config.purgeToken } : undefined,
  timeoutMs: config.buildTimeoutMs,
  resident: config.residentRenderer ? { maxRssMb: config.rendererMaxRssMb } : undefined,
  onLive: loadLive,
  log: (m) => log(`build: ${m}`),
});
await builder.recover();
const coalescer = new Coalescer(async (triggers) => void (await builder.build(triggers)), {
  debounceMs: config.debounceMs,
  maxWaitMs: config.maxWaitMs,
});
const secret = new WebhookSecret(config.webhookSecretEnv, config.webhookSecretFile);
const seen = new SeenIds();

type Payload = { type?: string; data?: { cause?: string; release?: string | null } };

async function signed(req: IncomingMessage, res: ServerResponse): Promise<Payload | null> {
  const body = await readBody(req, 256 * 1024);
  const payload = body === null ? null : (secret.verify(body, req.headers) as Payload | null);
  if (body === null) tooLarge(res, 256 * 1024);
  else if (!payload) json(res, 401, { error: 'invalid or expired Standard Webhooks signature' });
  return payload;
}

async function rollback(res: ServerResponse, target: string | null | undefined): Promise<void> {
  if (coalescer.busy) return json(res, 409, { error: 'A build is running; roll back when it has finished.' });
  const previous = await releases.current();
  const to = target ?? (await releases.before(previous));
  if (!to) return json(res, 409, { error: 'There is no earlier release to roll back to.' });
  if (!(await releases.list()).includes(to))
    return json(res, 404, { error: `No release ${to}; the builder keeps the last ${config.keepReleases}.` });
  const before = previous ? await releases.manifest(previous) : null;
  await releases.activate(to);
  await loadLive();
  log(`rollback: current → ${to} (was ${previous ?? '-'})`);
  const after = await releases.manifest(to);
  if (after) await builder.purgePaths(Builder.diff(before, after), (m) => log(`rollback: ${m}`));
  json(res, 200, { release: to, previous });
}

const isLoopback = (req: IncomingMessage) =>
  ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');

async function builderRoute(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (req.method === 'POST' && path === '/_builder/hooks/site-changed') {
    const payload = await signed(req, res);
    if (!payload) return;
    // Retries carry the same webhook-id: build once.
    if (!seen.add(String(req.headers['webhook-id']))) return json(res, 200, { duplicate: true });
    coalescer.request(payload.data?.cause ?? payload.type ?? 'webhook');
    return json(res, 202, { queued: true, building: coalescer.busy });
  }
  if (req.method === 'POST' && path === '/_builder/rollback') {
    const payload = await signed(req, res);
    if (!payload) return;
    if (!seen.add(String(req.headers['webhook-id'])))
      return json(res, 409, { error: 'This request was seen already.' });
    return rollback(res, payload.data?.release);
  }
  if (req.method === 'GET' && path === '/_builder/health')
    return json(res, live ? 200 : 503, { status: live ? 'ok' : 'no release yet', release: live?.id ?? null });
  if (req.method === 'GET' && path === '/_builder/status' && isLoopback(req)) {
    return json(res, 200, {
      release: live?.id ?? null,
      releases: await releases.list(),
      building: coalescer.busy,
      pending: coalescer.pending,
      buildPid: builder.childPid,
      renderer: builder.renderer,
      last: builder.last,
    });
  }
  return json(res, 404, { error: 'not found' });
}

const serveStatic = createStaticHandler({
  live: () => live,
  sharedAssets: releases.sharedAssets,
  cache,
  csp: config.csp,
});
const server = createServer((req, res) => {
  const url = splitUrl(req.url);
  const handle = url.pathname.startsWith('/_builder/')
    ? builderRoute(req, res, url.pathname)
    : req.method === 'POST' && url.pathname === '/contact/send'
      ? contactFallback(req, res, config.apiUrl)
      : serveStatic(req, res, url);
  // Nearly every static request is answered synchronously from memory: no promise to watch.
  if (!handle) return;
  handle.catch((err: Error) => {
    log(`error on ${req.method} ${url.pathname}: ${err.message}`);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error\n');
    else res.destroy();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(config.port, config.host, () => {
  log(
    `site on http://${config.host}:${config.port} serving ${live?.id ?? '(no release yet)'} from ${config.releasesDir}; content from ${config.apiUrl}`,
  );
});

/** The first build (make dev) waits for the API, which starts alongside this process. */
async function firstBuild(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${config.apiUrl}/health/live`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return coalescer.request('startup');
    await new Promise((r) => setTimeout(r, 1000));
  }
  log(`the API at ${config.apiUrl} did not answer for two minutes; waiting for a webhook to build`);
}
if (config.buildOnStart) void firstBuild();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping (a running build is abandoned; the live release stays)`);
  server.close();
  coalescer.close();
  builder.stop();
  await Promise.race([coalescer.idle(), new Promise((r) => setTimeout(r, 10_000))]);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
