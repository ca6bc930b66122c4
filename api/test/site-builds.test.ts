import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../src/db/schema.js';
import { seedSiteBuilder } from '../src/db/seed-site-builder.js';
import { webhookSecretBox } from '../src/services/webhooks/webhook-secrets.js';
import { bearer, createUser, login } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';
import { startReceiver } from './webhook-receiver.js';

let api: TestApi;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let admin: string;
let secrets: string;
let builderKey: string;

beforeAll(async () => {
  // The receiver plays the site builder: SITE_BUILDER_URL points at it.
  receiver = await startReceiver();
  api = await startTestApi({ SITE_BUILDER_URL: receiver.url('/') });
  const owner = await createUser(api, 'admin');
  admin = (await login(api, owner)).accessToken;
  secrets = mkdtempSync(join(tmpdir(), 'ov-site-secrets-'));
  const result = await seedSiteBuilder(api.infra.database.db, {
    builderUrl: receiver.url('/'),
    secretsDir: secrets,
    sealer: webhookSecretBox(api.infra.env.JWT_SECRET),
    ownerEmail: owner.email,
  });
  expect(result).toEqual({ webhook: 'created', key: 'created' });
  builderKey = readFileSync(join(secrets, 'site-builder-key'), 'utf8');
});
afterAll(async () => {
  await api?.close();
  await receiver?.close();
  rmSync(secrets, { recursive: true, force: true });
});

const call = (method: string, path: string, token: string, body?: unknown) =>
  fetch(api.url + path, {
    method,
    headers: { ...bearer(token), 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

describe('site build records', () => {
  it('are opened and finished by the builder key, with pages built and skipped, and cannot change once finished', async () => {
    const opened = await call('POST', '/api/v1/admin/site/builds', builderKey, { trigger: 'post.published' });
    expect(opened.status).toBe(201);
    const build = await opened.json();
    expect(build).toMatchObject({
      status: 'building',
      trigger: 'post.published',
      release: null,
      log: null,
      pagesSkipped: null,
    });
    expect(build.startedAt).not.toBeNull();

    const done = await call('PATCH', `/api/v1/admin/site/builds/${build.id}`, builderKey, {
      status: 'succeeded',
      release: '20260101T000000000Z-abcd',
      pagesBuilt: 12,
      pagesSkipped: 988,
      durationMs: 5400,
      log: 'astro build\nçıktı tamam\n',
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({
      status: 'succeeded',
      pagesBuilt: 12,
      pagesSkipped: 988,
      durationMs: 5400,
      log: 'astro build\nçıktı tamam\n',
    });

    const detail = await (await call('GET', `/api/v1/admin/site/builds/${build.id}`, admin)).json();
    expect(detail.finishedAt).not.toBeNull();
    expect(detail.log).toBe('astro build\nçıktı tamam\n');
    expect(
      (await call('PATCH', `/api/v1/admin/site/builds/${build.id}`, builderKey, { status: 'failed' })).status,
    ).toBe(409);
    expect((await call('GET', '/api/v1/admin/site/builds/nope', admin)).status).toBe(404);
    expect((await call('POST', '/api/v1/admin/site/builds', builderKey, { trigger: 'Bad Trigger!' })).status).toBe(422);
  });

  it('list newest first with a cursor; viewers read, authors do not, only site:build writes', async () => {
    for (const trigger of ['a', 'b', 'c']) await call('POST', '/api/v1/admin/site/builds', builderKey, { trigger });
    const first = await (await call('GET', '/api/v1/admin/site/builds?limit=2', admin)).json();
    expect(first.items.map((b: { trigger: string }) => b.trigger)).toEqual(['c', 'b']);
    expect(first.items[0].log).toBeUndefined();
    const second = await (
      await call('GET', `/api/v1/admin/site/builds?limit=2&cursor=${first.nextCursor}`, admin)
    ).json();
    expect(second.items[0].trigger).toBe('a');

    const viewer = (await login(api, await createUser(api, 'viewer'))).accessToken;
    const author = (await login(api, await createUser(api, 'author'))).accessToken;
    expect((await call('GET', '/api/v1/admin/site/builds', viewer)).status).toBe(200);
    expect((await call('POST', '/api/v1/admin/site/builds', viewer, { trigger: 'x' })).status).toBe(403);
    expect((await call('GET', '/api/v1/admin/site/builds', author)).status).toBe(403);
  });
});

describe('rebuild and rollback', () => {
  it('a rebuild emits site.changed with cause manual through the outbox, audited', async () => {
    const res = await call('POST', '/api/v1/admin/site/rebuild', admin);
    expect(res.status).toBe(202);
    const { eventId } = await res.json();
    const [event] = await api.infra.database.db.select().from(t.outboxEvents).where(eq(t.outboxEvents.id, eventId));
    expect(event).toMatchObject({ type: 'site.changed', aggregateType: 'site', payload: { cause: 'manual' } });
    const audit = await (await call('GET', '/api/v1/admin/audit?limit=5', admin)).json();
    expect(audit.items.some((e: { action: string }) => e.action === 'site.rebuild')).toBe(true);
  });

  it('a rollback is forwarded to the builder, signed with the secret of its webhook, and recorded', async () => {
    const secret = readFileSync(join(secrets, 'site-webhook'), 'utf8');
    receiver.answer('/_builder/rollback', () => ({
      status: 200,
      body: JSON.stringify({ release: 'r-old', previous: 'r-new' }),
      headers: { 'content-type': 'application/json' },
    }));
    const res = await call('POST', '/api/v1/admin/site/rollback', admin, {});
    expect(res.status, await res.clone().text()).toBe(200);
    const result = await res.json();
    expect(result).toMatchObject({ release: 'r-old', previous: 'r-new' });
    const [hit] = receiver.hits('/_builder/rollback');
    const verified = new Webhook(secret).verify(hit!.body, hit!.headers as Record<string, string>) as {
      type: string;
      data: { release: string | null };
    };
    expect(verified).toMatchObject({ type: 'site.rollback', data: { release: null } });
    const record = await (await call('GET', `/api/v1/admin/site/builds/${result.buildId}`, admin)).json();
    expect(record).toMatchObject({ trigger: 'rollback', status: 'succeeded', release: 'r-old' });

    receiver.answer('/_builder/rollback', () => ({ status: 404, body: JSON.stringify({ error: 'No release x' }) }));
    const missing = await call('POST', '/api/v1/admin/site/rollback', admin, { release: 'x' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).detail).toBe('No release x');
    expect((await call('POST', '/api/v1/admin/site/rollback', admin, { release: '../etc' })).status).toBe(422);
  });

  it('answers 503 when the builder is down', async () => {
    const down = await startTestApi({ SITE_BUILDER_URL: 'http://127.0.0.1:9' });
    try {
      const token = (await login(down, await createUser(down, 'admin'))).accessToken;
      // The seed points a subscription at that (dead) builder, as it would on a real setup.
      await seedSiteBuilder(down.infra.database.db, {
        builderUrl: 'http://127.0.0.1:9',
        secretsDir: secrets,
        sealer: webhookSecretBox(down.infra.env.JWT_SECRET),
        ownerEmail: 'nobody@example.com',
      });
      const res = await fetch(`${down.url}/api/v1/admin/site/rollback`, {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(503);
      expect((await res.json()).code).toBe('DEPENDENCY_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });
});

describe('seedSiteBuilder', () => {
  it('is idempotent, brings the row in line with the secret file, and replaces an unknown key', async () => {
    const db = api.infra.database.db;
    const opts = {
      builderUrl: receiver.url('/'),
      secretsDir: secrets,
      sealer: webhookSecretBox(api.infra.env.JWT_SECRET),
      ownerEmail: 'x@example.com',
    };
    expect(await seedSiteBuilder(db, opts)).toEqual({ webhook: 'present', key: 'present' });
    writeFileSync(join(secrets, 'site-webhook'), `whsec_${Buffer.alloc(32, 3).toString('base64')}`);
    expect((await seedSiteBuilder(db, opts)).webhook).toBe('secret-updated');
    unlinkSync(join(secrets, 'site-builder-key'));
    expect((await seedSiteBuilder(db, opts)).key).toBe('created');
    const key = readFileSync(join(secrets, 'site-builder-key'), 'utf8');
    expect((await call('POST', '/api/v1/admin/site/builds', key, { trigger: 'seeded' })).status).toBe(201);
    expect(
      (
        await db
          .select()
          .from(t.webhooks)
          .where(eq(t.webhooks.url, `${receiver.url('/_builder/hooks/site-changed')}`))
      ).length,
    ).toBe(1);
  });
});
