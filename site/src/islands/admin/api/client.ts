import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../../lib/api/schema';
import { accessRenewed } from './session-hint';

export type AdminClient = Client<paths>;

export interface AdminApi {
  /** The typed client: every call goes through the session-aware fetch below. */
  client: AdminClient;
  baseUrl: string;
  /** The double-submit token to echo in X-CSRF-Token (cookie first: another tab may have refreshed). */
  csrfToken(): string | undefined;
  /** Remembers the token a login or refresh answered with (for when the cookie is not readable). */
  setCsrfToken(token: string | undefined): void;
  /** One silent refresh shared by every caller that meets a 401 at the same time. */
  refresh(): Promise<boolean>;
  /** Fetch with credentials, the CSRF header and refresh-once; for what the typed client cannot do. */
  fetch(input: Request): Promise<Response>;
}

/** The API's double-submit cookie: `__Host-ov_csrf` in production (COOKIE_SECURE), `ov_csrf` in local development. */
const CSRF_COOKIES = ['__Host-ov_csrf', 'ov_csrf'];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
// Auth endpoints answer 401 for wrong input, not for an expired session: never refresh on those.
const NO_REFRESH = /\/api\/v1\/auth\/(login|refresh|password\/reset|password\/reset-request)$/;

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const hit = document.cookie.split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : undefined;
}

/**
 * The admin's one way to the API: cookies (`credentials: 'include'`), the CSRF header on writes,
 * and on a 401 one silent `POST /auth/refresh`, then the same request again. When that fails too,
 * `onSessionLost` tells the app to show the login screen.
 */
export function createAdminApi(baseUrl: string, onSessionLost: () => void): AdminApi {
  const base = baseUrl.replace(/\/+$/, '');
  let memoryCsrf: string | undefined;
  let refreshing: Promise<boolean> | null = null;
  /** Counts successful refreshes: a 401 to a request sent before the latest one needs no new refresh. */
  let refreshed = 0;

  const csrfToken = () => CSRF_COOKIES.map(readCookie).find((v) => v !== undefined) ?? memoryCsrf;

  const withCsrf = (req: Request): Request => {
    const token = csrfToken();
    if (!SAFE.has(req.method) && token) req.headers.set('x-csrf-token', token);
    return req;
  };

  async function doRefresh(): Promise<boolean> {
    try {
      const res = await fetch(`${base}/api/v1/auth/refresh`, { method: 'POST', credentials: 'include' });
      if (!res.ok) return false;
      const body = (await res.json()) as { csrfToken?: string; expiresIn?: number };
      memoryCsrf = body.csrfToken ?? memoryCsrf;
      accessRenewed(body.expiresIn ?? 900);
      refreshed++;
      return true;
    } catch {
      return false;
    }
  }

  const refresh = () => (refreshing ??= doRefresh().finally(() => (refreshing = null)));

  async function sessionFetch(request: Request): Promise<Response> {
    // The body can be read once: keep a copy for the retry.
    const spare = request.clone();
    const generation = refreshed;
    const res = await fetch(withCsrf(request));
    if (res.status !== 401 || NO_REFRESH.test(new URL(request.url).pathname)) return res;
    // Several requests of one screen can fail together; the first refresh serves them all, even
    // those whose 401 arrives after it finished (refresh tokens rotate: one refresh per expiry).
    if (generation === refreshed && !(await refresh())) {
      onSessionLost();
      return res;
    }
    const again = await fetch(withCsrf(spare));
    if (again.status === 401) onSessionLost();
    return again;
  }

  const client = createClient<paths>({ baseUrl: base, credentials: 'include', fetch: sessionFetch });
  return {
    client,
    baseUrl: base,
    csrfToken,
    setCsrfToken: (token) => (memoryCsrf = token),
    refresh,
    fetch: (input) => sessionFetch(new Request(input, { credentials: 'include' })),
  };
}
