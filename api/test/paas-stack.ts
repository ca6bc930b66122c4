import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { Jobs } from '../src/jobs/job-spec.js';
import { composePaasEngine } from '../src/composition/paas-engine.js';
import { composePaasJobs } from '../src/composition/worker.js';
import { startPaasWorker } from '../src/schedule/paas-watch.js';
import { createLogger } from '../src/logger.js';
import { PaasRepository } from '../src/repositories/paas.repository.js';
import { createAppRouter } from '../src/services/paas/app-router.js';
import { LABEL } from '../src/services/paas/container-spec.js';
import { RouteTable } from '../src/services/paas/route-table.js';
import { REPO_ROOT, testDatabaseUrl, testEnv } from './env.js';
import { bearer, createUser, login } from './factories.js';
import { eventually, runScript, startTestApi, type TestApi } from './harness.js';

/** `make test-swarm` runs these files with PAAS_DRIVER=swarm: apps are Swarm services, the router a container on their overlays. */
export const SWARM = process.env.PAAS_DRIVER === 'swarm';

export interface TestRouter {
  port: number;
  /** Worker settings that let the driver reach this router (swarm: joined to every app overlay). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The app router the tests send requests through. Docker driver: in this process, as `make dev` runs
 * it. Swarm driver: the real router (api/src/router.ts, from this checkout) in a container, because
 * apps are reachable only on their overlay networks, which the swarm driver joins it to; its
 * database is reached through a relay on its bridge's gateway (MariaDB listens on 127.0.0.1 only).
 */
export async function startRouter(db: PaasRepository): Promise<TestRouter> {
  if (!SWARM) {
    const router: Server = createAppRouter({
      routes: new RouteTable((slug) => db.findAppBySlug(slug), 'apps.localhost'),
      logger: createLogger('silent', 'router-test'),
    });
    await new Promise<void>((resolve) => router.listen(0, '127.0.0.1', resolve));
    return {
      port: (router.address() as AddressInfo).port,
      env: {},
      close: () => new Promise((r) => router.close(() => r())),
    };
  }
  const docker = new Docker();
  const name = `ov-test-router-${process.pid}`;
  const edge = await docker.createNetwork({
    Name: `ov-test-edge-${process.pid}`,
    Driver: 'bridge',
    CheckDuplicate: true,
  });
  const gateway = ((await edge.inspect()) as { IPAM: { Config: { Gateway: string }[] } }).IPAM.Config[0]!.Gateway;
  const dbUrl = new URL(testDatabaseUrl());
  const target = { port: Number(dbUrl.port || 3306), host: dbUrl.hostname };
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(target.port, target.host);
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy(), sockets.delete(client));
    sockets.add(client);
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => relay.listen(0, gateway, resolve));
  dbUrl.hostname = gateway;
  dbUrl.port = String((relay.address() as AddressInfo).port);
  const container = await docker.createContainer({
    name,
    Image: 'omervision/paas-node:local',
    User: '10001:10001',
    WorkingDir: `${REPO_ROOT}api`,
    Cmd: ['node', '--import', 'tsx', 'src/router.ts'],
    Env: [
      `DATABASE_URL=${dbUrl}`,
      'PAAS_DRIVER=swarm',
      'PAAS_DOMAIN=apps.localhost',
      'PAAS_ROUTER_HOST=0.0.0.0',
      'PAAS_ROUTER_PORT=8090',
      'LOG_LEVEL=warn',
      'NODE_ENV=test',
    ],
    ExposedPorts: { '8090/tcp': {} },
    HostConfig: {
      NetworkMode: edge.id,
      Binds: [`${REPO_ROOT}:${REPO_ROOT}:ro`],
      PortBindings: { '8090/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      Tmpfs: { '/tmp': 'rw,size=64m' },
    },
  });
  await container.start();
  const port = Number((await container.inspect()).NetworkSettings.Ports['8090/tcp']![0]!.HostPort);
  await eventually(
    async () =>
      fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      ),
    60_000,
    250,
  );
  return {
    port,
    env: { PAAS_SWARM_ROUTER: `container:${name}` },
    async close() {
      await container.remove({ force: true }).catch(() => undefined);
      await edge.remove().catch(() => undefined);
      // The router's pooled connections died with its network namespace: nothing tells the relay.
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => relay.close(r));
    },
  };
}

/** What the PaaS made on the engine for this installation: containers, and with the swarm driver services too. */
export async function leftovers(docker: Docker, instance: string): Promise<number> {
  const filters = { label: [`${LABEL.managed}=${instance}`] };
  const containers = await docker.listContainers({ all: true, filters });
  const services = SWARM ? await docker.listServices({ filters }) : [];
  return containers.length + services.length;
}

export interface AppView {
  id: string;
  slug: string;
  status: string;
  url: string;
  lastError: string | null;
  activeDeploymentId: string | null;
}
export interface DeploymentView {
  id: string;
  status: string;
  reason: string | null;
  log: string | null;
}

const FINAL = ['running', 'failed', 'stopped', 'superseded'];

/**
 * The PaaS against the real Docker Engine: the API, an in-process worker running the deploy and
 * control jobs, and the app router, with a workspace for fixture repositories. `close` deletes every
 * app through the API, so Docker is left as found.
 */
export async function startPaasStack(env: Record<string, string> = {}) {
  const docker = new Docker();
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
  const root = await mkdtemp(join(tmpdir(), 'ov-paas-stack-'));
  const base = {
    PAAS_ALLOW_LOCAL_REPOS: '1',
    PAAS_WORK_DIR: join(root, 'work'),
    PAAS_HEALTH_TIMEOUT_MS: '20000',
    ...env,
  };
  const api: TestApi = await startTestApi(base);
  const repo = new PaasRepository(api.infra.database.db);
  const router = await startRouter(repo);
  const overrides = { ...base, ...router.env };
  const token = (await login(api, await createUser(api, 'admin'))).accessToken;
  const worker: Infrastructure = createInfrastructure(
    testEnv(overrides),
    createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'worker-test'),
    'worker',
  );
  const engine = composePaasEngine(worker, { drainMs: 500 });
  const jobs = composePaasJobs(worker, engine);
  worker.queues.process(Jobs.paasDeploy, 1, jobs.deploy);
  worker.queues.process(Jobs.paasControl, 2, jobs.control);
  const stopPaas = startPaasWorker(worker, jobs.engine);
  const routerPort = router.port;

  const call = (method: string, path: string, body?: unknown) =>
    fetch(api.url + path, {
      method,
      headers: { ...bearer(token), 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  const stack = {
    docker,
    api,
    engine,
    root,
    routerPort,
    call,
    host: (slug: string) => `${slug}.apps.localhost`,
    async createApp(name: string, repoUrl: string): Promise<AppView> {
      const res = await call('POST', '/api/v1/admin/paas/apps', { name, repoUrl });
      if (res.status !== 201) throw new Error(`creating app ${name}: ${res.status} ${await res.text()}`);
      return (await res.json()) as AppView;
    },
    async deploy(appId: string): Promise<DeploymentView> {
      const res = await call('POST', `/api/v1/admin/paas/apps/${appId}/deployments`);
      if (res.status !== 200 && res.status !== 202)
        throw new Error(`deploying ${appId}: ${res.status} ${await res.text()}`);
      return (await res.json()) as DeploymentView;
    },
    async settled(deploymentId: string, timeoutMs = 120_000): Promise<DeploymentView> {
      return eventually(
        async () => {
          const d = (await (
            await call('GET', `/api/v1/admin/paas/deployments/${deploymentId}`)
          ).json()) as DeploymentView;
          return FINAL.includes(d.status) && d.log !== null ? d : undefined;
        },
        timeoutMs,
        250,
      );
    },
    /** Creates an app from `repoUrl`, deploys it and waits for the deployment to end. */
    async deployed(
      name: string,
      repoUrl: string,
      timeoutMs?: number,
    ): Promise<{ app: AppView; deployment: DeploymentView }> {
      const app = await stack.createApp(name, repoUrl);
      const deployment = await stack.settled((await stack.deploy(app.id)).id, timeoutMs);
      return { app, deployment };
    },
    async servingContainer(appId: string) {
      const app = (await (await call('GET', `/api/v1/admin/paas/apps/${appId}`)).json()) as AppView;
      const [c] = await docker.listContainers({
        filters: { label: [`${LABEL.app}=${appId}`, `${LABEL.deployment}=${app.activeDeploymentId}`] },
      });
      return docker.getContainer(c!.Id).inspect();
    },
    /** What serves the app, as the engine's rows hold it: a container id (docker driver), a service id (swarm). */
    async workloadId(appId: string): Promise<string> {
      return (await repo.findApp(appId))!.containerId!;
    },
    async close() {
      for (const app of (await (await call('GET', '/api/v1/admin/paas/apps')).json()) as { id: string }[])
        await call('DELETE', `/api/v1/admin/paas/apps/${app.id}`);
      await eventually(async () => (await leftovers(docker, engine.docker.instance)) === 0, 30_000).catch(
        () => undefined,
      );
      await stopPaas();
      await worker.close();
      await api.close();
      await router.close();
      await rm(root, { recursive: true, force: true });
    },
  };
  return stack;
}

export type PaasStack = Awaited<ReturnType<typeof startPaasStack>>;
