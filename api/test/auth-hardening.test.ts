import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { Jobs, type PasswordResetJobData } from '../src/jobs/job-spec.js';
import { buildJobRegistry } from '../src/composition/worker.js';
import { createLogger } from '../src/logger.js';
import { REPO_ROOT, testEnv, testRedisPrefix } from './env.js';
import { bearer, createUser, login, post, type TestUser } from './factories.js';
import { eventually, startTestApi, type TestApi } from './harness.js';

// Client addresses: the test talks from 127.0.0.1, a trusted proxy (TRUST_PROXY=loopback), so the
// app takes the client's address from X-Forwarded-For, as behind the production front door.
const from = (address: string) => ({ 'x-forwarded-for': address });
const wrong = (email: string) => ({ email, password: 'definitely-not-it-123' });
const FOREIGN = 'https://attacker.example';

let api: TestApi;
let trusted: string;
beforeAll(async () => {
  api = await startTestApi();
  trusted = new URL(api.infra.env.SITE_URL).origin;
});
afterAll(() => api.close());

const signIn = (user: { email: string; password: string }, headers: Record<string, string> = {}) =>
  post(api, '/api/v1/auth/login', { email: user.email, password: user.password }, headers);

describe('failed-login limits', () => {
  it('30 failed logins for one account from 30 addresses of one IPv6 /64 → 429', async () => {
    const user = await createUser(api, 'editor');
    const statuses: number[] = [];
    for (let i = 1; i <= 30; i++)
      statuses.push(
        (await post(api, '/api/v1/auth/login', wrong(user.email), from(`2001:db8:a:b::${i.toString(16)}`))).status,
      );
    // One /64 is one client: its five failures lock it out of this account, whichever address it picks.
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(statuses.slice(5)).toEqual(Array(25).fill(429));
    // The next /64 is someone else, and the owner elsewhere still signs in (refusals are not counted).
    expect((await post(api, '/api/v1/auth/login', wrong(user.email), from('2001:db8:a:c::1'))).status).toBe(401);
    expect((await signIn(user, from('198.51.100.30'))).status).toBe(200);
  });

  it("failed logins from many unrelated addresses for one account → account limit 429, lifted for the owner's known address", async () => {
    const user = await createUser(api, 'viewer');
    // The owner signed in from home earlier.
    expect((await signIn(user, from('192.0.2.200'))).status).toBe(200);
    // 20 addresses, one failure each: no per-address limit is ever reached.
    for (let i = 1; i <= 20; i++)
      expect((await post(api, '/api/v1/auth/login', wrong(user.email), from(`203.0.113.${i}`))).status).toBe(401);

    const limited = await post(api, '/api/v1/auth/login', wrong(user.email), from('198.51.100.21'));
    expect(limited.status).toBe(429);
    expect((await limited.json()).code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The right password from a new address is refused too: no oracle while limited.
    expect((await signIn(user, from('198.51.100.22'))).status).toBe(429);
    // Refused attempts do not push the end of the window back.
    for (let i = 0; i < 5; i++) await post(api, '/api/v1/auth/login', wrong(user.email), from(`198.51.100.${40 + i}`));
    const later = await post(api, '/api/v1/auth/login', wrong(user.email), from('198.51.100.50'));
    expect(Number(later.headers.get('retry-after'))).toBeLessThanOrEqual(retryAfter);
    // The owner's known address is not locked out by the attack.
    expect((await signIn(user, from('192.0.2.200'))).status).toBe(200);
    // Unrelated accounts are untouched.
    expect((await signIn(await createUser(api, 'viewer'), from('198.51.100.21'))).status).toBe(200);
  });
});

describe('Origin on login, refresh and logout', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createUser(api, 'editor');
  });

  it('login with a foreign Origin (or Referer) → 403 and no cookies', async () => {
    const res = await signIn(user, { origin: FOREIGN });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('CSRF_FAILED');
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await signIn(user, { referer: `${FOREIGN}/page` })).status).toBe(403);
    expect((await signIn(user, { origin: 'null' })).status).toBe(403);
    expect((await signIn(user, { origin: trusted })).status).toBe(200);
  });

  it('refresh with a foreign Origin → 403; a refresh cookie without Origin → 403; body-token clients keep working', async () => {
    const session = await login(api, user);
    expect(
      (await post(api, '/api/v1/auth/refresh', { refreshToken: session.refreshToken }, { origin: FOREIGN })).status,
    ).toBe(403);
    const cookie = `ov_refresh=${session.refreshToken}`;
    expect((await post(api, '/api/v1/auth/refresh', {}, { cookie, origin: FOREIGN })).status).toBe(403);
    expect((await post(api, '/api/v1/auth/refresh', {}, { cookie })).status).toBe(403);
    // Nothing was spent by the refused attempts.
    const ok = await post(api, '/api/v1/auth/refresh', {}, { cookie, origin: trusted });
    expect(ok.status).toBe(200);
    const next = (await ok.json()) as { accessToken: string };
    const cookieless = await login(api, user);
    expect((await post(api, '/api/v1/auth/refresh', { refreshToken: cookieless.refreshToken })).status).toBe(200);
    expect(next.accessToken).toBeTruthy();
  });

  it('logout with a foreign Origin → 403 and the session lives on; Bearer clients without Origin still sign out', async () => {
    const session = await login(api, user);
    const me = () => fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(session.accessToken) });
    expect(
      (await post(api, '/api/v1/auth/logout', {}, { ...bearer(session.accessToken), origin: FOREIGN })).status,
    ).toBe(403);
    const viaCookie = { cookie: session.cookies, 'x-csrf-token': session.csrfToken };
    expect((await post(api, '/api/v1/auth/logout', {}, { ...viaCookie, origin: FOREIGN })).status).toBe(403);
    expect((await me()).status).toBe(200);
    expect((await post(api, '/api/v1/auth/logout', {}, { ...viaCookie, origin: trusted })).status).toBe(204);
    expect((await me()).status).toBe(401);
    const bearerOnly = await login(api, user);
    expect((await post(api, '/api/v1/auth/logout', {}, bearer(bearerOnly.accessToken))).status).toBe(204);
  });
});

describe('cookies carry __Host- / Secure (COOKIE_SECURE, the production default)', () => {
  let secureApi: TestApi;
  beforeAll(async () => {
    secureApi = await startTestApi({ COOKIE_SECURE: 'true' });
  });
  afterAll(() => secureApi.close());

  it('__Host-ov_csrf on /, __Secure- on the narrow paths, all Secure, never a Domain; only the prefixed names count', async () => {
    const user = await createUser(secureApi, 'editor');
    const res = await post(secureApi, '/api/v1/auth/login', { email: user.email, password: user.password });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accessToken: string; csrfToken: string };
    const cookies = res.headers.getSetCookie();
    const named = (name: string) => cookies.find((c) => c.startsWith(`${name}=`))!;
    expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual([
      '__Host-ov_csrf',
      '__Secure-ov_access',
      '__Secure-ov_refresh',
    ]);
    expect(named('__Host-ov_csrf')).toMatch(/; Path=\/;/);
    expect(named('__Host-ov_csrf')).not.toMatch(/HttpOnly/);
    expect(named('__Host-ov_csrf')).toContain(`__Host-ov_csrf=${body.csrfToken};`);
    expect(named('__Secure-ov_access')).toMatch(/; Path=\/api;.*HttpOnly/);
    expect(named('__Secure-ov_refresh')).toMatch(/; Path=\/api\/v1\/auth;.*HttpOnly/);
    for (const c of cookies) {
      expect(c).toMatch(/; Secure$/);
      expect(c).not.toMatch(/Domain=/i);
    }

    const jar = cookies.map((c) => c.split(';')[0]).join('; ');
    const me = (cookie: string) => fetch(`${secureApi.url}/api/v1/auth/me`, { headers: { cookie } });
    expect((await me(jar)).status).toBe(200);
    // A cookie planted under the bare name (e.g. by a sibling subdomain) is not a session.
    expect((await me(`ov_access=${body.accessToken}`)).status).toBe(401);
    const refreshToken = /__Secure-ov_refresh=([^;]+)/.exec(jar)![1]!;
    const refreshed = await post(
      secureApi,
      '/api/v1/auth/refresh',
      {},
      { cookie: `__Secure-ov_refresh=${refreshToken}`, origin: trusted },
    );
    expect(refreshed.status).toBe(200);
    expect(
      (await post(secureApi, '/api/v1/auth/refresh', {}, { cookie: `ov_refresh=${refreshToken}`, origin: trusted }))
        .status,
    ).toBe(401);

    const out = await post(
      secureApi,
      '/api/v1/auth/logout',
      {},
      { cookie: jar, 'x-csrf-token': body.csrfToken, origin: trusted },
    );
    expect(out.status).toBe(204);
    expect(
      out.headers
        .getSetCookie()
        .every((c) => /^__(Host|Secure)-ov_\w+=; /.test(c) && /Max-Age=0/.test(c) && /; Secure$/.test(c)),
    ).toBe(true);
  });
});

describe('password reset request', () => {
  // Own Redis prefix, so only this file's worker takes these jobs.
  const prefix = `${testRedisPrefix()}reset${Date.now()}:`;
  let resetApi: TestApi;
  let worker: Infrastructure;
  const handled: { data: PasswordResetJobData; result: { sent: boolean } }[] = [];
  beforeAll(async () => {
    resetApi = await startTestApi({ REDIS_KEY_PREFIX: prefix });
    worker = createInfrastructure(
      testEnv({ REDIS_KEY_PREFIX: prefix }),
      createLogger('silent', 'worker-test'),
      'worker',
    );
    for (const job of buildJobRegistry(worker)) {
      if (job.spec.name === Jobs.email.name) worker.queues.process(job.spec, 1, job.handle);
      if (job.spec.name === Jobs.passwordReset.name) {
        const handle = job.handle as unknown as (
          d: PasswordResetJobData,
          j: { id: string; attempt: number },
        ) => Promise<{ sent: boolean }>;
        worker.queues.process(Jobs.passwordReset, 1, async (data, j) => {
          const result = await handle(data, j);
          handled.push({ data, result });
          return result;
        });
      }
    }
  });
  afterAll(async () => {
    await worker.close();
    await resetApi.close();
  });

  it('an unknown and a known account answer alike; the handler only enqueues, the job mails the known one only', async () => {
    const user = await createUser(resetApi, 'editor');
    const ghost = `ghost-${Date.now()}@test.omervision.local`;
    const unknown = await post(resetApi, '/api/v1/auth/password/reset-request', { email: ghost });
    const known = await post(resetApi, '/api/v1/auth/password/reset-request', { email: user.email.toUpperCase() });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.headers.get('content-length')).toBe(known.headers.get('content-length'));
    expect(await unknown.text()).toBe(await known.text());

    // Both requests became the same kind of job; only the job found out which account exists.
    const jobs = await eventually(async () => handled.length >= 2 && handled);
    expect(jobs.map((j) => j.data.email).sort()).toEqual([ghost, user.email].sort());
    expect(jobs.map((j) => Object.keys(j.data).sort())).toEqual([
      Object.keys(jobs[0]!.data).sort(),
      Object.keys(jobs[0]!.data).sort(),
    ]);
    expect(jobs.find((j) => j.data.email === ghost)!.result).toEqual({ sent: false });
    expect(jobs.find((j) => j.data.email === user.email)!.result).toEqual({ sent: true });

    const dir = join(REPO_ROOT, resetApi.infra.env.DATA_DIR, 'mail');
    const mails = async () =>
      Promise.all((await readdir(dir)).filter((n) => n.endsWith('.eml')).map((n) => readFile(join(dir, n), 'utf8')));
    await eventually(async () => (await mails()).some((raw) => raw.includes(`To: ${user.email}`)), 20_000);
    expect((await mails()).some((raw) => raw.includes(ghost))).toBe(false);
    const [rows] = (await resetApi.infra.database.pool.query('SELECT COUNT(*) AS n FROM email_log WHERE `to` = ?', [
      ghost,
    ])) as unknown as [{ n: number }[]];
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
