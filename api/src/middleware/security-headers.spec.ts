import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { describe, expect, it } from 'vitest';
import { addHeader } from './response-headers.js';
import { helmetHeaders, securityHeaders } from './security-headers.js';

const API_OPTIONS: HelmetOptions = {
  crossOriginResourcePolicy: { policy: 'same-site' },
  contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } },
};

/** The headers of one response from an app with `first` in front of `route`. */
async function headersOf(
  first: RequestHandler,
  route: RequestHandler = (_req, res) => void res.json({ ok: true }),
): Promise<Record<string, string>> {
  const app = express();
  app.disable('x-powered-by');
  app.use(first);
  app.get('/', route);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const headers = Object.fromEntries(res.headers);
    delete headers.date;
    return headers;
  } finally {
    server.close();
  }
}

describe('securityHeaders', () => {
  it('sends exactly what helmet sends per request, computed once', async () => {
    expect(await headersOf(securityHeaders(API_OPTIONS))).toEqual(await headersOf(helmet(API_OPTIONS)));
  });

  it('keeps the API policy: CSP with frame-ancestors none, nosniff, same-site resource policy, HSTS', async () => {
    const headers = await headersOf(securityHeaders(API_OPTIONS));
    expect(headers['content-security-policy']).toMatch(/(^|;)frame-ancestors 'none'(;|$)/);
    expect(headers['content-security-policy']).toMatch(/(^|;)default-src 'self'(;|$)/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cross-origin-resource-policy']).toBe('same-site');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('a header the route sets itself wins; headers added for the response go out with the rest', async () => {
    const headers = await headersOf(securityHeaders(API_OPTIONS), (_req, res) => {
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      addHeader(res, 'X-Request-Id', 'abc');
      res.writeHead(201, { 'X-Extra': '1' }).end();
    });
    expect(headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(headers['x-request-id']).toBe('abc');
    expect(headers['x-extra']).toBe('1');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('refuses a directive computed per request instead of freezing its first value', () => {
    expect(() =>
      helmetHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-abc'"] } } }),
    ).toThrow(/per request/);
  });
});
