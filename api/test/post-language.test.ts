import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentExport } from '../src/dtos/content-transfer.dto.js';
import { buildJobRegistry } from '../src/composition/worker.js';
import { call, doc, publishedPost } from './content-helpers.js';
import { testEnv, testRedisPrefix } from './env.js';
import { bearer, createUser, login } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

/** A post's own language (`language`: tr/en/null) and the library images its public body (and a page's) shows (`bodyImages`). */
const BUCKET = `${testRedisPrefix()
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')}-postlang`;
let api: TestApi;
let editor: string;

beforeAll(async () => {
  const env = testEnv();
  const s3 = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
  });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch((err: Error) => {
    if (!/BucketAlready/.test(err.name)) throw err;
  });
  s3.destroy();
  api = await startTestApi({ S3_BUCKET: BUCKET });
  editor = (await login(api, await createUser(api, 'editor'))).accessToken;
});
afterAll(() => api?.close());

const problem = async (res: Response) => {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as { status: number; errors: { field: string; message: string }[] };
};

describe('post language', () => {
  it('is stored, shown to the admin and the public API, and null clears it', async () => {
    const created = await call(api, 'POST', '/api/v1/admin/posts', editor, {
      title: 'An English note',
      content: doc('Hello'),
      language: 'en',
    });
    expect(created.status).toBe(201);
    const post = await created.json();
    expect(post.language).toBe('en');

    const plain = await (
      await call(api, 'POST', '/api/v1/admin/posts', editor, { title: 'Dil yok', content: doc('Merhaba') })
    ).json();
    expect(plain.language).toBeNull();

    await call(api, 'POST', `/api/v1/admin/posts/${post.id}/publish`, editor);
    const pub = await (await call(api, 'GET', `/api/v1/posts/${post.slug}`)).json();
    expect(pub.language).toBe('en');
    const list = await (await call(api, 'GET', '/api/v1/posts?limit=100')).json();
    expect(list.items.find((p: { id: string }) => p.id === post.id).language).toBe('en');

    // Left out: unchanged. null: back to the site's language (and the public answer follows at once).
    const untouched = await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, editor, {
      title: 'An English note, again',
    });
    expect((await untouched.json()).language).toBe('en');
    const cleared = await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, editor, { language: null });
    expect(cleared.status).toBe(200);
    expect((await cleared.json()).language).toBeNull();
    expect((await (await call(api, 'GET', `/api/v1/posts/${post.slug}`)).json()).language).toBeNull();
    const back = await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, editor, { language: 'tr' });
    expect((await back.json()).language).toBe('tr');
  });

  it('anything but tr, en or null is 422 naming body.language, and nothing changes', async () => {
    const post = await (
      await call(api, 'POST', '/api/v1/admin/posts', editor, { title: 'Kalan', content: doc('x'), language: 'en' })
    ).json();
    for (const language of ['de', 'EN', '', 7, 'en-US']) {
      const res = await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, editor, { language });
      expect(res.status, String(language)).toBe(422);
      const body = await problem(res);
      expect(body.errors.map((e) => e.field)).toContain('body.language');
    }
    const bad = await call(api, 'POST', '/api/v1/admin/posts', editor, {
      title: 'Yeni',
      content: doc('x'),
      language: 'fr',
    });
    expect(bad.status).toBe(422);
    expect((await problem(bad)).errors.map((e) => e.field)).toContain('body.language');
    expect((await (await call(api, 'GET', `/api/v1/admin/posts/${post.id}`, editor)).json()).language).toBe('en');
  });

  it('survives an export → delete → import round trip; files without the field import as the site language', async () => {
    const post = await publishedPost(api, editor, { title: 'Round trip in English', language: 'en' });
    const file = (await (await call(api, 'GET', '/api/v1/admin/export', editor)).json()) as ContentExport;
    const exported = file.posts.find((p) => p.slug === post.slug)!;
    expect(exported.language).toBe('en');
    expect((await call(api, 'DELETE', `/api/v1/admin/posts/${post.id}`, editor)).status).toBe(204);

    const older = { ...exported, slug: 'old-file-post', title: 'From an older file' } as Record<string, unknown>;
    delete older.language;
    const res = await call(api, 'POST', '/api/v1/admin/import', editor, {
      ...file,
      posts: [exported, older],
      projects: [],
      pages: [],
      skills: [],
      settings: [],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const back = await (await call(api, 'GET', `/api/v1/posts/${post.slug}`)).json();
    expect(back.language).toBe('en');
    const list = await (await call(api, 'GET', '/api/v1/admin/posts?limit=100', editor)).json();
    const oldId = list.items.find((p: { slug: string }) => p.slug === 'old-file-post').id;
    expect((await (await call(api, 'GET', `/api/v1/admin/posts/${oldId}`, editor)).json()).language).toBeNull();
  });
});

describe('body images', () => {
  it('the public post lists the library images its body shows, with their variants', async () => {
    const png = await sharp({ create: { width: 1300, height: 700, channels: 3, background: '#c52' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'govde.png');
    form.append('alt', 'Gövde görseli');
    const up = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', headers: bearer(editor), body: form });
    expect(up.status).toBe(201);
    const media = await up.json();
    const handle = buildJobRegistry(api.infra).find((j) => j.spec.name === 'media-variants')!.handle as (
      d: { mediaId: string },
      j: { id: string; attempt: number },
    ) => Promise<unknown>;
    await handle({ mediaId: media.id }, { id: media.id, attempt: 1 });

    const content = {
      root: {
        type: 'root',
        version: 1,
        children: [
          { type: 'paragraph', version: 1, children: [{ type: 'text', text: 'Önce', format: 0, version: 1 }] },
          { type: 'image', version: 1, src: media.url, altText: 'Gövde görseli', width: 1300, height: 700 },
          { type: 'image', version: 1, src: 'https://example.com/elsewhere.png', altText: 'başka' },
        ],
      },
    };
    const post = await publishedPost(api, editor, { title: 'Görselli yazı', content });
    const pub = await (await call(api, 'GET', `/api/v1/posts/${post.slug}`)).json();
    expect(pub.bodyImages).toHaveLength(1);
    expect(pub.bodyImages[0]).toMatchObject({
      id: media.id,
      url: media.url,
      width: 1300,
      height: 700,
      alt: 'Gövde görseli',
    });
    expect(
      pub.bodyImages[0].variants.map((v: { width: number; format: string }) => `${v.width}.${v.format}`).sort(),
    ).toEqual(['1024.avif', '1024.webp', '320.avif', '320.webp', '640.avif', '640.webp']);
    // The preview of a draft shows the same.
    const draft = await (
      await call(api, 'POST', '/api/v1/admin/posts', editor, { title: 'Taslak görselli', content })
    ).json();
    const link = await (await call(api, 'POST', `/api/v1/admin/posts/${draft.id}/preview-link`, editor)).json();
    const preview = await (
      await call(api, 'GET', `/api/v1/preview/posts?token=${encodeURIComponent(link.token)}`)
    ).json();
    expect(preview.bodyImages.map((i: { id: string }) => i.id)).toEqual([media.id]);

    // A CMS page (/about/, /<slug>/) gets the same, in its own read and in the list.
    const page = await (
      await call(api, 'POST', '/api/v1/admin/pages', editor, {
        title: 'Görselli sayfa',
        slug: 'gorselli-sayfa',
        content,
      })
    ).json();
    expect((await call(api, 'POST', `/api/v1/admin/pages/${page.id}/publish`, editor)).status).toBe(200);
    const pubPage = await (await call(api, 'GET', '/api/v1/pages/gorselli-sayfa')).json();
    expect(pubPage.bodyImages.map((i: { id: string }) => i.id)).toEqual([media.id]);
    expect(pubPage.bodyImages[0].variants.length).toBe(6);
    const listed = (
      (await (await call(api, 'GET', '/api/v1/pages')).json()) as { slug: string; bodyImages: unknown[] }[]
    ).find((p) => p.slug === 'gorselli-sayfa');
    expect(listed?.bodyImages).toHaveLength(1);
  });
});
