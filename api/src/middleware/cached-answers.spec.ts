import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { CacheEntry } from '../repositories/cache.repository.js';
import { cachedAnswers, rememberAnswer, sendCached } from './cached-answers.js';
import { routeOf } from './request-context.js';

const entryOf = (value: unknown, source = { namespace: 'posts', key: 'list' }): CacheEntry<unknown> => {
  const body = Buffer.from(JSON.stringify(value));
  return { value, etag: `"e-${body.length}"`, body, source };
};

/**
 * A small app shaped like the API: the cached-answers middleware before a route that reads the
 * cache and answers as cachedRead does. `routed` counts the requests that reached the route;
 * `routes` records the route label the request log would use.
 */
async function start(options: { withBody?: boolean; syncPeek?: boolean } = {}) {
  const state = {
    current: entryOf({ items: [1, 2, 3] }) as CacheEntry<unknown> | undefined,
    routed: 0,
    routes: [] as string[],
  };
  // The real cache answers synchronously while its version is fresh, with a promise when it reads Redis.
  const cache = {
    peek: <T>() =>
      options.syncPeek ? (state.current as CacheEntry<T>) : Promise.resolve(state.current as CacheEntry<T> | undefined),
  };
  const app = express();
  app.use((req, res, next) => {
    res.on('finish', () => state.routes.push(routeOf(req)));
    next();
  });
  app.use(cachedAnswers(app, cache));
  app.get('/api/v1/posts', (req, res) => {
    state.routed++;
    const entry = state.current ?? entryOf({ items: ['fresh'] });
    state.current = entry;
    const answered = options.withBody === false ? { value: entry.value, etag: entry.etag } : entry;
    sendCached(req, res, answered);
    rememberAnswer(req, answered);
  });
  app.post('/api/v1/posts', (_req, res) => void res.status(201).end());
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, state };
}

const servers: import('node:http').Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const comparable = (res: Response) => {
  const headers = Object.fromEntries(res.headers);
  delete headers.date;
  return { status: res.status, headers };
};

describe('cachedAnswers', () => {
  it('answers a URL the route answered from the cache again without routing: same status, headers and bytes', async () => {
    const { url, state } = await start();
    const routed = await fetch(`${url}/api/v1/posts?limit=3`);
    const replayed = await fetch(`${url}/api/v1/posts?limit=3`);
    expect(state.routed).toBe(1);
    expect(comparable(replayed)).toEqual(comparable(routed));
    expect(await replayed.text()).toBe(await routed.text());
    expect(replayed.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // The request log and metrics still name the route.
    expect(state.routes).toEqual(['/api/v1/posts', '/api/v1/posts']);
  });

  it('replays from a synchronous cache answer as well', async () => {
    const { url, state } = await start({ syncPeek: true });
    const routed = await (await fetch(`${url}/api/v1/posts`)).text();
    expect(await (await fetch(`${url}/api/v1/posts`)).text()).toBe(routed);
    expect(state.routed).toBe(1);
  });

  it('revalidation (304), no-cache and HEAD behave as through the route', async () => {
    const { url, state } = await start();
    const first = await fetch(`${url}/api/v1/posts`);
    const etag = first.headers.get('etag')!;
    // fetch() adds Cache-Control: no-cache to a conditional request unless told otherwise.
    expect(
      (await fetch(`${url}/api/v1/posts`, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } })).status,
    ).toBe(304);
    expect(
      (await fetch(`${url}/api/v1/posts`, { headers: { 'if-none-match': etag, 'cache-control': 'no-cache' } })).status,
    ).toBe(200);
    const head = await fetch(`${url}/api/v1/posts`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(first.headers.get('content-length'));
    expect(await head.text()).toBe('');
    expect(state.routed).toBe(1);
  });

  it('a URL whose entry is gone (a write bumped the version) goes the whole way and is remembered again', async () => {
    const { url, state } = await start();
    await fetch(`${url}/api/v1/posts`);
    state.current = undefined;
    expect(await (await fetch(`${url}/api/v1/posts`)).json()).toEqual({ items: ['fresh'] });
    expect(await (await fetch(`${url}/api/v1/posts`)).json()).toEqual({ items: ['fresh'] });
    expect(state.routed).toBe(2);
  });

  it('only an anonymous request teaches it a URL (a route that answered it is public)', async () => {
    const { url, state } = await start();
    for (const headers of [{ authorization: 'Bearer x' }, { 'x-api-key': 'ovk_x' }, { cookie: 'ov_access=x' }])
      await fetch(`${url}/api/v1/posts`, { headers });
    expect(state.routed).toBe(3);
    await fetch(`${url}/api/v1/posts`);
    await fetch(`${url}/api/v1/posts`, { headers: { authorization: 'Bearer x' } });
    expect(state.routed).toBe(4);
  });

  it('a request with a body goes the whole way (its body is checked there)', async () => {
    const { url, state } = await start();
    await fetch(`${url}/api/v1/posts`);
    const { request } = await import('node:http');
    await new Promise<void>((resolve, reject) => {
      const req = request(
        `${url}/api/v1/posts`,
        { method: 'GET', headers: { 'content-type': 'application/json', 'content-length': '2' } },
        (res) => res.resume().on('end', resolve),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(state.routed).toBe(2);
  });

  it('an answer built after the cache (no bytes of its own) is never replayed; other methods never are', async () => {
    const { url, state } = await start({ withBody: false });
    await fetch(`${url}/api/v1/posts`);
    await fetch(`${url}/api/v1/posts`);
    expect(state.routed).toBe(2);
    const other = await start();
    await fetch(`${other.url}/api/v1/posts`);
    expect((await fetch(`${other.url}/api/v1/posts`, { method: 'POST' })).status).toBe(201);
  });
});
