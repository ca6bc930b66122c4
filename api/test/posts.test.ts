import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents } from '../src/db/schema.js';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { buildJobRegistry } from '../src/composition/worker.js';
import { createLogger } from '../src/logger.js';
import { call, doc, publishedPost } from './content-helpers.js';
import { testEnv } from './env.js';
import { createUser, login } from './factories.js';
import { eventually, startTestApi, type TestApi } from './harness.js';

let api: TestApi;
const t = {} as Record<'admin' | 'editor' | 'author' | 'author2' | 'viewer', string>;
beforeAll(async () => {
  api = await startTestApi();
  for (const role of ['admin', 'editor', 'author', 'viewer'] as const)
    t[role] = (await login(api, await createUser(api, role))).accessToken;
  t.author2 = (await login(api, await createUser(api, 'author'))).accessToken;
});
afterAll(() => api.close());

describe('posts: roles', () => {
  it('author drafts, cannot publish; editor publishes; viewer cannot write; authors keep to their own', async () => {
    const created = await call(api, 'POST', '/api/v1/admin/posts', t.author, {
      title: 'Çalışma Notları: İlk Taslak',
      content: doc('Merhaba dünya'),
      tags: ['Notlar', 'TypeScript'],
    });
    expect(created.status).toBe(201);
    const post = await created.json();
    expect(post).toMatchObject({
      slug: 'calisma-notlari-ilk-taslak',
      status: 'draft',
      version: 1,
      tags: [{ slug: 'notlar' }, { slug: 'typescript' }],
    });
    expect(post.html).toBe('<p>Merhaba dünya</p>');

    expect((await call(api, 'POST', '/api/v1/admin/posts', t.viewer, { title: 'x', content: doc('x') })).status).toBe(
      403,
    );
    expect((await call(api, 'POST', `/api/v1/admin/posts/${post.id}/publish`, t.author)).status).toBe(403);
    expect((await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, t.author2, { title: 'Hijack' })).status).toBe(
      403,
    );
    expect((await call(api, 'GET', `/api/v1/admin/posts/${post.id}`, t.author2)).status).toBe(403);
    const own = await (await call(api, 'GET', '/api/v1/admin/posts', t.author2)).json();
    expect(own.items.find((p: { id: string }) => p.id === post.id)).toBeUndefined();

    const published = await call(api, 'POST', `/api/v1/admin/posts/${post.id}/publish`, t.editor);
    expect(published.status).toBe(200);
    expect((await published.json()).status).toBe('published');
    expect((await call(api, 'GET', `/api/v1/posts/${post.slug}`)).status).toBe(200);
  });

  it('stale version → 409; duplicate slug → 409 naming body.slug', async () => {
    const post = await (
      await call(api, 'POST', '/api/v1/admin/posts', t.editor, { title: 'Versioned', content: doc('v1') })
    ).json();
    expect(
      (await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, t.editor, { title: 'V2', version: 1 })).status,
    ).toBe(200);
    const stale = await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, t.editor, { title: 'V3', version: 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).code).toBe('VERSION_CONFLICT');
    const dup = await call(api, 'POST', '/api/v1/admin/posts', t.editor, {
      title: 'Other',
      slug: post.slug,
      content: doc('x'),
    });
    expect(dup.status).toBe(409);
    expect((await dup.json()).errors[0].field).toBe('body.slug');
  });
});

describe('posts: hostile input comes out inert', () => {
  const XSS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "javascript:alert('x')",
  ];

  it('unknown Lexical nodes are 422 with the node path', async () => {
    const res = await call(api, 'POST', '/api/v1/admin/posts', t.editor, {
      title: 'x',
      content: {
        root: {
          type: 'root',
          children: [{ type: 'paragraph', children: [{ type: 'html', value: '<script>alert(1)</script>' }] }],
        },
      },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].field).toBe('body.content.root.children[0].children[0]');
  });

  it('script payloads in text, links and every string field never become markup', async () => {
    const content = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: XSS.map((text) => ({ type: 'text', text, format: 0 })) },
          {
            type: 'paragraph',
            children: [
              {
                type: 'link',
                url: 'javascript:alert(document.cookie)',
                children: [{ type: 'text', text: 'click', format: 0 }],
              },
            ],
          },
          { type: 'image', src: 'javascript:alert(1)', altText: '"><script>alert(1)</script>' },
          {
            type: 'code',
            language: '"><script>',
            children: [{ type: 'text', text: '</code><script>alert(1)</script>', format: 0 }],
          },
        ],
      },
    };
    const post = await publishedPost(api, t.editor, {
      title: XSS[0],
      excerpt: XSS[1],
      content,
      tags: [XSS[2]],
      seo: { title: XSS[1], description: XSS[0] },
    });
    const res = await call(api, 'GET', `/api/v1/posts/${post.slug}`);
    const body = await res.json();
    expect(body.html).not.toMatch(/<script|<svg|<iframe/i);
    expect(body.html).not.toMatch(/<[^>]+\son\w+\s*=/i);
    expect(body.html).not.toMatch(/(href|src)\s*=\s*"\s*javascript:/i);
    expect(body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body.title).toBe(XSS[0]); // text, delivered as JSON data; the site escapes it when rendering
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('SQL-injection strings in query parameters are just strings', async () => {
    for (const q of ["' OR 1=1 -- ", "x' UNION SELECT password_hash FROM users -- ", '%', '\\']) {
      for (const param of ['tag', 'q']) {
        const res = await call(api, 'GET', `/api/v1/posts?${param}=${encodeURIComponent(q)}`);
        expect(res.status, `${param}=${q}`).toBe(200);
        expect(JSON.stringify(await res.json())).not.toMatch(/argon2/);
      }
    }
    const bad = await call(api, 'GET', `/api/v1/posts?cursor=${encodeURIComponent("' OR 1=1")}`);
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].field).toBe('query.cursor');
    expect((await call(api, 'GET', '/api/v1/posts?limit=1000')).status).toBe(422);
  });
});

describe('public reads', () => {
  it('strong ETag, 304 on If-None-Match, a new ETag after an edit; CDN cache headers', async () => {
    const post = await publishedPost(api, t.editor, { title: 'ETag test' });
    const first = await call(api, 'GET', `/api/v1/posts/${post.slug}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+/);
    // fetch() adds `Cache-Control: no-cache` to conditional requests unless one is given, and
    // no-cache rightly forces a full answer; a CDN or browser revalidates without it.
    const revalidate = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    const again = await call(api, 'GET', `/api/v1/posts/${post.slug}`, undefined, undefined, revalidate);
    expect(again.status, `${etag} vs ${again.headers.get('etag')}`).toBe(304);
    await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, t.editor, { excerpt: 'changed' });
    const after = await call(api, 'GET', `/api/v1/posts/${post.slug}`, undefined, undefined, revalidate);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await after.json()).excerpt).toBe('changed');
  });

  it('drafts are invisible; an old slug answers 301 to the new one', async () => {
    const draft = await (
      await call(api, 'POST', '/api/v1/admin/posts', t.editor, { title: 'Hidden draft', content: doc('x') })
    ).json();
    expect((await call(api, 'GET', `/api/v1/posts/${draft.slug}`)).status).toBe(404);
    const post = await publishedPost(api, t.editor, { title: 'Old name' });
    await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, t.editor, { slug: 'new-name' });
    const moved = await fetch(`${api.url}/api/v1/posts/${post.slug}`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/api/v1/posts/new-name');
  });

  it('cursor pagination is stable when posts are published between pages', async () => {
    const tag = `page-${Date.now()}`;
    for (let i = 0; i < 5; i++) await publishedPost(api, t.editor, { title: `Paged ${i}`, tags: [tag] });
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const res = await call(api, 'GET', `/api/v1/posts?tag=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = await res.json();
      seen.push(...page.items.map((p: { title: string }) => p.title));
      cursor = page.nextCursor;
      if (round++ === 0) await publishedPost(api, t.editor, { title: 'Inserted later', tags: [tag] });
    } while (cursor);
    expect(seen).toEqual(['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);
  });

  it('searches Turkish text, ranked', async () => {
    await publishedPost(api, t.editor, {
      title: 'Konteynerleri güvenle çalıştırmak',
      content: doc('Yetenekleri düşür, süreç sayısını sınırla; konteynerleri güvenle çalıştırmak kolay.'),
    });
    const res = await call(api, 'GET', `/api/v1/posts?q=${encodeURIComponent('çalıştırmak')}`);
    const body = await res.json();
    expect(body.items[0].title).toBe('Konteynerleri güvenle çalıştırmak');
  });

  it('updatedSince lists only what changed, oldest change first', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const a = await publishedPost(api, t.editor, { title: 'Changed A' });
    const b = await publishedPost(api, t.editor, { title: 'Changed B' });
    const body = await (
      await call(api, 'GET', `/api/v1/posts?updatedSince=${encodeURIComponent(since)}&limit=100`)
    ).json();
    const ids = body.items.map((p: { id: string }) => p.id);
    expect(ids.indexOf(a.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect((await call(api, 'GET', '/api/v1/posts?updatedSince=yesterday')).status).toBe(422);
  });
});

describe('revisions and previews', () => {
  it('every save keeps a revision; restore brings old content back as a new save', async () => {
    const post = await (
      await call(api, 'POST', '/api/v1/admin/posts', t.editor, { title: 'Rev', content: doc('first') })
    ).json();
    await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, t.editor, { content: doc('second') });
    const revs = await (await call(api, 'GET', `/api/v1/admin/posts/${post.id}/revisions`, t.editor)).json();
    expect(revs.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    const restored = await (
      await call(api, 'POST', `/api/v1/admin/posts/${post.id}/revisions/${revs[1].id}/restore`, t.editor)
    ).json();
    expect(restored.html).toBe('<p>first</p>');
    expect(await (await call(api, 'GET', `/api/v1/admin/posts/${post.id}/revisions`, t.editor)).json()).toHaveLength(3);
  });

  it('a signed preview link shows a draft, privately; a forged one is 401', async () => {
    const post = await (
      await call(api, 'POST', '/api/v1/admin/posts', t.author, { title: 'Preview me', content: doc('secret draft') })
    ).json();
    const link = await (await call(api, 'POST', `/api/v1/admin/posts/${post.id}/preview-link`, t.author)).json();
    expect(link.url).toContain('/preview/?token=');
    const res = await call(api, 'GET', `/api/v1/preview/posts?token=${encodeURIComponent(link.token)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect((await res.json()).html).toBe('<p>secret draft</p>');
    expect((await call(api, 'GET', `/api/v1/preview/posts?token=${encodeURIComponent(link.token + 'x')}`)).status).toBe(
      401,
    );
  });
});

describe('scheduled publishing', () => {
  let worker: Infrastructure;
  beforeAll(() => {
    worker = createInfrastructure(testEnv(), createLogger('silent', 'worker-test'), 'worker');
    for (const job of buildJobRegistry(worker)) worker.queues.process(job.spec, 1, job.handle);
  });
  afterAll(() => worker.close());

  it('goes live on time through the worker with the same events as a manual publish', async () => {
    const manual = await publishedPost(api, t.editor, { title: 'Manual publish' });
    const post = await (
      await call(api, 'POST', '/api/v1/admin/posts', t.editor, { title: 'Scheduled', content: doc('later') })
    ).json();
    const at = new Date(Date.now() + 2000).toISOString();
    expect(
      (
        await call(api, 'POST', `/api/v1/admin/posts/${post.id}/schedule`, t.editor, {
          at: new Date(Date.now() - 1000).toISOString(),
        })
      ).status,
    ).toBe(422);
    const scheduled = await call(api, 'POST', `/api/v1/admin/posts/${post.id}/schedule`, t.editor, { at });
    expect((await scheduled.json()).status).toBe('scheduled');
    expect((await call(api, 'GET', `/api/v1/posts/${post.slug}`)).status).toBe(404);

    const live = await eventually(async () => {
      const res = await call(api, 'GET', `/api/v1/admin/posts/${post.id}`, t.editor);
      const body = await res.json();
      return body.status === 'published' ? body : undefined;
    }, 15_000);
    expect(new Date(live.publishedAt).getTime()).toBeGreaterThanOrEqual(new Date(at).getTime() - 50);
    expect(new Date(live.publishedAt).getTime() - new Date(at).getTime()).toBeLessThan(5000);

    const types = async (id: string) =>
      (await api.infra.database.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, id)))
        .map((e) => e.type)
        .sort();
    expect(await types(post.id)).toEqual(await types(manual.id));
    expect(await types(post.id)).toEqual(['post.published', 'site.changed']);
  });
});

describe('images on public posts', () => {
  it('the cover comes with its URL, alt text and variants, and an alt edit shows at once', async () => {
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'kapak.png');
    form.append('alt', 'Mavi kapak');
    const uploaded = await fetch(`${api.url}/api/v1/admin/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.editor}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const media = await uploaded.json();
    const post = await publishedPost(api, t.editor, { title: 'With a cover', coverMediaId: media.id });
    const body = await (await call(api, 'GET', `/api/v1/posts/${post.slug}`)).json();
    expect(body.cover).toMatchObject({ id: media.id, alt: 'Mavi kapak', width: 800, height: 400 });
    expect((await fetch(body.cover.url)).status).toBe(200);
    await call(api, 'PATCH', `/api/v1/admin/media/${media.id}`, t.editor, { alt: 'Yeni açıklama' });
    expect((await (await call(api, 'GET', `/api/v1/posts/${post.slug}`)).json()).cover.alt).toBe('Yeni açıklama');
    const list = await (await call(api, 'GET', '/api/v1/posts?limit=100')).json();
    expect(list.items.find((p: { id: string }) => p.id === post.id).cover.id).toBe(media.id);
    expect(
      (
        await call(api, 'POST', '/api/v1/admin/posts', t.editor, {
          title: 'Bad cover',
          content: doc('x'),
          coverMediaId: 'no-such-media',
        })
      ).status,
    ).toBe(422);
  });
});
