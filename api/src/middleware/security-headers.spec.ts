import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import { describe, expect, it } from 'vitest';
import { helmetHeaders, securityHeaders } from './security-headers.js';

const API_OPTIONS: HelmetOptions = { crossOriginResourcePolicy: { policy: 'same-site' }, contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } } };

/** The headers a middleware leaves on a real response. */
function headersAfter(middleware: (req: never, res: never, next: (err?: unknown) => void) => void): Record<string, unknown> {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  middleware(req as never, res as never, (err) => {
    if (err) throw err;
  });
  return res.getHeaders();
}

describe('securityHeaders', () => {
  it('sets exactly what helmet sets per request, computed once', () => {
    expect(headersAfter(securityHeaders(API_OPTIONS))).toEqual(headersAfter(helmet(API_OPTIONS)));
  });

  it('keeps the API policy: CSP with frame-ancestors none, nosniff, same-site resource policy, HSTS', () => {
    const headers = headersAfter(securityHeaders(API_OPTIONS));
    expect(headers['content-security-policy']).toMatch(/(^|;)frame-ancestors 'none'(;|$)/);
    expect(headers['content-security-policy']).toMatch(/(^|;)default-src 'self'(;|$)/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cross-origin-resource-policy']).toBe('same-site');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('refuses a directive computed per request instead of freezing its first value', () => {
    expect(() => helmetHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-abc'"] } } })).toThrow(/per request/);
  });
});
