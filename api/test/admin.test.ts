import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { bearer, createUser, login, post, type LoggedIn } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

let api: TestApi;
let admin: LoggedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await login(api, await createUser(api, 'admin'));
});
afterAll(() => api.close());

const req = (method: string, path: string, token: string, body?: unknown) =>
  fetch(api.url + path, {
    method,
    headers: { ...bearer(token), 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

describe('users', () => {
  it('admin creates a user; duplicates, weak passwords and unknown roles are 4xx naming the field', async () => {
    const email = `new-${Date.now()}@test.omervision.local`;
    const created = await req('POST', '/api/v1/admin/users', admin.accessToken, {
      email,
      name: 'Yeni Editör',
      password: 'quiet-lantern-river-9',
      role: 'editor',
    });
    expect(created.status).toBe(201);
    const user = await created.json();
    expect(user).toMatchObject({ email, role: 'editor', disabled: false });
    expect(JSON.stringify(user)).not.toMatch(/hash|argon/i);

    const dup = await req('POST', '/api/v1/admin/users', admin.accessToken, {
      email: email.toUpperCase(),
      name: 'x',
      password: 'quiet-lantern-river-9',
      role: 'viewer',
    });
    expect(dup.status).toBe(409);
    expect((await dup.json()).errors[0].field).toBe('body.email');

    const weak = await req('POST', '/api/v1/admin/users', admin.accessToken, {
      email: `w-${email}`,
      name: 'x',
      password: 'password1234',
      role: 'viewer',
    });
    expect(weak.status).toBe(422);
    expect((await weak.json()).errors[0].field).toBe('body.password');

    const badRole = await req('POST', '/api/v1/admin/users', admin.accessToken, {
      email: `r-${email}`,
      name: 'x',
      password: 'quiet-lantern-river-9',
      role: 'root',
    });
    expect(badRole.status).toBe(422);
    expect(JSON.stringify((await badRole.json()).errors)).toMatch(/role/);
  });

  it('a viewer cannot create a user', async () => {
    const viewer = await login(api, await createUser(api, 'viewer'));
    const res = await req('POST', '/api/v1/admin/users', viewer.accessToken, {
      email: 'v@x.test',
      name: 'x',
      password: 'quiet-lantern-river-9',
      role: 'admin',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('disabling a user ends their sessions at once and they cannot sign in', async () => {
    const target = await createUser(api, 'editor');
    const session = await login(api, target);
    const res = await req('PATCH', `/api/v1/admin/users/${target.id}`, admin.accessToken, { disabled: true });
    expect(res.status).toBe(200);
    expect((await res.json()).disabled).toBe(true);
    expect((await fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(session.accessToken) })).status).toBe(401);
    expect((await post(api, '/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    expect((await post(api, '/api/v1/auth/login', { email: target.email, password: target.password })).status).toBe(
      401,
    );
  });

  it('an admin cannot demote themselves when they are the last admin, nor disable themselves', async () => {
    const me = await (await fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(admin.accessToken) })).json();
    const self = await req('PATCH', `/api/v1/admin/users/${me.id}`, admin.accessToken, { disabled: true });
    expect(self.status).toBe(409);
  });

  it('lists users with a cursor', async () => {
    const page1 = await (await req('GET', '/api/v1/admin/users?limit=2', admin.accessToken)).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = await (
      await req('GET', `/api/v1/admin/users?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`, admin.accessToken)
    ).json();
    expect(page2.items[0].email > page1.items[1].email).toBe(true);
    expect((await req('GET', '/api/v1/admin/users?limit=0', admin.accessToken)).status).toBe(422);
  });
});

describe('API keys', () => {
  it('secret shown once, stored hashed, usable as Bearer or X-API-Key, scoped, revocable', async () => {
    const created = await req('POST', '/api/v1/admin/api-keys', admin.accessToken, {
      name: 'Partner site',
      scopes: ['content:read'],
      rateLimitPerMinute: 3,
    });
    expect(created.status).toBe(201);
    const key = await created.json();
    expect(key.key).toMatch(/^ovk_/);
    const [[stored]] = (await api.infra.database.pool.query('SELECT key_hash, prefix FROM api_keys WHERE id = ?', [
      key.id,
    ])) as unknown as [{ key_hash: string; prefix: string }[]];
    expect(stored!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.key_hash).not.toContain(key.key);
    const list = await (await req('GET', '/api/v1/admin/api-keys', admin.accessToken)).json();
    expect(JSON.stringify(list)).not.toContain(key.key);

    const viaHeader = await fetch(`${api.url}/api/v1/admin/users`, { headers: { 'x-api-key': key.key } });
    expect(viaHeader.status).toBe(403);
    expect(viaHeader.headers.get('x-ratelimit-limit')).toBe('3');
    expect((await fetch(`${api.url}/api/v1/admin/audit`, { headers: bearer(key.key) })).status).toBe(403);
    // Its own limit: 3 per minute, the fourth request is 429 with Retry-After.
    expect((await fetch(`${api.url}/api/v1/admin/users`, { headers: bearer(key.key) })).status).toBe(403);
    const fourth = await fetch(`${api.url}/api/v1/admin/users`, { headers: bearer(key.key) });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);

    const ungrantable = await req('POST', '/api/v1/admin/api-keys', admin.accessToken, {
      name: 'x',
      scopes: ['users:manage'],
    });
    expect(ungrantable.status).toBe(422);

    expect((await req('DELETE', `/api/v1/admin/api-keys/${key.id}`, admin.accessToken)).status).toBe(204);
    const afterRevoke = await fetch(`${api.url}/api/v1/admin/users`, { headers: bearer(key.key) });
    expect(afterRevoke.status).toBe(401);
  });

  it('a revoked or expired key answers 401', async () => {
    const created = await (
      await req('POST', '/api/v1/admin/api-keys', admin.accessToken, { name: 'short-lived', scopes: ['content:read'] })
    ).json();
    await api.infra.database.db.execute(
      sql`UPDATE api_keys SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ${created.id}`,
    );
    // A fresh app instance has no key cache: the expiry is read from the database.
    const fresh = await startTestApi();
    try {
      expect((await fetch(`${fresh.url}/api/v1/admin/users`, { headers: bearer(created.key) })).status).toBe(401);
      expect((await fetch(`${fresh.url}/api/v1/admin/users`, { headers: bearer('ovk_not-a-real-key') })).status).toBe(
        401,
      );
    } finally {
      await fresh.close();
    }
  });
});

describe('CSRF for cookie sessions', () => {
  const body = JSON.stringify({ name: 'CSRF test', scopes: ['content:read'] });
  const send = (headers: Record<string, string>) =>
    fetch(`${api.url}/api/v1/admin/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookies, ...headers },
      body,
    });

  it('a cookie-authenticated write without the token, or from another origin, is 403', async () => {
    const missing = await send({ origin: 'http://127.0.0.1:3000' });
    expect(missing.status).toBe(403);
    expect((await missing.json()).code).toBe('CSRF_FAILED');
    const foreign = await send({ origin: 'https://evil.example', 'x-csrf-token': admin.csrfToken });
    expect(foreign.status).toBe(403);
    const noOrigin = await send({ 'x-csrf-token': admin.csrfToken });
    expect(noOrigin.status).toBe(403);
  });

  it('with a trusted origin and the matching token it passes; Bearer needs neither', async () => {
    expect((await send({ origin: 'http://127.0.0.1:3000', 'x-csrf-token': admin.csrfToken })).status).toBe(201);
    expect(
      (await req('POST', '/api/v1/admin/api-keys', admin.accessToken, { name: 'bearer', scopes: ['content:read'] }))
        .status,
    ).toBe(201);
  });
});

describe('audit log', () => {
  it('records admin mutations newest first with actor, target, ip and a diff; pages by cursor; admin only', async () => {
    const target = await createUser(api, 'viewer');
    await req('PATCH', `/api/v1/admin/users/${target.id}`, admin.accessToken, { role: 'author', name: 'Renamed' });
    const page = await (await req('GET', '/api/v1/admin/audit?limit=5', admin.accessToken)).json();
    const entry = page.items.find(
      (e: { action: string; targetId: string }) => e.action === 'user.update' && e.targetId === target.id,
    );
    expect(entry).toMatchObject({
      targetType: 'user',
      ip: expect.any(String),
      diff: { role: ['viewer', 'author'], name: ['Test viewer', 'Renamed'] },
    });
    expect(entry.actorUserId).toBeTruthy();
    const ids = page.items.map((e: { id: string }) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const next = await (
      await req('GET', `/api/v1/admin/audit?limit=5&cursor=${page.nextCursor}`, admin.accessToken)
    ).json();
    expect(Number(next.items[0].id)).toBeLessThan(ids[ids.length - 1]);

    const editor = await login(api, await createUser(api, 'editor'));
    expect((await req('GET', '/api/v1/admin/audit', editor.accessToken)).status).toBe(403);
  });
});
