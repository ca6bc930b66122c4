import { LRUCache } from 'lru-cache';
import { Errors } from '../../errors/catalogue.js';
import type { ApiKeyRepository, ApiKeyRow } from '../../repositories/api-key.repository.js';
import type { DenylistRepository } from '../../repositories/denylist.repository.js';
import type { Bucket, LimitState } from '../../repositories/rate-limit.repository.js';
import type { SessionRepository } from '../../repositories/session.repository.js';
import { API_KEY_PREFIX } from '../api-key.service.js';
import type { Principal } from './principal.js';
import type { Scope } from './policy.js';
import { InvalidTokenError, sha256, type TokenService } from './token.service.js';

export type Credential = { kind: 'jwt'; token: string; via: 'bearer' | 'cookie' } | { kind: 'apiKey'; key: string };

export interface Authenticated {
  principal: Principal;
  /** Present for API keys: their own limit, for the response headers. */
  limit?: LimitState;
}

const KEY_CACHE_MS = 10_000;
const TOUCH_EVERY_MS = 60_000;

/** Turns a credential into a principal, or a 401/429. Knows nothing about HTTP. */
export class Authenticator {
  /**
   * Keys that exist (revoked and expired ones too), by hash, for KEY_CACHE_MS. Unknown keys go to a
   * cache of their own: a flood of random keys churns that one and never evicts a real key.
   */
  private readonly keyCache = new LRUCache<string, ApiKeyRow>({ max: 1000, ttl: KEY_CACHE_MS });
  private readonly unknownKeys = new LRUCache<string, true>({ max: 1000, ttl: KEY_CACHE_MS });
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly tokens: TokenService,
    private readonly denylist: DenylistRepository,
    private readonly sessions: SessionRepository,
    private readonly apiKeys: ApiKeyRepository,
    private readonly keyLimit: (perMinute: number | null) => Bucket,
  ) {}

  static isApiKey(token: string): boolean {
    return token.startsWith(API_KEY_PREFIX);
  }

  async authenticate(credential: Credential): Promise<Authenticated> {
    return credential.kind === 'jwt'
      ? { principal: await this.jwt(credential.token, credential.via) }
      : this.apiKey(credential.key);
  }

  private async jwt(token: string, via: 'bearer' | 'cookie'): Promise<Principal> {
    let claims;
    try {
      claims = await this.tokens.verifyAccess(token);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw Errors.invalidToken('The access token is invalid or expired.');
      throw err;
    }
    let denied: boolean;
    try {
      denied = await this.denylist.isDenied(claims.jti, claims.sid);
    } catch {
      // Redis unreachable: ask MySQL whether the session still stands (logout/disable revoke it there too).
      denied = !(await this.sessions.isFamilyActive(claims.sid));
    }
    if (denied) throw Errors.invalidToken('This session has ended. Sign in again.');
    return {
      kind: 'user',
      userId: claims.sub,
      role: claims.role,
      sessionFamilyId: claims.sid,
      jti: claims.jti,
      tokenExpiresAt: claims.exp,
      via,
    };
  }

  private async apiKey(key: string): Promise<Authenticated> {
    const hash = sha256(key);
    const now = Date.now();
    let row = this.keyCache.get(hash);
    if (!row && !this.unknownKeys.has(hash)) {
      row = await this.apiKeys.findByHash(hash);
      if (row) this.keyCache.set(hash, row);
      else this.unknownKeys.set(hash, true);
    }
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now)) {
      throw Errors.invalidToken('The API key is invalid, revoked or expired.');
    }
    const limit = await this.keyLimit(row.rateLimitPerMinute).consume(row.id);
    if (!limit.allowed) {
      const seconds = Math.max(1, Math.ceil(limit.resetMs / 1000));
      throw Errors.rateLimited(`This API key is over its limit. Retry in ${seconds} s.`, undefined, rateHeaders(limit));
    }
    if (now - (this.touched.get(row.id) ?? 0) > TOUCH_EVERY_MS) {
      this.touched.set(row.id, now);
      void this.apiKeys.touch(row.id, new Date(now)).catch(() => undefined);
    }
    return { principal: { kind: 'apiKey', apiKeyId: row.id, scopes: row.scopes as Scope[], name: row.name }, limit };
  }

  /** Forget a key at once (revocation from this process). */
  forget(): void {
    this.keyCache.clear();
    this.unknownKeys.clear();
  }
}

export function rateHeaders(limit: LimitState): Record<string, string> {
  const reset = Math.max(0, Math.ceil(limit.resetMs / 1000));
  return {
    'X-RateLimit-Limit': String(limit.limit),
    'X-RateLimit-Remaining': String(limit.remaining),
    'X-RateLimit-Reset': String(reset),
    ...(limit.allowed ? {} : { 'Retry-After': String(Math.max(1, reset)) }),
  };
}
