import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { Jobs } from '../src/jobs/job-spec.js';
import { composePaasEngine } from '../src/composition/paas-engine.js';
import { composePaasJobs } from '../src/composition/worker.js';
import { startPaasWorker } from '../src/schedule/paas-watch.js';
import { createLogger } from '../src/logger.js';
import { PaasRepository } from '../src/repositories/paas.repository.js';
import { imageTag, LABEL, networkName } from '../src/services/paas/container-spec.js';
import { NOTHING_DETECTED } from '../src/services/paas/detect.js';
import { overlayName, serviceName, SWARM_EGRESS_NETWORK } from '../src/services/paas/service-spec.js';
import { hubSignature } from '../src/services/paas/views.js';
import { testEnv } from './env.js';
import { bearer, createUser, login } from './factories.js';
import { eventually, runScript, startTestApi, type TestApi } from './harness.js';
import { makeRepo, nodeServer, readSse, upgradeEcho, viaRouter } from './paas-fixtures.js';
import { leftovers, startRouter, SWARM, type TestRouter } from './paas-stack.js';

/**
 * The PaaS engine end to end against the real Docker Engine: fixture repositories made here as
 * local git repos, deployed through the API by an in-process worker, fetched through the app router.
 * Without Docker this file fails in beforeAll, loudly: a PaaS that was never run is not a pass.
 * `make test-swarm` runs it with PAAS_DRIVER=swarm: where it inspects the engine, it says what each driver sets.
 */
const docker = new Docker();
let api: TestApi;
let worker: Infrastructure;
let stopPaas: () => Promise<void>;
let engine: ReturnType<typeof composePaasEngine>;
let router: TestRouter;
let routerPort: number;
let token: string;
let root: string;
const overrides = (workDir: string) => ({
  PAAS_ALLOW_LOCAL_REPOS: '1',
  PAAS_WORK_DIR: workDir,
  PAAS_HEALTH_TIMEOUT_MS: '20000',
  PAAS_ROUTER_PORT: '8090',
});

beforeAll(async () => {
  try {
    await docker.ping();
  } catch (err) {
    throw new Error(
      `PaaS tests need a Docker Engine and none answers (${(err as Error).message}). Start one: scripts/services.sh start docker. These tests never skip.`,
      { cause: err },
    );
  }
  const images = await runScript(['scripts/paas-images.sh'], 600_000);
  if (images.code !== 0) throw new Error(`make paas-images failed:\n${images.output}`);
  root = await mkdtemp(join(tmpdir(), 'ov-paas-test-'));
  const env = overrides(join(root, 'work'));
  api = await startTestApi(env);
  token = (await login(api, await createUser(api, 'admin'))).accessToken;
  router = await startRouter(new PaasRepository(api.infra.database.db));
  routerPort = router.port;
  worker = createInfrastructure(
    testEnv({ ...env, ...router.env }),
    createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'worker-test'),
    'worker',
  );
  engine = composePaasEngine(worker, { drainMs: 1500 });
  const jobs = composePaasJobs(worker, engine);
  worker.queues.process(Jobs.paasDeploy, 1, jobs.deploy);
  worker.queues.process(Jobs.paasControl, 2, jobs.control);
  stopPaas = startPaasWorker(worker, jobs.engine);
}, 660_000);

afterAll(async () => {
  // Remove every app through the API, so the test also leaves Docker as it found it.
  if (api) {
    for (const app of (await (await call('GET', '/api/v1/admin/paas/apps')).json()) as { id: string }[])
      await call('DELETE', `/api/v1/admin/paas/apps/${app.id}`);
    await eventually(async () => (await leftovers(docker, engine.docker.instance)) === 0, 30_000).catch(
      () => undefined,
    );
  }
  await stopPaas?.();
  await worker?.close();
  await api?.close();
  await router?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(api.url + path, {
    method,
    headers: { ...bearer(token), 'content-type': 'application/json', ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

const managed = async () =>
  docker.listContainers({ all: true, filters: { label: [`${LABEL.managed}=${engine.docker.instance}`] } });

interface AppView {
  id: string;
  slug: string;
  status: string;
  url: string;
  lastError: string | null;
  activeDeploymentId: string | null;
  hookSecret?: string;
  hookUrl: string;
  detectedType: string | null;
  runAsRoot: boolean;
}
interface DeploymentView {
  id: string;
  status: string;
  reason: string | null;
  log: string | null;
  dockerfile: string | null;
  durationMs: number | null;
  commitSha: string | null;
  logsUrl: string;
}

async function createApp(name: string, repoUrl: string, extra: Record<string, unknown> = {}): Promise<AppView> {
  const res = await call('POST', '/api/v1/admin/paas/apps', { name, repoUrl, ...extra });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

async function deploy(appId: string): Promise<DeploymentView> {
  const res = await call('POST', `/api/v1/admin/paas/apps/${appId}/deployments`);
  expect([200, 202], await res.clone().text()).toContain(res.status);
  return res.json();
}

const FINAL = ['running', 'failed', 'stopped', 'superseded'];
async function settled(deploymentId: string, timeoutMs = 90_000): Promise<DeploymentView> {
  return eventually(
    async () => {
      const d = (await (await call('GET', `/api/v1/admin/paas/deployments/${deploymentId}`)).json()) as DeploymentView;
      return FINAL.includes(d.status) && d.log !== null ? d : undefined;
    },
    timeoutMs,
    250,
  );
}

const host = (slug: string) => `${slug}.apps.localhost`;
/** A command's output inside a running container. */
const exec = async (containerId: string, cmd: string[]): Promise<string> => {
  const run = await docker.getContainer(containerId).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await run.start({});
  const chunks: Buffer[] = [];
  await new Promise((resolve) => stream.on('data', (c: Buffer) => chunks.push(c)).on('end', resolve));
  return Buffer.concat(chunks).toString('utf8');
};
const inspectServing = async (appId: string) => {
  const app = (await (await call('GET', `/api/v1/admin/paas/apps/${appId}`)).json()) as AppView;
  const [c] = await docker.listContainers({
    filters: { label: [`${LABEL.app}=${appId}`, `${LABEL.deployment}=${app.activeDeploymentId}`] },
  });
  return docker.getContainer(c!.Id).inspect();
};

let staticApp: AppView;
let nodeApp: AppView;
let nodeRepo: Awaited<ReturnType<typeof makeRepo>>;
let ownApp: AppView;

describe('static site, end to end', () => {
  it('clone → detect → Dockerfile → build → run → health; live SSE log; served by the router; every limit and flag set', async () => {
    const repo = await makeRepo(root, 'static-site', {
      'index.html': '<!doctype html><h1>Hello from a static site</h1>',
      'css/site.css': 'h1{color:teal}',
    });
    staticApp = await createApp('Static Site', repo.url);
    expect(staticApp.slug).toBe('static-site');
    expect(staticApp.hookSecret).toMatch(/^ovhook_/);
    const started = Date.now();
    const dep = await deploy(staticApp.id);
    expect(dep.status).toBe('queued');

    // Follow the log live from the start: it must end on its own with the final status.
    const live = await readSse(api.url + `/api/v1/admin/paas/deployments/${dep.id}/logs`, bearer(token), (e) =>
      e.some((x) => x.event === 'end'),
    );
    const deployMs = Date.now() - started;
    expect(live.status).toBe(200);
    expect(live.contentType).toMatch(/^text\/event-stream/);
    const end = live.events.find((e) => e.event === 'end')!;
    const lines = live.events.filter((e) => e.event === 'message');
    expect(JSON.parse(end.data), lines.map((e) => e.data).join('\n')).toEqual({ status: 'running' });
    // Delivered as written, not in one burst at the end.
    expect(end.at! - lines[0]!.at!).toBeGreaterThan(200);
    expect(lines.map((e) => Number(e.id))).toEqual(lines.map((_, i) => i + 1));
    const text = lines.map((e) => e.data).join('\n');
    expect(text).toMatch(/==> Detected a static site/);
    expect(text).toMatch(/Step \d+\/\d+ : FROM /);
    // Swarm gates on the health check inside the task: the worker sees the task turn running.
    expect(text).toMatch(SWARM ? /task running; ready/ : /answered HTTP 200/);
    console.info(`[paas] static fixture: deploy requested → running (SSE end) in ${deployMs} ms`);

    const done = await settled(dep.id);
    expect(done.status).toBe('running');
    expect(done.commitSha).toMatch(/^[0-9a-f]{40}$/);
    expect(done.dockerfile).toContain('USER 10001:10001');
    expect(done.log!.split('\n')).toEqual(lines.map((e) => e.data));

    const page = await viaRouter(routerPort, host(staticApp.slug));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Hello from a static site');
    expect((await viaRouter(routerPort, host(staticApp.slug), '/css/site.css')).headers['content-type']).toMatch(
      /text\/css/,
    );

    const info = await inspectServing(staticApp.id);
    const h = info.HostConfig;
    expect(h.Memory).toBe(256 * 1024 * 1024);
    expect(h.PidsLimit).toBe(128);
    expect(h.CapDrop).toEqual(['ALL']);
    expect(h.Privileged).toBe(false);
    expect(h.ReadonlyRootfs).toBe(true);
    expect(h.Init).toBe(true);
    expect(h.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-size': '5m', 'max-file': '2' } });
    expect(info.Config.User).toBe('10001:10001');
    if (!SWARM) {
      expect(h.MemorySwap).toBe(256 * 1024 * 1024);
      expect(h.CpuQuota).toBe(50_000);
      expect(h.CpuPeriod).toBe(100_000);
      expect(h.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 });
      expect(h.SecurityOpt).toContain('no-new-privileges:true');
      expect(Object.keys(h.Tmpfs ?? {})).toEqual(['/tmp']);
      expect(h.NetworkMode).toBe(networkName(staticApp.id));
      expect(Object.keys(info.NetworkSettings.Networks)).toEqual([networkName(staticApp.id)]);
      const binding = info.NetworkSettings.Ports['8080/tcp']![0]!;
      expect(binding.HostIp).toBe('127.0.0.1');
      expect(Number(binding.HostPort)).toBeGreaterThan(1024);
      return;
    }
    // Swarm: half a CPU as NanoCpus, restarts and updates in the service, /tmp a tmpfs mount with the
    // engine's noexec/nosuid/nodev; no port published at all (the router reaches the task on the app's
    // overlay); swap and no-new-privileges are what it cannot set (README, "Swarm driver").
    expect(h.NanoCpus).toBe(500_000_000);
    expect(h.Mounts).toEqual([expect.objectContaining({ Type: 'tmpfs', Target: '/tmp' })]);
    expect(Object.keys(info.NetworkSettings.Networks).sort()).toEqual(
      [SWARM_EGRESS_NETWORK, overlayName(staticApp.id)].sort(),
    );
    expect(
      Object.values(info.NetworkSettings.Ports ?? {})
        .flat()
        .filter(Boolean),
    ).toEqual([]);
    type ServiceView = {
      Spec: {
        TaskTemplate: {
          RestartPolicy: unknown;
          Resources: { Limits: unknown };
          ContainerSpec: { Healthcheck: { Test: string[] }; Image: string };
        };
        UpdateConfig: unknown;
        EndpointSpec: unknown;
      };
    };
    const service = (await docker.getService(serviceName(staticApp.id)).inspect()) as ServiceView;
    expect(service.Spec.TaskTemplate.RestartPolicy).toMatchObject({ Condition: 'on-failure', MaxAttempts: 3 });
    expect(service.Spec.TaskTemplate.Resources.Limits).toEqual({
      MemoryBytes: 256 * 1024 * 1024,
      NanoCPUs: 500_000_000,
      Pids: 128,
    });
    expect(service.Spec.TaskTemplate.ContainerSpec.Healthcheck.Test.slice(0, 2)).toEqual(['CMD', 'node']);
    expect(service.Spec.TaskTemplate.ContainerSpec.Image).toMatch(
      /^127\.0\.0\.1:5000\/ov-paas\/static-site:[0-9a-f-]{36}@sha256:[0-9a-f]{64}$/,
    );
    expect(service.Spec.UpdateConfig).toMatchObject({ Order: 'start-first', FailureAction: 'rollback' });
    expect(service.Spec.EndpointSpec).toEqual({ Mode: 'dnsrr' });
    const mounts = await exec(info.Id, ['sh', '-c', 'grep " /tmp " /proc/mounts']);
    expect(mounts).toMatch(/\bnoexec\b/);
    expect(mounts).toMatch(/\bnosuid\b/);
  });

  it('SSE replays a finished log and resumes after Last-Event-ID', async () => {
    const [latest] = (await (
      await call('GET', `/api/v1/admin/paas/apps/${staticApp.id}/deployments`)
    ).json()) as DeploymentView[];
    const url = api.url + `/api/v1/admin/paas/deployments/${latest!.id}/logs`;
    const full = await readSse(url, bearer(token), () => false);
    const all = full.events.filter((e) => e.event === 'message');
    expect(all.length).toBeGreaterThan(10);
    expect(full.events.at(-1)).toMatchObject({ event: 'end', data: '{"status":"running"}' });
    const resumed = await readSse(url, { ...bearer(token), 'Last-Event-ID': '5' }, () => false);
    const rest = resumed.events.filter((e) => e.event === 'message');
    expect(rest[0]!.id).toBe('6');
    expect(rest.map(({ id, data }) => ({ id, data }))).toEqual(all.slice(5).map(({ id, data }) => ({ id, data })));
    expect((await readSse(url, { ...bearer(token), 'Last-Event-ID': 'x' }, () => false)).status).toBe(422);
    expect(
      (await readSse(api.url + '/api/v1/admin/paas/deployments/nope/logs', bearer(token), () => false)).status,
    ).toBe(404);
  });
});

describe('Node.js server and own Dockerfile', () => {
  it('a dependency-free Node server: detected, non-root, read-only code, writable /tmp, env passed, upgrades pass through', async () => {
    nodeRepo = await makeRepo(root, 'node-app', {
      'package.json': JSON.stringify({ name: 'node-app', version: '1.0.0', scripts: { start: 'node server.js' } }),
      'server.js': nodeServer('v1'),
    });
    nodeApp = await createApp('Node App', nodeRepo.url, { env: { GREETING: 'merhaba' } });
    const done = await settled((await deploy(nodeApp.id)).id);
    expect(done.status, done.log ?? '').toBe('running');
    expect(done.dockerfile).toContain('CMD ["npm","start"]');
    expect(done.dockerfile).not.toMatch(/npm","(ci|install)/);
    expect((await viaRouter(routerPort, host(nodeApp.slug))).body).toBe('v1 from merhaba');
    const self = JSON.parse((await viaRouter(routerPort, host(nodeApp.slug), '/self')).body);
    expect(self).toEqual({ uid: 10001, app: 'EROFS', tmp: 'ok', port: '8080', greeting: 'merhaba' });
    const ws = await upgradeEcho(routerPort, host(nodeApp.slug), 'hello over the upgrade');
    expect(ws.head).toMatch(/^HTTP\/1\.1 101/);
    expect(ws.echoed).toBe('hello over the upgrade');
  });

  it("a repository's own Dockerfile is used as is; the port comes from its EXPOSE", async () => {
    const repo = await makeRepo(root, 'own-dockerfile', {
      Dockerfile:
        'FROM omervision/paas-node:local\nCOPY server.js /srv/server.js\nEXPOSE 3000\nUSER 10001\nCMD ["node", "/srv/server.js"]\n',
      'server.js': nodeServer('own'),
    });
    const app = (ownApp = await createApp('Own Dockerfile', repo.url));
    const done = await settled((await deploy(app.id)).id);
    expect(done.status, done.log ?? '').toBe('running');
    expect(done.dockerfile).toBeNull();
    expect(done.log).toMatch(/Detected the repository's own Dockerfile/);
    expect((await viaRouter(routerPort, host(app.slug))).body).toBe('own from node');
    const info = await inspectServing(app.id);
    expect(Object.keys(info.Config.ExposedPorts ?? {})).toContain('3000/tcp');
    expect(info.Config.Env).toContain('PORT=3000');
    expect(info.HostConfig.CapDrop).toEqual(['ALL']);
  });

  it('an own-Dockerfile app whose image runs as root gets uid ≠ 0; runAsRoot=true (audited) gives uid 0', async () => {
    // No USER line: the image's default user is root, the usual shape of a repository's own Dockerfile.
    const repo = await makeRepo(root, 'root-dockerfile', {
      Dockerfile:
        'FROM omervision/paas-node:local\nCOPY server.js /srv/server.js\nEXPOSE 3000\nCMD ["node", "/srv/server.js"]\n',
      'server.js': nodeServer('root'),
    });
    const app = await createApp('Root Dockerfile', repo.url);
    expect(app.runAsRoot).toBe(false);
    const first = await settled((await deploy(app.id)).id);
    expect(first.status, first.log ?? '').toBe('running');
    expect(JSON.parse((await viaRouter(routerPort, host(app.slug), '/self')).body)).toMatchObject({
      uid: 10001,
      app: 'EACCES',
      tmp: 'ok',
    });
    expect((await inspectServing(app.id)).Config.User).toBe('10001:10001');

    const audited = async (action: string) => {
      const page = (await (await call('GET', '/api/v1/admin/audit?targetType=paas_app&limit=100')).json()) as {
        items: { action: string; targetId: string | null }[];
      };
      return page.items.some((e) => e.action === action && e.targetId === app.id);
    };
    const allow = await call('PATCH', `/api/v1/admin/paas/apps/${app.id}`, { runAsRoot: true });
    expect(allow.status, await allow.clone().text()).toBe(200);
    expect(((await allow.json()) as { runAsRoot: boolean }).runAsRoot).toBe(true);
    expect(await audited('paas.app.run-as-root.enable')).toBe(true);
    // The setting applies from the next deployment.
    expect(JSON.parse((await viaRouter(routerPort, host(app.slug), '/self')).body).uid).toBe(10001);
    const second = await settled((await deploy(app.id)).id);
    expect(second.status, second.log ?? '').toBe('running');
    await eventually(
      async () => JSON.parse((await viaRouter(routerPort, host(app.slug), '/self')).body).uid === 0,
      10_000,
    );
    const asRoot = await inspectServing(app.id);
    expect(asRoot.Config.User).toBe('0:0');
    // Root, but still without capabilities or new privileges.
    expect(asRoot.HostConfig.CapDrop).toEqual(['ALL']);
    // (Swarm cannot set no-new-privileges per service: README, "Swarm driver".)
    if (!SWARM) expect(asRoot.HostConfig.SecurityOpt).toContain('no-new-privileges:true');

    const deny = await call('PATCH', `/api/v1/admin/paas/apps/${app.id}`, { runAsRoot: false });
    expect(deny.status).toBe(200);
    expect(await audited('paas.app.run-as-root.disable')).toBe(true);
    expect((await call('DELETE', `/api/v1/admin/paas/apps/${app.id}`)).status).toBe(204);
  });
});

describe('isolation', () => {
  it('apps cannot reach each other, the database or Redis', async () => {
    const target = await inspectServing(staticApp.id);
    // Swarm: the other app's addresses on its overlay and on the egress bridge; no published port.
    const targetIps = Object.values(target.NetworkSettings.Networks).map((n) => n.IPAddress);
    const targetHostPort = SWARM ? '8080' : target.NetworkSettings.Ports['8080/tcp']![0]!.HostPort;
    const self = await inspectServing(nodeApp.id);
    const gateway = Object.values(self.NetworkSettings.Networks).find((n) => n.Gateway)!.Gateway;
    const probe = async (h: string, port: string | number) =>
      (await viaRouter(routerPort, host(nodeApp.slug), `/probe?host=${h}&port=${port}`)).body;
    // The probe works: the app reaches itself.
    expect(await probe('127.0.0.1', 8080)).toBe('connected');
    for (const [h, port] of [
      ...targetIps.map((ip) => [ip, 8080] as const),
      [gateway, targetHostPort],
      [gateway, 3307],
      [gateway, 6380],
      [gateway, 8000],
      ['host.docker.internal', 3307],
    ] as const) {
      expect(await probe(h, port), `${h}:${port}`).not.toBe('connected');
    }
  });
});

describe('failures', () => {
  it('a crash-looping app is failed after 3 restarts, with its last log lines as the reason', async () => {
    const repo = await makeRepo(root, 'crash-loop', {
      'package.json': JSON.stringify({ name: 'crash', main: 'index.js' }),
      'index.js': "console.log('booting');\nconsole.error('fatal: DATABASE_URL is not set');\nprocess.exit(3);\n",
    });
    const app = await createApp('Crash Loop', repo.url);
    const done = await settled((await deploy(app.id)).id);
    expect(done.status).toBe('failed');
    expect(done.reason).toMatch(/exited with code 3 and was restarted 3 times/);
    expect(done.reason).toMatch(/fatal: DATABASE_URL is not set/);
    expect(done.log).toMatch(/restart 3 of 3/);
    const view = (await (await call('GET', `/api/v1/admin/paas/apps/${app.id}`)).json()) as AppView;
    expect(view.status).toBe('failed');
    expect(view.lastError).toBe(done.reason);
    expect((await viaRouter(routerPort, host(app.slug))).status).toBe(503);
    // Swarm removes the failed service's task containers a moment after the service.
    await eventually(async () => (await managed()).filter((c) => c.Labels[LABEL.app] === app.id).length === 0, 20_000);
  });

  it('a container Docker restarts after a crash gets a new port, and the router follows it', async () => {
    const server =
      "require('node:http').createServer((req, res) => { if (req.url === '/crash') { res.end('bye'); setTimeout(() => process.exit(1), 50); return; } res.end('alive'); }).listen(Number(process.env.PORT), '0.0.0.0');\n";
    const app = await createApp(
      'Crash Once',
      (
        await makeRepo(root, 'crash-once', {
          'package.json': JSON.stringify({ name: 'crash-once', version: '1.0.0', main: 'index.js' }),
          'index.js': server,
        })
      ).url,
    );
    expect((await settled((await deploy(app.id)).id)).status).toBe('running');
    const row = () => new PaasRepository(api.infra.database.db).findApp(app.id);
    // Swarm: a restart is a new task of the same service (counted by the driver); the router dials the service at the app's port.
    const restarts = async () =>
      SWARM
        ? (await engine.driver.state((await row())!.containerId!))?.restartCount
        : (await inspectServing(app.id)).RestartCount;
    const published = async () =>
      SWARM ? '8080' : (await inspectServing(app.id)).NetworkSettings.Ports['8080/tcp']![0]!.HostPort;
    const portBefore = await published();
    expect((await viaRouter(routerPort, host(app.slug), '/crash')).body).toBe('bye');
    await eventually(async () => (await restarts()) === 1, 20_000);
    await eventually(async () => {
      const answer = await viaRouter(routerPort, host(app.slug)).catch((err: Error) => ({
        status: 0,
        body: err.message,
      }));
      if (answer.body === 'alive') return true;
      const view = (await (await call('GET', `/api/v1/admin/paas/apps/${app.id}`)).json()) as AppView;
      throw new Error(
        `router: ${answer.status} ${answer.body.slice(0, 60)}; app ${view.status} ${view.lastError ?? ''}`,
      );
    }, 20_000);
    const portAfter = await published();
    expect(((await (await call('GET', `/api/v1/admin/paas/apps/${app.id}`)).json()) as AppView).status).toBe('running');
    // Whether Docker kept the port or not, the app's row matches the container.
    expect(String((await row())!.hostPort)).toBe(portAfter);
    expect(typeof portBefore).toBe('string');
    expect((await call('DELETE', `/api/v1/admin/paas/apps/${app.id}`)).status).toBe(204);
  });

  it('a redeploy whose new version crashes fails, and the previous version serves every request meanwhile', async () => {
    const repo = await makeRepo(root, 'rollback', {
      'package.json': JSON.stringify({ name: 'rb', version: '1.0.0', scripts: { start: 'node server.js' } }),
      'server.js': nodeServer('v1'),
    });
    const app = await createApp('Rollback', repo.url);
    const first = await settled((await deploy(app.id)).id);
    expect(first.status, first.log ?? '').toBe('running');
    await repo.commit({ 'server.js': "console.error('v2 cannot start'); process.exit(4);\n" }, 'broken');
    const answers: string[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling)
        answers.push(
          await viaRouter(routerPort, host(app.slug)).then(
            (r) => `${r.status} ${r.body}`,
            (err: Error) => err.message,
          ),
        );
    })();
    // Docker driver: the new container never answers and is removed. Swarm: the start-first update fails and is rolled back.
    const second = await settled((await deploy(app.id)).id);
    polling = false;
    await poller;
    expect(second.status).toBe('failed');
    expect(second.reason).toMatch(/exited with code 4/);
    expect(second.reason).toMatch(/v2 cannot start/);
    if (SWARM) expect(second.reason).toMatch(/^Swarm rolled the service back/);
    const view = (await (await call('GET', `/api/v1/admin/paas/apps/${app.id}`)).json()) as AppView;
    expect(view).toMatchObject({ status: 'running', activeDeploymentId: first.id });
    expect(answers.length).toBeGreaterThan(10);
    expect(new Set(answers)).toEqual(new Set(['200 v1 from node']));
    expect((await call('DELETE', `/api/v1/admin/paas/apps/${app.id}`)).status).toBe(204);
  }, 90_000);

  it('a repository with nothing detectable fails saying what was looked for', async () => {
    const repo = await makeRepo(root, 'nothing', { 'README.md': '# just words\n', 'notes/todo.txt': 'x' });
    const app = await createApp('Nothing Here', repo.url);
    const done = await settled((await deploy(app.id)).id);
    expect(done.status).toBe('failed');
    expect(done.reason).toBe(NOTHING_DETECTED);
    expect(done.log).toContain(NOTHING_DETECTED);
  });

  it('a branch that does not exist fails at the clone', async () => {
    const app = await createApp('No Branch', `file://${join(root, 'static-site')}`, { branch: 'release/9' });
    const done = await settled((await deploy(app.id)).id);
    expect(done.status).toBe('failed');
    expect(done.reason).toMatch(/branch "release\/9" does not exist/);
  });

  it('unsafe repository URLs and branch names are refused with 422 before anything runs', async () => {
    const bad: Record<string, unknown>[] = [
      { repoUrl: 'http://github.com/a/b.git' },
      { repoUrl: 'https://127.0.0.1/a/b.git' },
      { repoUrl: 'https://localhost/a/b.git' },
      { repoUrl: 'https://169.254.169.254/latest/meta-data' },
      { repoUrl: 'https://[::1]/x.git' },
      { repoUrl: 'https://10.1.2.3/x.git' },
      { repoUrl: 'ssh://git@github.com/a/b.git' },
      { repoUrl: 'ext::sh -c touch% /tmp/pwned' },
      { repoUrl: '--upload-pack=touch /tmp/pwned' },
      { repoUrl: 'https://user:token@github.com/a/b.git' },
      { repoUrl: `file://${root}/static-site`, branch: '--upload-pack=touch /tmp/pwned' },
      { repoUrl: `file://${root}/static-site`, branch: 'main;touch /tmp/x' },
      { repoUrl: `file://${root}/static-site`, branch: 'a..b' },
      { repoUrl: `file://${root}/static-site`, branch: '-b' },
      { repoUrl: `file://${root}/static-site`, env: { PORT: '1' } },
      { repoUrl: `file://${root}/static-site`, env: { 'BAD-NAME': 'x' } },
    ];
    for (const body of bad) {
      const res = await call('POST', '/api/v1/admin/paas/apps', { name: 'Unsafe', ...body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      const problem = await res.json();
      expect(problem.code).toBe('VALIDATION_FAILED');
    }
    const patch = await call('PATCH', `/api/v1/admin/paas/apps/${staticApp.id}`, { branch: '--orphan' });
    expect(patch.status).toBe(422);
    expect(await stat('/tmp/pwned').catch(() => null)).toBeNull();
  });
});

describe('redeploys and control', () => {
  it('an unchanged redeploy is served from the build cache: no step runs, the same image gets a second tag', async () => {
    const before = await inspectServing(nodeApp.id);
    const done = await settled((await deploy(nodeApp.id)).id);
    expect(done.status, done.log ?? '').toBe('running');
    expect(done.log).toMatch(/Using cache/);
    expect(done.log).not.toMatch(/Running in [0-9a-f]+/);
    const after = await inspectServing(nodeApp.id);
    expect(after.Id).not.toBe(before.Id); // a new container (blue-green) …
    expect(after.Image).toBe(before.Image); // … from the very same image
    const image = await docker.getImage(after.Image).inspect();
    expect(image.RepoTags).toEqual(expect.arrayContaining([imageTag(nodeApp.slug, done.id)]));
  });

  it('git push webhook: HMAC checked, other branches ignored; a push redeploys blue-green with no failed request', async () => {
    const hook = (payload: unknown, options: { secret?: string; event?: string } = {}) => {
      const raw = JSON.stringify(payload);
      return fetch(api.url + `/api/v1/paas/hooks/${nodeApp.id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': options.event ?? 'push',
          'x-hub-signature-256': hubSignature(options.secret ?? nodeApp.hookSecret!, raw),
        },
        body: raw,
      });
    };
    expect((await hook({ ref: 'refs/heads/main' }, { secret: 'ovhook_wrong' })).status).toBe(401);
    expect(await (await hook({ zen: 'hi' }, { event: 'ping' })).json()).toEqual({ result: 'pong' });
    const other = await hook({ ref: 'refs/heads/feature' });
    expect(other.status).toBe(200);
    expect((await other.json()).result).toBe('ignored');

    const before = await inspectServing(nodeApp.id);
    await nodeRepo.commit({ 'server.js': nodeServer('v2') }, 'v2');
    // Hammer the router through the whole switch: every answer must be a 200 from v1 or v2.
    const answers: { status: number; body: string }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const batch = await Promise.all(
          [0, 1, 2].map(() =>
            viaRouter(routerPort, host(nodeApp.slug)).then(
              (r) => ({ status: r.status, body: r.body }),
              (err: Error) => ({ status: 0, body: err.message }),
            ),
          ),
        );
        answers.push(...batch);
      }
    })();
    const pushed = await hook({ ref: 'refs/heads/main', after: 'x' });
    expect(pushed.status).toBe(202);
    const { result, deploymentId } = await pushed.json();
    expect(result).toBe('deployed');
    const done = await settled(deploymentId);
    expect(done.status, done.log ?? '').toBe('running');
    await eventually(async () => answers.slice(-3).every((a) => a.body === 'v2 from merhaba'), 10_000, 100);
    polling = false;
    await poller;

    const failed = answers.filter((a) => a.status !== 200);
    expect(failed, JSON.stringify(failed.slice(0, 3))).toEqual([]);
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(['v1 from merhaba', 'v2 from merhaba']));
    // Docker driver: the router switches at once. Swarm: a rolling update, start-first — both tasks
    // answer (DNS round-robin) until the old one is drained; then only v2 (the eventually above).
    const firstV2 = answers.findIndex((a) => a.body.startsWith('v2'));
    if (!SWARM) expect(answers.slice(firstV2).every((a) => a.body.startsWith('v2'))).toBe(true);
    console.info(`[paas] blue-green: ${answers.length} requests during the redeploy, ${failed.length} failed`);

    const previous = (await (
      await call('GET', `/api/v1/admin/paas/apps/${nodeApp.id}/deployments`)
    ).json()) as (DeploymentView & { trigger: string })[];
    expect(previous[0]).toMatchObject({ id: deploymentId, status: 'running', trigger: 'webhook' });
    expect(previous[1]!.status).toBe('superseded');
    // Swarm keeps the stopped task's container as task history (its retention limit); it stops once drained.
    const serving = async () =>
      (await managed()).filter((c) => c.Labels[LABEL.app] === nodeApp.id && (!SWARM || c.State === 'running'));
    if (SWARM) await eventually(async () => !(await serving()).some((c) => c.Id === before.Id), 10_000);
    const containers = await serving();
    expect(containers.map((c) => c.Id)).not.toContain(before.Id);
    expect(containers).toHaveLength(1);
  });

  it('queued builds of one app coalesce into one deployment', async () => {
    // The single build slot is busy with another app, so the node app's deployment stays queued.
    const busy = await deploy(staticApp.id);
    const first = await call('POST', `/api/v1/admin/paas/apps/${nodeApp.id}/deployments`);
    const second = await call('POST', `/api/v1/admin/paas/apps/${nodeApp.id}/deployments`);
    expect(first.status).toBe(202);
    expect(second.status).toBe(200);
    const [a, b] = [await first.json(), await second.json()];
    expect(b.id).toBe(a.id);
    expect((await settled(busy.id)).status).toBe('running');
    expect((await settled(a.id)).status).toBe('running');
    expect((await viaRouter(routerPort, host(staticApp.slug))).status).toBe(200);
  });

  it('stop → the router answers 503; start and restart → serving again', async () => {
    const appPath = `/api/v1/admin/paas/apps/${nodeApp.id}`;
    const status = async () => ((await (await call('GET', appPath)).json()) as AppView).status;
    expect((await call('POST', `${appPath}/stop`)).status).toBe(202);
    await eventually(async () => (await status()) === 'stopped', 20_000);
    await eventually(async () => (await viaRouter(routerPort, host(nodeApp.slug))).status === 503, 5000);
    const down = await viaRouter(routerPort, host(nodeApp.slug));
    expect(down.body).toMatch(/Node App is not running/);
    expect(down.headers['retry-after']).toBe('5');
    expect((await call('POST', `${appPath}/start`)).status).toBe(202);
    await eventually(
      async () => (await status()) === 'running' && (await viaRouter(routerPort, host(nodeApp.slug))).status === 200,
      30_000,
    );
    expect((await call('POST', `${appPath}/restart`)).status).toBe(202);
    await eventually(
      async () =>
        (await status()) === 'running' && (await viaRouter(routerPort, host(nodeApp.slug))).body === 'v2 from merhaba',
      30_000,
    );
    expect(
      (await call('POST', `/api/v1/admin/paas/apps/${(await createApp('Never Deployed', nodeRepo.url)).id}/start`))
        .status,
    ).toBe(409);
  });

  it('unknown hosts and apps get a 404 page; public apps are listed, private ones are not', async () => {
    const unknown = await viaRouter(routerPort, host('no-such-app'));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatch(/no app called <strong>no-such-app<\/strong>/);
    expect((await viaRouter(routerPort, 'example.com')).status).toBe(404);
    expect((await fetch(`${api.url}/api/v1/paas/apps/${staticApp.slug}`)).status).toBe(404);
    expect((await call('PATCH', `/api/v1/admin/paas/apps/${staticApp.id}`, { public: true })).status).toBe(200);
    const pub = await fetch(`${api.url}/api/v1/paas/apps/${staticApp.slug}`);
    expect(await pub.json()).toEqual({
      slug: 'static-site',
      name: 'Static Site',
      status: 'running',
      url: 'http://static-site.apps.localhost:8090',
    });
  });
});

describe('reconcile and delete', () => {
  it('reconcile removes strays, fixes port drift and keeps only the newest images per app', async () => {
    // A workload of an app that no longer exists (swarm driver: a service), and one of another installation.
    const workload = async (instance: string, name: string) => {
      const Labels = { [LABEL.managed]: instance, [LABEL.app]: '01a00000-0000-7000-8000-000000000000' };
      if (!SWARM) {
        const c = await docker.createContainer({
          Image: 'omervision/paas-static:local',
          Cmd: ['node', '-e', 'setTimeout(()=>{},60000)'],
          Labels,
        });
        return { id: c.id, inspect: () => c.inspect(), remove: () => c.remove({ force: true }) };
      }
      const created = (await docker.createService({
        Name: `ov-test-${name}-${process.pid}`,
        Labels,
        TaskTemplate: { ContainerSpec: { Image: 'omervision/paas-static:local', Args: ['node'] } },
        Mode: { Replicated: { Replicas: 0 } },
      })) as unknown as { id: string };
      const service = docker.getService(created.id);
      return {
        id: created.id,
        inspect: async () => ({ Id: ((await service.inspect()) as { ID: string }).ID }),
        remove: () => service.remove(),
      };
    };
    const stray = await workload(engine.docker.instance, 'stray');
    const foreign = await workload('another-installation', 'foreign');
    const repo = new PaasRepository(api.infra.database.db);
    const real = (await repo.findApp(staticApp.id))!.hostPort;
    await repo.updateApp(staticApp.id, { hostPort: 1 });
    const { PaasReconciler } = await import('../src/services/paas/reconcile.js');
    const reconciler = new PaasReconciler(
      engine.repo,
      engine.driver,
      engine.docker,
      engine.git,
      engine.logs,
      engine.runtime,
      async () => undefined,
      {
        workDir: join(root, 'work'),
        keepImages: 1,
        staleAfterMs: 3_600_000,
        maxRestarts: 3,
      },
    );
    const report = await reconciler.run();
    expect(report.removedContainers).toBeGreaterThanOrEqual(1);
    expect(report.portsFixed).toBeGreaterThanOrEqual(1);
    // Older images of the Node app go (unchanged redeploys shared one image, so fewer than deployments).
    expect(report.removedImages).toBeGreaterThanOrEqual(1);
    await expect(stray.inspect()).rejects.toMatchObject({ statusCode: 404 });
    // Another installation's container on the same Docker Engine is not ours to remove.
    expect((await foreign.inspect()).Id).toBe(foreign.id);
    await foreign.remove();
    expect((await repo.findApp(staticApp.id))!.hostPort).toBe(real);
    const images = await docker.listImages({ filters: { label: [`${LABEL.app}=${nodeApp.id}`] } });
    expect(images).toHaveLength(1);
    expect(images[0]!.RepoTags).toContain(
      imageTag(nodeApp.slug, (await repo.findApp(nodeApp.id))!.activeDeploymentId!),
    );
    // The router reloads its route table on its own cadence: give it a moment after the fix.
    await eventually(async () => (await viaRouter(routerPort, host(nodeApp.slug))).status === 200, 10_000);
  });

  it('deleting an app removes its container, images, network and checkout', async () => {
    expect((await call('DELETE', `/api/v1/admin/paas/apps/${ownApp.id}`)).status).toBe(204);
    expect((await call('GET', `/api/v1/admin/paas/apps/${ownApp.id}`)).status).toBe(404);
    await eventually(async () => {
      const containers = (await managed()).filter((c) => c.Labels[LABEL.app] === ownApp.id);
      const images = await docker.listImages({ filters: { label: [`${LABEL.app}=${ownApp.id}`] } });
      const networks = await docker.listNetworks({
        filters: { name: [SWARM ? overlayName(ownApp.id) : networkName(ownApp.id)] },
      });
      const checkout = await stat(join(root, 'work', ownApp.id)).catch(() => null);
      return containers.length === 0 && images.length === 0 && networks.length === 0 && checkout === null;
    }, 20_000);
    expect((await viaRouter(routerPort, host(ownApp.slug))).status).toBe(404);
  });

  it("an app without a branch deploys the repository's default branch (master here) and follows pushes to it", async () => {
    const repo = await makeRepo(root, 'on-master', { 'index.html': '<h1>master</h1>' }, 'master');
    const app = await createApp('On Master', repo.url);
    expect((app as AppView & { branch: string | null }).branch).toBeNull();
    const done = await settled((await deploy(app.id)).id);
    expect(done.status, done.reason ?? '').toBe('running');
    expect((done as DeploymentView & { branch: string }).branch).toBe('master');
    expect(done.log).toMatch(/the default branch/);
    const secret = app.hookSecret!;
    const hook = async (payload: unknown) => {
      const raw = JSON.stringify(payload);
      const res = await fetch(api.url + `/api/v1/paas/hooks/${app.id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'push',
          'x-hub-signature-256': hubSignature(secret, raw),
        },
        body: raw,
      });
      return (await res.json()) as { result: string };
    };
    expect((await hook({ ref: 'refs/heads/main' })).result).toBe('ignored');
    expect((await hook({ ref: 'refs/heads/trunk', repository: { default_branch: 'trunk' } })).result).toBe('deployed');
    expect((await call('DELETE', `/api/v1/admin/paas/apps/${app.id}`)).status).toBe(204);
  });

  it(
    'deleting app A and deploying app B within the second: B never loses a cache parent to the deletion',
    async () => {
      // The reported race: B's build takes A's layers from the cache while A's deletion prunes them.
      for (let round = 0; round < 2; round++) {
        const a = await createApp(
          `Race A${round}`,
          (await makeRepo(root, `race-a${round}`, { 'index.html': `<h1>A${round}</h1>` })).url,
        );
        expect((await settled((await deploy(a.id)).id)).status).toBe('running');
        const bRepo = await makeRepo(root, `race-b${round}`, { 'index.html': `<h1>B${round}</h1>` });
        const b = await createApp(`Race B${round}`, bRepo.url);
        expect((await call('DELETE', `/api/v1/admin/paas/apps/${a.id}`)).status).toBe(204);
        const done = await settled((await deploy(b.id)).id);
        expect(done.status, done.reason ?? '').toBe('running');
        expect((await viaRouter(routerPort, host(b.slug))).body).toBe(`<h1>B${round}</h1>`);
        expect((await call('DELETE', `/api/v1/admin/paas/apps/${b.id}`)).status).toBe(204);
      }
    },
    SWARM ? 90_000 : undefined,
  ); // four deployments; a swarm one waits for the first health check and the update monitor
});

describe.runIf(SWARM)('placement (swarm driver)', () => {
  it("the app's constraints join the installation's; an app no node can take fails at once, naming them", async () => {
    const repo = await makeRepo(root, 'placed', { 'index.html': '<h1>placed</h1>' });
    // This one-node swarm's only node is a manager: satisfiable.
    const app = await createApp('Placed', repo.url, { build: { placement: ['node.role==manager'] } });
    const done = await settled((await deploy(app.id)).id);
    expect(done.status, done.reason ?? '').toBe('running');
    const spec = (await docker.getService(serviceName(app.id)).inspect()) as {
      Spec: { TaskTemplate: { Placement?: { Constraints?: string[] } } };
    };
    expect(spec.Spec.TaskTemplate.Placement?.Constraints).toContain('node.role==manager');
    expect((await viaRouter(routerPort, host(app.slug))).body).toBe('<h1>placed</h1>');

    // No node carries this label: the deployment fails within seconds and says why; the one serving stays.
    const patched = await call('PATCH', `/api/v1/admin/paas/apps/${app.id}`, {
      build: { placement: ['node.role==manager', 'node.labels.omervision-test-nowhere==yes'] },
    });
    expect(patched.status).toBe(200);
    const started = Date.now();
    const refused = await settled((await deploy(app.id)).id);
    expect(refused.status).toBe('failed');
    expect(refused.reason).toMatch(/^No node can run the app: Swarm says "no suitable node/);
    expect(refused.reason).toContain('node.labels.omervision-test-nowhere==yes');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((await viaRouter(routerPort, host(app.slug))).body).toBe('<h1>placed</h1>');
    expect((await call('DELETE', `/api/v1/admin/paas/apps/${app.id}`)).status).toBe(204);
  }, 150_000);
});
