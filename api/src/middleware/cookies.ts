import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { ACCESS_TTL_SECONDS, REFRESH_TTL_SECONDS } from '../services/auth/token.service.js';

export const CSRF_HEADER = 'x-csrf-token';
/** The refresh token only ever travels to the endpoints that use it. */
export const REFRESH_PATH = '/api/v1/auth';
const ACCESS_PATH = '/api';

export interface CookieNames {
  access: string;
  refresh: string;
  /** Readable by the admin's JavaScript on purpose: it echoes it in the X-CSRF-Token header. */
  csrf: string;
}

/**
 * Secure mode (COOKIE_SECURE, on in production) uses the prefixes browsers enforce: `__Host-` where
 * the path is `/` (Secure, no Domain: no sibling subdomain can plant or shadow it), `__Secure-` on
 * the narrow paths. The server then reads no other name. Local development over plain http keeps
 * the bare names, `Secure` only when the request came over https.
 */
export function cookieNames(secureMode: boolean): CookieNames {
  return secureMode
    ? { access: '__Secure-ov_access', refresh: '__Secure-ov_refresh', csrf: '__Host-ov_csrf' }
    : { access: 'ov_access', refresh: 'ov_refresh', csrf: 'ov_csrf' };
}

interface CookieSpec {
  name: string;
  value: string;
  path: string;
  maxAge: number;
  httpOnly: boolean;
  secure: boolean;
}

function serialize(c: CookieSpec): string {
  return [
    `${c.name}=${c.value}`,
    `Path=${c.path}`,
    `Max-Age=${c.maxAge}`,
    ...(c.maxAge === 0 ? ['Expires=Thu, 01 Jan 1970 00:00:00 GMT'] : []),
    'SameSite=Lax',
    ...(c.httpOnly ? ['HttpOnly'] : []),
    ...(c.secure ? ['Secure'] : []),
  ].join('; ');
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The session cookies of one app: their names and attributes follow COOKIE_SECURE. Never a Domain. */
export class SessionCookies {
  readonly names: CookieNames;

  constructor(private readonly secureMode: boolean) {
    this.names = cookieNames(secureMode);
  }

  issue(req: Request, tokens: { accessToken: string; refreshToken: string; csrfToken: string }): string[] {
    return this.specs(req, { access: tokens.accessToken, refresh: tokens.refreshToken, csrf: tokens.csrfToken }, null);
  }

  clear(req: Request): string[] {
    return this.specs(req, { access: '', refresh: '', csrf: '' }, 0);
  }

  read(req: Request, which: keyof CookieNames): string | undefined {
    return (req.cookies as Record<string, string> | undefined)?.[this.names[which]];
  }

  /** Whether the request carries any of our session cookies (then it is a browser's). */
  carriesAny(req: Request): boolean {
    return (
      this.read(req, 'access') !== undefined ||
      this.read(req, 'refresh') !== undefined ||
      this.read(req, 'csrf') !== undefined
    );
  }

  private specs(req: Request, values: CookieNames, maxAge: number | null): string[] {
    const secure = this.secureMode || req.secure;
    const { names } = this;
    return [
      serialize({
        name: names.access,
        value: values.access,
        path: ACCESS_PATH,
        maxAge: maxAge ?? ACCESS_TTL_SECONDS,
        httpOnly: true,
        secure,
      }),
      serialize({
        name: names.refresh,
        value: values.refresh,
        path: REFRESH_PATH,
        maxAge: maxAge ?? REFRESH_TTL_SECONDS,
        httpOnly: true,
        secure,
      }),
      serialize({
        name: names.csrf,
        value: values.csrf,
        path: '/',
        maxAge: maxAge ?? REFRESH_TTL_SECONDS,
        httpOnly: false,
        secure,
      }),
    ];
  }
}
