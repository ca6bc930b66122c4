import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { ACCESS_TTL_SECONDS, REFRESH_TTL_SECONDS } from '../services/auth/token.service.js';

export const ACCESS_COOKIE = 'ov_access';
export const REFRESH_COOKIE = 'ov_refresh';
export const CSRF_COOKIE = 'ov_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The refresh token only ever travels to the endpoints that use it. */
export const REFRESH_PATH = '/api/v1/auth';

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

/** `Secure` whenever the request came over https (directly or via a trusted proxy). */
export function isSecure(req: Request): boolean {
  return req.secure;
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sessionCookies(req: Request, tokens: { accessToken: string; refreshToken: string; csrfToken: string }): string[] {
  const secure = isSecure(req);
  return [
    serialize({ name: ACCESS_COOKIE, value: tokens.accessToken, path: '/api', maxAge: ACCESS_TTL_SECONDS, httpOnly: true, secure }),
    serialize({ name: REFRESH_COOKIE, value: tokens.refreshToken, path: REFRESH_PATH, maxAge: REFRESH_TTL_SECONDS, httpOnly: true, secure }),
    // Readable by the admin's JavaScript on purpose: it echoes it in the X-CSRF-Token header.
    serialize({ name: CSRF_COOKIE, value: tokens.csrfToken, path: '/', maxAge: REFRESH_TTL_SECONDS, httpOnly: false, secure }),
  ];
}

export function clearedSessionCookies(req: Request): string[] {
  const secure = isSecure(req);
  return [
    serialize({ name: ACCESS_COOKIE, value: '', path: '/api', maxAge: 0, httpOnly: true, secure }),
    serialize({ name: REFRESH_COOKIE, value: '', path: REFRESH_PATH, maxAge: 0, httpOnly: true, secure }),
    serialize({ name: CSRF_COOKIE, value: '', path: '/', maxAge: 0, httpOnly: false, secure }),
  ];
}

export function cookie(req: Request, name: string): string | undefined {
  return (req.cookies as Record<string, string> | undefined)?.[name];
}
