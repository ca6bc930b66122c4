import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createOmerVisionClient } from '../../clients/typescript/src/index.js';
import { doc, publishedPost } from './content-helpers.js';
import { createUser, login } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

let api: TestApi;
let editor: string;
beforeAll(async () => {
  api = await startTestApi();
  editor = (await login(api, await createUser(api, 'editor'))).accessToken;
});
afterAll(() => api.close());

describe('@omervision/client against the real API', () => {
  it('pages through published posts by cursor and reads one by slug', async () => {
    const tag = `client-${Date.now().toString(36)}`;
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push(
        (await publishedPost(api, editor, { title: `Client post ${tag} ${i}`, content: doc(`Body ${i}`), tags: [tag] }))
          .slug,
      );

    const client = createOmerVisionClient({ baseUrl: api.url });
    const pages: number[] = [];
    for await (const page of client.pages('/api/v1/posts', { params: { query: { tag, limit: 2 } } }))
      pages.push(page.items.length);
    expect(pages).toEqual([2, 2, 1]);

    const slugs: string[] = [];
    for await (const post of client.paginate('/api/v1/posts', { params: { query: { tag, limit: 2 } } }))
      slugs.push(post.slug);
    expect(slugs.sort()).toEqual([...made].sort());

    const one = await client.get('/api/v1/posts/{slug}', { params: { path: { slug: made[3]! } } });
    expect(one).toMatchObject({ slug: made[3], title: `Client post ${tag} 3` });
    expect(one.html).toContain('Body 3');

    const missing = await client
      .get('/api/v1/posts/{slug}', { params: { path: { slug: `${tag}-nope` } } })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ status: 404 });
    expect((missing as ApiError).code).toMatch(/\w/);

    // The same client with a token reaches the admin API.
    const admin = createOmerVisionClient({ baseUrl: api.url, token: editor });
    const drafts = await admin.get('/api/v1/admin/posts', { params: { query: { tag, limit: 10 } } });
    expect(drafts.items.map((p) => p.slug).sort()).toEqual([...made].sort());
  });
});
