import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { buildJobRegistry } from '../src/composition/worker.js';
import { createLogger } from '../src/logger.js';
import { REPO_ROOT, testEnv } from './env.js';
import { bearer, createUser, login, post } from './factories.js';
import { eventually, startTestApi, type TestApi } from './harness.js';

let api: TestApi;
let worker: Infrastructure;
beforeAll(async () => {
  api = await startTestApi();
  // An in-process worker consuming the e-mail queue, so reset mails really go through SMTP.
  worker = createInfrastructure(testEnv(), createLogger('silent', 'worker-test'), 'worker');
  for (const job of buildJobRegistry(worker)) worker.queues.process(job.spec, 1, job.handle);
});
afterAll(async () => {
  await worker.close();
  await api.close();
});

async function mailTo(address: string): Promise<string> {
  const dir = join(REPO_ROOT, api.infra.env.DATA_DIR, 'mail');
  return eventually(async () => {
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.eml'))) {
      const raw = await readFile(join(dir, name), 'utf8');
      if (raw.includes(`To: ${address}`)) return raw;
    }
    return undefined;
  }, 20_000);
}

describe('password reset by e-mail', () => {
  it('same answer for known and unknown addresses; the link works once and ends every session', async () => {
    const user = await createUser(api, 'editor');
    const session = await login(api, user);
    const unknown = await post(api, '/api/v1/auth/password/reset-request', {
      email: `ghost-${Date.now()}@test.omervision.local`,
    });
    const known = await post(api, '/api/v1/auth/password/reset-request', { email: user.email });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(await unknown.json()).toEqual(await known.json());

    const mail = await mailTo(user.email);
    const decoded = mail
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const token = decodeURIComponent(/reset-password\?token=([^\s&"]+)/.exec(decoded)![1]!);
    expect(token).toMatch(/^ovp_/);

    const weak = await post(api, '/api/v1/auth/password/reset', { token, newPassword: 'qwerty123456' });
    expect(weak.status).toBe(422);
    const ok = await post(api, '/api/v1/auth/password/reset', { token, newPassword: 'a fresh start at dawn 99' });
    expect(ok.status).toBe(204);
    // CVE-2026-22706 class: old refresh and access tokens die with the reset.
    expect((await post(api, '/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    expect((await fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(session.accessToken) })).status).toBe(401);
    expect(
      (await post(api, '/api/v1/auth/password/reset', { token, newPassword: 'another fresh start 77' })).status,
    ).toBe(401);
    await login(api, { email: user.email, password: 'a fresh start at dawn 99' });
  });
});

describe('TOTP second factor', () => {
  it('enrol → activate → login needs a code; a code works once; recovery codes work once', async () => {
    const user = await createUser(api, 'admin');
    const s = await login(api, user);
    const enrol = await post(api, '/api/v1/auth/totp/enroll', {}, bearer(s.accessToken));
    expect(enrol.status).toBe(200);
    const { secret, otpauthUri } = await enrol.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });

    expect((await post(api, '/api/v1/auth/totp/activate', { code: '000000' }, bearer(s.accessToken))).status).toBe(422);
    const activated = await post(api, '/api/v1/auth/totp/activate', { code: totp.generate() }, bearer(s.accessToken));
    expect(activated.status).toBe(200);
    const { recoveryCodes } = await activated.json();
    expect(recoveryCodes).toHaveLength(10);

    const noCode = await post(api, '/api/v1/auth/login', { email: user.email, password: user.password });
    expect(noCode.status).toBe(401);
    expect((await noCode.json()).code).toBe('TOTP_REQUIRED');

    // The activation code is spent; the next window's code is accepted once.
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    expect(
      (await post(api, '/api/v1/auth/login', { email: user.email, password: user.password, totpCode: next })).status,
    ).toBe(200);
    expect(
      (await post(api, '/api/v1/auth/login', { email: user.email, password: user.password, totpCode: next })).status,
    ).toBe(401);

    const recovery = recoveryCodes[0];
    expect(
      (await post(api, '/api/v1/auth/login', { email: user.email, password: user.password, totpCode: recovery }))
        .status,
    ).toBe(200);
    expect(
      (await post(api, '/api/v1/auth/login', { email: user.email, password: user.password, totpCode: recovery }))
        .status,
    ).toBe(401);

    const me = await (await fetch(`${api.url}/api/v1/auth/me`, { headers: bearer(s.accessToken) })).json();
    expect(me.totpEnabled).toBe(true);
    const [[row]] = (await api.infra.database.pool.query('SELECT totp_secret FROM users WHERE id = ?', [
      user.id,
    ])) as unknown as [{ totp_secret: string }[]];
    expect(row!.totp_secret).toMatch(/^v1\./);
    expect(row!.totp_secret).not.toContain(secret);
  });
});
