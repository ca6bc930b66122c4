import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, doc, publishedPost } from './content-helpers.js';
import { testEnv, testRedisPrefix } from './env.js';
import { bearer, createUser, login } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

// Nothing an editor made is lost or broken by a click: images a text shows cannot be deleted,
// clearing an optional field clears it, edits to a live post wait aside until published, autosave
// keeps one revision per editing burst, and other sessions can be signed out at once.
const BUCKET = `${testRedisPrefix()
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')}-safety`;

let api: TestApi;
let admin: string;
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
  admin = (await login(api, await createUser(api, 'admin'))).accessToken;
  editor = (await login(api, await createUser(api, 'editor'))).accessToken;
});
afterAll(() => api?.close());

async function uploadImage(color: string): Promise<{ id: string; url: string; variants: { url: string }[] }> {
  const form = new FormData();
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
    .png()
    .toBuffer();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${color.slice(1)}.png`);
  const res = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', headers: bearer(admin), body: form });
  expect(res.status).toBe(201);
  return res.json();
}

/** A Lexical document with a paragraph and an image node pointing at `src`. */
function withImage(src: string) {
  return {
    root: {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', text: 'Bakın:' }] },
        { type: 'image', src, altText: 'resim', version: 1 },
      ],
    },
  };
}

interface Place {
  field: string;
  message: string;
  value: { type: string; id: string; field: string; clearable: boolean };
}

describe('images in use', () => {
  it('an image inside a post, page or project text, or a post’s pending changes, is in use: 409 listing each place, even with force', async () => {
    const image = await uploadImage('#a33');
    // A variant URL counts as much as the original's.
    const post = await (
      await call(api, 'POST', '/api/v1/admin/posts', admin, { title: 'Resimli yazı', content: withImage(image.url) })
    ).json();
    const page = await (
      await call(api, 'POST', '/api/v1/admin/pages', admin, {
        title: 'Resimli sayfa',
        slug: `resimli-${Date.now()}`,
        content: withImage(image.url.replace(/[^/]+$/, 'w320.webp')),
      })
    ).json();
    const project = await (
      await call(api, 'POST', '/api/v1/admin/projects', admin, {
        title: 'Resimli proje',
        body: withImage(image.url),
        imageIds: [image.id],
      })
    ).json();

    const refused = await call(api, 'DELETE', `/api/v1/admin/media/${image.id}?force=true`, admin);
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as { code: string; detail: string; errors: Place[] };
    expect(problem.code).toBe('MEDIA_IN_USE');
    expect(problem.detail).toMatch(/inside/);
    const places = problem.errors.map((e) => `${e.value.type}:${e.value.id}:${e.field}:${e.value.clearable}`).sort();
    expect(places).toEqual(
      [
        `page:${page.id}:content:false`,
        `post:${post.id}:content:false`,
        `project:${project.id}:body:false`,
        `project:${project.id}:imageIds:true`,
      ].sort(),
    );
    expect(problem.errors.find((e) => e.value.type === 'page')!.message).toBe('page "Resimli sayfa" (text)');
    expect((await call(api, 'GET', `/api/v1/admin/media/${image.id}`, admin)).status).toBe(200);

    // Taking the image out of every text leaves the gallery, which force may clear.
    await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, admin, { content: doc('Resimsiz') });
    await call(api, 'PATCH', `/api/v1/admin/pages/${page.id}`, admin, { content: doc('Resimsiz') });
    await call(api, 'PATCH', `/api/v1/admin/projects/${project.id}`, admin, { body: doc('Resimsiz') });
    const second = await call(api, 'DELETE', `/api/v1/admin/media/${image.id}`, admin);
    expect(second.status).toBe(409);
    expect(((await second.json()) as { errors: Place[] }).errors.map((e) => e.field)).toEqual(['imageIds']);
    expect((await call(api, 'DELETE', `/api/v1/admin/media/${image.id}?force=true`, admin)).status).toBe(204);
    expect((await (await call(api, 'GET', `/api/v1/admin/projects/${project.id}`, admin)).json()).imageIds).toEqual([]);
  });

  it('pending changes of a live post and the settings count as uses too', async () => {
    const image = await uploadImage('#3a3');
    const post = await publishedPost(api, admin, { title: `Canlı ${Date.now()}` });
    expect(
      (await call(api, 'PUT', `/api/v1/admin/posts/${post.id}/pending`, admin, { content: withImage(image.url) }))
        .status,
    ).toBe(200);
    let res = await call(api, 'DELETE', `/api/v1/admin/media/${image.id}`, admin);
    expect(((await res.json()) as { errors: Place[] }).errors.map((e) => `${e.value.type}:${e.field}`)).toEqual([
      'post:pendingChanges',
    ]);
    await call(api, 'DELETE', `/api/v1/admin/posts/${post.id}/pending`, admin);

    const settings = await (await call(api, 'GET', '/api/v1/admin/settings', admin)).json();
    expect(
      (await call(api, 'PATCH', '/api/v1/admin/settings', admin, { social: [{ label: 'CV', url: image.url }] })).status,
    ).toBe(200);
    res = await call(api, 'DELETE', `/api/v1/admin/media/${image.id}?force=true`, admin);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { errors: Place[] }).errors.map((e) => `${e.value.type}:${e.message}`)).toEqual([
      'settings:site settings: social',
    ]);
    await call(api, 'PATCH', '/api/v1/admin/settings', admin, { social: settings.social });

    // The author's photo is held by id, not by URL: still a use.
    expect(
      (
        await call(api, 'PATCH', '/api/v1/admin/settings', admin, {
          author: { ...settings.author, avatarId: image.id },
        })
      ).status,
    ).toBe(200);
    res = await call(api, 'DELETE', `/api/v1/admin/media/${image.id}`, admin);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { errors: Place[] }).errors.map((e) => `${e.value.type}:${e.message}`)).toEqual([
      'settings:site settings: author',
    ]);
    await call(api, 'PATCH', '/api/v1/admin/settings', admin, { author: { ...settings.author, avatarId: null } });
    expect((await call(api, 'DELETE', `/api/v1/admin/media/${image.id}`, admin)).status).toBe(204);
  });
});

describe('clearing optional fields', () => {
  it('null clears a project’s links and demo app, a page’s SEO texts and a post’s SEO fields and cover', async () => {
    const image = await uploadImage('#33a');
    const project = await (
      await call(api, 'POST', '/api/v1/admin/projects', admin, {
        title: 'Bağlantılı',
        repoUrl: 'https://git.example.com/r',
        liveUrl: 'https://example.com/live',
      })
    ).json();
    const cleared = await call(api, 'PATCH', `/api/v1/admin/projects/${project.id}`, admin, {
      repoUrl: null,
      liveUrl: null,
      paasAppId: null,
    });
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toMatchObject({ repoUrl: null, liveUrl: null, paasAppId: null });

    const page = await (
      await call(api, 'POST', '/api/v1/admin/pages', admin, {
        title: 'SEO',
        slug: `seo-${Date.now()}`,
        content: doc('x'),
        seoTitle: 'Başlık',
        seoDescription: 'Açıklama',
      })
    ).json();
    expect(
      await (
        await call(api, 'PATCH', `/api/v1/admin/pages/${page.id}`, admin, { seoTitle: null, seoDescription: null })
      ).json(),
    ).toMatchObject({ seoTitle: null, seoDescription: null });

    const post = await (
      await call(api, 'POST', '/api/v1/admin/posts', admin, {
        title: 'SEO yazısı',
        content: doc('x'),
        coverMediaId: image.id,
        seo: { title: 'T', description: 'D', canonicalUrl: 'https://example.com/a', ogImageMediaId: image.id },
      })
    ).json();
    const patched = await (
      await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, admin, {
        coverMediaId: null,
        seo: { title: null, description: null, canonicalUrl: null, ogImageMediaId: null },
      })
    ).json();
    expect(patched).toMatchObject({
      coverMediaId: null,
      seo: { title: null, description: null, canonicalUrl: null, ogImageMediaId: null },
    });
  });
});

describe('pending changes of a published post', () => {
  it('are kept aside without touching the live post, then published as one revision, or discarded', async () => {
    const post = await publishedPost(api, editor, { title: `Yayındaki ${Date.now()}`, content: doc('Canlı metin') });
    const live = await (await call(api, 'GET', `/api/v1/admin/posts/${post.id}`, editor)).json();

    const saved = await call(api, 'PUT', `/api/v1/admin/posts/${post.id}/pending`, editor, {
      title: 'Yeni başlık',
      content: doc('Taslak metin'),
      version: live.version,
    });
    expect(saved.status).toBe(200);
    const withPending = await saved.json();
    expect(withPending).toMatchObject({
      title: live.title,
      version: live.version,
      updatedAt: live.updatedAt,
      html: '<p>Canlı metin</p>',
    });
    expect(withPending.pendingChanges).toMatchObject({ baseVersion: live.version, changes: { title: 'Yeni başlık' } });
    const listed = await (
      await call(api, 'GET', `/api/v1/admin/posts?q=${encodeURIComponent(live.slug)}`, editor)
    ).json();
    expect(listed.items.find((p: { id: string }) => p.id === post.id)).toMatchObject({ hasPendingChanges: true });
    // Visitors and the public API see the live post only.
    const publicPost = await (await call(api, 'GET', `/api/v1/posts/${post.slug}`)).json();
    expect(publicPost.html).toBe('<p>Canlı metin</p>');
    expect(JSON.stringify(publicPost)).not.toContain('Taslak metin');
    // Bad content is refused when saved, not when published.
    expect(
      (
        await call(api, 'PUT', `/api/v1/admin/posts/${post.id}/pending`, editor, {
          content: { root: { type: 'root', children: [{ type: 'nope' }] } },
        })
      ).status,
    ).toBe(422);
    // A stale base version is a conflict.
    expect(
      (
        await call(api, 'PUT', `/api/v1/admin/posts/${post.id}/pending`, editor, {
          title: 'x',
          version: live.version - 1,
        })
      ).status,
    ).toBe(409);

    const revisionsBefore = (await (await call(api, 'GET', `/api/v1/admin/posts/${post.id}/revisions`, editor)).json())
      .length;
    const published = await call(api, 'POST', `/api/v1/admin/posts/${post.id}/pending/publish`, editor, {
      version: live.version,
    });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({
      title: 'Yeni başlık',
      html: '<p>Taslak metin</p>',
      pendingChanges: null,
      version: live.version + 1,
    });
    expect((await (await call(api, 'GET', `/api/v1/admin/posts/${post.id}/revisions`, editor)).json()).length).toBe(
      revisionsBefore + 1,
    );

    await call(api, 'PUT', `/api/v1/admin/posts/${post.id}/pending`, editor, { excerpt: 'Vazgeçilecek' });
    const discarded = await (await call(api, 'DELETE', `/api/v1/admin/posts/${post.id}/pending`, editor)).json();
    expect(discarded).toMatchObject({ pendingChanges: null, excerpt: '' });

    // A draft keeps no pending copy: it is saved directly.
    const draft = await (
      await call(api, 'POST', '/api/v1/admin/posts', editor, { title: 'Taslak', content: doc('x') })
    ).json();
    expect((await call(api, 'PUT', `/api/v1/admin/posts/${draft.id}/pending`, editor, { title: 'y' })).status).toBe(
      409,
    );
  });
});

describe('revisions', () => {
  it('autosaves by one person in one burst amend one revision; the first and restores stay their own', async () => {
    const post = await (
      await call(api, 'POST', '/api/v1/admin/posts', editor, { title: 'Burst', content: doc('v1') })
    ).json();
    for (const text of ['v2', 'v3', 'v4'])
      await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, editor, { content: doc(text) });
    const revs = await (await call(api, 'GET', `/api/v1/admin/posts/${post.id}/revisions`, editor)).json();
    expect(revs.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    const detail = await (
      await call(api, 'GET', `/api/v1/admin/posts/${post.id}/revisions/${revs[0].id}`, editor)
    ).json();
    expect(detail.content).toEqual(doc('v4'));
    // Someone else's save starts a revision of its own.
    await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, admin, { content: doc('v5') });
    expect(await (await call(api, 'GET', `/api/v1/admin/posts/${post.id}/revisions`, editor)).json()).toHaveLength(3);
  });
});

describe('sessions and the audit log', () => {
  it('signs out every other session at once, and the audit log names targets and actors', async () => {
    const user = await createUser(api, 'admin');
    const here = await login(api, user);
    const other = await login(api, user);
    await login(api, user);
    const res = await call(api, 'DELETE', '/api/v1/auth/sessions', here.accessToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revoked: 2 });
    expect((await call(api, 'GET', '/api/v1/auth/me', other.accessToken)).status).toBe(401);
    const mine = await (await call(api, 'GET', '/api/v1/auth/sessions', here.accessToken)).json();
    expect(mine).toEqual([expect.objectContaining({ current: true })]);

    const post = await (
      await call(api, 'POST', '/api/v1/admin/posts', here.accessToken, { title: 'Denetlenen yazı', content: doc('x') })
    ).json();
    const audit = await (await call(api, 'GET', '/api/v1/admin/audit?limit=20', here.accessToken)).json();
    const entry = audit.items.find(
      (e: { action: string; targetId: string }) => e.action === 'post.create' && e.targetId === post.id,
    );
    expect(entry).toMatchObject({ targetName: 'Denetlenen yazı', actorName: 'Test admin' });
  });
});
