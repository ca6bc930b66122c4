import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { createInfrastructure, type Infrastructure } from '../src/container.js';
import { Jobs } from '../src/jobs/job-spec.js';
import { composePaasEngine, createPaasJobs, startPaasWorker } from '../src/jobs/paas.jobs.js';
import { createLogger } from '../src/logger.js';
import { PaasRepository } from '../src/repositories/paas.repository.js';
import { createAppRouter } from '../src/router/app-router.js';
import { LABEL } from '../src/services/paas/container-spec.js';
import { RouteTable } from '../src/services/paas/route-table.js';
import { testEnv } from './env.js';
import { bearer, createUser, login } from './factories.js';
import { eventually, runScript, startTestApi, type TestApi } from './harness.js';

export interface AppView { id: string; slug: string; status: string; url: string; lastError: string | null; activeDeploymentId: string | null }
export interface DeploymentView { id: string; status: string; reason: string | null; log: string | null }

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
    throw new Error(`PaaS tests need a Docker Engine and none answers (${(err as Error).message}). Start one: scripts/services.sh start docker. These tests never skip.`, { cause: err });
  }
  const images = await runScript(['scripts/paas-images.sh'], 600_000);
  if (images.code !== 0) throw new Error(`make paas-images failed:\n${images.output}`);
  const root = await mkdtemp(join(tmpdir(), 'ov-paas-stack-'));
  const overrides = { PAAS_ALLOW_LOCAL_REPOS: '1', PAAS_WORK_DIR: join(root, 'work'), PAAS_HEALTH_TIMEOUT_MS: '20000', ...env };
  const api: TestApi = await startTestApi(overrides);
  const token = (await login(api, await createUser(api, 'admin'))).accessToken;
  const worker: Infrastructure = createInfrastructure(testEnv(overrides), createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'worker-test'), 'worker');
  const engine = composePaasEngine(worker, { drainMs: 500 });
  const jobs = createPaasJobs(worker, engine);
  worker.queues.process(Jobs.paasDeploy, 1, jobs.deploy);
  worker.queues.process(Jobs.paasControl, 2, jobs.control);
  const stopPaas = startPaasWorker(worker, jobs.engine);
  const repo = new PaasRepository(api.infra.database.db);
  const router: Server = createAppRouter({ routes: new RouteTable((slug) => repo.findAppBySlug(slug), 'apps.localhost'), logger: createLogger('silent', 'router-test') });
  await new Promise<void>((resolve) => router.listen(0, '127.0.0.1', resolve));
  const routerPort = (router.address() as AddressInfo).port;

  const call = (method: string, path: string, body?: unknown) =>
    fetch(api.url + path, { method, headers: { ...bearer(token), 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });

  const stack = {
    docker, api, engine, root, routerPort, call,
    host: (slug: string) => `${slug}.apps.localhost`,
    async createApp(name: string, repoUrl: string): Promise<AppView> {
      const res = await call('POST', '/api/v1/admin/paas/apps', { name, repoUrl });
      if (res.status !== 201) throw new Error(`creating app ${name}: ${res.status} ${await res.text()}`);
      return (await res.json()) as AppView;
    },
    async deploy(appId: string): Promise<DeploymentView> {
      const res = await call('POST', `/api/v1/admin/paas/apps/${appId}/deployments`);
      if (res.status !== 200 && res.status !== 202) throw new Error(`deploying ${appId}: ${res.status} ${await res.text()}`);
      return (await res.json()) as DeploymentView;
    },
    async settled(deploymentId: string, timeoutMs = 120_000): Promise<DeploymentView> {
      return eventually(async () => {
        const d = (await (await call('GET', `/api/v1/admin/paas/deployments/${deploymentId}`)).json()) as DeploymentView;
        return FINAL.includes(d.status) && d.log !== null ? d : undefined;
      }, timeoutMs, 250);
    },
    /** Creates an app from `repoUrl`, deploys it and waits for the deployment to end. */
    async deployed(name: string, repoUrl: string, timeoutMs?: number): Promise<{ app: AppView; deployment: DeploymentView }> {
      const app = await stack.createApp(name, repoUrl);
      const deployment = await stack.settled((await stack.deploy(app.id)).id, timeoutMs);
      return { app, deployment };
    },
    async servingContainer(appId: string) {
      const app = (await (await call('GET', `/api/v1/admin/paas/apps/${appId}`)).json()) as AppView;
      const [c] = await docker.listContainers({ filters: { label: [`${LABEL.app}=${appId}`, `${LABEL.deployment}=${app.activeDeploymentId}`] } });
      return docker.getContainer(c!.Id).inspect();
    },
    async close() {
      for (const app of (await (await call('GET', '/api/v1/admin/paas/apps')).json()) as { id: string }[]) await call('DELETE', `/api/v1/admin/paas/apps/${app.id}`);
      const managed = async () => docker.listContainers({ all: true, filters: { label: [`${LABEL.managed}=${engine.docker.instance}`] } });
      await eventually(async () => (await managed()).length === 0, 30_000).catch(() => undefined);
      await stopPaas();
      await worker.close();
      await api.close();
      await new Promise((r) => router.close(r));
      await rm(root, { recursive: true, force: true });
    },
  };
  return stack;
}

export type PaasStack = Awaited<ReturnType<typeof startPaasStack>>;
