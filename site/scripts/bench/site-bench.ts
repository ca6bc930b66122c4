/**
 * Site benchmarks, as functions `make bench` can call (and a CLI that prints JSON):
 *
 *   node --import tsx site/scripts/bench/site-bench.ts \
 *     --api http://127.0.0.1:8000 --site http://127.0.0.1:3000 --email admin@… --password … \
 *     [--posts 1000] [--runs 7] [--full-build]
 *
 * - ensurePosts: tops the site up to N published posts through the API (run the API with
 *   RATE_LIMIT_ENABLED=false: a thousand writes exceed the per-IP write limit).
 * - measurePublishLatency: publishes one new post at a time and times until the running site
 *   server answers 200 for /blog/<slug>/ (API → outbox → webhook → build → swap).
 * - measureFullBuild: a cold `astro build` (empty cache, fresh output dir) of the whole site: total
 *   time and time per page.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const SITE_ROOT = new URL('../../', import.meta.url).pathname;

export interface Admin {
  apiUrl: string;
  token: string;
}

export async function login(apiUrl: string, email: string, password: string): Promise<Admin> {
  const res = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return { apiUrl, token: ((await res.json()) as { accessToken: string }).accessToken };
}

async function call(admin: Admin, method: string, path: string, body?: unknown): Promise<Response> {
  const res = await fetch(admin.apiUrl + path, {
    method,
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

async function createAndPublish(admin: Admin, n: number, publish = true): Promise<{ id: string; slug: string }> {
  const body = Array.from({ length: 6 }, (_, i) =>
    paragraph(`Bench post ${n}, paragraph ${i}: çalışan bir örnek — ığdır, şişe, çiçek. `.repeat(4)),
  );
  const post = (await (
    await call(admin, 'POST', '/api/v1/admin/posts', {
      title: `Bench ${n} ${Date.now()}`,
      excerpt: `Benchmark post ${n}`,
      tags: [`bench-${n % 10}`],
      content: { root: { type: 'root', children: body } },
    })
  ).json()) as { id: string; slug: string };
  if (publish) await call(admin, 'POST', `/api/v1/admin/posts/${post.id}/publish`, {});
  return post;
}

/**
 * Tops the site up to `count` published posts, one at a time: parallel creates deadlock in the API
 * on post_tags (it answers 500; reported), so this is sequential (about a minute per thousand).
 */
export async function ensurePosts(admin: Admin, count: number): Promise<number> {
  let have = 0;
  let cursor: string | undefined;
  do {
    const page = (await (
      await call(admin, 'GET', `/api/v1/posts?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
    ).json()) as { items: unknown[]; nextCursor: string | null };
    have += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (let n = have; n < count; n++) await createAndPublish(admin, n);
  return Math.max(have, count);
}

export interface LatencyResult {
  samplesMs: number[];
  /** Date.now() when each sample's publish request was sent (to match it with its build record). */
  publishedAtMs: number[];
  medianMs: number;
  p95Ms: number;
}

/** One publish at a time; each waits until the previous build settled so samples are independent. */
export async function measurePublishLatency(
  admin: Admin,
  siteUrl: string,
  runs: number,
  timeoutMs = 120_000,
): Promise<LatencyResult> {
  const samples: number[] = [];
  const publishedAtMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const post = await createAndPublish(admin, 100_000 + i, false);
    const started = performance.now();
    publishedAtMs.push(Date.now());
    await call(admin, 'POST', `/api/v1/admin/posts/${post.id}/publish`, {});
    for (;;) {
      if ((await fetch(`${siteUrl}/blog/${post.slug}/`)).status === 200) break;
      if (performance.now() - started > timeoutMs)
        throw new Error(`/blog/${post.slug}/ not live after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
    samples.push(Math.round(performance.now() - started));
    // Let a follow-up build (if any) finish before the next sample.
    await new Promise((r) => setTimeout(r, 1500));
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samplesMs: samples,
    publishedAtMs,
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
  };
}

export interface FullBuildResult {
  pages: number;
  durationMs: number;
  msPerPage: number;
}

/**
 * One `astro build` of the whole site from the API into `outDir` (cache in `cacheDir`), as the builder
 * ran it before the resident renderer: its own cwd inside the repo, where Astro puts its prerender
 * bundle (see Builder.workDir). Throws unless it exits 0.
 */
export async function astroBuild(opts: { apiUrl: string; siteUrl: string; outDir: string; cacheDir: string }) {
  const work = join(SITE_ROOT, '.releases', '.work', `full-${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  const astroBin = join(
    dirname(createRequire(join(SITE_ROOT, 'package.json')).resolve('astro/package.json')),
    'bin',
    'astro.mjs',
  );
  try {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [astroBin, 'build', '--root', SITE_ROOT], {
        cwd: work,
        env: {
          ...process.env,
          SITE_API_URL: opts.apiUrl,
          PUBLIC_API_URL: opts.apiUrl,
          SITE_URL: opts.siteUrl,
          SITE_OUT_DIR: opts.outDir,
          SITE_CACHE_DIR: opts.cacheDir,
          SITE_RESIDENT: '',
          NODE_ENV: 'production',
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
        },
        stdio: 'ignore',
      });
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`astro build exited with ${code}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A cold build of the whole site from the API (fresh cache and output dir), as the builder runs it. */
export async function measureFullBuild(apiUrl: string, siteUrl: string): Promise<FullBuildResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'ov-site-bench-'));
  const started = performance.now();
  try {
    await astroBuild({ apiUrl, siteUrl, outDir: join(tmp, 'out'), cacheDir: join(tmp, 'cache') });
    const durationMs = Math.round(performance.now() - started);
    const pages = countFiles(
      join(tmp, 'out'),
      (name) => name.endsWith('.html') || name.endsWith('.xml') || name === 'robots.txt',
    );
    return { pages, durationMs, msPerPage: Math.round((durationMs / pages) * 100) / 100 };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function countFiles(dir: string, match: (name: string) => boolean): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) n += countFiles(path, match);
    else if (match(name)) n++;
  }
  return n;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { values } = parseArgs({
    options: {
      api: { type: 'string', default: 'http://127.0.0.1:8000' },
      site: { type: 'string', default: 'http://127.0.0.1:3000' },
      email: { type: 'string', default: 'admin@omervision.local' },
      password: { type: 'string', default: process.env.ADMIN_PASSWORD ?? '' },
      posts: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '7' },
      'full-build': { type: 'boolean', default: false },
    },
  });
  const admin = await login(values.api!, values.email!, values.password!);
  const posts = await ensurePosts(admin, Number(values.posts));
  const result: Record<string, unknown> = { posts };
  if (values['full-build']) result.fullBuild = await measureFullBuild(values.api!, values.site!);
  result.publishToLive = await measurePublishLatency(admin, values.site!, Number(values.runs));
  console.log(JSON.stringify(result, null, 2));
}
