import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, doc, publishedPost } from '../content-helpers.js';
import { bearer, createUser, login, post } from '../factories.js';
import { startTestApi, type TestApi } from '../harness.js';

/**
 * One test per real advisory of our peers, proving the same class of hole is closed here. (Rate
 * limiting by body fields, CVE-2025-64526, is in limits.test.ts; refresh tokens after a reset,
 * CVE-2026-22706, in password-totp.test.ts; webhook SSRF in webhooks.test.ts.)
 */
let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = (await login(api, await createUser(api, 'admin'))).accessToken;
});
afterAll(() => api.close());

describe('Strapi CVE-2023-22894: filtering on private fields leaks them', () => {
  it('query parameters cannot reach users or password hashes', async () => {
    await publishedPost(api, admin, { title: 'Filter target' });
    for (const qs of [
      'filters[author][password][$startsWith]=$argon2', 'author[passwordHash]=x', 'populate=author&fields=passwordHash',
      'sort=author.password_hash', 'tag=x%27%20OR%20(SELECT%20password_hash%20FROM%20users%20LIMIT%201)%20LIKE%20%27%24%25',
    ]) {
      const res = await call(api, 'GET', `/api/v1/posts?${qs}`);
      expect([200, 422]).toContain(res.status);
      expect(await res.text()).not.toMatch(/argon2|password/i);
    }
  });
});

describe('Strapi CVE-2019-18818: password reset takes over an account', () => {
  it('a reset needs the mailed single-use token; made-up or reused tokens are refused, and no field picks the user', async () => {
    const victim = await createUser(api, 'admin');
    for (const body of [
      { token: 'ovp_guess', newPassword: 'attacker owns this now 1' },
      { token: 'ovp_guess', newPassword: 'attacker owns this now 1', email: victim.email },
      { code: 'x', password: 'attacker owns this now 1', passwordConfirmation: 'attacker owns this now 1' },
    ]) {
      const res = await post(api, '/api/v1/auth/password/reset', body);
      expect([401, 422]).toContain(res.status);
    }
    expect((await post(api, '/api/v1/auth/login', { email: victim.email, password: victim.password })).status).toBe(200);
  });
});

describe('Directus CVE-2025-55746: unauthenticated file upload or overwrite', () => {
  it('uploads need media:write; object keys are content hashes, so nobody picks or overwrites a key', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }), '../../etc/passwd');
    expect((await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', body: form })).status).toBe(401);
    const viewer = (await login(api, await createUser(api, 'viewer'))).accessToken;
    expect((await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', headers: bearer(viewer), body: form })).status).toBe(403);
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    const good = new FormData();
    good.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), '../../evil/../name.png');
    const res = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', headers: bearer(admin), body: good });
    expect([200, 201]).toContain(res.status);
    const media = await res.json();
    expect(media.url).toMatch(/\/media\/[0-9a-f]{64}\/[a-z0-9-]+\.png$/);
    expect(media.url).not.toContain('..');
  });
});

describe('Ghost CVE-2023-40028 and CVE-2026-22595: files and markup that execute', () => {
  it('SVG (script-capable) uploads are refused whatever they are called', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>';
    const form = new FormData();
    form.append('file', new Blob([svg], { type: 'image/png' }), 'innocent.png');
    const res = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', headers: bearer(admin), body: form });
    expect([415, 422]).toContain(res.status);
  });

  it('stored content cannot carry script into pages: raw HTML nodes are refused, text is escaped', async () => {
    const raw = await call(api, 'POST', '/api/v1/admin/posts', admin, { title: 'x', content: { root: { type: 'root', children: [{ type: 'html', html: '<script>alert(1)</script>' }] } } });
    expect(raw.status).toBe(422);
    const ok = await call(api, 'POST', '/api/v1/admin/posts', admin, { title: '<img src=x onerror=alert(1)>', content: doc('<script>alert(1)</script>') });
    expect((await ok.json()).html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});

describe('OWASP API1/API5: object and function level authorization', () => {
  it('an API key for reading content cannot write, and a viewer cannot reach admin functions', async () => {
    const key = (await (await call(api, 'POST', '/api/v1/admin/api-keys', admin, { name: 'reader', scopes: ['content:read'] })).json()).key;
    expect((await call(api, 'POST', '/api/v1/admin/posts', key, { title: 'x', content: doc('x') })).status).toBe(403);
    expect((await call(api, 'GET', '/api/v1/admin/users', key)).status).toBe(403);
    const viewer = (await login(api, await createUser(api, 'viewer'))).accessToken;
    expect((await call(api, 'POST', '/api/v1/admin/api-keys', viewer, { name: 'x', scopes: ['content:read'] })).status).toBe(403);
  });
});
