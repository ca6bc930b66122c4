import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createOmerVisionClient, parseRetryAfter, type Schemas } from './index.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let baseUrl: string;
let handler: Handler;
let seen: Seen[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};
const problem = (
  res: ServerResponse,
  status: number,
  code: string,
  headers: Record<string, string> = {},
  extra: object = {},
) => {
  res
    .writeHead(status, { 'content-type': 'application/problem+json', 'x-request-id': 'req-1', ...headers })
    .end(JSON.stringify({ type: 'about:blank', title: 'Nope', status, code, detail: `detail of ${code}`, ...extra }));
};
/** Answers with the given steps in order, then repeats the last. */
const script = (...steps: Handler[]): Handler => {
  let i = 0;
  return (req, res, body) => steps[Math.min(i++, steps.length - 1)](req, res, body);
};
const post = (slug: string) => ({ id: slug, slug, title: slug });
const fast = { attempts: 4, baseDelayMs: 5, maxDelayMs: 2_000, maxElapsedMs: 5_000 };

describe('retries', () => {
  it('waits as long as Retry-After says on 429, then answers', async () => {
    handler = script(
      (_q, res) => problem(res, 429, 'rate_limited', { 'retry-after': '1' }),
      (_q, res) => json(res, 200, post('a')),
    );
    const client = createOmerVisionClient({ baseUrl, retry: fast });
    const started = Date.now();
    const got = await client.get('/api/v1/posts/{slug}', { params: { path: { slug: 'a' } } });
    expect(got.slug).toBe('a');
    expect(seen).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('backs off on 503 without Retry-After and re-sends the same body', async () => {
    handler = script(
      (_q, res) => problem(res, 503, 'dependency_unavailable'),
      (_q, res) => problem(res, 503, 'dependency_unavailable'),
      (_q, res) => json(res, 202, { ok: true }),
    );
    const waits: number[] = [];
    const client = createOmerVisionClient({ baseUrl, retry: fast, onRetry: (i) => waits.push(i.waitMs) });
    const { response } = await client.POST('/api/v1/contact', {
      body: { name: 'Ada', email: 'ada@example.com', message: 'Hello there, a message long enough.' } as never,
    });
    expect(response.status).toBe(202);
    expect(seen.map((s) => s.body)).toEqual(Array(3).fill(seen[0].body));
    expect(JSON.parse(seen[0].body).name).toBe('Ada');
    expect(waits).toHaveLength(2);
  });

  it('stops after the configured attempts and throws the last answer as ApiError', async () => {
    handler = (_q, res) => problem(res, 429, 'rate_limited', { 'retry-after': '0' });
    const client = createOmerVisionClient({ baseUrl, retry: { ...fast, attempts: 3 } });
    const err = await client.get('/api/v1/posts').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: 'rate_limited', retryAfterMs: 0, requestId: 'req-1' });
    expect(seen).toHaveLength(3);
  });

  it('gives up at once when Retry-After exceeds the longest wait or the time budget', async () => {
    handler = (_q, res) => problem(res, 503, 'maintenance', { 'retry-after': '120' });
    const client = createOmerVisionClient({ baseUrl, retry: fast });
    await expect(client.get('/api/v1/posts')).rejects.toMatchObject({ status: 503, retryAfterMs: 120_000 });
    expect(seen).toHaveLength(1);

    seen = [];
    handler = (_q, res) => problem(res, 429, 'rate_limited', { 'retry-after': '1' });
    const tight = createOmerVisionClient({ baseUrl, retry: { ...fast, maxElapsedMs: 1_500 } });
    await expect(tight.get('/api/v1/posts')).rejects.toMatchObject({ status: 429 });
    expect(seen).toHaveLength(2);
  });

  it('does not retry other errors', async () => {
    handler = (_q, res) => problem(res, 500, 'internal');
    const client = createOmerVisionClient({ baseUrl, retry: fast });
    await expect(client.get('/api/v1/posts')).rejects.toMatchObject({ status: 500, code: 'internal' });
    expect(seen).toHaveLength(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('errors', () => {
  it('surfaces problem+json as a typed ApiError with its field errors', async () => {
    handler = (_q, res) =>
      problem(res, 422, 'validation_failed', {}, { errors: [{ field: 'query.limit', message: 'must be ≤ 100' }] });
    const client = createOmerVisionClient({ baseUrl });
    const err = (await client
      .get('/api/v1/posts', { params: { query: { limit: 1000 } } })
      .catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(422);
    expect(err.code).toBe('validation_failed');
    expect(err.detail).toBe('detail of validation_failed');
    expect(err.errors).toEqual([{ field: 'query.limit', message: 'must be ≤ 100' }]);
    expect(err.message).toContain('GET');
    expect(err.url).toBe(`${baseUrl}/api/v1/posts?limit=1000`);
  });

  it('still gives an ApiError for an answer that is not problem+json', async () => {
    handler = (_q, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    const client = createOmerVisionClient({ baseUrl });
    await expect(client.get('/api/v1/posts')).rejects.toMatchObject({
      status: 502,
      code: 'http_502',
      detail: '<h1>Bad gateway</h1>',
    });
  });
});

describe('auth', () => {
  it('sends the API key as X-API-Key and a token as Bearer', async () => {
    handler = (_q, res) => json(res, 200, { items: [], nextCursor: null });
    await createOmerVisionClient({ baseUrl, apiKey: 'ovk_test' }).get('/api/v1/posts');
    await createOmerVisionClient({ baseUrl: `${baseUrl}/`, token: 'eyJ.jwt' }).get('/api/v1/posts');
    expect(seen[0].headers['x-api-key']).toBe('ovk_test');
    expect(seen[0].headers.authorization).toBeUndefined();
    expect(seen[1].headers.authorization).toBe('Bearer eyJ.jwt');
    expect(seen[1].url).toBe('/api/v1/posts');
  });
});

describe('cursor pagination', () => {
  const all = ['a', 'b', 'c', 'd', 'e'].map(post);
  const pager: Handler = (req, res) => {
    const q = new URL(req.url!, 'http://x').searchParams;
    const from = q.get('cursor') ? Number(Buffer.from(q.get('cursor')!, 'base64url').toString()) : 0;
    const limit = Number(q.get('limit') ?? 20);
    const next = from + limit < all.length ? Buffer.from(String(from + limit)).toString('base64url') : null;
    json(res, 200, { items: all.slice(from, from + limit), nextCursor: next });
  };

  it('iterates every item across pages, keeping the other query parameters', async () => {
    handler = pager;
    const client = createOmerVisionClient({ baseUrl });
    const slugs: string[] = [];
    for await (const item of client.paginate('/api/v1/posts', { params: { query: { limit: 2, tag: 'ts' } } })) {
      const summary: Schemas['PublicPostSummary'] = item; // typed from the contract
      slugs.push(summary.slug);
    }
    expect(slugs).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(seen.map((s) => new URL(s.url, 'http://x').searchParams.get('tag'))).toEqual(['ts', 'ts', 'ts']);
    expect(new URL(seen[0].url, 'http://x').searchParams.has('cursor')).toBe(false);
  });

  it('yields pages, stops early when the caller breaks, and ends on a repeated cursor', async () => {
    handler = pager;
    const client = createOmerVisionClient({ baseUrl });
    const sizes: number[] = [];
    for await (const page of client.pages('/api/v1/posts', { params: { query: { limit: 2 } } }))
      sizes.push(page.items.length);
    expect(sizes).toEqual([2, 2, 1]);

    seen = [];
    for await (const _item of client.paginate('/api/v1/posts', { params: { query: { limit: 2 } } })) break;
    expect(seen).toHaveLength(1);

    seen = [];
    handler = (_q, res) => json(res, 200, { items: [post('x')], nextCursor: 'same' });
    const items = [];
    for await (const item of client.paginate('/api/v1/posts')) items.push(item);
    expect(items).toHaveLength(2);
  });
});
