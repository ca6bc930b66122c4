import type { Application, Request, RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';
import { Errors } from '../errors/catalogue.js';
import { Authenticator, rateHeaders, type Authenticated, type Credential } from '../services/auth/authenticator.js';
import { roleHasScope } from '../services/auth/policy.js';
import type { Actor, ClientInfo, Principal } from '../services/auth/principal.js';
import { CSRF_HEADER, type SessionCookies } from './cookies.js';

/**
 * The one `expressAuthentication` tsoa calls for every `@Security(name, scopes)`. Every security
 * name resolves the same way (Bearer JWT or API key, X-API-Key, then the access cookie, whose
 * writes must pass the CSRF check), so a controller declares only `@Security('bearer', scopes)`:
 * the session cookie is accepted wherever Bearer is, and openapi/finish-spec.ts lists it as the
 * cookie alternative of each such operation. The name only documents the route in the spec.
 */
interface AuthContext {
  authenticator: Authenticator;
  /** Origins allowed to make cookie-authenticated writes (the admin's site, the API itself). */
  trustedOrigins: Set<string>;
  cookies: SessionCookies;
}

const CONTEXT = 'authContext';

/** Per app (app.locals), so two apps in one process never share an authenticator. */
export function configureAuthentication(app: Application, ctx: AuthContext): void {
  app.locals[CONTEXT] = ctx;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
type AuthRequest = Request & { authentication?: Promise<Authenticated> };

export async function expressAuthentication(
  request: Request,
  _securityName: string,
  scopes: string[] = [],
): Promise<Principal> {
  const context = request.app.locals[CONTEXT] as AuthContext | undefined;
  if (!context) throw new Error('configureAuthentication() was not called by the composition root');
  const { principal, limit } = await authenticationOf(request, context);
  if (limit && request.res && !request.res.headersSent) {
    for (const [name, value] of Object.entries(rateHeaders(limit))) request.res.setHeader(name, value);
  }
  const missing = scopes.filter((scope) => !hasScope(principal, scope));
  if (missing.length) throw Errors.forbidden(`This needs the ${missing.join(', ')} permission.`);
  return principal;
}

/** Authenticates once per request (tsoa runs alternatives in parallel; the rate limiter may ask first). */
export function authenticationOf(
  request: Request,
  context = request.app.locals[CONTEXT] as AuthContext,
): Promise<Authenticated> {
  const req = request as AuthRequest;
  req.authentication ??= authenticate(req, context);
  return req.authentication;
}

/** Whether the request carries an API key (Bearer ovk_… or X-API-Key). */
export function hasApiKey(req: Request): boolean {
  const header = req.get('authorization');
  return Boolean(req.get('x-api-key')) || (header !== undefined && /^Bearer\s+ovk_/i.test(header));
}

export function hasScope(principal: Principal, scope: string): boolean {
  return principal.kind === 'user'
    ? roleHasScope(principal.role, scope)
    : (principal.scopes as string[]).includes(scope);
}

async function authenticate(req: Request, ctx: AuthContext): Promise<Authenticated> {
  const credential = credentialOf(req, ctx.cookies);
  if (!credential) throw Errors.unauthorized('Sign in, or send an access token or API key.');
  if (credential.kind === 'jwt' && credential.via === 'cookie' && !SAFE_METHODS.has(req.method)) {
    checkCsrf(req, ctx);
  }
  return ctx.authenticator.authenticate(credential);
}

function credentialOf(req: Request, cookies: SessionCookies): Credential | undefined {
  const header = req.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw Errors.unauthorized('Authorization must be "Bearer <token>".');
    const token = match[1]!;
    return Authenticator.isApiKey(token) ? { kind: 'apiKey', key: token } : { kind: 'jwt', token, via: 'bearer' };
  }
  const apiKey = req.get('x-api-key');
  if (apiKey) return { kind: 'apiKey', key: apiKey.trim() };
  const cookie = cookies.read(req, 'access');
  if (cookie) return { kind: 'jwt', token: cookie, via: 'cookie' };
  return undefined;
}

/** Cookie-authenticated writes: a trusted Origin (or Referer) and the double-submit token. */
function checkCsrf(req: Request, ctx: AuthContext): void {
  const origin = requestOrigin(req);
  if (!origin || !ctx.trustedOrigins.has(origin))
    throw Errors.csrf('Cookie-authenticated writes must come from a trusted origin.');
  const header = req.get(CSRF_HEADER);
  const cookie = ctx.cookies.read(req, 'csrf');
  if (!header || !cookie || header.length !== cookie.length || header !== cookie) {
    throw Errors.csrf(`Send the ${ctx.cookies.names.csrf} cookie's value in the ${CSRF_HEADER} header.`);
  }
}

/**
 * For sign-in, refresh and sign-out (`@Middlewares`), which make or end a session before, or
 * without, a cookie credential: a page of a foreign origin must not log a browser into the
 * attacker's account, rotate its session or sign it out. The rule of cookie-authenticated writes
 * applies: an Origin (or Referer) must be trusted; a request with neither is a non-browser client
 * and passes only when it carries none of our cookies (Bearer and body-token clients keep working).
 */
export const requireTrustedOrigin: RequestHandler = (req, _res, next) => {
  const ctx = req.app.locals[CONTEXT] as AuthContext;
  const origin = requestOrigin(req);
  if (origin ? !ctx.trustedOrigins.has(origin) : ctx.cookies.carriesAny(req)) {
    return next(Errors.csrf('Sign-in, refresh and sign-out must come from a trusted origin.'));
  }
  next();
};

function requestOrigin(req: Request): string | undefined {
  return req.get('origin') ?? originOf(req.get('referer'));
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function clientInfo(req: Request): ClientInfo {
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    userAgent: (req.get('user-agent') ?? '').slice(0, 512),
  };
}

/** The authenticated caller of a route with `@Security` (tsoa stores it as `request.user`). */
export function actorOf(req: Request): Actor {
  const principal = (req as Request & { user?: Principal }).user;
  if (!principal) throw new AppError(Errors.unauthorized.definition, 'Not authenticated.');
  return { principal, ...clientInfo(req) };
}
