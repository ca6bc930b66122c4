/**
 * The resident renderer: a child of the site server (scripts/lib/resident/client.ts forks it) that
 * stays up between publishes. Its first build is a full `astro build` whose prerender bundle — the
 * compiled pages, components and React — it keeps loaded; every later build syncs only what changed
 * from the API into memory, asks the kept pages for their paths and cache keys, and renders just the
 * paths whose key changed (plus those without one: home, feeds, sitemap, search index) into staging.
 * No Astro or Vite start-up, no content-layer files, no bundling per publish. The builder turns that
 * into a release by linking every other file from the live one (release-files.ts, `patch`).
 *
 * Protocol (IPC): the parent sends `{ type: 'build', apiKey }`, the child answers
 * `{ type: 'done', result }` or `{ type: 'failed', error }`. It exits when the parent goes away.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build, type AstroIntegration } from 'astro';
import { installContentSource, type CollectionName } from '../src/lib/content/source.ts';
import { ResidentContent } from './lib/resident/content.ts';
import { outFileOf, urlOf, type RouteType } from './lib/resident/paths.ts';
import type { BuildRequest, ChildMessage, RenderResult } from './lib/resident/protocol.ts';

interface RouteLike {
  component: string;
  type: RouteType;
}
interface PathWithRoute {
  pathname: string;
  route: RouteLike;
  cacheKey?: string;
}
/** Astro's default prerenderer (astro/dist/core/build/default-prerenderer.js), kept after the build. */
interface KeptPrerenderer {
  app?: { routeCache?: { clearAll(): void } };
  setup?(): Promise<void>;
  getStaticPaths(): Promise<PathWithRoute[]>;
  render(
    request: Request,
    options: { routeData: unknown; collectMetadata?: boolean },
  ): Promise<Response | { response: Response }>;
  teardown?(): Promise<void>;
}

const siteRoot = resolve(new URL('.', import.meta.url).pathname, '..');
const outDir = process.env.SITE_OUT_DIR!;
const origin = process.env.SITE_URL ?? 'http://127.0.0.1:3000';
const apiUrl = process.env.SITE_API_URL || process.env.PUBLIC_API_URL || 'http://127.0.0.1:8000';
const concurrency = Math.max(1, Number(process.env.SITE_BUILD_CONCURRENCY ?? 4));

const content = new ResidentContent();
installContentSource(content);

let kept: KeptPrerenderer | null = null;
let captured: PathWithRoute[] | null = null;
/** Output file → what rendered it last time (the cache key decides whether it renders again). */
let rendered = new Map<string, { cacheKey?: string; component: string }>();

/** Keeps Astro's default prerenderer (and with it the loaded bundle) past the end of the build. */
const keepPrerenderer: AstroIntegration = {
  name: 'omervision:resident',
  hooks: {
    'astro:build:start': ({ setPrerenderer }) => {
      setPrerenderer(((fallback: KeptPrerenderer) => {
        kept = fallback;
        return {
          name: 'omervision:resident',
          setup: () => fallback.setup?.(),
          getStaticPaths: async () => (captured = await fallback.getStaticPaths()),
          render: (request: Request, options: { routeData: unknown; collectMetadata?: boolean }) =>
            fallback.render(request, options),
          // Nothing to tear down: the bundle stays for the next publish.
          teardown: async () => undefined,
        };
      }) as never);
    },
  },
};

const now = () => performance.now();
const ms = (t: number) => Math.round(now() - t);

function contentSummary(stats: Awaited<ReturnType<ResidentContent['sync']>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, s] of Object.entries(stats) as [CollectionName, (typeof stats)[CollectionName]][])
    out[name] = `${s.changed} changed, ${s.removed} removed, ${s.unchanged} unchanged`;
  return out;
}

/** Unique paths in Astro's order (the first route to claim a path wins, as in generate.js). */
function uniquePaths(paths: PathWithRoute[]): PathWithRoute[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = p.pathname.replace(/\/+$/, '') || '/';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function cold(req: BuildRequest): Promise<RenderResult> {
  const t0 = now();
  const stats = await content.sync({ baseUrl: apiUrl, apiKey: req.apiKey, log: (m) => console.warn(m) });
  const syncMs = ms(t0);
  const t1 = now();
  await build({ root: siteRoot, integrations: [keepPrerenderer] });
  if (!kept || !captured) throw new Error('the build did not use the resident prerenderer');
  // Every path must be where outFileOf says: otherwise patching releases would misplace pages.
  const next = new Map<string, { cacheKey?: string; component: string }>();
  const missing: string[] = [];
  for (const p of uniquePaths(captured)) {
    const file = outFileOf(p.pathname, p.route.type);
    if (!existsSync(join(outDir, file))) missing.push(file);
    next.set(file, { cacheKey: p.cacheKey, component: p.route.component });
  }
  if (missing.length)
    throw new Error(`resident renderer: ${missing.length} paths are not where expected (${missing.slice(0, 3)})`);
  rendered = next;
  return {
    mode: 'cold',
    pagesBuilt: next.size,
    pagesSkipped: 0,
    rendered: [],
    removed: [],
    timingsMs: { contentSync: syncMs, astroBuild: ms(t1) },
    content: contentSummary(stats),
    memory: memory(),
  };
}

async function warm(req: BuildRequest): Promise<RenderResult> {
  const prerenderer = kept!;
  const t0 = now();
  const stats = await content.sync({ baseUrl: apiUrl, apiKey: req.apiKey, log: (m) => console.warn(m) });
  const syncMs = ms(t0);
  const t1 = now();
  // getStaticPaths() results are cached per route: this publish's content asks again.
  prerenderer.app?.routeCache?.clearAll();
  const paths = uniquePaths(await prerenderer.getStaticPaths());
  const pathsMs = ms(t1);
  const next = new Map<string, { cacheKey?: string; component: string }>();
  const todo: PathWithRoute[] = [];
  for (const p of paths) {
    const file = outFileOf(p.pathname, p.route.type);
    const before = rendered.get(file);
    next.set(file, { cacheKey: p.cacheKey, component: p.route.component });
    const same = p.cacheKey !== undefined && before?.cacheKey === p.cacheKey && before.component === p.route.component;
    if (!same) todo.push(p);
  }
  const t2 = now();
  const written: string[] = [];
  let index = 0;
  const worker = async () => {
    while (index < todo.length) {
      const p = todo[index++]!;
      const started = now();
      const file = outFileOf(p.pathname, p.route.type);
      const result = await prerenderer.render(new Request(urlOf(origin, p.pathname, p.route.type)), {
        routeData: p.route,
        collectMetadata: false,
      });
      const response = result instanceof Response ? result : result.response;
      if (response.status >= 300 && response.status < 400)
        throw new Error(`${p.pathname} redirects: the resident renderer writes pages only`);
      if (!response.body) throw new Error(`${p.pathname} rendered no body`);
      const body = Buffer.from(await response.arrayBuffer());
      await mkdir(dirname(join(outDir, file)), { recursive: true });
      await writeFile(join(outDir, file), body);
      written.push(file);
      // The same line astro build prints for a path it rendered (the build record's log).
      console.log(`  ├─ /${file} (+${ms(started)}ms)`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
  const renderMs = ms(t2);
  const removed = [...rendered.keys()].filter((f) => !next.has(f));
  rendered = next;
  return {
    mode: 'warm',
    pagesBuilt: written.length,
    pagesSkipped: paths.length - todo.length,
    rendered: written.sort(),
    removed: removed.sort(),
    timingsMs: { contentSync: syncMs, paths: pathsMs, render: renderMs },
    content: contentSummary(stats),
    memory: memory(),
  };
}

function memory(): RenderResult['memory'] {
  const m = process.memoryUsage();
  return { rssMb: Math.round(m.rss / 2 ** 20), heapUsedMb: Math.round(m.heapUsed / 2 ** 20) };
}

const send = (m: ChildMessage) => process.send?.(m);
let busy = false;
process.on('message', (message: BuildRequest) => {
  if (message?.type !== 'build' || busy) return;
  busy = true;
  (kept ? warm(message) : cold(message))
    .then((result) => send({ type: 'done', result }))
    .catch((err: Error) => send({ type: 'failed', error: err.stack ?? err.message }))
    .finally(() => (busy = false));
});
// The site server went away (even by SIGKILL): nothing to finish.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
