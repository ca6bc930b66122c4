import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentExport, ImportReport } from '../src/dtos/content-transfer.dto.js';
import { call } from './content-helpers.js';
import { createUser, login } from './factories.js';
import { freshDatabase, startTestApi, type TestApi } from './harness.js';
import { createBucket, emptyBucket, OPS_BUCKET, seedContent } from './ops-fixtures.js';

let api: TestApi;
let admin: string;
let editor: string;
let seeded: Awaited<ReturnType<typeof seedContent>>;

const exportNow = async (): Promise<ContentExport> => {
  const res = await call(api, 'GET', '/api/v1/admin/export', editor);
  expect(res.status).toBe(200);
  return res.json();
};
const importDoc = async (doc: unknown, token = editor): Promise<ImportReport> => {
  const res = await call(api, 'POST', '/api/v1/admin/import', token, doc);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};
const totals = (r: ImportReport) => {
  const all = [r.tags, r.posts, r.projects, r.pages, r.skills, r.settings];
  return { created: all.reduce((n, c) => n + c.created, 0), updated: all.reduce((n, c) => n + c.updated, 0) };
};
/** What an export says about the content, without what differs by construction (export time, edit counters). */
const content = (doc: ContentExport) => ({
  ...doc,
  exportedAt: undefined,
  posts: doc.posts.map((p) => ({ ...p, version: undefined, revision: undefined })),
});

let fresh: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  await createBucket();
  // Whole-site comparisons: a database of its own, without other files' leftovers.
  fresh = await freshDatabase('content');
  api = await startTestApi({ S3_BUCKET: OPS_BUCKET, DATABASE_URL: fresh.url });
  await emptyBucket(api.infra.storage);
  admin = (await login(api, await createUser(api, 'admin'))).accessToken;
  editor = (await login(api, await createUser(api, 'editor'))).accessToken;
  seeded = await seedContent(api, admin);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await fresh?.drop();
});

describe('content export and import', () => {
  it('exports posts with tags and latest content, projects, pages, skills, tags, settings and media references', async () => {
    const doc = await exportNow();
    expect(doc).toMatchObject({ format: 'omervision-content', version: 1 });
    const post = doc.posts.find((p) => p.slug === seeded.postSlug)!;
    expect(post).toMatchObject({
      status: 'published',
      tags: ['typescript', 'mimari'],
      excerpt: 'Güncellenmiş özet',
      revision: 2,
      author: { email: expect.stringMatching(/@/) },
    });
    expect(doc.media.find((m) => m.id === seeded.mediaId)).toMatchObject({
      id: post.coverMediaId,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      url: expect.stringMatching(/^http/),
    });
    expect(doc.projects.find((p) => p.slug === seeded.projectSlug)!.imageIds).toEqual([seeded.mediaId]);
    expect(doc.pages.find((p) => p.slug === seeded.pageSlug)).toMatchObject({ status: 'published', title: 'Hakkımda' });
    expect(doc.settings.map((s) => s.key)).toContain('site');
    expect(doc.skills.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(doc)).not.toMatch(/password|argon2/i);
  });

  it('importing the export into the same site changes nothing', async () => {
    const doc = await exportNow();
    const report = await importDoc(doc);
    expect(totals(report)).toEqual({ created: 0, updated: 0 });
    expect(report.posts.skipped).toBe(doc.posts.length);
    expect(report.notes).toEqual([]);
  });

  it('into an emptied site: everything is created, the export is the same again, and a second import creates nothing', async () => {
    const before = await exportNow();
    const pool = api.infra.database.pool;
    for (const table of [
      'post_tags',
      'post_revisions',
      'posts',
      'tags',
      'projects',
      'pages',
      'skills',
      'site_settings',
    ])
      await pool.query(`DELETE FROM ${table}`);

    // The posts are the admin's: only an admin may import posts credited to someone else.
    const first = await importDoc(before, admin);
    expect(first).toMatchObject({
      posts: { created: before.posts.length, updated: 0, skipped: 0 },
      projects: { created: before.projects.length },
      pages: { created: before.pages.length },
      skills: { created: before.skills.length },
      tags: { created: before.tags.length },
      settings: { created: before.settings.length },
    });
    expect(first.notes).toEqual([]);
    expect(content(await exportNow())).toEqual(content(before));

    const second = await importDoc(before, admin);
    expect(totals(second)).toEqual({ created: 0, updated: 0 });
    expect(second.posts.skipped).toBe(before.posts.length);
    expect(content(await exportNow())).toEqual(content(before));

    // The public site shows the imported post again.
    expect((await call(api, 'GET', `/api/v1/posts/${seeded.postSlug}`)).status).toBe(200);
  });

  it('a newer copy in the file updates; an older different copy keeps ours and says so', async () => {
    const doc = await exportNow();
    const [a, b] = doc.posts;
    a!.title = 'Başlık dosyada değişti';
    a!.updatedAt = new Date(Date.now() + 60_000).toISOString();
    b!.title = 'Eski bir kopya';
    b!.updatedAt = new Date(Date.parse(b!.updatedAt) - 60_000).toISOString();
    const report = await importDoc(doc);
    expect(report.posts).toEqual({ created: 0, updated: 1, skipped: doc.posts.length - 1 });
    expect(report.notes).toEqual([
      { type: 'post', key: b!.slug, message: expect.stringMatching(/kept the copy here/) },
    ]);
    const after = await exportNow();
    expect(after.posts.find((p) => p.slug === a!.slug)!.title).toBe('Başlık dosyada değişti');
    expect(after.posts.find((p) => p.slug === b!.slug)!.title).not.toBe('Eski bir kopya');
    expect(totals(await importDoc(doc))).toEqual({ created: 0, updated: 0 });
  });

  it('reports what it cannot take: unknown media, content we cannot render', async () => {
    const doc = await exportNow();
    const post = { ...doc.posts[0]!, slug: 'with-missing-media', coverMediaId: 'gone', author: null };
    const bad = {
      ...doc.posts[0]!,
      slug: 'with-a-widget',
      content: { root: { type: 'root', children: [{ type: 'youtube-embed', children: [] }] } },
    };
    const media = [
      ...doc.media,
      {
        id: 'gone',
        sha256: 'f'.repeat(64),
        url: 'https://elsewhere.example/x.png',
        filename: 'x.png',
        alt: '',
        mimeType: 'image/png',
      },
    ];
    const report = await importDoc({ ...doc, posts: [post, bad], media });
    expect(report.posts).toEqual({ created: 1, updated: 0, skipped: 1 });
    expect(report.notes).toEqual(
      expect.arrayContaining([
        { type: 'media', key: 'f'.repeat(64), message: expect.stringMatching(/not in this media library/) },
        { type: 'post', key: 'with-a-widget', message: expect.stringMatching(/youtube-embed/) },
      ]),
    );
    expect((await call(api, 'POST', '/api/v1/admin/import', editor, { format: 'something-else' })).status).toBe(422);
    const author = (await login(api, await createUser(api, 'author'))).accessToken;
    expect((await call(api, 'GET', '/api/v1/admin/export', author)).status).toBe(403);
    expect((await call(api, 'POST', '/api/v1/admin/import', author, doc)).status).toBe(403);
  });
});

describe('Ghost import', () => {
  const upload = async (): Promise<ImportReport> => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([readFileSync(new URL('./fixtures/ghost-export.json', import.meta.url))], { type: 'application/json' }),
      'my-blog.ghost.json',
    );
    const res = await fetch(`${api.url}/api/v1/admin/import/ghost`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}` },
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  };

  it('maps posts, pages and tags; reports the rest; importing again changes nothing', async () => {
    const report = await upload();
    expect(report).toMatchObject({
      posts: { created: 5, updated: 0, skipped: 0 },
      pages: { created: 1 },
      tags: { created: 2 },
    });
    const notes = report.notes.map((n) => `${n.type} ${n.key}: ${n.message}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ghost members: 2 members row\(s\) not imported/),
        expect.stringMatching(/^ghost newsletters:/),
        expect.stringMatching(/^tag #hidden: internal Ghost tag/),
        expect.stringMatching(/^post bookmarks-and-cards: has the Ghost card "bookmark": converted from its HTML/),
        expect.stringMatching(/^post bookmarks-and-cards: feature image .*cover\.jpg not imported/),
        expect.stringMatching(/^post members-only: visible to "members" members only in Ghost: imported as a draft/),
        expect.stringMatching(/^post eski-taslak: code injection not imported/),
      ]),
    );

    const doc = await exportNow();
    const welcome = doc.posts.find((p) => p.slug === 'welcome')!;
    expect(welcome).toMatchObject({
      title: 'Welcome to Ghost',
      status: 'published',
      featured: true,
      excerpt: 'A first post',
      tags: ['getting-started', 'turkce'],
      publishedAt: '2024-05-01T12:00:00.000Z',
      seo: { title: 'Welcome — SEO title', description: 'The first post on the blog' },
    });
    // Ghost's own Lexical was kept (its extended-* nodes renamed).
    expect(JSON.stringify(welcome.content)).toMatch(/"type":"heading"/);
    const published = await (await call(api, 'GET', '/api/v1/posts/welcome')).json();
    expect(published.html).toBe('<h2 id="hello">Hello</h2><p>This is <strong>bold</strong> text.</p>');
    const cards = await (await call(api, 'GET', '/api/v1/posts/bookmarks-and-cards')).json();
    expect(cards.html).toBe(
      '<p>Before the card</p><p><a href="https://ghost.org" rel="noopener noreferrer nofollow">Ghost</a></p><p>After</p>',
    );
    expect(doc.posts.find((p) => p.slug === 'members-only')!.status).toBe('draft');
    expect(doc.posts.find((p) => p.slug === 'coming-soon')).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2099-01-01T09:00:00.000Z',
    });
    expect(doc.posts.find((p) => p.slug === 'eski-taslak')).toMatchObject({ status: 'draft', tags: ['turkce'] });
    expect(doc.pages.find((p) => p.slug === 'about-this-blog')).toMatchObject({
      status: 'published',
      title: 'About this blog',
    });

    const again = await upload();
    expect(totals(again)).toEqual({ created: 0, updated: 0 });
  });

  it('a file that is not a Ghost export is a 422', async () => {
    const form = new FormData();
    form.append('file', new Blob(['{"hello":"world"}'], { type: 'application/json' }), 'x.json');
    const res = await fetch(`${api.url}/api/v1/admin/import/ghost`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}` },
      body: form,
    });
    expect(res.status).toBe(422);
  });
});
