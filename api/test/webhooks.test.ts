import { Webhook } from 'standardwebhooks';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { Jobs } from '../src/jobs/job-spec.js';
import { scheduleOutboxDispatch } from '../src/schedule/recurring.js';
import { composeWebhookWorker } from '../src/composition/webhooks.js';
import { createWebhookJobs } from '../src/jobs/webhook.jobs.js';
import { createLogger } from '../src/logger.js';
import { OutboxRepository } from '../src/repositories/outbox.repository.js';
import { WebhookDeliveryRepository } from '../src/repositories/webhook-delivery.repository.js';
import { WebhookRepository } from '../src/repositories/webhook.repository.js';
import { bearer, createUser, login } from './factories.js';
import { eventually, startTestApi, type TestApi } from './harness.js';
import { testEnv } from './env.js';
import { headerRecord, startReceiver } from './webhook-receiver.js';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let api: TestApi;
let token: string;
let worker: Infrastructure;
let jobs: ReturnType<typeof createWebhookJobs>;

beforeAll(async () => {
  receiver = await startReceiver();
  // Only the receiver's exact host:port may be private; the default site-builder allowance is off.
  const overrides = { WEBHOOK_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${receiver.port}` };
  api = await startTestApi(overrides);
  // Events other test files left undelivered in the shared database are not this file's to deliver.
  await api.infra.database.pool.query('UPDATE outbox_events SET dispatched_at = NOW(3) WHERE dispatched_at IS NULL');
  token = (await login(api, await createUser(api, 'admin'))).accessToken;
  // The worker side in-process: real queues under this run's Redis prefix, a 50 ms retry schedule.
  worker = createInfrastructure(testEnv(overrides), createLogger('silent', 'worker-test'), 'worker');
  jobs = createWebhookJobs(
    composeWebhookWorker(worker, { delivery: { retryScheduleMs: [50, 50, 50], jitter: 0 } }),
    worker.logger,
  );
  worker.queues.process(Jobs.webhookDeliver, 4, jobs.deliver);
  await eventually(async () => worker.redis.isReady);
});
// Every test starts with no active subscriber, so one test's events never reach another's receiver.
afterEach(async () => {
  const hooks = new WebhookRepository(api.infra.database.db);
  for (const hook of await hooks.listActive()) await hooks.update(hook.id, { active: false });
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
  await receiver?.close();
});

const call = (method: string, path: string, body?: unknown, auth = token) =>
  fetch(api.url + path, {
    method,
    headers: { ...bearer(auth), 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

async function createHook(path: string, events: string[] = ['post.published']) {
  const res = await call('POST', '/api/v1/admin/webhooks', { name: `hook ${path}`, url: receiver.url(path), events });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; secret: string; url: string };
}

async function emit(type: string, payload: Record<string, unknown> = {}): Promise<string> {
  return new OutboxRepository(api.infra.database.db).add({
    type,
    aggregateType: 'post',
    aggregateId: uuidv7(),
    payload,
  });
}

async function deliveries(hookId: string) {
  const res = await call('GET', `/api/v1/admin/webhooks/${hookId}/deliveries`);
  expect(res.status).toBe(200);
  return (await res.json()).items as {
    id: string;
    status: string;
    eventId: string;
    nextAttemptAt: string | null;
    attempts: {
      attempt: number;
      responseStatus: number | null;
      responseSnippet: string | null;
      error: string | null;
      durationMs: number;
    }[];
  }[];
}

const settled = (hookId: string, status: string) =>
  eventually(async () => {
    const [latest] = await deliveries(hookId);
    return latest?.status === status ? latest : undefined;
  });

describe('webhook admin API', () => {
  it('returns the secret once, in Standard Webhooks form, never in lists or gets; stores it sealed; audits', async () => {
    const hook = await createHook('/secret', ['post.published', 'site.changed']);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(hook.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    const list = await (await call('GET', '/api/v1/admin/webhooks')).text();
    const one = await (await call('GET', `/api/v1/admin/webhooks/${hook.id}`)).json();
    expect(list).toContain(hook.id);
    expect(list).not.toContain(hook.secret.slice(6));
    expect(list).not.toMatch(/"secret"/);
    expect(one).toMatchObject({ id: hook.id, events: ['post.published', 'site.changed'], active: true });
    expect(one).not.toHaveProperty('secret');
    const stored = (await new WebhookRepository(api.infra.database.db).findById(hook.id))!.secret;
    expect(stored).not.toContain(hook.secret.slice(6));

    const patched = await call('PATCH', `/api/v1/admin/webhooks/${hook.id}`, {
      name: 'Renamed',
      events: ['page.updated'],
      active: false,
    });
    expect(await patched.json()).toMatchObject({ name: 'Renamed', events: ['page.updated'], active: false });
    const rotated = await (await call('POST', `/api/v1/admin/webhooks/${hook.id}/rotate-secret`)).json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);

    const audit = await (await call('GET', '/api/v1/admin/audit?targetType=webhook')).json();
    const actions = audit.items
      .filter((e: { targetId: string }) => e.targetId === hook.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['webhook.create', 'webhook.update', 'webhook.rotate-secret']));
    expect(JSON.stringify(audit)).not.toContain(hook.secret.slice(6));

    expect((await call('DELETE', `/api/v1/admin/webhooks/${hook.id}`)).status).toBe(204);
    expect((await call('GET', `/api/v1/admin/webhooks/${hook.id}`)).status).toBe(404);
  });

  it('refuses URLs reaching private networks (SSRF), other schemes and unknown events with 422', async () => {
    for (const url of [
      'http://127.0.0.1:9/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[::1]:3000/',
      'http://localhost:3000/',
      'file:///etc/passwd',
    ]) {
      const res = await call('POST', '/api/v1/admin/webhooks', { name: 'ssrf', url, events: ['post.published'] });
      expect(res.status, url).toBe(422);
      const problem = await res.json();
      expect(problem.errors[0].field, url).toBe('body.url');
    }
    const hook = await createHook('/ssrf-patch');
    const patch = await call('PATCH', `/api/v1/admin/webhooks/${hook.id}`, { url: 'http://192.168.1.10/' });
    expect(patch.status).toBe(422);
    expect((await patch.json()).errors[0]).toMatchObject({ field: 'body.url' });
    const bad = await call('POST', '/api/v1/admin/webhooks', {
      name: 'x',
      url: receiver.url('/x'),
      events: ['post.exploded'],
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify((await bad.json()).errors)).toMatch(/events/);
    expect(
      (await call('POST', '/api/v1/admin/webhooks', { name: 'x', url: receiver.url('/x'), events: [] })).status,
    ).toBe(422);
  });

  it('is admin only', async () => {
    const hook = await createHook('/authz');
    for (const role of ['editor', 'author', 'viewer'] as const) {
      const other = (await login(api, await createUser(api, role))).accessToken;
      expect((await call('GET', '/api/v1/admin/webhooks', undefined, other)).status, role).toBe(403);
      expect(
        (
          await call(
            'POST',
            '/api/v1/admin/webhooks',
            { name: 'x', url: receiver.url('/x'), events: ['post.published'] },
            other,
          )
        ).status,
        role,
      ).toBe(403);
      expect((await call('GET', `/api/v1/admin/webhooks/${hook.id}/deliveries`, undefined, other)).status, role).toBe(
        403,
      );
      expect(
        (await call('POST', `/api/v1/admin/webhook-deliveries/${uuidv7()}/replay`, undefined, other)).status,
        role,
      ).toBe(403);
    }
  });
});

describe('webhook delivery', () => {
  it('delivers a signed Standard Webhooks payload once per event and subscriber', async () => {
    const hook = await createHook('/ok');
    const other = await createHook('/other', ['page.updated']);
    const eventId = await emit('post.published', { slug: 'merhaba-dunya', title: 'Merhaba dünya' });
    expect(await jobs.dispatch({ tick: 'test' })).toMatchObject({ events: expect.any(Number) });
    const [hit] = await eventually(async () => receiver.hits('/ok').length === 1 && receiver.hits('/ok'));
    const payload = new Webhook(hook.secret).verify(hit!.body, headerRecord(hit!.headers)) as {
      type: string;
      timestamp: string;
      data: Record<string, unknown>;
    };
    expect(payload).toMatchObject({
      type: 'post.published',
      data: { eventId, aggregateType: 'post', slug: 'merhaba-dunya', title: 'Merhaba dünya' },
    });
    expect(new Date(payload.timestamp).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(hit!.headers['user-agent']).toBe('OmerVision-Webhooks/1');
    expect(hit!.headers['content-type']).toBe('application/json');
    expect(Math.abs(Number(hit!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);

    const delivery = await settled(hook.id, 'succeeded');
    expect(hit!.headers['webhook-id']).toBe(delivery.id);
    expect(delivery.attempts).toMatchObject([{ attempt: 1, responseStatus: 200, responseSnippet: 'ok', error: null }]);
    expect(await deliveries(other.id)).toEqual([]);

    // Dispatching again and re-running the delivery job change nothing.
    await jobs.dispatch({ tick: 'test-again' });
    expect(await jobs.delivery.deliver(delivery.id, Date.now())).toMatchObject({ result: 'skipped' });
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.hits('/ok')).toHaveLength(1);
    expect((await new OutboxRepository(api.infra.database.db).findById(eventId))!.dispatchedAt).toBeInstanceOf(Date);
  });

  it('retries with its own backoff: two failures then success → 3 attempts, one webhook-id', async () => {
    receiver.answer('/flaky', (n) => (n <= 2 ? { status: 500, body: 'x'.repeat(5000) } : { status: 204, body: '' }));
    const hook = await createHook('/flaky');
    await emit('post.published');
    await jobs.dispatch({ tick: 'test' });
    const delivery = await settled(hook.id, 'succeeded');
    expect(delivery.attempts.map((a) => a.responseStatus)).toEqual([500, 500, 204]);
    expect(delivery.attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(delivery.attempts[0]!.responseSnippet).toHaveLength(1000);
    expect(delivery.nextAttemptAt).toBeNull();
    const hits = receiver.hits('/flaky');
    expect(new Set(hits.map((h) => h.headers['webhook-id']))).toEqual(new Set([delivery.id]));
    for (const h of hits) expect(() => new Webhook(hook.secret).verify(h.body, headerRecord(h.headers))).not.toThrow();
  });

  it('ends dead after the last retry, and a replay delivers it again', async () => {
    let up = false;
    receiver.answer('/down', () =>
      up ? { status: 200 } : { status: 302, headers: { location: receiver.url('/ok') } },
    );
    const hook = await createHook('/down');
    const okBefore = receiver.hits('/ok').length;
    await emit('post.published');
    await jobs.dispatch({ tick: 'test' });
    const dead = await settled(hook.id, 'dead');
    expect(dead.attempts.map((a) => a.responseStatus)).toEqual([302, 302, 302, 302]); // 1 try + 3 retries
    expect(receiver.hits('/ok')).toHaveLength(okBefore); // redirects are not followed

    up = true;
    const replay = await call('POST', `/api/v1/admin/webhook-deliveries/${dead.id}/replay`);
    expect(replay.status).toBe(202);
    expect((await replay.json()).status).toBe('pending');
    const done = await settled(hook.id, 'succeeded');
    expect(done.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(done.attempts[4]!.responseStatus).toBe(200);
    expect((await call('POST', `/api/v1/admin/webhook-deliveries/${uuidv7()}/replay`)).status).toBe(404);
    const audit = await (await call('GET', '/api/v1/admin/audit?targetType=webhook_delivery')).json();
    expect(audit.items.map((e: { targetId: string }) => e.targetId)).toContain(dead.id);
  });

  it('a 410 Gone retires the webhook', async () => {
    receiver.answer('/gone', () => ({ status: 410 }));
    const hook = await createHook('/gone');
    await emit('post.published');
    await jobs.dispatch({ tick: 'test' });
    const dead = await settled(hook.id, 'dead');
    expect(dead.attempts).toHaveLength(1);
    expect((await (await call('GET', `/api/v1/admin/webhooks/${hook.id}`)).json()).active).toBe(false);
    expect((await call('POST', `/api/v1/admin/webhook-deliveries/${dead.id}/replay`)).status).toBe(409);
  });

  it('lists deliveries newest first with a cursor', async () => {
    const hook = await createHook('/paged', ['settings.updated']);
    const events = [await emit('settings.updated'), await emit('settings.updated'), await emit('settings.updated')];
    await jobs.dispatch({ tick: 'test' });
    const page = (q: string) =>
      call('GET', `/api/v1/admin/webhooks/${hook.id}/deliveries?limit=2${q}`).then((r) => r.json());
    const first = await page('');
    expect(first.items.map((d: { eventId: string }) => d.eventId)).toEqual([events[2], events[1]]);
    const second = await page(`&cursor=${first.nextCursor}`);
    expect(second.items.map((d: { eventId: string }) => d.eventId)).toEqual([events[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await call('GET', `/api/v1/admin/webhooks/${hook.id}/deliveries?limit=0`)).status).toBe(422);
  });

  it('coalesces a burst of site.changed into one delivery, for the newest', async () => {
    const hook = await createHook('/site', ['site.changed']);
    const outbox = new OutboxRepository(api.infra.database.db);
    const ids = await api.infra.database.db.transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < 3; i++)
        out.push(
          await outbox.add(
            { type: 'site.changed', aggregateType: 'site', aggregateId: uuidv7(), payload: { n: i } },
            tx,
          ),
        );
      return out;
    });
    const stats = await jobs.dispatch({ tick: 'test' });
    expect(stats).toMatchObject({ coalesced: 2 });
    await settled(hook.id, 'succeeded');
    await new Promise((r) => setTimeout(r, 300));
    const hits = receiver.hits('/site');
    expect(hits).toHaveLength(1);
    expect(JSON.parse(hits[0]!.body).data).toMatchObject({ eventId: ids[2], n: 2 });
    for (const id of ids) expect((await outbox.findById(id))!.dispatchedAt).toBeInstanceOf(Date);
  });

  it('checks the address again at delivery time and connects only to the address it validated', async () => {
    const hooks = new WebhookRepository(api.infra.database.db);
    const rows = new WebhookDeliveryRepository(api.infra.database.db);
    const secret = 'whsec_' + Buffer.from('a-plain-seeded-secret-of-32-bytes').toString('base64');
    // A name no real DNS knows: only the injected resolver maps it, so a delivery that arrives
    // proves the connection went to the validated address, not to a fresh lookup.
    const id = uuidv7();
    await hooks.insert({
      id,
      name: 'pinned',
      url: `http://hooks.internal.test:${receiver.port}/pinned`,
      secret,
      events: ['post.updated'],
      active: true,
      createdBy: null,
    });
    const eventId = await emit('post.updated');
    const due = new Date();
    const { row } = await rows.createOnce({ webhookId: id, eventId, eventType: 'post.updated', due });

    const strict = createWebhookJobs(
      composeWebhookWorker(worker, {
        resolver: async () => [{ address: '127.0.0.1', family: 4 }],
        delivery: { retryScheduleMs: [] },
      }),
      worker.logger,
    );
    expect(await strict.delivery.deliver(row.id, due.getTime())).toMatchObject({ result: 'dead' });
    const refused = (await rows.attemptsOf([row.id]))[0]!;
    expect(refused.error).toMatch(/not sent: .*127\.0\.0\.1, a loopback address/);
    expect(receiver.hits('/pinned')).toHaveLength(0);

    const allowed = createInfrastructure(
      testEnv({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: `hooks.internal.test:${receiver.port}` }),
      createLogger('silent', 't'),
      'worker',
    );
    try {
      const pinned = createWebhookJobs(
        composeWebhookWorker(allowed, { resolver: async () => [{ address: '127.0.0.1', family: 4 }] }),
        allowed.logger,
      );
      await rows.requeue(row.id, due);
      expect(await pinned.delivery.deliver(row.id, due.getTime())).toMatchObject({ result: 'succeeded' });
      const [hit] = receiver.hits('/pinned');
      expect(hit!.headers.host).toBe(`hooks.internal.test:${receiver.port}`);
      expect(() => new Webhook(secret).verify(hit!.body, headerRecord(hit!.headers))).not.toThrow();
    } finally {
      await allowed.close();
    }
  });

  it('times out a receiver that never answers', async () => {
    receiver.answer('/hang', () => ({ status: 200, hang: true }));
    const hook = await createHook('/hang', ['project.updated']);
    const eventId = await emit('project.updated');
    const rows = new WebhookDeliveryRepository(api.infra.database.db);
    const due = new Date();
    const { row } = await rows.createOnce({ webhookId: hook.id, eventId, eventType: 'project.updated', due });
    const impatient = createWebhookJobs(
      composeWebhookWorker(worker, { delivery: { timeoutMs: 300, retryScheduleMs: [] } }),
      worker.logger,
    );
    expect(await impatient.delivery.deliver(row.id, due.getTime())).toMatchObject({ result: 'dead' });
    const [attempt] = await rows.attemptsOf([row.id]);
    expect(attempt).toMatchObject({ responseStatus: null, error: 'timed out after 300 ms' });
    expect(attempt!.durationMs).toBeGreaterThanOrEqual(250);
  });

  it('the worker schedule dispatches by itself, once, with two schedulers running', async () => {
    await createHook('/scheduled', ['media.created']);
    worker.queues.process(Jobs.outboxDispatch, 1, jobs.dispatch);
    const stops = [scheduleOutboxDispatch(worker, 200), scheduleOutboxDispatch(worker, 200)];
    try {
      await emit('media.created');
      await eventually(async () => receiver.hits('/scheduled').length === 1);
      await new Promise((r) => setTimeout(r, 800));
      expect(receiver.hits('/scheduled')).toHaveLength(1);
    } finally {
      for (const stop of stops) stop();
    }
  });
});
