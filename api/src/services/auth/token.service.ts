import { createHash, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Role } from './policy.js';

export const ACCESS_TTL_SECONDS = 15 * 60;
export const REFRESH_TTL_SECONDS = 7 * 24 * 60 * 60;
const ALGORITHM = 'HS256';
const AUDIENCE = 'omervision-api';

export interface AccessClaims {
  sub: string;
  role: Role;
  jti: string;
  /** Session (refresh-token family) id: logout and revocation act on it. */
  sid: string;
  exp: number;
  iat: number;
}

export class InvalidTokenError extends Error {}

/** Derives independent keys from the one configured secret, so one leak does not become another. */
export function deriveKey(secret: string, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, 'omervision', purpose, 32));
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Opaque high-entropy secrets (refresh tokens, reset tokens, API keys): 256 bits, URL-safe. */
export function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * Access JWTs: HS256 only (the algorithm is allow-listed on verify, so `alg: none` and key-confusion
 * tokens fail), with issuer, audience, expiry, issued-at and a unique id for the deny-list.
 */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly issuer: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = deriveKey(secret, 'access-jwt');
  }

  async signAccess(
    user: { id: string; role: Role },
    sessionFamilyId: string,
  ): Promise<{ token: string; claims: AccessClaims }> {
    const iat = Math.floor(this.now() / 1000);
    const claims: AccessClaims = {
      sub: user.id,
      role: user.role,
      jti: randomUUID(),
      sid: sessionFamilyId,
      iat,
      exp: iat + ACCESS_TTL_SECONDS,
    };
    const token = await new SignJWT({ role: claims.role, sid: claims.sid })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(AUDIENCE)
      .setSubject(claims.sub)
      .setJti(claims.jti)
      .setIssuedAt(iat)
      .setExpirationTime(claims.exp)
      .sign(this.key);
    return { token, claims };
  }

  async verifyAccess(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: this.issuer,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'jti', 'exp', 'iat'],
        currentDate: new Date(this.now()),
      });
      if (typeof payload.role !== 'string' || typeof payload.sid !== 'string')
        throw new InvalidTokenError('missing claims');
      return {
        sub: payload.sub!,
        role: payload.role as Role,
        jti: payload.jti!,
        sid: payload.sid,
        exp: payload.exp!,
        iat: payload.iat!,
      };
    } catch (err) {
      if (err instanceof InvalidTokenError) throw err;
      if (err instanceof joseErrors.JOSEError) throw new InvalidTokenError(err.code);
      throw new InvalidTokenError('malformed');
    }
  }
}
