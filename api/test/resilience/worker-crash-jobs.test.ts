import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import type { RowDataPacket } from 'mysql2';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Jobs } from '../../src/jobs/job-spec.js';
import { OutboxRepository } from '../../src/repositories/outbox.repository.js';
import { PaasRepository } from '../../src/repositories/paas.repository.js';
import { WebhookDeliveryRepository } from '../../src/repositories/webhook-delivery.repository.js';
import { WebhookRepository } from '../../src/repositories/webhook.repository.js';
import { doc } from '../content-helpers.js';
import { testDatabaseUrl } from '../env.js';
import { bearer, createUser, login } from '../factories.js';
import { FaultProxy } from '../fault-proxy.js';
import { eventually, runScript, startTestApi, type TestApi } from '../harness.js';
import { makeRepo } from '../paas-fixtures.js';
import { startReceiver, type Hit } from '../webhook-receiver.js';
import { crashWorkers, dockerTruth, PAAS_STATIC_IMAGE, removeInstance, type WorkerProcess } from './crash-kit.js';
import { record } from './ledger.js';

/**
 * kill -9 of a worker in the middle of a webhook delivery, a scheduled publish and a PaaS deploy.
 * Each time a new worker starts afterwards; the side effect must happen once (HTTP deliveries are
 * at-least-once: the receiver deduplicates by `webhook-id`, so one distinct id is the contract).
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const docker = new Docker();
const instance = `crash-${Date.now().toString(36)}`;
let root: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let api: TestApi;
let token: string;
let workers: ReturnType<typeof crashWorkers>;
const mysqlProxy = FaultProxy.forUrl(testDatabaseUrl());

beforeAll(async () => {
  receiver = await startReceiver();
  await mysqlProxy.start();
  root = await mkdtemp(join(tmpdir(), 'ov-crash-'));
  workers = crashWorkers('crashjobs', {
    WEBHOOK_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${receiver.port}`,
    PAAS_ALLOW_LOCAL_REPOS: '1',
    PAAS_WORK_DIR: join(root, 'work'),
    PAAS_INSTANCE: instance,
    PAAS_IMAGE_STATIC: PAAS_STATIC_IMAGE,
    PAAS_HEALTH_TIMEOUT_MS: '20000',
  });
  api = await startTestApi(workers.apiOverrides);
  // Events other test files left undelivered are not this file's to deliver.
  await api.infra.database.pool.query('UPDATE outbox_events SET dispatched_at = NOW(3) WHERE dispatched_at IS NULL');
  token = (await login(api, await createUser(api, 'admin'))).accessToken;
});

afterEach(async () => {
  const hooks = new WebhookRepository(api.infra.database.db);
  for (const hook of await hooks.listActive()) await hooks.update(hook.id, { active: false });
});

afterAll(async () => {
  workers?.killAll();
  await mysqlProxy.stop();
  await api?.close();
  await receiver?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const call = (method: string, path: string, body?: unknown) =>
  fetch(api.url + path, {
    method,
    headers: { ...bearer(token), 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

async function createHook(path: string): Promise<{ id: string }> {
  const res = await call('POST', '/api/v1/admin/webhooks', {
    name: `crash ${path}`,
    url: receiver.url(path),
    events: ['post.published'],
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

const webhookIds = (hits: Hit[]) => new Set(hits.map((h) => String(h.headers['webhook-id'])));
const query = async <T extends RowDataPacket>(sql: string, params: unknown[]) =>
  (await api.infra.database.pool.query<T[]>(sql, params))[0];

describe('worker killed during a webhook delivery', () => {
  it('retries after the restart with the same webhook-id; the delivery ends succeeded once', async () => {
    const path = `/slow-${randomUUID().slice(0, 8)}`;
    // The receiver takes 6 s to answer (within the 10 s delivery timeout): the kill lands while it waits.
    receiver.answer(path, () => ({ status: 200, delayMs: 6000 }));
    const hook = await createHook(path);
    const first = await workers.start();
    const eventId = await new OutboxRepository(api.infra.database.db).add({
      type: 'post.published',
      aggregateType: 'post',
      aggregateId: uuidv7(),
      payload: { slug: 'crash' },
    });
    await eventually(async () => receiver.hits(path).length === 1, 20_000, 50);
    await workers.kill9(first);

    const deliveries = new WebhookDeliveryRepository(api.infra.database.db);
    const [inFlight] = await deliveries.listForWebhook(hook.id, { limit: 5 });
    expect(inFlight).toMatchObject({ eventId, status: 'pending', nextAttemptAt: null, attempts: 1 });
    // The dead worker had claimed the try (next_attempt_at NULL = in flight). Its job re-runs after
    // the restart (stall) but is fenced off; the dispatcher's sweep (every 30 s) re-arms a try in
    // flight for more than 90 s (DispatcherOptions.inFlightMs). Age the row past that window instead of waiting it out.
    await api.infra.database.pool.query(
      'UPDATE webhook_deliveries SET updated_at = updated_at - INTERVAL 2 MINUTE WHERE id = ?',
      [inFlight!.id],
    );
    receiver.answer(path, () => ({ status: 200 }));
    const second = await workers.start();
    const done = await eventually(
      async () => {
        const d = await deliveries.findById(inFlight!.id);
        return d?.status === 'succeeded' ? d : undefined;
      },
      30_000,
      250,
    );
    await sleep(2500); // a late duplicate would show up here
    const hits = receiver.hits(path);
    const ids = webhookIds(hits);
    const attempts = await deliveries.attemptsOf([done.id]);
    record('worker-crash', 'webhook-delivery', {
      faults: 1,
      requests: hits.length,
      duplicates: ids.size - 1,
      rowsLost: done.deliveredAt ? 0 : 1,
    });

    expect(ids).toEqual(new Set([done.id]));
    // Receiver side: 2 requests (the one the kill cut off and the retry), one distinct webhook-id.
    expect(hits).toHaveLength(2);
    expect(done.deliveredAt).toBeInstanceOf(Date);
    // The killed try died before it could log an attempt; the retry is the one logged attempt.
    expect(attempts.map((a) => a.responseStatus)).toEqual([200]);
    expect((await deliveries.listForWebhook(hook.id, { limit: 5 })).map((d) => d.status)).toEqual(['succeeded']);
    expect(await workers.stop(second)).toBe(0);
  }, 90_000);
});

describe('worker killed during a scheduled publish', () => {
  async function scheduledPost(title: string, inMs: number) {
    const created = await call('POST', '/api/v1/admin/posts', { title, content: doc('Goes live on its own') });
    expect(created.status).toBe(201);
    const post = (await created.json()) as { id: string; slug: string };
    const at = new Date(Date.now() + inMs);
    const scheduled = await call('POST', `/api/v1/admin/posts/${post.id}/schedule`, { at: at.toISOString() });
    expect(scheduled.status, await scheduled.clone().text()).toBe(200);
    return { ...post, at };
  }

  const statusOf = async (id: string) =>
    (await query<RowDataPacket & { status: string }>('SELECT status FROM posts WHERE id = ?', [id]))[0]?.status;

  /** Everything a publish leaves behind, counted. */
  async function effects(id: string, hookPath: string) {
    const events = await query<RowDataPacket & { type: string }>(
      'SELECT type FROM outbox_events WHERE aggregate_id = ? ORDER BY id',
      [id],
    );
    const [revisions] = await query<RowDataPacket & { n: number }>(
      'SELECT COUNT(*) AS n FROM post_revisions WHERE post_id = ?',
      [id],
    );
    const [audit] = await query<RowDataPacket & { n: number }>(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'post.publish' AND target_id = ?",
      [id],
    );
    const hits = receiver
      .hits(hookPath)
      .filter((h) => (JSON.parse(h.body) as { data: { aggregateId: string } }).data.aggregateId === id);
    return {
      events: events.map((e) => e.type),
      revisions: Number(revisions!.n),
      audits: Number(audit!.n),
      hits: hits.length,
      webhookIds: webhookIds(hits).size,
    };
  }

  /** Both kill points: before the publish transaction commits, and after it committed but before the worker heard back. */
  for (const when of ['before-commit', 'after-commit'] as const) {
    it(`publishes once when the worker dies ${when === 'before-commit' ? 'before the commit' : 'right after the commit'}`, async () => {
      const hookPath = `/publish-${when}`;
      await createHook(hookPath);
      // The worker reaches MariaDB through a proxy that turns slow at the publish time: every round
      // trip takes 0.8 s, so the kill lands inside the publish.
      const first = await workers.start({ DATABASE_URL: mysqlProxy.url(testDatabaseUrl()) });
      const post = await scheduledPost(`Crash ${when}`, 3000);
      const [before] = await query<RowDataPacket & { n: number }>(
        'SELECT COUNT(*) AS n FROM post_revisions WHERE post_id = ?',
        [post.id],
      );
      // The public list is cached now, without the post; the publish must invalidate it.
      expect(
        (await (await fetch(`${api.url}/api/v1/posts?limit=100`)).json()).items.map((p: { id: string }) => p.id),
      ).not.toContain(post.id);
      await sleep(post.at.getTime() - Date.now() - 500);
      mysqlProxy.latency(400);
      if (when === 'before-commit') {
        await eventually(
          async () => (await api.infra.queues.counts([Jobs.postPublish.name]))[Jobs.postPublish.name]!.active === 1,
          10_000,
          50,
        );
        await sleep(300);
        await workers.kill9(first);
        await sleep(200);
        expect(await statusOf(post.id)).toBe('scheduled');
      } else {
        // Our own connection (not through the proxy) sees the commit 0.4 s before the worker can.
        await eventually(async () => (await statusOf(post.id)) === 'published', 30_000, 10);
        await workers.kill9(first);
      }
      mysqlProxy.up();

      const second = await workers.start();
      await eventually(async () => (await statusOf(post.id)) === 'published', 20_000, 200);
      // The interrupted job ran again on the new worker (stall) and is gone from the queue.
      await eventually(
        async () => {
          const c = (await api.infra.queues.counts([Jobs.postPublish.name]))[Jobs.postPublish.name]!;
          return c.active + c.waiting + c.delayed === 0;
        },
        20_000,
        200,
      );
      // The dead worker may have held the outbox-dispatch lease (30 s TTL): the delivery can wait that long.
      await eventually(async () => (await effects(post.id, hookPath)).hits >= 1, 45_000, 200);
      await sleep(2500); // a late duplicate would show up here
      const seen = await effects(post.id, hookPath);
      const listed = (await (await fetch(`${api.url}/api/v1/posts?limit=100`)).json()).items.map(
        (p: { id: string }) => p.id,
      ) as string[];
      record('worker-crash', `scheduled-publish-${when}`, {
        faults: 2,
        requests: 2,
        duplicates:
          Math.max(0, seen.events.filter((t) => t === 'post.published').length - 1) +
          Math.max(0, seen.webhookIds - 1) +
          Math.max(0, seen.audits - 1),
        rowsLost: (seen.audits === 0 ? 1 : 0) + (listed.includes(post.id) ? 0 : 1),
      });

      expect(seen.events).toEqual(['post.published', 'site.changed']);
      expect(seen.revisions).toBe(Number(before!.n));
      expect(seen.webhookIds).toBe(1);
      expect(seen.hits).toBe(1);
      expect(seen.audits).toBe(1);
      expect(listed).toContain(post.id);
      expect(await workers.stop(second)).toBe(0);
    }, 90_000);
  }
});

describe('worker killed during a PaaS deploy', () => {
  const repo = () => new PaasRepository(api.infra.database.db);
  let appId: string;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    await docker.ping().catch((err: Error) => {
      throw new Error(
        `PaaS crash tests need a Docker Engine and none answers (${err.message}). Start one: scripts/services.sh start docker.`,
        { cause: err },
      );
    });
    const images = await runScript(['scripts/paas-images.sh'], 180_000);
    if (images.code !== 0) throw new Error(`make paas-images failed:\n${images.output}`);
  }, 200_000);

  afterAll(async () => {
    // Deleting through the API needs a worker (the delete is a job); whatever is left is removed by hand.
    if (appId && api) {
      worker = workers.alive()[0] ?? (await workers.start().catch(() => undefined));
      await call('DELETE', `/api/v1/admin/paas/apps/${appId}`);
      await eventually(async () => {
        const t = await dockerTruth(docker, instance, appId);
        return t.containers.length + t.images.length === 0;
      }, 30_000).catch(() => undefined);
      if (worker) await workers.stop(worker);
    }
    await removeInstance(docker, instance);
  }, 60_000);

  async function deploy(): Promise<string> {
    const res = await call('POST', `/api/v1/admin/paas/apps/${appId}/deployments`);
    expect([200, 202], await res.clone().text()).toContain(res.status);
    return ((await res.json()) as { id: string }).id;
  }

  /** API status, Docker's containers and images for the app, and a request to the serving port. */
  async function settle(deploymentId: string) {
    const dep = await eventually(
      async () => {
        const d = await repo().findDeployment(deploymentId);
        return d && ['running', 'failed'].includes(d.status) ? d : undefined;
      },
      60_000,
      250,
    );
    // A new version replaces an old one after a 2 s drain: wait that out (bounded), then look.
    await eventually(
      async () => (await dockerTruth(docker, instance, appId)).containers.length === 1,
      15_000,
      250,
    ).catch(() => undefined);
    const app = (await repo().findApp(appId))!;
    const view = (await (await call('GET', `/api/v1/admin/paas/apps/${appId}`)).json()) as {
      status: string;
      activeDeploymentId: string | null;
    };
    const truth = await dockerTruth(docker, instance, appId);
    const answer = app.hostPort
      ? await fetch(`http://127.0.0.1:${app.hostPort}/`)
          .then((r) => r.text())
          .catch(() => null)
      : null;
    return { dep, app, view, truth, answer };
  }

  /** No container or image of the app that no deployment accounts for: one container (the serving one), each image tagged by its deployments. */
  async function assertNoOrphans(s: Awaited<ReturnType<typeof settle>>) {
    expect(s.truth.containers.map((c) => c.id)).toEqual([s.app.containerId]);
    expect(s.truth.containers[0]!.state).toBe('running');
    const deployments = new Set((await repo().listDeployments(appId, 50)).map((d) => d.id));
    for (const image of s.truth.images) {
      expect(image.deploymentIds.length, `image ${image.id} has no deployment tag`).toBeGreaterThan(0);
      for (const id of image.deploymentIds)
        expect(deployments.has(id), `image ${image.id} of an unknown deployment ${id}`).toBe(true);
    }
    // No deployment is tagged on two images.
    const tagged = s.truth.images.flatMap((i) => i.deploymentIds);
    expect(new Set(tagged).size).toBe(tagged.length);
    expect(s.truth.images.map((i) => i.id)).toContain(s.app.imageId);
  }

  it('a kill while building: the new worker re-runs the deploy; running with one container, no orphans', async () => {
    const fixture = await makeRepo(root, 'crash-static', {
      'index.html': '<!doctype html><h1>Crash-proof static site</h1>',
    });
    const created = await call('POST', '/api/v1/admin/paas/apps', {
      name: `Crash Static ${instance.slice(-4)}`,
      repoUrl: fixture.url,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    appId = ((await created.json()) as { id: string }).id;
    const first = await workers.start();
    const depId = await deploy();
    await eventually(async () => (await repo().findDeployment(depId))?.status === 'building', 30_000, 25);
    await sleep(300);
    await workers.kill9(first);
    expect((await repo().findApp(appId))!.status).not.toBe('running');

    worker = await workers.start();
    const s = await settle(depId);
    record('worker-crash', 'paas-deploy-building', {
      faults: 1,
      requests: 4,
      duplicates: Math.max(0, s.truth.containers.length - 1),
      rowsLost: s.dep.status === 'running' ? 0 : 1,
    });
    expect(s.dep.status, s.dep.reason ?? '').toBe('running');
    expect(s.view).toMatchObject({ status: 'running', activeDeploymentId: depId });
    expect(s.answer).toContain('Crash-proof static site');
    await assertNoOrphans(s);
    expect(s.truth.images).toHaveLength(1);
  }, 90_000);

  it('a kill during the switch to a new version: the app serves the new one alone, and the next deploy is not blocked', async () => {
    expect(appId, 'the previous test made the app').toBeTruthy();
    const old = (await repo().findApp(appId))!;
    // The kill lands in the blue-green switch: the app points at the new deployment while the old
    // container still drains (2 s), and the worker holds the app's lease.
    const first = worker!;
    const second = await deploy();
    await eventually(async () => (await repo().findApp(appId))?.activeDeploymentId === second, 60_000, 20);
    await workers.kill9(first);
    const during = await dockerTruth(docker, instance, appId);
    expect(during.containers.map((c) => c.deploymentId).sort()).toEqual([old.activeDeploymentId, second].sort());

    worker = await workers.start();
    const afterKill = await eventually(
      async () => {
        const t = await dockerTruth(docker, instance, appId);
        return t.containers.length === 1 ? t : undefined;
        // The dead worker may have held the reconcile lease (60 s): the new one reconciles when it runs out.
      },
      75_000,
      250,
    );
    const previous = await repo().findDeployment(old.activeDeploymentId!);
    // A redeploy right away must not wait for the dead worker's lease on the app.
    const started = Date.now();
    const third = await deploy();
    const s = await settle(third);
    const redeployMs = Date.now() - started;
    record('worker-crash', 'paas-deploy-switch', {
      faults: 1,
      requests: 6,
      duplicates: Math.max(0, s.truth.containers.length - 1),
      rowsLost: (s.dep.status === 'running' ? 0 : 1) + (previous?.status === 'running' ? 1 : 0),
    });
    expect(afterKill.containers.map((c) => c.deploymentId)).toEqual([second]);
    expect(previous?.status, 'the replaced deployment is not reported running').not.toBe('running');
    expect(s.dep.status, s.dep.reason ?? '').toBe('running');
    expect(redeployMs).toBeLessThan(45_000);
    expect(s.view).toMatchObject({ status: 'running', activeDeploymentId: third });
    expect(s.answer).toContain('Crash-proof static site');
    await assertNoOrphans(s);
  }, 180_000);
});
