import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deprecationHeaders } from './deprecation.js';

const spec = {
  paths: {
    '/api/v1/posts': {
      get: { operationId: 'ListPosts' },
      post: { operationId: 'OldCreate', deprecated: true, 'x-deprecated-at': '2025-03-01', 'x-sunset': '2026-12-31' },
    },
    '/api/v1/posts/{slug}': {
      get: {
        operationId: 'OldGet',
        deprecated: true,
        'x-deprecated-at': '2025-03-01T00:00:00Z',
        'x-sunset': '2026-06-30T00:00:00Z',
      },
    },
  },
};

let server: Server;
let url: string;
beforeAll(async () => {
  const app = express();
  app.use(deprecationHeaders(spec));
  app.all('/{*rest}', (req, res) => void res.status(req.method === 'POST' ? 201 : 200).json({ ok: true }));
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('deprecationHeaders', () => {
  it('dates the answers of deprecated operations: Deprecation @epoch, Sunset HTTP-date', async () => {
    const created = await fetch(`${url}/api/v1/posts`, { method: 'POST' });
    expect(created.status).toBe(201);
    expect(created.headers.get('deprecation')).toBe(`@${Date.UTC(2025, 2, 1) / 1000}`);
    expect(created.headers.get('sunset')).toBe('Thu, 31 Dec 2026 00:00:00 GMT');
    const one = await fetch(`${url}/api/v1/posts/hello`);
    expect(one.headers.get('sunset')).toBe('Tue, 30 Jun 2026 00:00:00 GMT');
    expect((await fetch(`${url}/api/v1/posts/hello`, { method: 'HEAD' })).headers.get('deprecation')).toBe(
      '@1740787200',
    );
  });

  it('leaves other operations and paths alone', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/posts'],
      ['DELETE', '/api/v1/posts/hello'],
      ['GET', '/api/v1/posts/a/b'],
    ] as const) {
      const res = await fetch(url + path, { method });
      expect(res.headers.get('deprecation'), `${method} ${path}`).toBeNull();
      expect(res.headers.get('sunset')).toBeNull();
    }
  });

  it('is a plain next() when nothing is deprecated', async () => {
    const handler = deprecationHeaders({ paths: { '/x': { get: { operationId: 'X' } } } });
    let called = false;
    handler({} as never, {} as never, () => (called = true));
    expect(called).toBe(true);
  });
});
