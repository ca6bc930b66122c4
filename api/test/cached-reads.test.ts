import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, publishedPost } from './content-helpers.js';
import { createUser, login } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

/**
 * Public reads answered from the cache's bytes: the first request for a URL goes through its route,
 * later ones are replayed from the cache entry before routing (middleware/cached-answers.ts). Both
 * must be the same answer, with every header the API sends on any response.
 */
let api: TestApi;
let token: string;
const ORIGIN = 'http://127.0.0.1:3000'; // in CORS_ORIGINS (the dev default)

beforeAll(async () => {
  api = await startTestApi();
  token = (await login(api, await createUser(api, 'editor'))).accessToken;
});
afterAll(() => api.close());

/** Headers that differ between any two responses. */
function stable(res: Response): Record<string, string> {
  const headers = Object.fromEntries(res.headers);
  for (const name of ['date', 'x-request-id', 'x-ratelimit-remaining', 'x-ratelimit-reset']) delete headers[name];
  return headers;
}

describe('cached public reads', () => {
  it('a replayed answer is the routed answer: bytes, ETag, security headers, CORS, request id', async () => {
    const post = await publishedPost(api, token, { title: 'Önbellekten Yanıt' });
    for (const path of ['/api/v1/posts?limit=5&tag=', `/api/v1/posts/${post.slug}`]) {
      const routed = await fetch(api.url + path, { headers: { origin: ORIGIN } });
      const replayed = await fetch(api.url + path, { headers: { origin: ORIGIN, 'x-request-id': 'replay-check-1' } });
      expect(replayed.status).toBe(200);
      expect(stable(replayed)).toEqual(stable(routed));
      expect(await replayed.text()).toBe(await routed.text());
      expect(replayed.headers.get('x-request-id')).toBe('replay-check-1');
      expect(replayed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(replayed.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(replayed.headers.get('cache-control')).toMatch(/^public, /);
      const unlisted = await fetch(api.url + path, { headers: { origin: 'https://evil.example' } });
      expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();
      const etag = replayed.headers.get('etag')!;
      expect(
        (await fetch(api.url + path, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } })).status,
      ).toBe(304);
    }
  });

  it('a write is read at once: the replayed URL goes back through its route', async () => {
    const path = '/api/v1/posts?limit=1';
    await fetch(api.url + path);
    await fetch(api.url + path);
    const post = await publishedPost(api, token, { title: 'Hemen Görünen Yazı' });
    expect((await (await fetch(api.url + path)).json()).items[0].slug).toBe(post.slug);
    // An edit of the post shows on the replayed slug URL too.
    await fetch(`${api.url}/api/v1/posts/${post.slug}`);
    expect((await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, token, { excerpt: 'Yeni özet' })).status).toBe(
      200,
    );
    expect((await (await fetch(`${api.url}/api/v1/posts/${post.slug}`)).json()).excerpt).toBe('Yeni özet');
  });

  it('stale read across replicas: with Cache-Control: no-cache a read sees a publish made through another API process at once', async () => {
    // The site builder reads right after the publish webhook, possibly from a replica that learnt the
    // list's cache version less than a second ago and would still answer the old list.
    const replica = await startTestApi();
    try {
      const path = '/api/v1/posts?limit=50';
      const slugs = async (res: Response) =>
        ((await res.json()) as { items: { slug: string }[] }).items.map((p) => p.slug);
      await fetch(api.url + path); // routed, cached
      await fetch(api.url + path); // answered by URL from memory
      const post = await publishedPost(replica, token, { title: `Öteki süreçten ${Date.now()}` });
      const fresh = await fetch(api.url + path, { headers: { 'cache-control': 'no-cache' } });
      expect(fresh.status).toBe(200);
      expect(await slugs(fresh)).toContain(post.slug);
      const bySlug = await fetch(`${api.url}/api/v1/posts/${post.slug}`, { headers: { 'cache-control': 'no-cache' } });
      expect(bySlug.status).toBe(200);
    } finally {
      await replica.close();
    }
  });

  it('a slug that was never published answers 404, and keeps answering it from the cache', async () => {
    for (let i = 0; i < 2; i++) expect((await fetch(`${api.url}/api/v1/posts/no-such-post-anywhere`)).status).toBe(404);
  });
});
