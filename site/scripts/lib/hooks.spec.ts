import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contactFallback, json, readBody, SeenIds, tooLarge, WebhookSecret } from './hooks.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function secretFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ov-hooks-'));
  dirs.push(dir);
  return join(dir, 'secrets', 'site-webhook');
}
function signed(secret: string, body: string, id = 'msg_1', at = new Date()) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

describe('WebhookSecret', () => {
  it('generates a secret file (mode 600) when there is none, and verifies Standard Webhooks signatures', () => {
    const file = secretFile();
    const s = new WebhookSecret(undefined, file);
    const secret = readFileSync(file, 'utf8');
    expect(secret).toMatch(/^whsec_/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const body = JSON.stringify({ type: 'site.changed', data: { cause: 'post.published' } });
    expect(s.verify(body, signed(secret, body))).toMatchObject({ type: 'site.changed' });
    expect(s.verify(`${body} `, signed(secret, body))).toBeNull();
    expect(s.verify(body, signed(secret, body, 'msg_1', new Date(Date.now() - 3_600_000)))).toBeNull();
    expect(s.verify(body, {})).toBeNull();
  });

  it('reads the file again when the seed rotated the secret', () => {
    const file = secretFile();
    const s = new WebhookSecret(undefined, file);
    const rotated = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    writeFileSync(file, rotated);
    const body = '{"type":"site.changed"}';
    expect(s.verify(body, signed(rotated, body))).toEqual({ type: 'site.changed' });
  });
});

describe('SeenIds', () => {
  it('reports a webhook id once and forgets the oldest beyond its size', () => {
    const seen = new SeenIds(2);
    expect(seen.add('a')).toBe(true);
    expect(seen.add('a')).toBe(false);
    seen.add('b');
    seen.add('c');
    expect(seen.add('a')).toBe(true);
  });
});

describe('readBody over the wire', () => {
  const LIMIT = 256 * 1024;
  let server: Server;
  let base: string;

  // The two users of readBody as server.ts wires them: the signed builder hooks and the no-JS contact form.
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/contact/send') return void contactFallback(req, res, 'http://127.0.0.1:9');
      void readBody(req, LIMIT).then((body) =>
        body === null ? tooLarge(res, LIMIT) : json(res, 200, { bytes: Buffer.byteLength(body) }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /**
   * A POST over one kept-alive connection (an agent with a single socket), chunked unless `length`
   * is given (then the server knows the size up front). Fails after 3 s without an answer.
   */
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  afterAll(() => agent.destroy());
  function post(
    path: string,
    total: number,
    length = false,
  ): Promise<{ status: number; type: string; body: string; reused: boolean }> {
    return new Promise((resolve, reject) => {
      const headers = {
        'content-type': 'application/x-www-form-urlencoded',
        ...(length ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' }),
      };
      const req = request(`${base}${path}`, { method: 'POST', headers, agent, timeout: 3000 }, (res) => {
        let body = '';
        res
          .setEncoding('utf8')
          .on('data', (d: string) => (body += d))
          .on('end', () =>
            resolve({
              status: res.statusCode!,
              type: String(res.headers['content-type']),
              body,
              reused: req.reusedSocket,
            }),
          );
      });
      req.on('timeout', () => req.destroy(new Error(`no answer to POST ${path} within 3 s`)));
      req.on('error', reject);
      for (let sent = 0; sent < total; sent += 16 * 1024)
        req.write(Buffer.alloc(Math.min(16 * 1024, total - sent), 'a'));
      req.end();
    });
  }

  it('answers a chunked body over the limit with a 413 problem document, and the connection serves the next request', async () => {
    const res = await post('/_builder/hooks/site-changed', 4 * LIMIT);
    expect(res.status).toBe(413);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      title: 'Request body too large',
    });
    // Before: the early return from `for await` left the rest of the body unread and the connection
    // wedged, so the next request on it never got an answer.
    const next = await post('/_builder/hooks/site-changed', 1000);
    expect([next.status, next.body, next.reused]).toEqual([200, '{"bytes":1000}', true]);
  });

  it('answers a declared Content-Length over the limit, and the connection serves the next request', async () => {
    const big = await post('/_builder/rollback', 2 * LIMIT, true);
    expect(big.status).toBe(413);
    expect(big.type).toBe('application/problem+json');
    expect(JSON.parse(big.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const small = await fetch(`${base}/_builder/rollback`, { method: 'POST', body: 'ş'.repeat(1000) });
    expect(await small.json()).toEqual({ bytes: 2000 });
    const next = await post('/_builder/rollback', 10, true);
    expect([next.status, next.body]).toEqual([200, '{"bytes":10}']);
  });

  it('reads a body at the limit whole', async () => {
    const res = await post('/_builder/hooks/site-changed', LIMIT);
    expect([res.status, JSON.parse(res.body)]).toEqual([200, { bytes: LIMIT }]);
  });

  it('gives the contact form fallback its "too long" page', async () => {
    const res = await post('/contact/send', 128 * 1024);
    expect(res.status).toBe(413);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('The message is too long.');
  });
});
