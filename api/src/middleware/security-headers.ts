import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { responseHeaders } from './response-headers.js';

/**
 * helmet's headers, worked out once at boot: with no per-request directive (no nonce function)
 * helmet sets the same headers on every response, through a dozen chained middlewares and a
 * setHeader each. These go out with the response head in one piece (response-headers.ts). Options
 * with per-request values are refused here, not silently frozen.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  return responseHeaders(Object.fromEntries(helmetHeaders(options)));
}

/** What helmet sets (in order) on a response, run once against a recording response. */
export function helmetHeaders(options: HelmetOptions): [string, string][] {
  const csp = options.contentSecurityPolicy;
  const directives = Object.values((typeof csp === 'object' && csp.directives) || {}) as unknown[];
  if (directives.some((v) => typeof v === 'function' || (Array.isArray(v) && v.some((x) => typeof x === 'function')))) {
    throw new Error('a CSP directive computed per request (a function) cannot be precomputed');
  }
  const headers: [string, string][] = [];
  let finished = false;
  const res = {
    setHeader(name: string, value: string) {
      headers.push([name, String(value)]);
    },
    // helmet removes X-Powered-By, which the app never sets (x-powered-by is disabled).
    removeHeader() {},
  };
  helmet(options)({} as never, res as never, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously: a per-request option cannot be precomputed');
  return headers;
}
