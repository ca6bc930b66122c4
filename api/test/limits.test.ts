import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, login, post } from './factories.js';
import { testEnv } from './env.js';
import { FaultProxy } from './fault-proxy.js';
import { eventually, startTestApi, type TestApi } from './harness.js';

const wrong = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  password: 'definitely-not-it-123',
  ...extra,
});

describe('login lockout (LOGIN preset: 5 per minute per IP + account)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('the sixth wrong password within a minute answers 429 with Retry-After, and the right one is refused too', async () => {
    const user = await createUser(api, 'editor');
    for (let i = 0; i < 5; i++) expect((await post(api, '/api/v1/auth/login', wrong(user.email))).status).toBe(401);
    const sixth = await post(api, '/api/v1/auth/login', wrong(user.email));
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await sixth.json()).code).toBe('RATE_LIMITED');
    expect((await post(api, '/api/v1/auth/login', { email: user.email, password: user.password })).status).toBe(429);
    // Another account from the same address is not locked.
    const other = await createUser(api, 'editor');
    expect((await post(api, '/api/v1/auth/login', { email: other.email, password: other.password })).status).toBe(200);
  });

  it('varying the e-mail spelling or adding body fields does not get a fresh bucket (CVE-2025-64526 class)', async () => {
    const user = await createUser(api, 'viewer');
    const spellings = [
      user.email,
      user.email.toUpperCase(),
      ` ${user.email} `,
      user.email.replace(/^./, (c) => c.toUpperCase()),
      user.email,
    ];
    for (const email of spellings) expect((await post(api, '/api/v1/auth/login', wrong(email))).status).toBe(401);
    // Extra fields are refused outright (422) and never reach the password check.
    expect(
      (
        await post(
          api,
          '/api/v1/auth/login',
          wrong(user.email, { username: 'x', totpCode: undefined, nonce: Math.random() }),
        )
      ).status,
    ).toBe(422);
    expect((await post(api, '/api/v1/auth/login', wrong(user.email.toUpperCase()))).status).toBe(429);
  });

  it('a successful login resets the failure count', async () => {
    const user = await createUser(api, 'viewer');
    for (let i = 0; i < 4; i++) await post(api, '/api/v1/auth/login', wrong(user.email));
    await login(api, user);
    for (let i = 0; i < 4; i++) expect((await post(api, '/api/v1/auth/login', wrong(user.email))).status).toBe(401);
  });
});

describe('API_READ / API_WRITE per IP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      RATE_LIMIT_READ_PER_MIN: '5',
      RATE_LIMIT_WRITE_PER_MIN: '3',
      REDIS_KEY_PREFIX: `ovtest:rl${Date.now()}:`,
    });
  });
  afterAll(() => api.close());

  it('sends X-RateLimit-* on every /api/v1 answer and 429 with Retry-After past the limit', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await fetch(`${api.url}/api/v1`);
      statuses.push(last.status);
      expect(last.headers.get('x-ratelimit-limit')).toBe('5');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(last!.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    // Health and metrics are not under /api/v1 and never limited.
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});

describe('Redis down', () => {
  // Redis is cut by a TCP proxy in front of it, so the real server keeps serving everyone else.
  let api: TestApi;
  let proxy: FaultProxy;
  beforeAll(async () => {
    const env = testEnv();
    proxy = await FaultProxy.forUrl(env.REDIS_URL).start();
    api = await startTestApi({
      RATE_LIMIT_READ_PER_MIN: '1000',
      REDIS_URL: proxy.url(env.REDIS_URL),
      REDIS_KEY_PREFIX: `${env.REDIS_KEY_PREFIX}down${Date.now()}:`,
    });
  });
  afterAll(async () => {
    await api.close();
    await proxy.stop();
  });

  it('public reads and login still work, the limiter falls back to in-process, and logout still kills the token (via MySQL)', async () => {
    const user = await createUser(api, 'editor');
    const victim = await createUser(api, 'viewer');
    const before = await login(api, user);

    proxy.down();
    await eventually(async () => (await fetch(`${api.url}/health/ready`)).status === 503);

    // Public reads answer from MySQL (and the in-process cache) while Redis is away.
    for (const path of ['/api/v1/posts?limit=5', '/api/v1/settings', '/api/v1/projects']) {
      const res = await fetch(api.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('etag')).toBeTruthy();
    }

    const started = Date.now();
    const during = await login(api, user);
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(during.accessToken) })).status).toBe(200);

    // Lockout still holds with the in-process insurance limiter.
    for (let i = 0; i < 5; i++) expect((await post(api, '/api/v1/auth/login', wrong(victim.email))).status).toBe(401);
    expect((await post(api, '/api/v1/auth/login', wrong(victim.email))).status).toBe(429);

    // The deny-list is unreachable, so revocation is checked in MySQL instead.
    expect((await post(api, '/api/v1/auth/logout', {}, bearer(before.accessToken))).status).toBe(204);
    expect((await fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(before.accessToken) })).status).toBe(401);
    expect((await fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(during.accessToken) })).status).toBe(200);

    proxy.up();
    await eventually(async () => (await fetch(`${api.url}/health/ready`)).status === 200, 20_000);
    expect((await fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(during.accessToken) })).status).toBe(200);
    // The denial written late: the logged-out token stays dead once Redis answers again.
    await eventually(
      async () => (await fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(before.accessToken) })).status === 401,
      10_000,
    );
    await new Promise((r) => setTimeout(r, 2500));
    expect((await fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(before.accessToken) })).status).toBe(401);
  });
});

describe('API keys and the per-IP limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      RATE_LIMIT_READ_PER_MIN: '3',
      REDIS_KEY_PREFIX: `${testEnv().REDIS_KEY_PREFIX}keys${Date.now()}:`,
    });
  });
  afterAll(() => api.close());

  it('a valid key is limited by its own bucket, not the address; a made-up key gets no exemption', async () => {
    const admin = await login(api, await createUser(api, 'admin'));
    const created = await fetch(`${api.url}/api/v1/admin/api-keys`, {
      method: 'POST',
      headers: { ...bearer(admin.accessToken), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'builder', scopes: ['content:read'], rateLimitPerMinute: 50 }),
    });
    const { key } = await created.json();
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${api.url}/api/v1/posts?limit=1`, { headers: bearer(key) });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('50');
    }
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await fetch(`${api.url}/api/v1/posts?limit=1`, { headers: { 'x-api-key': 'ovk_made-up' } })).status,
      );
    expect(statuses).toContain(429);
  });
});
