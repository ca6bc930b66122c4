import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaasRepository } from '../../src/repositories/paas.repository.js';
import { bearer, createUser, login } from '../factories.js';
import { eventually, runScript, startTestApi, type TestApi } from '../harness.js';
import { makeRepo } from '../paas-fixtures.js';
import {
  crashWorkers,
  dockerTruth,
  PAAS_STATIC_IMAGE,
  publishedPort,
  removeInstance,
  type WorkerProcess,
} from './crash-kit.js';
import { record } from './ledger.js';

/**
 * dockerd restarted under a running app: afterwards the status the API reports must be Docker's
 * truth (and the route must point at the port Docker published now). Restarting dockerd stops every
 * container on the engine, so this runs only when scripts/services.sh started dockerd itself.
 */
const status = await runScript(['scripts/services.sh', 'status', 'docker'], 30_000);
const ownsDockerd = /started by this script/.test(status.output);
if (!ownsDockerd) {
  console.warn(
    `\n!!! docker-restart.test.ts SKIPPED: dockerd was not started by scripts/services.sh, so this test may not restart it.\n` +
      `!!! services.sh status docker said: ${status.output.trim() || '(nothing)'}\n` +
      `!!! Run it where services.sh owns dockerd (scripts/services.sh start docker as root) to cover the dockerd-restart fault.\n`,
  );
}

const docker = new Docker();
const instance = `dockerrestart-${Date.now().toString(36)}`;
let root: string;
let api: TestApi;
let token: string;
let workers: ReturnType<typeof crashWorkers>;
let worker: WorkerProcess | undefined;
let appId: string | undefined;

beforeAll(async () => {
  if (!ownsDockerd) return;
  await docker.ping();
  const images = await runScript(['scripts/paas-images.sh'], 180_000);
  if (images.code !== 0) throw new Error(`make paas-images failed:\n${images.output}`);
  root = await mkdtemp(join(tmpdir(), 'ov-dockerd-'));
  workers = crashWorkers('dockerd', {
    PAAS_ALLOW_LOCAL_REPOS: '1',
    PAAS_WORK_DIR: join(root, 'work'),
    PAAS_INSTANCE: instance,
    PAAS_IMAGE_STATIC: PAAS_STATIC_IMAGE,
    PAAS_HEALTH_TIMEOUT_MS: '20000',
  });
  api = await startTestApi(workers.apiOverrides);
  token = (await login(api, await createUser(api, 'admin'))).accessToken;
}, 200_000);

afterAll(async () => {
  if (!ownsDockerd) return;
  if (appId && api) {
    worker = workers.alive()[0] ?? (await workers.start().catch(() => undefined));
    await call('DELETE', `/api/v1/admin/paas/apps/${appId}`);
    await eventually(async () => {
      const t = await dockerTruth(docker, instance, appId!);
      return t.containers.length + t.images.length === 0;
    }, 30_000).catch(() => undefined);
  }
  if (worker) await workers.stop(worker);
  workers?.killAll();
  await removeInstance(docker, instance).catch(() => undefined);
  await api?.close();
  if (root) await rm(root, { recursive: true, force: true });
}, 60_000);

const call = (method: string, path: string, body?: unknown) =>
  fetch(api.url + path, {
    method,
    headers: { ...bearer(token), 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

describe('dockerd restarted under a running app', () => {
  it.skipIf(!ownsDockerd)(
    'the API reports what Docker runs after the restart, and the route points at the live port',
    async () => {
      const repo = new PaasRepository(api.infra.database.db);
      const fixture = await makeRepo(root, 'dockerd-static', {
        'index.html': '<!doctype html><h1>Survives a dockerd restart</h1>',
      });
      const created = await call('POST', '/api/v1/admin/paas/apps', {
        name: `Dockerd Static ${instance.slice(-4)}`,
        repoUrl: fixture.url,
      });
      expect(created.status, await created.clone().text()).toBe(201);
      appId = ((await created.json()) as { id: string }).id;
      worker = await workers.start();
      const dep = await call('POST', `/api/v1/admin/paas/apps/${appId}/deployments`);
      const depId = ((await dep.json()) as { id: string }).id;
      await eventually(async () => (await repo.findDeployment(depId))?.status === 'running', 60_000, 250);
      const before = (await repo.findApp(appId))!;

      const restarted = await runScript(['scripts/services.sh', 'restart', 'docker'], 120_000);
      expect(restarted.code, restarted.output).toBe(0);
      await eventually(async () => (await docker.ping()) !== undefined, 30_000, 500);

      // No worker restart: the running worker notices the engine came back and reconciles by itself.
      let requests = 0;
      const look = async () => {
        const app = (await repo.findApp(appId!))!;
        requests++;
        const view = (await (await call('GET', `/api/v1/admin/paas/apps/${appId}`)).json()) as {
          status: string;
          activeDeploymentId: string;
        };
        const truth = await dockerTruth(docker, instance, appId!);
        const serving = truth.containers.find((c) => c.id === app.containerId);
        const port = serving?.state === 'running' ? await publishedPort(docker, serving.id) : null;
        const answer = port
          ? await fetch(`http://127.0.0.1:${port}/`)
              .then((r) => r.text())
              .catch(() => null)
          : null;
        return { app, view, truth, serving, port, answer };
      };
      const healed = await eventually(
        async () => {
          const s = await look();
          return s.view.status === 'running' && s.serving?.state === 'running' && s.app.hostPort === s.port && s.answer
            ? s
            : undefined;
        },
        45_000,
        500,
      ).catch(async (err: Error) => {
        const s = await look();
        throw new Error(
          `${err.message}: API says ${s.view.status} (${s.app.lastError ?? 'no error'}), Docker says ${JSON.stringify(s.truth.containers)}\n${worker!
            .output()
            .split('\n')
            .filter((l) => l.includes('paas'))
            .join('\n')}`,
        );
      });
      await new Promise((r) => setTimeout(r, 3000)); // and it stays so
      const settled = await look();
      const apiRunning = settled.view.status === 'running';
      const dockerRunning = settled.serving?.state === 'running';
      record('worker-crash', 'dockerd-restart', {
        faults: 1,
        requests,
        rowsLost: apiRunning === dockerRunning && settled.app.hostPort === settled.port ? 0 : 1,
      });

      expect(before.status).toBe('running');
      expect(healed.answer).toContain('Survives a dockerd restart');
      expect(apiRunning).toBe(dockerRunning);
      expect(settled.view).toMatchObject({ status: 'running', activeDeploymentId: depId });
      // The route follows the port Docker published after the restart.
      expect(settled.app.hostPort).toBe(settled.port);
      expect(settled.truth.containers).toHaveLength(1);
      expect((await repo.findDeployment(depId))!.status).toBe('running');
      expect(worker.exitCode).toBeNull();
      const out = worker.output();
      expect(out).toContain('Docker event stream is back; reconciling');
      // The reconcile after the reconnection is the one that brought the app back (started it, or fixed its port).
      const reports = out
        .slice(out.indexOf('Docker event stream is back'))
        .split('\n')
        .filter((l) => l.includes('reconciled Docker with the database'))
        .map((l) => JSON.parse(l) as { restarted: number; portsFixed: number });
      expect(
        reports.some((r) => r.restarted + r.portsFixed > 0),
        out,
      ).toBe(true);
    },
    90_000,
  );
});
