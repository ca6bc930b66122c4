/**
 * The static site, issue #8 scenarios 5 and 7, on the 1,000-post data set (database
 * `omervision_site_bench`, derived from TEST_DATABASE_URL):
 *
 * 5. Publish → live: API (limiter off), worker and the site server (site/scripts/server.ts) with its
 *    signed `site.changed` webhook, as `make dev` runs them. After the first build, N posts are
 *    published one at a time, each timed from POST …/publish until the site server answers 200 for
 *    /blog/<slug>/; the builder's record of each build splits that into waiting (outbox dispatch,
 *    webhook, debounce) and building (astro phases, release post-processing). Then one cold
 *    `astro build` of the whole site: total and per page.
 * 7. Static site under load: the site server against nginx from Debian serving the SAME release
 *    directory with the repo's site/nginx.conf (cache headers, precompressed .br/.gz), an HTML page
 *    and a CSS asset at 100 and 1,000 connections, `accept-encoding: br, gzip` on both.
 *
 *   node --import tsx scripts/bench/site.ts [--quick] [--runs 7] [--duration 8]
 *
 * 1,000 connections need more than the usual 1,024 descriptors: Node raises its soft limit to the
 * hard one by itself; when the hard limit is too low this script tries prlimit(1) (root) and
 * otherwise stops with the command to run. Needs /usr/sbin/nginx with the brotli_static module
 * (installed with apt-get when missing and running as root).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../../api/src/db/seed.js';
import { seedSiteBuilder } from '../../api/src/db/seed-site-builder.js';
import { webhookSecretBox } from '../../api/src/services/webhooks/webhook-secrets.js';
import { createDatabase } from '../../api/src/repositories/database.js';
import {
  ensurePosts,
  login,
  measureFullBuild,
  measurePublishLatency,
  type Admin,
} from '../../site/scripts/bench/site-bench.js';
import { loadDataset } from './dataset.js';
import {
  BASE_DB,
  BENCH_JWT_SECRET,
  flag,
  freePort,
  load,
  numberArg,
  ratio,
  ROOT,
  startApi,
  stopProcess,
  table,
  waitFor,
  writeResult,
  type Run,
  type Server,
} from './lib.js';

const QUICK = flag('quick');
const RUNS = numberArg('runs', QUICK ? 3 : 7);
const DURATION = numberArg('duration', QUICK ? 4 : 8);
const CONNECTIONS = [100, 1000];
const ADMIN = { email: 'site-bench@omervision.local', password: 'violet-tram-harbour-42' };
const NGINX = '/usr/sbin/nginx';
const BROTLI_STATIC = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const ENCODING = { 'accept-encoding': 'br, gzip' };
/** Descriptors each process needs for 1,000 connections plus files, pipes and the database. */
const FD_NEEDED = 4096;
const started = performance.now();
const log = (m: string) =>
  console.error(`[site-bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${m}`);

// ---------------------------------------------------------------------------------------------
// Processes: everything this script starts is stopped on the way out, whatever happens.

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanup(): Promise<void> {
  while (cleanups.length)
    await Promise.resolve(cleanups.pop()!()).catch((err: Error) => log(`cleanup: ${err.message}`));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

const stop = (proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') => stopProcess(proc, signal, 10_000);

/** A child whose output is kept (the last 200 kB) for the error message and the builder's lines. */
function child(
  cmd: string,
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): { proc: ChildProcess; output: () => string } {
  const proc = spawn(cmd, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => {
    output += d.toString();
    if (output.length > 400_000) output = output.slice(-200_000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  return { proc, output: () => output };
}

// ---------------------------------------------------------------------------------------------
// Preconditions: descriptors and nginx, checked before anything slow.

function nofile(pid: number | 'self' = 'self'): { soft: number; hard: number } {
  const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'))!;
  const [soft, hard] = line
    .replace('Max open files', '')
    .trim()
    .split(/\s+/)
    .map((v) => (v === 'unlimited' ? Infinity : Number(v)));
  return { soft: soft!, hard: hard! };
}

/** Node already raised soft to hard; when hard is too low, raise both with prlimit (root only). */
function ensureFdLimit(): { soft: number; hard: number; raisedWith?: string } {
  const before = nofile();
  if (before.soft >= FD_NEEDED) return before;
  const want = Math.max(65_536, before.hard === Infinity ? 0 : before.hard);
  const r = spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${want}:${want}`], { encoding: 'utf8' });
  const after = nofile();
  if (after.soft >= FD_NEEDED) return { ...after, raisedWith: `prlimit --nofile=${want}:${want}` };
  throw new Error(
    `open-file limit is ${before.soft} (hard ${before.hard}); 1,000 connections need ${FD_NEEDED}. prlimit said: ${(r.stderr || r.error?.message || '').trim()}\n` +
      `Run it as: ulimit -n 65536 && node --import tsx scripts/bench/site.ts (as root, or after raising the hard limit in /etc/security/limits.conf)`,
  );
}

function ensureNginx(): string {
  const ready = () => existsSync(NGINX) && existsSync(BROTLI_STATIC);
  if (ready()) return versionOf();
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${NGINX} or its brotli_static module is missing and this is not root: apt-get install -y nginx libnginx-mod-http-brotli-static`,
    );
  }
  log('installing nginx and libnginx-mod-http-brotli-static from Debian (apt-get)');
  // Debian's postinst starts the packaged service unless policy-rc.d says no: this bench runs its own.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const install = () =>
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx', 'libnginx-mod-http-brotli-static'], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        timeout: 300_000,
      });
    if (install().status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
      if (install().status !== 0) throw new Error('apt-get install nginx libnginx-mod-http-brotli-static failed');
    }
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
  if (!ready()) throw new Error(`${NGINX} or ${BROTLI_STATIC} still missing after apt-get install`);
  return versionOf();
}

function versionOf(): string {
  const r = spawnSync(NGINX, ['-v'], { encoding: 'utf8' });
  return (r.stderr || r.stdout).trim().replace(/^nginx version:\s*/, '');
}

// ---------------------------------------------------------------------------------------------
// Scenario 5.

interface BuildRecord {
  id: string;
  trigger: string;
  status: string;
  durationMs: number | null;
  pagesBuilt: number | null;
  pagesSkipped: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  log?: string | null;
}

async function adminGet<T>(admin: Admin, path: string): Promise<T> {
  const res = await fetch(admin.apiUrl + path, { headers: { authorization: `Bearer ${admin.token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : Math.round(ms / 100) / 10);
const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : null;
};

/**
 * Phases of one build from the log its record keeps. Astro prints `[types] Generated 6.5s` (content
 * sync from the API + types), `[vite] ✓ built in …` (server and client bundles), the route
 * rendering's `✓ Completed in …` and `N page(s) built in …` (its own total); the builder adds
 * `… compressed (br+gzip) … in N ms` (hash, precompress, manifest). The rest of the record's
 * duration is node + Astro start-up before Astro's clock starts, the swap and the build records.
 * A warm build of the resident renderer logs its own phases instead (content sync, paths, render).
 */
function buildPhases(logText: string, durationMs: number | null): Record<string, number | null> {
  const ms = (m: RegExpExecArray | null) => (m ? Math.round(Number(m[1]) * (m[2] === 's' ? 1000 : 1)) : null);
  const lines = logText.split('\n');
  const first = (re: RegExp) => ms(lines.map((l) => re.exec(l)).find(Boolean) ?? null);
  const bundles = lines
    .map((l) => ms(/\[vite\] ✓ built in ([\d.]+)(ms|s)/.exec(l)))
    .filter((v): v is number => v !== null);
  const astroTotalMs = first(/page\(s\) built in ([\d.]+)(ms|s)/);
  // The resident renderer's warm build: `renderer (warm): … contentSync N ms, paths N ms, render N ms;`
  // and the patched release's `… files rendered: … in N ms`.
  const warm = lines.find((l) => l.includes('renderer (warm)'));
  if (warm) {
    const part = (name: string) => ms(new RegExp(`${name} ([\\d.]+) (ms)`).exec(warm));
    const [contentSyncMs, pathsMs, renderMs] = [part('contentSync'), part('paths'), part('render')];
    const releaseProcessingMs = first(/files rendered: .* in ([\d.]+) ?(ms|s)$/);
    const rendererMs = (contentSyncMs ?? 0) + (pathsMs ?? 0) + (renderMs ?? 0);
    return {
      contentSyncMs,
      pathsMs,
      renderMs,
      bundleMs: 0,
      astroTotalMs: null,
      releaseProcessingMs,
      startupAndRestMs: durationMs !== null ? durationMs - rendererMs - (releaseProcessingMs ?? 0) : null,
    };
  }
  const releaseProcessingMs = first(/compressed \(br\+gzip\).* in ([\d.]+) ?(ms|s)$/);
  return {
    contentSyncMs: first(/\[types\] Generated ([\d.]+)(ms|s)/),
    bundleMs: bundles.length ? bundles.reduce((a, b) => a + b, 0) : null,
    renderMs: first(/^(?:\d\d:\d\d:\d\d\s+)?✓ Completed in ([\d.]+)(ms|s)/),
    astroTotalMs,
    releaseProcessingMs,
    startupAndRestMs:
      durationMs !== null && astroTotalMs !== null ? durationMs - astroTotalMs - (releaseProcessingMs ?? 0) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Scenario 7.

/** The repo's site/nginx.conf, pointed at this release, a free port and files in `dir` (workers may not exceed the hard fd limit). */
function nginxConf(dir: string, port: number, root: string, nofileLimit: number): string {
  let conf = readFileSync(join(ROOT, 'site', 'nginx.conf'), 'utf8');
  const swap = (from: string | RegExp, to: string) => {
    const next = conf.replace(from, to);
    if (next === conf)
      throw new Error(`site/nginx.conf changed: no ${String(from)} to replace; update scripts/bench/site.ts`);
    conf = next;
  };
  swap(
    'worker_processes auto;',
    `load_module ${BROTLI_STATIC};\nworker_processes auto;\nworker_rlimit_nofile ${Math.min(65_536, nofileLimit)};`,
  );
  swap('pid /tmp/nginx.pid;', `pid ${dir}/nginx.pid;`);
  swap('error_log /dev/stderr warn;', `error_log ${dir}/error.log warn;`);
  // 1,000 connections may land mostly on one worker; the image's 1,024 would be the limit, not nginx.
  swap('worker_connections 1024;', 'worker_connections 4096;');
  swap(/\/tmp\/nginx-/g, `${dir}/nginx-`);
  // Our server logs no requests either.
  swap('access_log /dev/stdout main;', 'access_log off;');
  swap('listen 8080 default_server;', `listen 127.0.0.1:${port} default_server;`);
  swap('root /usr/share/nginx/html;', `root ${root};`);
  // The site server sends the builder's .br first when the client takes br: so does nginx here.
  swap('gzip_static on;', 'gzip_static on;\n  brotli_static on;');
  return conf;
}

interface Probe {
  status: number;
  encoding: string | null;
  bytes: number;
  cacheControl: string | null;
  etag: boolean;
}

async function probe(url: string): Promise<Probe> {
  const res = await fetch(url, { headers: ENCODING });
  const body = await res.arrayBuffer();
  return {
    status: res.status,
    encoding: res.headers.get('content-encoding'),
    bytes: Number(res.headers.get('content-length') ?? body.byteLength),
    cacheControl: res.headers.get('cache-control'),
    etag: res.headers.has('etag'),
  };
}

/** The stylesheet the page links (the largest one in the release when it links none). */
function stylesheetOf(releaseDir: string, pagePath: string): string {
  const html = readFileSync(join(releaseDir, pagePath, 'index.html'), 'utf8');
  const linked = /<link[^>]+href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
  if (linked) return linked;
  const css = readdirSync(join(releaseDir, '_astro')).filter((n) => n.endsWith('.css'));
  if (!css.length) throw new Error(`no CSS in ${releaseDir}/_astro`);
  css.sort((a, b) => statSync(join(releaseDir, '_astro', b)).size - statSync(join(releaseDir, '_astro', a)).size);
  return `/_astro/${css[0]}`;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const fd = ensureFdLimit();
  const nginxVersion = ensureNginx();
  log(
    `open files ${fd.soft}/${fd.hard}${fd.raisedWith ? ` (raised with ${fd.raisedWith})` : ''}; nginx ${nginxVersion}; runs ${RUNS}, ${DURATION} s per load run`,
  );

  const base = new URL(BASE_DB);
  base.pathname = `${base.pathname.replace(/_test$/, '')}_site_test`;
  const dataset = await loadDataset(base.toString());
  log(`data set: ${dataset.slugs.length} posts in ${new URL(dataset.url).pathname.slice(1)}`);

  const tmp = mkdtempSync(join(tmpdir(), 'ov-site-bench-'));
  chmodSync(tmp, 0o755); // nginx's workers (nobody) read the release from here
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const dataDir = join(tmp, 'data');
  const releasesDir = join(tmp, 'releases');
  const sitePort = await freePort();
  const siteUrl = `http://127.0.0.1:${sitePort}`;

  const database = createDatabase(dataset.url, { poolSize: 2, timeoutMs: 10_000 });
  try {
    await seed(database.db, ADMIN);
    await seedSiteBuilder(database.db, {
      builderUrl: siteUrl,
      secretsDir: join(dataDir, 'secrets'),
      sealer: webhookSecretBox(BENCH_JWT_SECRET),
      ownerEmail: ADMIN.email,
    });
  } finally {
    await database.close();
  }

  const shared = {
    REDIS_KEY_PREFIX: `ovsitebench${Date.now()}:`,
    DATA_DIR: dataDir,
    SITE_BUILDER_URL: siteUrl,
    SITE_URL: siteUrl,
    CORS_ORIGINS: siteUrl,
    WEBHOOK_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${sitePort}`,
  };
  let api: Server | null = await startApi(dataset.url, shared);
  cleanups.push(() => api?.stop());
  const worker = child(process.execPath, ['--import', 'tsx', 'api/src/worker.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: BENCH_JWT_SECRET,
      DATABASE_URL: dataset.url,
      LOG_LEVEL: 'warn',
      ...shared,
    },
  });
  cleanups.push(() => stop(worker.proc));

  const site = child(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    cwd: join(ROOT, 'site'),
    env: {
      ...process.env,
      SITE_PORT: String(sitePort),
      SITE_API_URL: api.url,
      PUBLIC_API_URL: api.url,
      SITE_URL: siteUrl,
      SITE_RELEASES_DIR: releasesDir,
      DATA_DIR: dataDir,
    },
  });
  cleanups.push(() => stop(site.proc));
  const firstStarted = performance.now();
  try {
    await waitFor(`${siteUrl}/_builder/health`, 4 * 300); // the first build of 1,000 posts: at most 5 min
  } catch (err) {
    throw new Error(
      `${(err as Error).message}\n--- site server output ---\n${site.output().slice(-4000)}\n--- worker ---\n${worker.output().slice(-2000)}`,
      { cause: err },
    );
  }
  const firstBuildWallMs = Math.round(performance.now() - firstStarted);
  log(`first release live after ${firstBuildWallMs} ms (site server start + cold build)`);

  const admin = await login(api.url, ADMIN.email, ADMIN.password);
  const posts = await ensurePosts(admin, dataset.slugs.length);
  const startup = (await adminGet<{ items: BuildRecord[] }>(admin, '/api/v1/admin/site/builds?limit=5')).items.find(
    (b) => b.trigger === 'startup',
  );
  const startupDetail = startup ? await adminGet<BuildRecord>(admin, `/api/v1/admin/site/builds/${startup.id}`) : null;

  // --- 5. publish → live
  log(`publishing ${RUNS} posts one at a time`);
  const latency = await measurePublishLatency(admin, siteUrl, RUNS);
  const builds = (
    await adminGet<{ items: BuildRecord[] }>(admin, `/api/v1/admin/site/builds?limit=${Math.min(100, RUNS * 3 + 5)}`)
  ).items.filter((b) => b.status === 'succeeded');
  const samples: Record<string, number | string | null>[] = [];
  for (const [i, ms] of latency.samplesMs.entries()) {
    const publishedAt = latency.publishedAtMs[i]!;
    // The build that made the post live: the first one started after the publish.
    const build = builds
      .filter((b) => b.startedAt && Date.parse(b.startedAt) >= publishedAt - 50)
      .sort((a, b) => Date.parse(a.startedAt!) - Date.parse(b.startedAt!))[0];
    const detail = build ? await adminGet<BuildRecord>(admin, `/api/v1/admin/site/builds/${build.id}`) : null;
    const waitMs = build ? Date.parse(build.startedAt!) - publishedAt : null;
    samples.push({
      seconds: seconds(ms),
      buildId: build?.id ?? null,
      trigger: build?.trigger ?? null,
      waitBeforeBuildMs: waitMs,
      buildMs: build?.durationMs ?? null,
      pagesBuilt: build?.pagesBuilt ?? null,
      pagesSkipped: build?.pagesSkipped ?? null,
      ...(detail?.log ? buildPhases(detail.log, detail.durationMs) : {}),
    });
  }
  const col = (k: string) => median(samples.map((s) => s[k]).filter((v): v is number => typeof v === 'number'));
  const publishBreakdown = {
    waitBeforeBuildMs: col('waitBeforeBuildMs'),
    buildMs: col('buildMs'),
    startupAndRestMs: col('startupAndRestMs'),
    contentSyncMs: col('contentSyncMs'),
    pathsMs: col('pathsMs'),
    bundleMs: col('bundleMs'),
    renderMs: col('renderMs'),
    astroTotalMs: col('astroTotalMs'),
    releaseProcessingMs: col('releaseProcessingMs'),
    pagesBuilt: col('pagesBuilt'),
    pagesSkipped: col('pagesSkipped'),
  };
  log(
    `publish → live: median ${seconds(latency.medianMs)} s, p95 ${seconds(latency.p95Ms)} s (${latency.samplesMs.join(', ')} ms)`,
  );

  // --quick takes the startup build's own Astro time (it is a cold build too) instead of a second one.
  const startupPhases = startupDetail?.log ? buildPhases(startupDetail.log, startupDetail.durationMs) : null;
  let full: { pages: number; durationMs: number; msPerPage: number; source: string };
  if (QUICK && startupPhases?.astroTotalMs && startupDetail?.pagesBuilt) {
    const { astroTotalMs: durationMs } = startupPhases;
    full = {
      pages: startupDetail.pagesBuilt,
      durationMs,
      msPerPage: Math.round((durationMs / startupDetail.pagesBuilt) * 100) / 100,
      source: 'the startup build\'s "page(s) built in" (--quick)',
    };
  } else {
    log('cold full build (astro build, empty cache)');
    full = {
      ...(await measureFullBuild(api.url, siteUrl)),
      source: 'measureFullBuild: astro build alone (process included), empty cache and output directory',
    };
  }
  log(`cold full build: ${full.pages} pages in ${full.durationMs} ms`);

  // The load test needs only the site server: the API and worker go, so they take no CPU.
  await stop(worker.proc);
  await api.stop();
  api = null;

  // --- 7. static site under load
  const loadBeforeStatic = loadavg()[0]!;
  const releaseId = readlinkSync(join(releasesDir, 'current'));
  const releaseDir = join(releasesDir, releaseId);
  const nginxDir = join(tmp, 'nginx');
  const nginxPort = await freePort();
  mkdirSync(nginxDir);
  writeFileSync(join(nginxDir, 'nginx.conf'), nginxConf(nginxDir, nginxPort, releaseDir, fd.hard));
  const test = spawnSync(NGINX, ['-t', '-q', '-p', nginxDir, '-c', join(nginxDir, 'nginx.conf')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t: ${test.stderr}`);
  const nginx = child(NGINX, ['-p', nginxDir, '-c', join(nginxDir, 'nginx.conf'), '-g', 'daemon off;'], {
    cwd: nginxDir,
    env: process.env,
  });
  cleanups.push(() => stop(nginx.proc, 'SIGQUIT'));
  const nginxUrl = `http://127.0.0.1:${nginxPort}`;
  await waitFor(`${nginxUrl}/healthz`, 40).catch((err: Error) => {
    throw new Error(
      `${err.message}\n${nginx.output()}\n${readFileSync(join(nginxDir, 'error.log'), 'utf8').slice(-2000)}`,
    );
  });

  const targets = [
    { name: 'HTML (blog post)', path: `/blog/${dataset.slugs[0]}/` },
    { name: 'CSS asset', path: stylesheetOf(releaseDir, `/blog/${dataset.slugs[0]}/`) },
  ];
  const servers = [
    { name: 'site server', url: siteUrl },
    { name: 'nginx', url: nginxUrl },
  ];
  const probes: Record<string, Record<string, Probe>> = {};
  for (const t of targets) {
    probes[t.path] = {};
    for (const s of servers) {
      const p = await probe(s.url + t.path);
      if (p.status !== 200) throw new Error(`${s.name} answered ${p.status} for ${t.path}`);
      probes[t.path]![s.name] = p;
    }
    const [a, b] = servers.map((s) => probes[t.path]![s.name]!);
    if (a!.encoding !== b!.encoding || a!.bytes !== b!.bytes || a!.cacheControl !== b!.cacheControl) {
      throw new Error(`not the same response for ${t.path}: ${JSON.stringify(probes[t.path])}`);
    }
  }

  const loadRuns: (Run & { target: string; path: string; server: string; connections: number })[] = [];
  for (const t of targets) {
    for (const connections of CONNECTIONS) {
      for (const s of servers) {
        const run = await load(s.url + t.path, { connections, duration: DURATION, headers: ENCODING });
        if (run.errors || run.timeouts || run.non2xx)
          log(
            `WARNING ${s.name} ${t.path} c=${connections}: ${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx ${JSON.stringify(run.statuses)}`,
          );
        loadRuns.push({ target: t.name, path: t.path, server: s.name, connections, ...run });
        log(
          `${s.name.padEnd(11)} ${t.name.padEnd(16)} c=${String(connections).padEnd(4)} ${run.rps} req/s p50 ${run.p50} p95 ${run.p95} p99 ${run.p99} ms`,
        );
      }
    }
  }
  const nginxErrors = readFileSync(join(nginxDir, 'error.log'), 'utf8').trim();

  const staticRatios = targets.flatMap((t) =>
    CONNECTIONS.map((c) => {
      const [ours, theirs] = servers.map((s) =>
        loadRuns.find((r) => r.path === t.path && r.server === s.name && r.connections === c),
      );
      return {
        target: t.name,
        connections: c,
        rpsOursOverNginx: ratio(ours?.rps, theirs?.rps),
        p99OursOverNginx: ratio(ours?.p99, theirs?.p99),
      };
    }),
  );

  const data = {
    quick: QUICK,
    dataset: { posts, database: new URL(dataset.url).pathname.slice(1) },
    fdLimit: fd,
    loadavg1: {
      atStart: loadAtStart,
      beforeStaticLoad: loadBeforeStatic,
      note: 'other work on the machine skews every figure here',
    },
    publishToLive: {
      goalMedianSeconds: 10,
      runs: RUNS,
      medianSeconds: seconds(latency.medianMs),
      p95Seconds: seconds(latency.p95Ms),
      samplesMs: latency.samplesMs,
      breakdownMedianMs: publishBreakdown,
      samples,
      builderSettings: {
        debounceMs: 200,
        maxWaitMs: 3000,
        outboxTickMs: 1000,
        note: 'site server defaults (SITE_DEBOUNCE_MS, SITE_MAX_WAIT_MS); the API asks for an outbox dispatch after each commit that wrote events, and the worker also enqueues one every second',
      },
    },
    firstBuild: {
      wallMs: firstBuildWallMs,
      durationMs: startupDetail?.durationMs ?? null,
      pagesBuilt: startupDetail?.pagesBuilt ?? null,
      phasesMs: startupPhases,
      note: "the site server's startup build: cold astro build + hash/precompress/manifest of every file",
    },
    fullColdBuild: { ...full, seconds: seconds(full.durationMs) },
    staticLoad: {
      durationSeconds: DURATION,
      headers: ENCODING,
      nginx: {
        version: nginxVersion,
        config:
          'site/nginx.conf with listen/root/pid/temp paths rewritten, access_log off, brotli_static on, worker_connections 4096',
      },
      release: releaseId,
      responses: probes,
      runs: loadRuns,
      ratios: staticRatios,
      nginxErrorLog: nginxErrors ? nginxErrors.split('\n').slice(-20) : [],
    },
  };

  const b = publishBreakdown;
  const sec = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${seconds(v)} s`);
  const markdown = [
    `### Scenario 5: publish → live (${posts} posts, ${RUNS} publishes, goal median < 2 s)`,
    '',
    table(
      ['measure', 'value'],
      [
        ['publish → 200 median', `${seconds(latency.medianMs)} s`],
        ['publish → 200 p95', `${seconds(latency.p95Ms)} s`],
        ['samples', latency.samplesMs.map((m) => seconds(m)).join(', ') + ' s'],
        [
          '… waiting before the build starts (outbox dispatch, webhook, 200 ms debounce), median',
          sec(b.waitBeforeBuildMs),
        ],
        ['… build (renderer + release processing + swap), median', sec(b.buildMs)],
        ['…… start-up before the render (none for a warm renderer), swap, records', sec(b.startupAndRestMs)],
        ['…… content sync from the API', sec(b.contentSyncMs)],
        ['…… paths and cache keys of every route (warm renderer)', sec(b.pathsMs)],
        ['…… bundle (vite server + client; none for a warm renderer)', sec(b.bundleMs)],
        ['…… render the changed routes', sec(b.renderMs)],
        ['…… release processing (hash, br+gzip, manifest)', sec(b.releaseProcessingMs)],
        ['…… pages rendered / reused per publish, median', `${b.pagesBuilt ?? '–'} / ${b.pagesSkipped ?? '–'}`],
        [
          'first build at server start (cold, incl. release processing)',
          `${sec(startupDetail?.durationMs)}, ${startupDetail?.pagesBuilt ?? '–'} pages`,
        ],
        ['full cold astro build', `${sec(full.durationMs)} for ${full.pages} pages = ${full.msPerPage} ms/page`],
        [
          'load average (1 min) at start / before scenario 7',
          `${loadAtStart.toFixed(2)} / ${loadBeforeStatic.toFixed(2)} on ${availableParallelism()} CPUs`,
        ],
      ],
    ),
    '',
    `### Scenario 7: static site under load (${DURATION} s per run, accept-encoding: br, gzip; nginx ${nginxVersion} with site/nginx.conf on the same release)`,
    '',
    table(
      ['target', 'conns', 'server', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'body bytes'],
      loadRuns.map((r) => [
        `${r.target} \`${r.path.length > 40 ? `${r.path.slice(0, 37)}…` : r.path}\``,
        r.connections,
        r.server,
        r.rps,
        r.p50,
        r.p95,
        r.p99,
        r.errors + r.timeouts,
        r.non2xx,
        `${probes[r.path]![r.server]!.bytes} (${probes[r.path]![r.server]!.encoding ?? 'identity'})`,
      ]),
    ),
    '',
    table(
      ['target', 'conns', 'req/s ours ÷ nginx', 'p99 ours ÷ nginx'],
      staticRatios.map((r) => [r.target, r.connections, r.rpsOursOverNginx, r.p99OursOverNginx]),
    ),
  ].join('\n');
  const file = writeResult('site', data, markdown);
  log(`wrote ${file}`);
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
process.exit(process.exitCode ?? 0);
