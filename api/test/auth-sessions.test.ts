import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey, TokenService } from '../src/services/auth/token.service.js';
import { bearer, createUser, login, post } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const me = (headers: Record<string, string>) => fetch(`${api.url}/api/v1/auth/me`, { headers });

describe('login', () => {
  it('sets HttpOnly session cookies with narrow paths and returns the access token, never a hash', async () => {
    const user = await createUser(api, 'editor');
    const res = await post(api, '/api/v1/auth/login', { email: user.email.toUpperCase(), password: user.password });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/argon2|passwordHash|password_hash/);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { email: user.email, role: 'editor' } });
    const cookies = res.headers.getSetCookie();
    const access = cookies.find((c) => c.startsWith('ov_access='))!;
    const refresh = cookies.find((c) => c.startsWith('ov_refresh='))!;
    const csrf = cookies.find((c) => c.startsWith('ov_csrf='))!;
    expect(access).toMatch(/HttpOnly/);
    expect(access).toMatch(/SameSite=Lax/);
    expect(access).toMatch(/Path=\/api;/);
    expect(refresh).toMatch(/HttpOnly/);
    expect(refresh).toMatch(/Path=\/api\/v1\/auth;/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toContain(`ov_csrf=${body.csrfToken}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Plain http here, so no Secure flag; behind https (trusted proxy) it is set.
    expect(access).not.toMatch(/Secure/);
    const secure = await post(
      api,
      '/api/v1/auth/login',
      { email: user.email, password: user.password },
      { 'x-forwarded-proto': 'https' },
    );
    expect(secure.headers.getSetCookie().every((c) => /; Secure/.test(c))).toBe(true);
  });

  it('the access token works as Bearer and as a cookie', async () => {
    const user = await createUser(api, 'viewer');
    const session = await login(api, user);
    expect((await me(bearer(session.accessToken))).status).toBe(200);
    const viaCookie = await me({ cookie: session.cookies });
    expect(viaCookie.status).toBe(200);
    expect(await viaCookie.json()).toMatchObject({ email: user.email, role: 'viewer', totpEnabled: false });
  });

  it('wrong password and unknown account answer the same 401', async () => {
    const user = await createUser(api, 'viewer');
    const wrong = await post(api, '/api/v1/auth/login', { email: user.email, password: 'not-the-password-at-all' });
    const unknown = await post(api, '/api/v1/auth/login', {
      email: `nobody-${Date.now()}@x.test`,
      password: 'not-the-password-at-all',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a.code).toBe('INVALID_CREDENTIALS');
    expect({ ...a, requestId: 0 }).toEqual({ ...b, requestId: 0 });
  });

  it('rejects extra body fields with 422 naming them', async () => {
    const res = await post(api, '/api/v1/auth/login', { email: 'a@b.test', password: 'x', role: 'admin' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const body = await res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(body.errors)).toMatch(/role/);
  });
});

describe('access tokens', () => {
  it('tampered, expired, wrong-audience, alg:none and foreign-key tokens answer 401', async () => {
    const user = await createUser(api, 'admin');
    const { accessToken } = await login(api, user);
    const [h, p, s] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', sub: 'someone-else' })).toString('base64url')}.${s}`;
    const secret = api.infra.env.JWT_SECRET;
    const issuer = api.infra.env.PUBLIC_API_URL;
    const expired = (
      await new TokenService(secret, issuer, () => Date.now() - 3_600_000).signAccess(
        { id: user.id, role: 'admin' },
        claims.sid,
      )
    ).token;
    const key = deriveKey(secret, 'access-jwt');
    const wrongAudience = await new SignJWT({ role: 'admin', sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience('someone-else')
      .setSubject(user.id)
      .setJti('j1')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
    const none = new UnsecuredJWT({ role: 'admin', sid: claims.sid })
      .setIssuer(issuer)
      .setAudience('omervision-api')
      .setSubject(user.id)
      .setJti('j2')
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    const foreign = (
      await new TokenService('a-different-secret-0123456789-abcdef', issuer).signAccess(
        { id: user.id, role: 'admin' },
        claims.sid,
      )
    ).token;
    for (const token of [tampered, expired, wrongAudience, none, foreign, 'garbage']) {
      const res = await me(bearer(token));
      expect(res.status, token.slice(0, 30)).toBe(401);
      expect((await res.json()).code).toBe('INVALID_TOKEN');
    }
    expect((await fetch(`${api.url}/api/v1/auth/me`)).status).toBe(401);
  });
});

describe('refresh rotation', () => {
  // A browser sends its Origin; a refresh cookie without one is refused (auth-hardening.test.ts).
  const refresh = (cookieHeader: string) =>
    fetch(`${api.url}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { cookie: cookieHeader, origin: new URL(api.infra.env.SITE_URL).origin },
    });

  it('rotates; a reused token fails and revokes the whole family, including the newer tokens', async () => {
    const user = await createUser(api, 'editor');
    const first = await login(api, user);
    const r1 = await refresh(`ov_refresh=${first.refreshToken}`);
    expect(r1.status).toBe(200);
    const second = (await r1.json()) as { accessToken: string };
    const newRefresh = r1.headers
      .getSetCookie()
      .find((c) => c.startsWith('ov_refresh='))!
      .split(';')[0]!
      .split('=')[1]!;
    expect(newRefresh).not.toBe(first.refreshToken);
    expect((await me(bearer(second.accessToken))).status).toBe(200);

    const reuse = await refresh(`ov_refresh=${first.refreshToken}`);
    expect(reuse.status).toBe(401);
    expect((await reuse.json()).code).toBe('REFRESH_TOKEN_REUSED');

    expect((await refresh(`ov_refresh=${newRefresh}`)).status).toBe(401);
    expect((await me(bearer(second.accessToken))).status).toBe(401);
    expect((await me(bearer(first.accessToken))).status).toBe(401);
  });

  it('accepts the refresh token in the body for cookieless clients and returns the next one there', async () => {
    const user = await createUser(api, 'viewer');
    const first = await login(api, user);
    const res = await post(api, '/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.refreshToken).toMatch(/^ovr_/);
    expect(body.refreshToken).not.toBe(first.refreshToken);
  });
});

describe('logout and sessions', () => {
  it('after logout the old access token answers 401 and the refresh token is dead', async () => {
    const user = await createUser(api, 'author');
    const session = await login(api, user);
    const out = await post(api, '/api/v1/auth/logout', {}, bearer(session.accessToken));
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().some((c) => c.startsWith('ov_access=;') && /Max-Age=0/.test(c))).toBe(true);
    expect((await me(bearer(session.accessToken))).status).toBe(401);
    expect((await post(api, '/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('lists own sessions and revokes one; another user cannot see or revoke it', async () => {
    const user = await createUser(api, 'viewer');
    const a = await login(api, user);
    const b = await login(api, user);
    const list = await (await fetch(`${api.url}/api/v1/auth/sessions`, { headers: bearer(a.accessToken) })).json();
    expect(list).toHaveLength(2);
    expect(list.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = list.find((s: { current: boolean }) => !s.current);

    const stranger = await login(api, await createUser(api, 'admin'));
    const denied = await fetch(`${api.url}/api/v1/auth/sessions/${other.id}`, {
      method: 'DELETE',
      headers: bearer(stranger.accessToken),
    });
    expect(denied.status).toBe(404);

    const revoked = await fetch(`${api.url}/api/v1/auth/sessions/${other.id}`, {
      method: 'DELETE',
      headers: bearer(a.accessToken),
    });
    expect(revoked.status).toBe(204);
    expect((await me(bearer(b.accessToken))).status).toBe(401);
    expect((await me(bearer(a.accessToken))).status).toBe(200);
  });

  it('a password change ends every other session and keeps this one', async () => {
    const user = await createUser(api, 'editor');
    const a = await login(api, user);
    const b = await login(api, user);
    const weak = await post(
      api,
      '/api/v1/auth/password',
      { currentPassword: user.password, newPassword: 'password1234' },
      bearer(a.accessToken),
    );
    expect(weak.status).toBe(422);
    expect((await weak.json()).errors[0].field).toBe('body.newPassword');
    const res = await post(
      api,
      '/api/v1/auth/password',
      { currentPassword: user.password, newPassword: 'a brand new passphrase 7' },
      bearer(a.accessToken),
    );
    expect(res.status).toBe(204);
    expect((await me(bearer(a.accessToken))).status).toBe(200);
    expect((await me(bearer(b.accessToken))).status).toBe(401);
    expect((await post(api, '/api/v1/auth/refresh', { refreshToken: b.refreshToken })).status).toBe(401);
    await login(api, { email: user.email, password: 'a brand new passphrase 7' });
  });

  it('mass assignment: role in a profile update is refused and nothing changes', async () => {
    const user = await createUser(api, 'author');
    const s = await login(api, user);
    const res = await fetch(`${api.url}/api/v1/auth/me`, {
      method: 'PATCH',
      headers: { ...bearer(s.accessToken), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'New', role: 'admin' }),
    });
    expect(res.status).toBe(422);
    expect(await (await me(bearer(s.accessToken))).json()).toMatchObject({ role: 'author', name: 'Test author' });
    const ok = await fetch(`${api.url}/api/v1/auth/me`, {
      method: 'PATCH',
      headers: { ...bearer(s.accessToken), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ayşe Yılmaz' }),
    });
    expect(await ok.json()).toMatchObject({ name: 'Ayşe Yılmaz', role: 'author' });
  });
});
