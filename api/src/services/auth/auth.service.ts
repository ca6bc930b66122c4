import { v7 as uuidv7 } from 'uuid';
import type { LoginRequest, LoginResponse, SessionsRevoked, SessionView, UserView } from '../../dtos/auth.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { Bucket } from '../../repositories/rate-limit.repository.js';
import type { SessionRepository } from '../../repositories/session.repository.js';
import type { UserRepository, UserRow } from '../../repositories/user.repository.js';
import type { AuditService } from '../audit.service.js';
import { addressKey } from './address-key.js';
import type { ClientInfo, Principal } from './principal.js';
import { ACCESS_TTL_SECONDS, randomToken, REFRESH_TTL_SECONDS, sha256, type TokenService } from './token.service.js';
import type { TotpService } from './totp.service.js';
import type { RevocationService } from './revocation.service.js';
import type { PasswordVerifier } from '../../repositories/password-hasher.js';

export type { PasswordVerifier };

export interface LoginLimits {
  /** Failed attempts per address (IPv6: /64) + account (5 per minute). */
  attempts: Bucket;
  /** How many lockouts a key earned today: each one doubles the next. */
  lockouts: Bucket;
  /** All attempts from one address, any account (credential stuffing). */
  perIp: Bucket;
  /** Failed attempts per account from any address (rotating addresses), over a window that expires. */
  perAccount: Bucket;
  /** Address + account pairs that signed in lately: the per-account limit does not hold them back. */
  knownAddresses: Bucket;
}

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: UserView;
  familyId: string;
}

const MAX_LOCKOUT_SECONDS = 3600;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUserView(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabledAt !== null,
    totpEnabled: u.totpEnabledAt !== null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Sign-in, token rotation, sign-out and the user's own sessions. */
export class AuthService {
  /** Verified against when the account does not exist, so both paths cost one argon2 verify. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordVerifier,
    private readonly tokens: TokenService,
    private readonly revocation: RevocationService,
    private readonly limits: LoginLimits,
    private readonly totp: TotpService,
    private readonly audit: AuditService,
  ) {}

  async login(input: LoginRequest, client: ClientInfo): Promise<IssuedSession> {
    const email = normalizeEmail(input.email);
    // The limiter keys are the client address and the normalized account, never anything else from the body.
    const address = addressKey(client.ip);
    const key = `${address}|${email}`;
    const ip = await this.limits.perIp.consume(address);
    if (!ip.allowed) throw this.tooMany(ip.resetMs);
    const before = await this.limits.attempts.peek(key);
    if (!before.allowed) throw this.tooMany(before.resetMs);
    // Refused attempts are not counted, so the account limit lifts when its window ends however long
    // an attack goes on; addresses the owner signed in from lately are not held back by it at all.
    const account = await this.limits.perAccount.peek(email);
    if (!account.allowed && !(await this.isKnown(key))) throw this.tooMany(account.resetMs);

    const user = await this.users.findByEmail(email);
    const ok = user
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.hasher.verify(await this.dummy(), input.password).then(() => false);
    if (!user || !ok || user.disabledAt) return this.failed(key, client, email);

    if (user.totpEnabledAt) {
      if (!input.totpCode)
        throw Errors.totpRequired('Enter the code from your authenticator app (or a recovery code).');
      if (!(await this.totp.verifyLoginCode(user, input.totpCode))) return this.failed(key, client, email);
    }

    await this.limits.attempts.reset(key);
    await this.limits.knownAddresses.consume(key);
    const patch: Parameters<UserRepository['update']>[1] = { lastLoginAt: new Date() };
    if (this.hasher.needsRehash(user.passwordHash)) patch.passwordHash = await this.hasher.hash(input.password);
    await this.users.update(user.id, patch);
    const issued = await this.issue(user, uuidv7(), client);
    await this.audit.record({ principal: this.principalOf(user, issued.familyId), ...client }, 'auth.login', {
      type: 'user',
      id: user.id,
    });
    return issued;
  }

  /** Rotation: the presented token dies; presenting a used one revokes its whole family. */
  async refresh(refreshToken: string, client: ClientInfo): Promise<IssuedSession> {
    const current = await this.sessions.findByHash(sha256(refreshToken));
    if (!current) throw Errors.invalidToken('Unknown refresh token.');
    if (current.usedAt || current.revokedAt) {
      await this.revocation.revokeFamily(current.familyId, 'refresh-token-reuse');
      throw Errors.refreshReused('This refresh token was already used. Sign in again.');
    }
    if (current.expiresAt <= new Date()) throw Errors.invalidToken('The session expired. Sign in again.');
    const user = await this.users.findById(current.userId);
    if (!user || user.disabledAt) {
      await this.revocation.revokeFamily(current.familyId, 'user-disabled');
      throw Errors.invalidToken('The account is disabled.');
    }
    const next = randomToken('ovr_');
    const rotated = await this.sessions.rotate(current, {
      id: uuidv7(),
      tokenHash: sha256(next),
      ip: client.ip,
      userAgent: client.userAgent.slice(0, 512),
    });
    if (!rotated) {
      // Someone used it between our read and our write: treat exactly like reuse.
      await this.revocation.revokeFamily(current.familyId, 'refresh-token-reuse');
      throw Errors.refreshReused('This refresh token was already used. Sign in again.');
    }
    const { token } = await this.tokens.signAccess(user, current.familyId);
    return {
      accessToken: token,
      refreshToken: next,
      expiresIn: ACCESS_TTL_SECONDS,
      user: toUserView(user),
      familyId: current.familyId,
    };
  }

  async logout(principal: Principal, client: ClientInfo): Promise<void> {
    // A key has no session to end; a silent 204 would let its holder believe it was revoked.
    if (principal.kind !== 'user')
      throw Errors.forbidden('API keys have no session: revoke the key with DELETE /api/v1/admin/api-keys/{keyId}.');
    await this.revocation.revokeFamily(principal.sessionFamilyId, 'logout');
    await this.revocation.denyAccessToken(principal.jti, principal.tokenExpiresAt);
    await this.audit.record({ principal, ...client }, 'auth.logout', { type: 'user', id: principal.userId });
  }

  async me(userId: string): Promise<UserView> {
    const user = await this.users.findById(userId);
    if (!user) throw Errors.notFound('User not found.');
    return toUserView(user);
  }

  async listSessions(userId: string, currentFamilyId?: string): Promise<SessionView[]> {
    const rows = await this.sessions.listActive(userId);
    return rows.map((r) => ({
      id: r.familyId,
      current: r.familyId === currentFamilyId,
      ip: r.ip,
      userAgent: r.userAgent,
      createdAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      expiresAt: r.expiresAt.toISOString(),
    }));
  }

  async revokeSession(principal: Principal, familyId: string, client: ClientInfo): Promise<void> {
    if (principal.kind !== 'user') throw Errors.forbidden();
    const owner = await this.sessions.findFamilyOwner(familyId);
    // Someone else's session looks exactly like a missing one.
    if (owner !== principal.userId) throw Errors.notFound('No such session.');
    await this.revocation.revokeFamily(familyId, 'revoked-by-user');
    await this.audit.record({ principal, ...client }, 'auth.session.revoke', { type: 'session', id: familyId });
  }

  async revokeOtherSessions(principal: Principal, client: ClientInfo): Promise<SessionsRevoked> {
    if (principal.kind !== 'user') throw Errors.forbidden('API keys have no sessions.');
    const revoked = await this.revocation.revokeAllForUser(
      principal.userId,
      'revoked-by-user',
      principal.sessionFamilyId,
    );
    await this.audit.record(
      { principal, ...client },
      'auth.session.revoke-others',
      { type: 'session', id: null },
      { revoked },
    );
    return { revoked };
  }

  /** A new family: one sign-in. Its refresh tokens share one absolute expiry (7 days). */
  async issue(user: UserRow, familyId: string, client: ClientInfo): Promise<IssuedSession> {
    const refreshToken = randomToken('ovr_');
    await this.sessions.insert({
      id: uuidv7(),
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TTL_SECONDS * 1000),
      ip: client.ip,
      userAgent: client.userAgent.slice(0, 512),
    });
    const { token } = await this.tokens.signAccess(user, familyId);
    return { accessToken: token, refreshToken, expiresIn: ACCESS_TTL_SECONDS, user: toUserView(user), familyId };
  }

  private async failed(key: string, client: ClientInfo, email: string): Promise<never> {
    const account = await this.limits.perAccount.consume(email);
    if (account.allowed && account.remaining === 0) {
      await this.audit.record(
        null,
        'auth.account-limit',
        { type: 'account', id: null },
        { email, ip: client.ip, seconds: Math.ceil(account.resetMs / 1000) },
      );
    }
    const after = await this.limits.attempts.consume(key);
    if (after.remaining === 0) {
      // Each lockout in the last day doubles the next: 1, 2, 4 ... 60 minutes.
      const lockouts = await this.limits.lockouts.consume(key);
      const n = lockouts.limit - lockouts.remaining;
      const seconds = Math.min(60 * 2 ** Math.max(0, n - 1), MAX_LOCKOUT_SECONDS);
      await this.limits.attempts.block(key, seconds);
      await this.audit.record(null, 'auth.lockout', { type: 'account', id: null }, { email, ip: client.ip, seconds });
    }
    throw Errors.invalidCredentials('E-mail or password is wrong.');
  }

  /** A pair is marked on each sign-in; a bucket that was consumed at all is a marked one. */
  private async isKnown(key: string): Promise<boolean> {
    const mark = await this.limits.knownAddresses.peek(key);
    return mark.remaining < mark.limit;
  }

  private tooMany(resetMs: number) {
    const seconds = Math.max(1, Math.ceil(resetMs / 1000));
    return Errors.rateLimited(`Too many sign-in attempts. Try again in ${seconds} s.`, undefined, {
      'Retry-After': String(seconds),
    });
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomToken());
    return this.dummyHash;
  }

  private principalOf(user: UserRow, familyId: string): Principal {
    return {
      kind: 'user',
      userId: user.id,
      role: user.role,
      sessionFamilyId: familyId,
      jti: '',
      tokenExpiresAt: 0,
      via: 'bearer',
    };
  }
}

export type { LoginResponse };
