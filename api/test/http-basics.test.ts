import { connect } from 'node:net';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ BODY_LIMIT: '10kb' });
});
afterAll(() => api.close());

const PROBLEM = /^application\/problem\+json/;

describe('health', () => {
  it('/health and /health/live answer while the process runs', async () => {
    for (const path of ['/health', '/health/live']) {
      const res = await fetch(api.url + path);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok' });
    }
  });

  it('/health/ready reports db, redis and s3 up', async () => {
    const res = await fetch(`${api.url}/health/ready`);
    const body = (await res.json()) as { status: string; checks: { name: string; status: string }[] };
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.status).toBe('ready');
    expect(Object.fromEntries(body.checks.map((c) => [c.name, c.status]))).toEqual({ db: 'up', redis: 'up', s3: 'up' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('errors are problem+json', () => {
  it('unknown route → 404', async () => {
    const res = await fetch(`${api.url}/api/v1/does-not-exist`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    expect(await res.json()).toMatchObject({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      instance: '/api/v1/does-not-exist',
    });
  });

  it('malformed JSON → 400 naming the body', async () => {
    const res = await fetch(`${api.url}/api/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    const body = await res.json();
    expect(body).toMatchObject({ code: 'MALFORMED_JSON', errors: [{ field: 'body' }] });
    expect(JSON.stringify(body)).not.toMatch(/SyntaxError|at JSON\.parse|node_modules/);
  });

  it('body over the limit → 413', async () => {
    const res = await fetch(`${api.url}/api/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ big: 'x'.repeat(20_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('a query string over the header limit → 431 problem+json naming the headers, not a bare 431', async () => {
    const res = await fetch(`${api.url}/api/v1/posts?q=${'a'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    expect(await res.json()).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', errors: [{ field: 'headers' }] });
  });

  it('a request Node cannot parse → 400 problem+json; the server keeps serving', async () => {
    const { port } = new URL(api.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write('GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n'),
      );
      let out = '';
      socket.on('data', (d) => (out += d));
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body!)).toMatchObject({ status: 400, code: 'BAD_REQUEST', errors: [{ field: 'request' }] });
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
  });

  it('every problem carries the request id that the response header echoes', async () => {
    const res = await fetch(`${api.url}/nope`, { headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    expect(await res.json()).toMatchObject({ requestId: 'trace-42' });
  });

  it('a malformed X-Request-Id is replaced, not echoed', async () => {
    const res = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('contract', () => {
  it('/openapi.json is a valid OpenAPI 3 document with the API under /api/v1', async () => {
    const res = await fetch(`${api.url}/openapi.json`);
    expect(res.status).toBe(200);
    const spec = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(spec) as never)).resolves.toBeTruthy();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1', '/health/ready', '/metrics/prometheus']),
    );
  });

  it('/docs serves swagger-ui', async () => {
    const res = await fetch(`${api.url}/docs/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger-ui');
  });

  it('/api/v1 points at the contract', async () => {
    const body = await (await fetch(`${api.url}/api/v1`)).json();
    expect(body).toMatchObject({ name: 'OmerVision API', openapi: expect.stringMatching(/\/openapi\.json$/) });
  });
});

describe('security headers and CORS', () => {
  it('sets helmet headers and hides the framework', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('error answers and /docs carry a CSP without inline scripts, plugins or framing', async () => {
    for (const path of ['/api/v1/no-such-route', '/docs/']) {
      const policy = (await fetch(`${api.url}${path}`)).headers.get('content-security-policy') ?? '';
      expect(/(^|;)\s*script-src ([^;]*)/.exec(policy)?.[2]).toBe("'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
    }
  });

  it('allows credentials only for listed origins', async () => {
    const listed = await fetch(`${api.url}/health`, { headers: { origin: 'http://127.0.0.1:3000' } });
    expect(listed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await fetch(`${api.url}/health`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('metrics', () => {
  it('/metrics/prometheus exposes the request histogram by route and status, and pool/queue gauges', async () => {
    await fetch(`${api.url}/health`);
    const res = await fetch(`${api.url}/metrics/prometheus`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*method="GET",route="\/health",status_code="200"/);
    expect(text).toContain('db_pool_connections');
    expect(text).toMatch(/queue_jobs\{[^}]*queue="email"/);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('/metrics gives a JSON summary', async () => {
    const body = await (await fetch(`${api.url}/metrics`)).json();
    expect(body).toMatchObject({
      http: { requests: expect.any(Number) },
      db: { total: expect.any(Number) },
      queues: { email: { waiting: expect.any(Number) } },
    });
  });
});
