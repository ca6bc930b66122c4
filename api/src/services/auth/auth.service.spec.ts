import { Secret, TOTP } from 'otpauth';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../errors/app-error.js';
import type { AuditRepository } from '../../repositories/audit.repository.js';
import type { DenylistRepository } from '../../repositories/denylist.repository.js';
import type { PasswordResetRepository } from '../../repositories/password-reset.repository.js';
import type { SessionRepository } from '../../repositories/session.repository.js';
import type { UserRepository } from '../../repositories/user.repository.js';
import { FakeAuditRepository } from '../../../test/fakes/fake-audit.repository.js';
import { FakeBucket } from '../../../test/fakes/fake-bucket.js';
import { FakeDenylistRepository } from '../../../test/fakes/fake-denylist.repository.js';
import { FakeHasher } from '../../../test/fakes/fake-hasher.js';
import { FakePasswordResetRepository } from '../../../test/fakes/fake-password-reset.repository.js';
import { FakeSessionRepository } from '../../../test/fakes/fake-session.repository.js';
import { FakeUserRepository } from '../../../test/fakes/fake-user.repository.js';
import { inject } from '../../../test/fakes/port.js';
import { AuditService } from '../audit.service.js';
import { AuthService, type LoginLimits } from './auth.service.js';
import { PasswordService } from './password.service.js';
import type { Principal } from './principal.js';
import { RevocationService } from './revocation.service.js';
import { SecretBox } from './secret-box.js';
import { sha256, TokenService } from './token.service.js';
import { TotpService } from './totp.service.js';

const USER = '00000000-0000-7000-8000-0000000000a1';
const EMAIL = 'ada@example.test';
const PASSWORD = 'correct horse battery staple';
const client = { ip: '203.0.113.7', userAgent: 'spec' };
const T0 = Date.parse('2025-03-01T12:00:00Z');

let now: number;
let users: FakeUserRepository;
let sessions: FakeSessionRepository;
let denylist: FakeDenylistRepository;
let auditRows: FakeAuditRepository;
let resets: FakePasswordResetRepository;
let hasher: FakeHasher;
let limits: LoginLimits;
let revocation: RevocationService;
let box: SecretBox;
let auth: AuthService;
let passwords: PasswordService;

beforeEach(async () => {
  now = T0;
  users = new FakeUserRepository();
  sessions = new FakeSessionRepository();
  denylist = new FakeDenylistRepository();
  auditRows = new FakeAuditRepository();
  resets = new FakePasswordResetRepository();
  hasher = new FakeHasher();
  users.add({ id: USER, email: EMAIL, passwordHash: await hasher.hash(PASSWORD), role: 'admin' });
  limits = {
    attempts: new FakeBucket(5, 60),
    lockouts: new FakeBucket(10, 86_400),
    perIp: new FakeBucket(30, 60),
    perAccount: new FakeBucket(20, 900),
    knownAddresses: new FakeBucket(1, 30 * 86_400),
  };
  const audit = new AuditService(inject<AuditRepository>(auditRows));
  revocation = new RevocationService(
    inject<SessionRepository>(sessions),
    inject<DenylistRepository>(denylist),
    3_600_000,
  );
  box = new SecretBox('k'.repeat(40), 'totp');
  const userRepo = inject<UserRepository>(users);
  const totp = new TotpService(userRepo, box, hasher, audit, 'OmerVision', () => now);
  auth = new AuthService(
    userRepo,
    inject<SessionRepository>(sessions),
    hasher,
    new TokenService('j'.repeat(40), 'spec'),
    revocation,
    limits,
    totp,
    audit,
  );
  passwords = new PasswordService(
    userRepo,
    revocation,
    inject<PasswordResetRepository>(resets),
    hasher,
    { enqueueReset: async () => undefined },
    new FakeBucket(3, 3600),
    audit,
  );
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!err) throw new Error('expected a rejection');
  return err as AppError;
}

function enableTotp(): string {
  const base32 = new Secret({ size: 20 }).base32;
  users.rows.get(USER)!.totpSecret = box.seal(base32);
  users.rows.get(USER)!.totpEnabledAt = new Date(T0 - 86_400_000);
  users.rows.get(USER)!.recoveryCodes = [sha256('abcde-12345')];
  return base32;
}

const codeFor = (base32: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(base32), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });

describe('AuthService.login', () => {
  it('a wrong password is 401 INVALID_CREDENTIALS: no session, no last-login, the attempt counted', async () => {
    const err = await rejection(auth.login({ email: EMAIL, password: 'wrong password here' }, client));
    expect(err.code).toBe('INVALID_CREDENTIALS');
    expect(sessions.rows.size).toBe(0);
    expect(users.rows.get(USER)!.lastLoginAt).toBeNull();
    expect((await limits.attempts.peek(`203.0.113.7|${EMAIL}`)).remaining).toBe(4);
  });

  it('an unknown account answers exactly like a wrong password, after the same single verify', async () => {
    const err = await rejection(auth.login({ email: 'nobody@example.test', password: PASSWORD }, client));
    expect(err.code).toBe('INVALID_CREDENTIALS');
    expect(err.message).toBe('E-mail or password is wrong.');
    expect(hasher.verified).toBe(1);
  });

  it('a disabled account with the right password is refused the same way', async () => {
    users.rows.get(USER)!.disabledAt = new Date();
    expect((await rejection(auth.login({ email: EMAIL, password: PASSWORD }, client))).code).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(sessions.rows.size).toBe(0);
  });

  it('the fifth failure locks the address + account for 60 s (audited); then even the right password is 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) await rejection(auth.login({ email: EMAIL, password: `wrong ${i}` }, client));
    expect(auditRows.rows.filter((r) => r.action === 'auth.lockout').map((r) => r.diff)).toEqual([
      { email: EMAIL, ip: client.ip, seconds: 60 },
    ]);
    const err = await rejection(auth.login({ email: EMAIL, password: PASSWORD }, client));
    expect(err.code).toBe('RATE_LIMITED');
    expect(Number(err.headers?.['Retry-After'])).toBeGreaterThan(0);
    expect(sessions.rows.size).toBe(0);
    // Another address is not locked out by this one.
    await auth.login({ email: EMAIL, password: PASSWORD }, { ...client, ip: '198.51.100.9' });
  });

  it('each further lockout the same day doubles: 60 s, then 120 s', async () => {
    const key = `203.0.113.7|${EMAIL}`;
    for (let i = 0; i < 5; i++) await rejection(auth.login({ email: EMAIL, password: `wrong ${i}` }, client));
    await limits.attempts.reset(key); // the first lockout ran out
    for (let i = 0; i < 5; i++) await rejection(auth.login({ email: EMAIL, password: `wrong ${i}` }, client));
    expect(
      auditRows.rows.filter((r) => r.action === 'auth.lockout').map((r) => (r.diff as { seconds: number }).seconds),
    ).toEqual([60, 120]);
  });

  it('one address trying many accounts hits the per-address limit before any password is verified', async () => {
    limits.perIp = new FakeBucket(2, 60);
    auth = new AuthService(
      inject<UserRepository>(users),
      inject<SessionRepository>(sessions),
      hasher,
      new TokenService('j'.repeat(40), 'spec'),
      revocation,
      limits,
      new TotpService(
        inject<UserRepository>(users),
        box,
        hasher,
        new AuditService(inject<AuditRepository>(auditRows)),
        'OmerVision',
        () => now,
      ),
      new AuditService(inject<AuditRepository>(auditRows)),
    );
    await rejection(auth.login({ email: 'a@example.test', password: 'x'.repeat(12) }, client));
    await rejection(auth.login({ email: 'b@example.test', password: 'x'.repeat(12) }, client));
    const verified = hasher.verified;
    expect((await rejection(auth.login({ email: EMAIL, password: PASSWORD }, client))).code).toBe('RATE_LIMITED');
    expect(hasher.verified).toBe(verified);
  });

  it('with TOTP on, the right password without a code is 401 TOTP_REQUIRED and no session; it is not a failed attempt', async () => {
    enableTotp();
    const err = await rejection(auth.login({ email: EMAIL, password: PASSWORD }, client));
    expect(err.code).toBe('TOTP_REQUIRED');
    expect(sessions.rows.size).toBe(0);
    expect((await limits.attempts.peek(`203.0.113.7|${EMAIL}`)).remaining).toBe(5);
  });

  it('a wrong TOTP code is a failed attempt; a right one signs in once and cannot be replayed', async () => {
    const base32 = enableTotp();
    const err = await rejection(
      auth.login(
        { email: EMAIL, password: PASSWORD, totpCode: '000000' === codeFor(base32, now) ? '111111' : '000000' },
        client,
      ),
    );
    expect(err.code).toBe('INVALID_CREDENTIALS');
    expect((await limits.attempts.peek(`203.0.113.7|${EMAIL}`)).remaining).toBe(4);
    const code = codeFor(base32, now);
    const ok = await auth.login({ email: EMAIL, password: PASSWORD, totpCode: code }, client);
    expect(ok.user.totpEnabled).toBe(true);
    expect((await rejection(auth.login({ email: EMAIL, password: PASSWORD, totpCode: code }, client))).code).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(sessions.rows.size).toBe(1);
  });

  it('a recovery code works once', async () => {
    enableTotp();
    await auth.login({ email: EMAIL, password: PASSWORD, totpCode: 'ABCDE-12345' }, client);
    expect(users.rows.get(USER)!.recoveryCodes).toEqual([]);
    expect(
      (await rejection(auth.login({ email: EMAIL, password: PASSWORD, totpCode: 'abcde-12345' }, client))).code,
    ).toBe('INVALID_CREDENTIALS');
  });

  it('a successful sign-in clears the failures, records the login and upgrades an old hash', async () => {
    users.rows.get(USER)!.passwordHash = `v1$${[...PASSWORD].reverse().join('')}`;
    await rejection(auth.login({ email: EMAIL, password: 'nope nope nope' }, client));
    const issued = await auth.login({ email: ` ${EMAIL.toUpperCase()} `, password: PASSWORD }, client);
    expect(issued.refreshToken).toMatch(/^ovr_/);
    expect((await limits.attempts.peek(`203.0.113.7|${EMAIL}`)).remaining).toBe(5);
    expect(users.rows.get(USER)!.passwordHash.startsWith('v2$')).toBe(true);
    expect(auditRows.rows.map((r) => r.action)).toEqual(['auth.login']);
  });
});

describe('AuthService.refresh', () => {
  it('an unknown token is 401 INVALID_TOKEN and revokes nothing', async () => {
    const issued = await auth.login({ email: EMAIL, password: PASSWORD }, client);
    expect((await rejection(auth.refresh('ovr_unknown', client))).code).toBe('INVALID_TOKEN');
    expect(await sessions.isFamilyActive(issued.familyId)).toBe(true);
  });

  it('presenting a used token again revokes the whole family, successors included, and denies its access tokens', async () => {
    const issued = await auth.login({ email: EMAIL, password: PASSWORD }, client);
    const rotated = await auth.refresh(issued.refreshToken, client);
    const err = await rejection(auth.refresh(issued.refreshToken, client));
    expect(err.code).toBe('REFRESH_TOKEN_REUSED');
    expect(sessions.family(issued.familyId).every((r) => r.revokedReason === 'refresh-token-reuse')).toBe(true);
    expect(denylist.families.has(issued.familyId)).toBe(true);
    expect((await rejection(auth.refresh(rotated.refreshToken, client))).code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('two refreshes racing with one token: one wins, the other is treated as reuse and kills the family', async () => {
    const issued = await auth.login({ email: EMAIL, password: PASSWORD }, client);
    const results = await Promise.allSettled([
      auth.refresh(issued.refreshToken, client),
      auth.refresh(issued.refreshToken, client),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as AppError).code).toBe('REFRESH_TOKEN_REUSED');
    expect(await sessions.isFamilyActive(issued.familyId)).toBe(false);
  });

  it('an expired session is 401 and not mistaken for reuse (the family is not revoked)', async () => {
    const issued = await auth.login({ email: EMAIL, password: PASSWORD }, client);
    for (const row of sessions.rows.values()) row.expiresAt = new Date(Date.now() - 1000);
    const err = await rejection(auth.refresh(issued.refreshToken, client));
    expect(err.code).toBe('INVALID_TOKEN');
    expect(sessions.family(issued.familyId).every((r) => r.revokedAt === null)).toBe(true);
  });

  it('a user disabled since signing in loses the family', async () => {
    const issued = await auth.login({ email: EMAIL, password: PASSWORD }, client);
    users.rows.get(USER)!.disabledAt = new Date();
    expect((await rejection(auth.refresh(issued.refreshToken, client))).code).toBe('INVALID_TOKEN');
    expect(sessions.family(issued.familyId)[0]!.revokedReason).toBe('user-disabled');
  });

  it('a revocation while Redis is down is kept and written when Redis is back', async () => {
    const issued = await auth.login({ email: EMAIL, password: PASSWORD }, client);
    await auth.refresh(issued.refreshToken, client);
    denylist.down = true;
    await rejection(auth.refresh(issued.refreshToken, client));
    expect(await sessions.isFamilyActive(issued.familyId)).toBe(false); // MySQL, the source of truth, has it
    expect(revocation.backlog).toBe(1);
    await revocation.flush();
    expect(revocation.backlog).toBe(1);
    denylist.down = false;
    await revocation.flush();
    expect(revocation.backlog).toBe(0);
    expect(denylist.families.has(issued.familyId)).toBe(true);
  });
});

describe('AuthService.logout', () => {
  it('an API key has no session: 403, nothing revoked', async () => {
    const key: Principal = { kind: 'apiKey', apiKeyId: 'k1', scopes: [], name: 'ci' };
    expect((await rejection(auth.logout(key, client))).status).toBe(403);
    expect(denylist.tokens.size + denylist.families.size).toBe(0);
  });

  it('ends the family and denies the presented access token until it would expire', async () => {
    const issued = await auth.login({ email: EMAIL, password: PASSWORD }, client);
    const other = await auth.login({ email: EMAIL, password: PASSWORD }, client);
    const exp = Math.floor(Date.now() / 1000) + 600;
    await auth.logout(
      {
        kind: 'user',
        userId: USER,
        role: 'admin',
        sessionFamilyId: issued.familyId,
        jti: 'jti-1',
        tokenExpiresAt: exp,
        via: 'bearer',
      },
      client,
    );
    expect(await sessions.isFamilyActive(issued.familyId)).toBe(false);
    expect(await sessions.isFamilyActive(other.familyId)).toBe(true);
    expect(denylist.tokens.get('jti-1')).toBeGreaterThan(590);
    expect((await rejection(auth.refresh(issued.refreshToken, client))).code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('revoking someone else’s session looks like a missing one (404) and revokes nothing', async () => {
    const issued = await auth.login({ email: EMAIL, password: PASSWORD }, client);
    const stranger: Principal = {
      kind: 'user',
      userId: '00000000-0000-7000-8000-0000000000b2',
      role: 'admin',
      sessionFamilyId: 'x',
      jti: 'j',
      tokenExpiresAt: 0,
      via: 'bearer',
    };
    expect((await rejection(auth.revokeSession(stranger, issued.familyId, client))).status).toBe(404);
    expect(await sessions.isFamilyActive(issued.familyId)).toBe(true);
  });
});

describe('PasswordService.confirmReset', () => {
  const NEW_PASSWORD = 'a much better passphrase 42';

  async function resetLink(expiresAt: Date, token = `rst_${Math.random()}`) {
    await resets.insert({ id: token, userId: USER, tokenHash: sha256(token), expiresAt });
    return token;
  }

  it('an expired link is 401 INVALID_TOKEN and changes nothing', async () => {
    const token = await resetLink(new Date(Date.now() - 1));
    const before = users.rows.get(USER)!.passwordHash;
    expect((await rejection(passwords.confirmReset(token, NEW_PASSWORD, client))).code).toBe('INVALID_TOKEN');
    expect(users.rows.get(USER)!.passwordHash).toBe(before);
  });

  it('a refused password is 422 naming body.newPassword and does not burn the link', async () => {
    const token = await resetLink(new Date(Date.now() + 3_600_000));
    const err = await rejection(passwords.confirmReset(token, 'short', client));
    expect(err.status).toBe(422);
    expect(err.errors?.[0]?.field).toBe('body.newPassword');
    await passwords.confirmReset(token, NEW_PASSWORD, client);
    expect(await hasher.verify(users.rows.get(USER)!.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it('works once, voids the user’s other links and ends every session', async () => {
    const issued = await auth.login({ email: EMAIL, password: PASSWORD }, client);
    const first = await resetLink(new Date(Date.now() + 3_600_000));
    const second = await resetLink(new Date(Date.now() + 3_600_000));
    await passwords.confirmReset(first, NEW_PASSWORD, client);
    expect((await rejection(passwords.confirmReset(first, 'yet another passphrase 7', client))).code).toBe(
      'INVALID_TOKEN',
    );
    expect((await rejection(passwords.confirmReset(second, 'yet another passphrase 7', client))).code).toBe(
      'INVALID_TOKEN',
    );
    expect(await sessions.isFamilyActive(issued.familyId)).toBe(false);
    expect(denylist.families.has(issued.familyId)).toBe(true);
    expect(await hasher.verify(users.rows.get(USER)!.passwordHash, NEW_PASSWORD)).toBe(true);
  });
});
