import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, doc, publishedPost } from '../content-helpers.js';
import { testDatabaseUrl, testEnv } from '../env.js';
import { FaultProxy } from '../fault-proxy.js';
import { bearer, createUser, login, post } from '../factories.js';
import { eventually, startTestApi, type TestApi } from '../harness.js';

/**
 * Faults between the API and its backing services, injected by TCP proxies: the real MariaDB,
 * Redis and S3 keep running for everyone else while this API loses them.
 */
let api: TestApi;
let db: FaultProxy;
let redis: FaultProxy;
let s3: FaultProxy;
let editor: string;

const ready = async () => {
  const res = await fetch(`${api.url}/health/ready`);
  const body = await res.json();
  return {
    status: res.status,
    down: (body.checks as { name: string; status: string }[]).filter((c) => c.status === 'down').map((c) => c.name),
  };
};

beforeAll(async () => {
  const env = testEnv();
  db = await FaultProxy.forUrl(testDatabaseUrl()).start();
  redis = await FaultProxy.forUrl(env.REDIS_URL).start();
  s3 = await FaultProxy.forUrl(env.S3_ENDPOINT).start();
  api = await startTestApi({
    DATABASE_URL: db.url(testDatabaseUrl()),
    REDIS_URL: redis.url(env.REDIS_URL),
    S3_ENDPOINT: s3.url(env.S3_ENDPOINT),
    REDIS_KEY_PREFIX: `${env.REDIS_KEY_PREFIX}faults${Date.now()}:`,
    DB_TIMEOUT_MS: '2000',
  });
  editor = (await login(api, await createUser(api, 'editor'))).accessToken;
});
afterAll(async () => {
  await api.close();
  await Promise.all([db.stop(), redis.stop(), s3.stop()]);
});

describe('Redis lost', () => {
  it('readiness names redis; public reads, login and writes go on; all is well again when it returns', async () => {
    const published = await publishedPost(api, editor, { title: `Redis fault ${randomUUID().slice(0, 6)}` });
    redis.down();
    const during = await eventually(async () => ((await ready()).status === 503 ? ready() : undefined));
    expect(during.down).toEqual(['redis']);

    const started = Date.now();
    expect((await call(api, 'GET', `/api/v1/posts/${published.slug}`)).status).toBe(200);
    expect((await call(api, 'GET', '/api/v1/posts?limit=5')).status).toBe(200);
    const user = await createUser(api, 'viewer');
    expect((await post(api, '/api/v1/auth/login', { email: user.email, password: user.password })).status).toBe(200);
    expect(
      (
        await call(api, 'POST', '/api/v1/admin/posts', editor, {
          title: 'Written while Redis is away',
          content: doc('ok'),
        })
      ).status,
    ).toBe(201);
    expect(Date.now() - started).toBeLessThan(5000);

    redis.up();
    await eventually(async () => (await ready()).status === 200, 20_000);
  });
});

describe('MariaDB lost', () => {
  it('503 (never 500) for reads it cannot serve and for writes, nothing half-written, and the pool recovers by itself', async () => {
    const cached = await publishedPost(api, editor, { title: `Cached before the outage ${randomUUID().slice(0, 6)}` });
    expect((await call(api, 'GET', `/api/v1/posts/${cached.slug}`)).status).toBe(200); // now in the in-process cache

    db.down();
    const during = await eventually(async () => ((await ready()).status === 503 ? ready() : undefined));
    expect(during.down).toContain('db');

    const marker = `during-outage-${randomUUID()}`;
    const write = await call(api, 'POST', '/api/v1/admin/posts', editor, { title: marker, content: doc('x') });
    expect(write.status).toBe(503);
    expect(write.headers.get('content-type')).toMatch(/problem\+json/);
    expect(write.headers.get('retry-after')).toBeTruthy();
    expect((await write.json()).code).toBe('DEPENDENCY_UNAVAILABLE');
    // Served from the cache while the database is away.
    expect((await call(api, 'GET', `/api/v1/posts/${cached.slug}`)).status).toBe(200);
    expect([503]).toContain((await call(api, 'GET', `/api/v1/posts/not-cached-${randomUUID()}`)).status);

    db.up();
    await eventually(async () => (await ready()).status === 200, 20_000);
    const [rows] = await api.infra.database.pool.query('SELECT COUNT(*) AS n FROM posts WHERE title = ?', [marker]);
    expect(Number((rows as { n: number }[])[0]!.n)).toBe(0);
    expect(
      (await call(api, 'POST', '/api/v1/admin/posts', editor, { title: marker, content: doc('after') })).status,
    ).toBe(201);
  });
});

describe('S3 lost', () => {
  it('an upload fails with a clear 503 and leaves no row behind', async () => {
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const form = new FormData();
    const name = `s3-down-${randomUUID()}.png`;
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), name);
    s3.down();
    const started = Date.now();
    const res = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', headers: bearer(editor), body: form });
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(15_000);
    const [rows] = await api.infra.database.pool.query('SELECT COUNT(*) AS n FROM media WHERE filename = ?', [name]);
    expect(Number((rows as { n: number }[])[0]!.n)).toBe(0);
    s3.up();
    await eventually(async () => (await ready()).status === 200, 20_000);
  });
});
