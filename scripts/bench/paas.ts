/**
 * Scenario 6 (issue #8), PaaS: deploying a static repository and a Node repository (clone →
 * running and answering HTTP 200) through OmerVision — API + worker + app router, the way the
 * stack runs them — against the same steps done by hand with git and the docker CLI in the same
 * run; then a redeploy of the Node app whose lockfile did not change (the install layer comes from
 * the build cache), ours and by hand. Goal: ours ÷ by hand ≤ 1.2×.
 *
 *   node --import tsx scripts/bench/paas.ts [--quick] [--runs N]
 *
 * By hand = `git clone --depth 1` of the same fixture URL, the Dockerfile the product generates
 * (its pure generator is imported, not copied), `docker build` with the same base image and build
 * limits, `docker network create` + `docker run -d` with the flags derived from the product's
 * container spec, then polling the published port until it answers 200. Cold runs start without
 * any cached layer (every image of the previous run is removed); the number of cached build steps
 * of every run is recorded to prove it. Ours is timed from `POST /apps` (or `POST /deployments` for
 * the redeploy) until the app is `running` and the router serves it; the deployment log, followed
 * live over SSE, tells where the time goes.
 *
 * Needs the local services (MariaDB, Redis, dockerd) and the local base images (make paas-images).
 * Uses its own database `omervision_paasb_test`, Redis prefix and PAAS_INSTANCE, and removes every
 * app, container, image and network it created (found by label) at the end, even after a failure.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { createClient } from 'redis';
import { v7 as uuidv7 } from 'uuid';
import { createDatabase } from '../../api/src/repositories/database.js';
import { PasswordHasher } from '../../api/src/repositories/password-hasher.js';
import { UserRepository } from '../../api/src/repositories/user.repository.js';
import { LOCAL_IMAGES } from '../../api/src/services/paas/base-images.js';
import {
  buildContainerSpec,
  DEFAULT_LIMITS,
  LABEL,
  networkName,
  networkSpec,
  type ContainerSpec,
} from '../../api/src/services/paas/container-spec.js';
import { detect, wantsContent, type BuildPlan } from '../../api/src/services/paas/detect.js';
import { APP_USER, generateDockerfile, runtimeFor, SOURCE_DIR } from '../../api/src/services/paas/dockerfile.js';
import { makeRepo, nodeServer, readSse, viaRouter, type SseEvent } from '../../api/test/paas-fixtures.js';
import {
  BASE_DB,
  BENCH_JWT_SECRET,
  flag,
  freePort,
  numberArg,
  recreateDatabase,
  ROOT,
  startApi,
  stopProcess,
  table,
  writeResult,
  type Server,
} from './lib.js';

const run = promisify(execFile);
const QUICK = flag('quick');
const RUNS = numberArg('runs', QUICK ? 2 : 5);
/** Measuring stops by this many ms after the start; cleanup (about 10 s) follows. Whole run < 5 min (quick < 2). */
const BUDGET_MS = (QUICK ? 95 : 265) * 1000;
const started = Date.now();

const DB_URL = (() => {
  const u = new URL(BASE_DB);
  u.pathname = '/omervision_paasb_test';
  return u.toString();
})();
const PREFIX = 'ovpaasb:';
const INSTANCE = 'paasbench';
/** The label on everything the by-hand path creates (never the product's, or its reconcile would remove them). */
const HAND_LABEL = 'dev.omervision.paasbench';
const DOMAIN = 'apps.localhost';
const POLL_MS = 50;
/** The build limits the worker passes to every build (api/src/composition/paas-engine.ts, composePaasEngine). */
const BUILD_LIMITS = { memoryBytes: 2 * 1024 * 1024 * 1024, cpuQuota: 100_000, cpuPeriod: 100_000 };
const IMAGES = {
  node: LOCAL_IMAGES.node!,
  nodeBuild: LOCAL_IMAGES.nodeBuild!,
  static: LOCAL_IMAGES.static!,
  python: LOCAL_IMAGES.python!,
};

const docker = new Docker();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const secs = (ms: number) => Math.round(ms / 10) / 100;
const since = (t0: number) => performance.now() - t0;

const measureLeftMs = () => BUDGET_MS - (Date.now() - started);

// ---------------------------------------------------------------------------------------------
// Fixtures: a static site and a Node server with a package-lock.json. There is no registry here,
// so the one dependency is a local package (`file:vendor/greet`, a link in the lockfile): `npm ci`
// runs for real (its own start-up and reify, about what a small lockfile costs) without a download.
// ---------------------------------------------------------------------------------------------
/**
 * A nonce in every fixture: an interrupted earlier run (dockerd restarted mid-build) leaves untagged
 * intermediate layers that no label finds; with new content they can never serve as build cache.
 */
const NONCE = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const STATIC_FILES = {
  'index.html': `<!doctype html><meta charset="utf-8"><title>Bench</title><link rel="stylesheet" href="css/site.css"><h1>Hello from a static site</h1><!-- ${NONCE} -->`,
  'css/site.css': 'h1{color:teal}',
};
const NODE_PACKAGE = {
  name: 'bench-node',
  version: '1.0.0',
  description: `bench ${NONCE}`,
  private: true,
  scripts: { start: 'node server.js' },
  dependencies: { greet: 'file:vendor/greet' },
};
const NODE_LOCK = {
  name: 'bench-node',
  version: '1.0.0',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': { name: 'bench-node', version: '1.0.0', dependencies: { greet: 'file:vendor/greet' } },
    'node_modules/greet': { resolved: 'vendor/greet', link: true },
    'vendor/greet': { version: '1.0.0' },
  },
};
const nodeFiles = (version: string) => ({
  'package.json': JSON.stringify(NODE_PACKAGE, null, 2) + '\n',
  'package-lock.json': JSON.stringify(NODE_LOCK, null, 2) + '\n',
  'vendor/greet/package.json': JSON.stringify({ name: 'greet', version: '1.0.0', main: 'index.js' }) + '\n',
  'vendor/greet/index.js': "module.exports = (name) => 'hello ' + name;\n",
  'server.js': nodeServer(version),
});

/** The plan and Dockerfile the product derives from a fixture, computed with its own pure functions. */
function productBuild(files: Record<string, string>) {
  const paths = Object.keys(files).sort();
  const contents = Object.fromEntries(paths.filter(wantsContent).map((p) => [p, files[p]!]));
  const detection = detect({ paths, contents });
  if (!detection.ok || detection.plan.kind === 'dockerfile')
    throw new Error(`fixture not detected as expected: ${JSON.stringify(detection)}`);
  const plan = detection.plan as Exclude<BuildPlan, { kind: 'dockerfile' }>;
  return { plan, generated: generateDockerfile(plan, IMAGES, detection.summary) };
}

// ---------------------------------------------------------------------------------------------
// Processes: API, worker (deploys run there), app router; own database, Redis prefix, instance.
// ---------------------------------------------------------------------------------------------

async function flushRedisPrefix(): Promise<void> {
  const redis = createClient({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6380' });
  await redis.connect();
  try {
    for await (const keys of redis.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 500 }))
      if (keys.length) await redis.del(keys);
  } finally {
    await redis.close();
  }
}

async function createAdmin(): Promise<{ email: string; password: string }> {
  const database = createDatabase(DB_URL, { poolSize: 1, timeoutMs: 5000 });
  const user = { email: 'paas-bench@bench.omervision.local', password: 'violet-tram-harbour-42' };
  try {
    await new UserRepository(database.db).create({
      id: uuidv7(),
      email: user.email,
      name: 'PaaS Bench',
      role: 'admin',
      passwordHash: await new PasswordHasher().hash(user.password),
    });
  } finally {
    await database.close();
  }
  return user;
}

/** The worker entry (api/src/worker.ts); resolves once it logged "worker started". */
async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'api/src/worker.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the worker did not start within 60 s')), 60_000);
    proc.once('exit', (code) => reject(new Error(`the worker exited with ${code}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; level?: number };
        if (entry.msg === 'worker started') {
          clearTimeout(timer);
          resolve();
        } else if ((entry.level ?? 0) >= 40) {
          console.error(`[worker] ${line.slice(0, 400)}`);
        }
      } catch {
        // not a log line
      }
    });
  });
  return proc;
}

/** The app router entry (api/src/router.ts); resolves once it answers (404 for an unknown host). */
async function startRouter(env: Record<string, string>): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'api/src/router.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
  for (let i = 0; i < 240; i++) {
    if (proc.exitCode !== null) throw new Error(`the router exited with ${proc.exitCode}`);
    const answer = await viaRouter(Number(env.PAAS_ROUTER_PORT), `nothing.${DOMAIN}`).catch(() => null);
    if (answer) return proc;
    await sleep(250);
  }
  throw new Error('the router did not come up');
}

// ---------------------------------------------------------------------------------------------
// Ours: the admin API.
// ---------------------------------------------------------------------------------------------
interface AppView {
  id: string;
  slug: string;
  status: string;
  lastError: string | null;
  activeDeploymentId: string | null;
}
interface DeploymentView {
  id: string;
  status: string;
  reason: string | null;
  log: string | null;
  durationMs: number | null;
  startedAt: string | null;
  finishedAt: string | null;
}

let apiUrl = '';
let token = '';
let routerPort = 0;

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(apiUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function until<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs = 90_000,
  everyMs: number | (() => number) = POLL_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(typeof everyMs === 'number' ? everyMs : everyMs());
  }
}

const PHASES: [string, RegExp][] = [
  ['picked up', /^==> (Deployment|Starting over)/],
  ['cloned', /^cloned [0-9a-f]{7,}/],
  ['detected', /^==> Detected /],
  ['build started', /^==> Building the image/],
  ['build step 1', /^Step 1\//],
  ['build done', /^Successfully tagged /],
  ['built', /^==> Built /],
  ['container started', /^==> Started container /],
  ['answered', /^answered HTTP /],
  ['switched', /^==> Running: /],
];

/** Arrival time (ms after t0) of each pipeline step in the live log (lines are flushed every 100 ms). */
function phasesOf(events: SseEvent[], t0Epoch: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [name, re] of PHASES) {
    const e = events.find((x) => x.event === 'message' && re.test(x.data));
    out[name] = e?.at ? e.at - t0Epoch : null;
  }
  return out;
}

const cachedSteps = (log: string) => (log.match(/---> Using cache/g) ?? []).length;

interface Sample {
  totalMs: number;
  /** ms after t0 of each step. */
  marks: Record<string, number | null>;
  cachedSteps: number;
  /**
   * CPU ms used from t0 to served by the deploying side (ours: the API, worker and router processes
   * with their reaped children such as git; by hand: the git and docker CLI processes) and by dockerd.
   */
  cpuMs: { client: number; dockerd: number };
}

/** CPU ms of processes so far, own and reaped children (utime + stime + cutime + cstime), from /proc. */
function cpuMs(pids: number[], childrenOnly = false): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += (childrenOnly ? 0 : Number(fields[11]) + Number(fields[12])) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // gone
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}
let stackPids: number[] = [];
/** Starts a CPU meter (call it before t0); calling the result gives the CPU used since. */
function cpuMeter(client: () => number[], childrenOnly = false): () => { client: number; dockerd: number } {
  let dockerd: number[] = [];
  try {
    dockerd = execFileSync('pidof', ['dockerd'], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  } catch {
    // no dockerd process visible: its CPU reads as 0
  }
  const c0 = cpuMs(client(), childrenOnly);
  const d0 = cpuMs(dockerd);
  return () => ({ client: Math.max(0, cpuMs(client(), childrenOnly) - c0), dockerd: Math.max(0, cpuMs(dockerd) - d0) });
}

async function servedBy(slug: string, expect: string): Promise<void> {
  await until(
    `the router to serve ${slug}`,
    async () => {
      const answer = await viaRouter(routerPort, `${slug}.${DOMAIN}`).catch(() => null);
      return answer?.status === 200 && answer.body.includes(expect) ? true : undefined;
    },
    30_000,
  );
}

/** Waits until the pipeline ended (its log stored, its duration written): the worker is idle again. */
async function finished(deploymentId: string): Promise<DeploymentView> {
  return until(
    'the deployment to finish',
    async () => {
      const { body } = await call<DeploymentView>('GET', `/api/v1/admin/paas/deployments/${deploymentId}`);
      if (body.status === 'failed') throw new Error(`deployment failed: ${body.reason}\n${body.log ?? ''}`);
      return body.durationMs !== null && body.log !== null ? body : undefined;
    },
    60_000,
    100,
  );
}

/**
 * Follows the deployment log live (done: its events once the pipeline ended). `pollEvery` keeps the
 * harness light while the build runs — the status is asked every 250 ms until the log says the
 * container started, then every 50 ms — so polling does not eat CPU the build could use.
 */
function follow(deploymentId: string): { done: Promise<SseEvent[]>; pollEvery: () => number } {
  let live: SseEvent[] = [];
  const done = readSse(
    `${apiUrl}/api/v1/admin/paas/deployments/${deploymentId}/logs`,
    { authorization: `Bearer ${token}` },
    (e) => {
      live = e;
      return e.some((x) => x.event === 'end');
    },
    120_000,
  ).then(
    (r) => r.events,
    () => [],
  );
  return {
    done,
    pollEvery: () => (live.some((x) => x.event === 'end' || /^==> Started container /.test(x.data)) ? POLL_MS : 250),
  };
}

/** Ours, first deploy: create the app, deploy, until it is running and the router answers 200. */
async function oursDeploy(
  name: string,
  repoUrl: string,
  expect: string,
): Promise<Sample & { appId: string; slug: string }> {
  const cpu = cpuMeter(() => stackPids);
  const t0 = performance.now();
  const t0Epoch = Date.now();
  const app = (await call<AppView>('POST', '/api/v1/admin/paas/apps', { name, repoUrl })).body;
  const dep = (await call<DeploymentView>('POST', `/api/v1/admin/paas/apps/${app.id}/deployments`)).body;
  const queued = since(t0);
  const log = follow(dep.id);
  await until(
    `${name} to run`,
    async () => {
      const { body } = await call<AppView>('GET', `/api/v1/admin/paas/apps/${app.id}`);
      if (body.status === 'failed') throw new Error(`${name} failed: ${body.lastError}`);
      return body.status === 'running' ? true : undefined;
    },
    90_000,
    log.pollEvery,
  );
  const running = since(t0);
  await servedBy(app.slug, expect);
  const totalMs = since(t0);
  const cpuUsed = cpu();
  const done = await finished(dep.id);
  const events = await log.done;
  return {
    appId: app.id,
    slug: app.slug,
    totalMs,
    cpuMs: cpuUsed,
    cachedSteps: cachedSteps(done.log ?? ''),
    marks: { queued, ...phasesOf(events, t0Epoch), 'status running': running, served: totalMs },
  };
}

/** Ours, redeploy of a running app (after a push): until the new version runs and the router serves it. */
async function oursRedeploy(app: { id: string; slug: string }, expect: string): Promise<Sample> {
  const cpu = cpuMeter(() => stackPids);
  const t0 = performance.now();
  const t0Epoch = Date.now();
  const dep = (await call<DeploymentView>('POST', `/api/v1/admin/paas/apps/${app.id}/deployments`)).body;
  const queued = since(t0);
  const log = follow(dep.id);
  await until(
    'the redeploy to run',
    async () => {
      const { body } = await call<DeploymentView>('GET', `/api/v1/admin/paas/deployments/${dep.id}`);
      if (body.status === 'failed') throw new Error(`redeploy failed: ${body.reason}`);
      return body.status === 'running' ? true : undefined;
    },
    90_000,
    log.pollEvery,
  );
  const running = since(t0);
  await servedBy(app.slug, expect);
  const totalMs = since(t0);
  const cpuUsed = cpu();
  // Untimed: the old container drains, stops and is removed before the next run.
  const done = await finished(dep.id);
  const events = await log.done;
  return {
    totalMs,
    cpuMs: cpuUsed,
    cachedSteps: cachedSteps(done.log ?? ''),
    marks: { queued, ...phasesOf(events, t0Epoch), 'status running': running, served: totalMs },
  };
}

async function deleteApp(appId: string, timeoutMs = 60_000): Promise<void> {
  await call('DELETE', `/api/v1/admin/paas/apps/${appId}`);
  await until(
    'the app to be removed from Docker',
    async () => {
      const [containers, images, networks] = await Promise.all([
        docker.listContainers({ all: true, filters: { label: [`${LABEL.app}=${appId}`] } }),
        docker.listImages({ filters: { label: [`${LABEL.app}=${appId}`] } }),
        docker.listNetworks({ filters: { name: [networkName(appId)] } }),
      ]);
      return containers.length + images.length + networks.length === 0 ? true : undefined;
    },
    timeoutMs,
    100,
  );
}

// ---------------------------------------------------------------------------------------------
// By hand: git and the docker CLI.
// ---------------------------------------------------------------------------------------------
/** `docker run` flags for the product's container spec (so both paths run with the same limits and flags). */
function runFlags(spec: ContainerSpec): string[] {
  const h = spec.HostConfig;
  const out = ['--name', spec.name];
  for (const e of spec.Env) out.push('-e', e);
  for (const [k, v] of Object.entries(spec.Labels)) out.push('--label', `${k}=${v}`);
  for (const p of Object.keys(spec.ExposedPorts)) out.push('--expose', p);
  out.push(
    '--memory',
    String(h.Memory),
    '--memory-swap',
    String(h.MemorySwap),
    '--cpu-quota',
    String(h.CpuQuota),
    '--cpu-period',
    String(h.CpuPeriod),
  );
  out.push(
    '--pids-limit',
    String(h.PidsLimit),
    '--restart',
    `${h.RestartPolicy.Name}:${h.RestartPolicy.MaximumRetryCount}`,
  );
  for (const c of h.CapDrop) out.push('--cap-drop', c);
  for (const c of h.CapAdd) out.push('--cap-add', c);
  for (const s of h.SecurityOpt) out.push('--security-opt', s);
  if (h.ReadonlyRootfs) out.push('--read-only');
  for (const [path, options] of Object.entries(h.Tmpfs)) out.push('--tmpfs', `${path}:${options}`);
  out.push('--log-driver', h.LogConfig.Type);
  for (const [k, v] of Object.entries(h.LogConfig.Config)) out.push('--log-opt', `${k}=${v}`);
  out.push('--network', h.NetworkMode);
  for (const alias of spec.NetworkingConfig.EndpointsConfig[h.NetworkMode]?.Aliases ?? [])
    out.push('--network-alias', alias);
  for (const [port, bindings] of Object.entries(h.PortBindings))
    for (const b of bindings) out.push('-p', `${b.HostIp}:${b.HostPort}:${port}`);
  if (h.Init) out.push('--init');
  out.push('--ipc', h.IpcMode);
  return out;
}

const cli = (args: string[], options: { cwd?: string } = {}) =>
  run('docker', args, { ...options, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DOCKER_BUILDKIT: '0' } });

/** `docker build` with its output read as it comes, to time its steps like the product's log. */
function cliBuild(args: string[], onLine: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn('docker', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
    });
    let out = '';
    let err = '';
    createInterface({ input: proc.stdout }).on('line', (line) => {
      out += `${line}\n`;
      onLine(line);
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    proc.once('error', reject);
    proc.once('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`docker build exited with ${code}: ${err.slice(-500)}`)),
    );
  });
}

interface HandApp {
  name: string;
  slug: string;
  appId: string;
  network: string;
  container?: string;
  image?: string;
}

/**
 * By hand, one deploy: clone, write the product's Dockerfile, build, (network,) run, poll until 200.
 * With `app.container` set it is a redeploy: the new container starts beside the old one, which is
 * removed (untimed) once the new one answers, as the product does.
 */
async function handDeploy(
  app: HandApp,
  repoUrl: string,
  files: Record<string, string>,
  expect: string,
  tag: string,
): Promise<Sample> {
  const { plan, generated } = productBuild(files);
  const work = await mkdtemp(join(tmpdir(), 'ov-paasb-hand-'));
  const marks: Record<string, number | null> = {};
  try {
    const cpu = cpuMeter(() => [process.pid], true); // this process's reaped children: git and docker
    const t0 = performance.now();
    await run(
      'git',
      ['clone', '--depth=1', '--single-branch', '--no-tags', '--branch=main', '--', repoUrl, join(work, SOURCE_DIR)],
      { env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
    );
    marks.cloned = since(t0);
    // The product sends the context without .git; by hand that is a .dockerignore.
    for (const [path, body] of Object.entries({
      Dockerfile: generated.dockerfile,
      '.dockerignore': `${SOURCE_DIR}/.git\n`,
      ...generated.files,
    })) {
      await mkdir(dirname(join(work, path)), { recursive: true });
      await writeFile(join(work, path), body);
    }
    marks['dockerfile written'] = since(t0);
    const build = await cliBuild(
      [
        'build',
        '-t',
        tag,
        '--label',
        `${HAND_LABEL}=hand`,
        '--label',
        `${HAND_LABEL}.app=${app.appId}`,
        '--rm',
        '--force-rm',
        '--memory',
        String(BUILD_LIMITS.memoryBytes),
        '--memory-swap',
        String(BUILD_LIMITS.memoryBytes),
        '--cpu-quota',
        String(BUILD_LIMITS.cpuQuota),
        '--cpu-period',
        String(BUILD_LIMITS.cpuPeriod),
        work,
      ],
      (line) => {
        if (/^Step 1\//.test(line)) marks['build step 1'] ??= since(t0);
        if (/^Successfully tagged /.test(line)) marks['build done'] ??= since(t0);
      },
    );
    marks.built = since(t0);
    if (!app.container) {
      const net = networkSpec(app.appId, app.slug, 'hand');
      await cli([
        'network',
        'create',
        '--driver',
        net.Driver,
        ...Object.entries(net.Options).flatMap(([k, v]) => ['--opt', `${k}=${v}`]),
        '--label',
        `${HAND_LABEL}=hand`,
        app.network,
      ]);
      marks['network created'] = since(t0);
    }
    const spec = buildContainerSpec({
      instance: 'hand',
      appId: app.appId,
      slug: app.slug,
      deploymentId: uuidv7(),
      image: tag,
      port: generated.port,
      env: {},
      network: app.network,
      runtime: runtimeFor(plan.kind),
      user: APP_USER,
      limits: DEFAULT_LIMITS,
    });
    spec.Labels = { [HAND_LABEL]: 'hand', [`${HAND_LABEL}.app`]: app.appId };
    const id = (await cli(['run', '-d', ...runFlags(spec), tag])).stdout.trim();
    marks['container started'] = since(t0);
    const port = Number(
      (await cli(['port', id, `${generated.port}/tcp`])).stdout.trim().split('\n')[0]!.split(':').pop(),
    );
    await until(
      `${app.name} to answer`,
      async () => {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/`);
          const body = await res.text();
          return res.status === 200 && body.includes(expect) ? true : undefined;
        } catch {
          return undefined;
        }
      },
      30_000,
    );
    const totalMs = since(t0);
    const cpuUsed = cpu();
    marks.served = totalMs;
    const previous = { container: app.container, image: app.image };
    app.container = id;
    app.image = tag;
    if (previous.container) await cli(['rm', '-f', previous.container]);
    if (previous.image && previous.image !== tag) await cli(['rmi', previous.image]).catch(() => undefined);
    return { totalMs, marks, cpuMs: cpuUsed, cachedSteps: cachedSteps(build) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function handRemove(app: HandApp): Promise<void> {
  if (app.container) await cli(['rm', '-f', app.container]).catch(() => undefined);
  if (app.image) await cli(['rmi', app.image]).catch(() => undefined);
  await cli(['network', 'rm', app.network]).catch(() => undefined);
  app.container = undefined;
  app.image = undefined;
}

// ---------------------------------------------------------------------------------------------
// Cleanup by label: the product's objects of this instance and the by-hand ones.
// ---------------------------------------------------------------------------------------------
async function dockerCleanup(): Promise<{ containers: number; images: number; networks: number }> {
  const filters = [`${LABEL.managed}=${INSTANCE}`, `${HAND_LABEL}=hand`];
  let containers = 0;
  let images = 0;
  let networks = 0;
  for (const label of filters) {
    for (const c of await docker.listContainers({ all: true, filters: { label: [label] } })) {
      await docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined);
      containers++;
    }
  }
  for (const label of filters) {
    for (const i of await docker.listImages({ filters: { label: [label] } })) {
      await docker
        .getImage(i.Id)
        .remove({ force: true })
        .catch(() => undefined);
      images++;
    }
  }
  for (const label of filters) {
    for (const n of await docker.listNetworks({ filters: { label: [label] } })) {
      await docker
        .getNetwork(n.Id)
        .remove()
        .catch(() => undefined);
      networks++;
    }
  }
  return { containers, images, networks };
}

// ---------------------------------------------------------------------------------------------
// Statistics and report.
// ---------------------------------------------------------------------------------------------
/** Nearest-rank percentile (with 5 samples p95 is the slowest run). */
function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(samples: Sample[]) {
  const totals = samples.map((s) => s.totalMs);
  return {
    runs: samples.length,
    medianS: secs(pct(totals, 50)),
    p95S: secs(pct(totals, 95)),
    samplesS: totals.map(secs),
    cachedSteps: samples.map((s) => s.cachedSteps),
    cpuMedianS: {
      client: secs(
        pct(
          samples.map((s) => s.cpuMs.client),
          50,
        ),
      ),
      dockerd: secs(
        pct(
          samples.map((s) => s.cpuMs.dockerd),
          50,
        ),
      ),
    },
  };
}

/** Median ms after t0 of each step over the runs, in order. */
function medianMarks(samples: Sample[]): Record<string, number | null> {
  const names = Object.keys(samples[0]?.marks ?? {});
  return Object.fromEntries(
    names.map((n) => {
      const v = samples.map((s) => s.marks[n]).filter((x): x is number => typeof x === 'number');
      return [n, v.length ? secs(pct(v, 50)) : null];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Main.
// ---------------------------------------------------------------------------------------------
const procs: ChildProcess[] = [];
let api: Server | undefined;
let root = '';
const handApps: HandApp[] = [];
/** The hard stop (whole run < 5 min, quick < 2): whatever hangs, the label sweep still runs. */
const HARD_LIMIT_MS = (QUICK ? 110 : 288) * 1000;
const watchdog = setTimeout(
  () => {
    console.error(`paas bench: over ${HARD_LIMIT_MS / 1000} s, giving up`);
    for (const proc of procs) proc.kill('SIGKILL');
    api?.proc.kill('SIGKILL');
    void Promise.race([dockerCleanup(), sleep(6000)]).finally(() => process.exit(2));
  },
  HARD_LIMIT_MS - Date.now() + started,
);
watchdog.unref();

async function main(): Promise<void> {
  await docker.ping().catch((err: Error) => {
    throw new Error(
      `the PaaS benchmark needs a Docker Engine (${err.message}); start one: scripts/services.sh start docker`,
    );
  });
  for (const image of [IMAGES.node, IMAGES.nodeBuild, IMAGES.static]) {
    await docker
      .getImage(image)
      .inspect()
      .catch(() => {
        throw new Error(`base image ${image} is missing: run make paas-images (scripts/paas-images.sh)`);
      });
  }
  const leftovers = await dockerCleanup();
  if (leftovers.containers + leftovers.images + leftovers.networks)
    console.error(`removed leftovers of an earlier run: ${JSON.stringify(leftovers)}`);
  const dockerVersion = (await docker.version()).Version;
  const loadStart = Math.round(loadavg()[0]! * 100) / 100;

  root = await mkdtemp(join(tmpdir(), 'ov-paasb-'));
  await recreateDatabase(DB_URL);
  await flushRedisPrefix();
  const admin = await createAdmin();
  routerPort = await freePort();
  const env = {
    NODE_ENV: 'production',
    JWT_SECRET: BENCH_JWT_SECRET,
    DATABASE_URL: DB_URL,
    REDIS_KEY_PREFIX: PREFIX,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
    PAAS_ALLOW_LOCAL_REPOS: '1',
    PAAS_WORK_DIR: join(root, 'work'),
    PAAS_INSTANCE: INSTANCE,
    PAAS_IMAGE_NODE: IMAGES.node,
    PAAS_IMAGE_NODE_BUILD: IMAGES.nodeBuild,
    PAAS_IMAGE_STATIC: IMAGES.static,
    PAAS_ROUTER_PORT: String(routerPort),
    PAAS_ROUTER_HOST: '127.0.0.1',
    PAAS_DOMAIN: DOMAIN,
    PAAS_HEALTH_TIMEOUT_MS: '30000',
  };
  const [apiServer, worker, router] = await Promise.all([startApi(DB_URL, env), startWorker(env), startRouter(env)]);
  api = apiServer;
  procs.push(worker, router);
  stackPids = [api.proc.pid!, worker.pid!, router.pid!];
  apiUrl = api.url;
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  token = ((await login.json()) as { accessToken: string }).accessToken;
  console.error(
    `paas bench: stack up in ${secs(Date.now() - started)} s (api ${apiUrl}, router :${routerPort}); ${RUNS} runs per path`,
  );

  const staticRepo = await makeRepo(root, 'static-site', STATIC_FILES);
  const nodeRepo = await makeRepo(root, 'node-app', nodeFiles('v1'));
  const cases = [
    {
      key: 'static',
      repo: staticRepo,
      files: STATIC_FILES as Record<string, string>,
      expect: 'Hello from a static site',
    },
    { key: 'node', repo: nodeRepo, files: nodeFiles('v1'), expect: 'v1 from node' },
  ];
  const tag = (key: string, n: number | string) => `ov-paasb-hand/${key}:${n}`;

  // Untimed warm-up (first use of the tsx-compiled code paths in the worker, page cache): ours
  // always; by hand too in a full run (the docker CLI has nothing to warm but the page cache).
  {
    const warm = await oursDeploy('warmup', staticRepo.url, cases[0]!.expect);
    await deleteApp(warm.appId);
    if (!QUICK) {
      const hand: HandApp = { name: 'warmup', slug: 'warmup', appId: uuidv7(), network: `ov-paasb-hand-warmup` };
      await handDeploy(hand, staticRepo.url, STATIC_FILES, cases[0]!.expect, tag('warmup', 0));
      await handRemove(hand);
    }
  }

  const samples: Record<string, { ours: Sample[]; hand: Sample[] }> = {};
  const truncated: Record<string, boolean> = {};
  /** Time shares of what is left of the budget, so a slow (loaded) machine gets fewer runs, not a failure. */
  const weights: Record<string, number> = { static: 1, node: 1.4, redeploy: 1.6 };
  /**
   * `RUNS` pairs (ours, by hand), interleaved and alternating which goes first so a drift of the
   * machine falls on both. A pair is skipped (and the scenario marked truncated) when it would not
   * fit in the scenario's share of the time left; the first pair always runs.
   */
  const pairs = async (key: string, one: (who: 'ours' | 'hand', i: number) => Promise<Sample>) => {
    const weightLeft = Object.entries(weights)
      .filter(([k]) => !(k in samples))
      .reduce((a, [, w]) => a + w, 0);
    const deadline = Date.now() + (measureLeftMs() * weights[key]!) / weightLeft;
    samples[key] = { ours: [], hand: [] };
    truncated[key] = false;
    let lastPairMs = 0;
    for (let i = 0; i < RUNS; i++) {
      if (i === 0 && measureLeftMs() <= 0) {
        truncated[key] = true;
        console.error(`${key}: not run, the time budget is used up (load ${loadavg()[0]!.toFixed(1)})`);
        break;
      }
      if (i > 0 && Date.now() + lastPairMs > deadline) {
        truncated[key] = true;
        console.error(`${key}: stopping after ${i} runs per path (time budget; load ${loadavg()[0]!.toFixed(1)})`);
        break;
      }
      const pairStart = Date.now();
      for (const who of i % 2 === 0 ? (['ours', 'hand'] as const) : (['hand', 'ours'] as const)) {
        const sample = await one(who, i);
        samples[key]![who].push(sample);
        console.error(
          `${key.padEnd(8)} ${who.padEnd(5)} run ${i + 1}: ${secs(sample.totalMs)} s (cached build steps ${sample.cachedSteps})`,
        );
      }
      lastPairMs = Date.now() - pairStart;
    }
  };

  for (const c of cases) {
    await pairs(c.key, async (who, i) => {
      if (who === 'ours') {
        const sample = await oursDeploy(`bench ${c.key} ${i}`, c.repo.url, c.expect);
        await deleteApp(sample.appId);
        return sample;
      }
      const hand: HandApp = {
        name: `hand ${c.key} ${i}`,
        slug: `hand-${c.key}-${i}`,
        appId: uuidv7(),
        network: `ov-paasb-hand-${c.key}-${i}`,
      };
      handApps.push(hand);
      const sample = await handDeploy(hand, c.repo.url, c.files, c.expect, tag(c.key, i));
      await handRemove(hand);
      return sample;
    });
  }

  // Redeploys with an unchanged lockfile: each path keeps one running Node app and redeploys it
  // after a trivial source change (a new commit); the install layer must come from the build cache.
  const redeploys = async () => {
    const oursRepo = await makeRepo(root, 'node-redeploy-ours', nodeFiles('r0'));
    const handRepo = await makeRepo(root, 'node-redeploy-hand', nodeFiles('r0'));
    const first = await oursDeploy('bench redeploy', oursRepo.url, 'r0 from node');
    const handApp: HandApp = {
      name: 'hand redeploy',
      slug: 'hand-redeploy',
      appId: uuidv7(),
      network: 'ov-paasb-hand-redeploy',
    };
    handApps.push(handApp);
    await handDeploy(handApp, handRepo.url, nodeFiles('r0'), 'r0 from node', tag('redeploy', 0));
    await pairs('redeploy', async (who, i) => {
      const version = `r${i + 1}`;
      if (who === 'ours') {
        await oursRepo.commit({ 'server.js': nodeServer(version) }, version);
        return oursRedeploy({ id: first.appId, slug: first.slug }, `${version} from node`);
      }
      await handRepo.commit({ 'server.js': nodeServer(version) }, version);
      return handDeploy(handApp, handRepo.url, nodeFiles(version), `${version} from node`, tag('redeploy', i + 1));
    });
  };
  if (measureLeftMs() > 0) await redeploys();
  else await pairs('redeploy', () => Promise.reject(new Error('unreachable: no time left')));

  // Report.
  const labels: Record<string, string> = {
    static: 'deploy, static repo',
    node: 'deploy, Node repo (package-lock.json)',
    redeploy: 'redeploy, Node, unchanged lockfile (layer cache)',
  };
  notRun = Object.keys(samples).filter((key) => samples[key]!.ours.length === 0 || samples[key]!.hand.length === 0);
  const results = Object.fromEntries(
    Object.entries(samples)
      .filter(([key]) => !notRun.includes(key))
      .map(([key, s]) => {
        const ours = summary(s.ours);
        const hand = summary(s.hand);
        return [
          key,
          {
            ours,
            hand,
            truncatedByTimeBudget: truncated[key],
            ratioMedian: Math.round((ours.medianS / hand.medianS) * 100) / 100,
            ratioP95: Math.round((ours.p95S / hand.p95S) * 100) / 100,
            oursStepsMedianS: medianMarks(s.ours),
            handStepsMedianS: medianMarks(s.hand),
          },
        ];
      }),
  );
  const goal = 1.2;
  const rows = Object.entries(results).map(([key, r]) => [
    labels[key],
    `${r.ours.runs}${r.truncatedByTimeBudget ? ' (time budget)' : ''}`,
    r.ours.medianS,
    r.ours.p95S,
    r.hand.medianS,
    r.hand.p95S,
    `${r.ratioMedian}×`,
    `${r.ratioP95}×`,
    r.ratioMedian <= goal ? 'yes' : 'no',
    `${Math.min(...r.ours.cachedSteps)}–${Math.max(...r.ours.cachedSteps)} / ${Math.min(...r.hand.cachedSteps)}–${Math.max(...r.hand.cachedSteps)}`,
  ]);
  const stepRows = Object.entries(results).flatMap(([key, r]) => [
    [
      labels[key],
      'ours',
      Object.entries(r.oursStepsMedianS)
        .map(([k, v]) => `${k} ${v ?? '–'}`)
        .join(' · '),
      `${r.ours.cpuMedianS.client} / ${r.ours.cpuMedianS.dockerd}`,
    ],
    [
      labels[key],
      'by hand',
      Object.entries(r.handStepsMedianS)
        .map(([k, v]) => `${k} ${v ?? '–'}`)
        .join(' · '),
      `${r.hand.cpuMedianS.client} / ${r.hand.cpuMedianS.dockerd}`,
    ],
  ]);
  const load = { start: loadStart, end: Math.round(loadavg()[0]! * 100) / 100 };
  const short = Object.values(results).some((r) => r.truncatedByTimeBudget);
  const markdown = [
    `Deploy and redeploy, clone → running and answering HTTP 200, up to ${RUNS} runs per path (interleaved, alternating which goes first; untimed warm-up first), seconds. ` +
      `Ours = API + worker + app router (\`POST /apps\` → \`POST /deployments\` → status \`running\` → router answers 200). ` +
      `By hand = \`git clone --depth 1\` + the product's generated Dockerfile + \`docker build\` (classic builder, same build limits) + \`docker network create\` + \`docker run -d\` (the product's limits and flags) + polling the port. ` +
      `The Node fixture's one dependency is a local package (\`file:\` link in package-lock.json: no registry here), so \`npm ci\` costs npm itself, not downloads. ` +
      `A redeploy is timed until the router serves the new version; the old container's drain and removal come after and are not timed (by hand: its \`docker rm\`). ` +
      `Base images ${IMAGES.static} / ${IMAGES.node} (local, no registry); Docker ${dockerVersion}. p95 is nearest-rank (with 5 runs or fewer: the slowest). ` +
      `Load average (1 min) at start ${load.start}, at end ${load.end} on ${availableParallelism()} CPUs${load.start > availableParallelism() || load.end > availableParallelism() ? ' — **the machine was busy with other work: absolute times are inflated and noisy; the ratios, from interleaved runs, less so**' : ''}.` +
      (short
        ? ' **Some scenarios ran fewer runs than asked: they did not fit in the time budget on this machine at this load.**'
        : '') +
      (notRun.length ? ` **Not run at all (time budget): ${notRun.map((k) => labels[k]).join(', ')}.**` : ''),
    '',
    table(
      [
        'scenario',
        'runs',
        'ours median',
        'ours p95',
        'by hand median',
        'by hand p95',
        'ratio median',
        'ratio p95',
        `≤ ${goal}×`,
        'cached build steps ours / hand',
      ],
      rows,
    ),
    '',
    'Where the time goes: median seconds after t0 at which each step was reached (ours from the live deployment log, flushed every 100 ms, so ±0.1 s), and median CPU seconds used until served by the client side (ours: API + worker + router processes and their children; by hand: git + docker CLI) and by dockerd:',
    '',
    table(['scenario', 'path', 'steps', 'CPU s: client / dockerd'], stepRows),
  ].join('\n');
  writeResult(
    'paas',
    {
      runs: RUNS,
      quick: QUICK,
      loadavg1: load,
      notRun,
      goalRatio: goal,
      dockerVersion,
      images: { node: IMAGES.node, static: IMAGES.static },
      method:
        'ours: POST /apps → POST deployments → app running → router 200 (redeploy: POST deployments → deployment running → router serves the new version); by hand: git clone --depth 1, generated Dockerfile, docker build (DOCKER_BUILDKIT=0), docker network create, docker run -d with the product flags, poll until 200',
      results,
      samples,
    },
    markdown,
  );
}

let failed = false;
/** Scenarios that got no run at all (time budget): the result is written, the exit code says so. */
let notRun: string[] = [];
try {
  await main();
} catch (err) {
  failed = true;
  console.error(`paas bench failed: ${(err as Error).stack ?? err}`);
} finally {
  // Everything this run created: apps through the API (the worker removes their Docker objects),
  // then a label sweep for anything left, by-hand objects included.
  try {
    if (apiUrl && token) {
      const apps = (await call<AppView[]>('GET', '/api/v1/admin/paas/apps')).body;
      await Promise.all(apps.map((app) => deleteApp(app.id, 10_000).catch(() => undefined)));
    }
  } catch (err) {
    console.error(`cleanup through the API failed: ${(err as Error).message}`);
  }
  for (const app of handApps) await handRemove(app);
  await Promise.all(procs.map((p) => stopProcess(p)));
  await api?.stop();
  const left = await dockerCleanup().catch(() => ({ containers: -1, images: -1, networks: -1 }));
  if (left.containers + left.images + left.networks) console.error(`label sweep removed: ${JSON.stringify(left)}`);
  await flushRedisPrefix().catch(() => undefined);
  if (root) await rm(root, { recursive: true, force: true });
  console.error(`paas bench: ${failed ? 'FAILED' : 'done'} in ${secs(Date.now() - started)} s`);
}
if (notRun.length && !failed) console.error(`paas bench: not measured (time budget): ${notRun.join(', ')}`);
process.exit(failed ? 1 : notRun.length ? 3 : 0);
