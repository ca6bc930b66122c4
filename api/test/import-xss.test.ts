import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentExport, ExportedPost } from '../src/dtos/content-transfer.dto.js';
import { call, doc } from './content-helpers.js';
import { createUser, login, type TestUser } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

// Stored XSS through the content import: a `javascript:` link in the settings (navigation, social),
// in a project or a post must be refused like the editors' endpoints refuse it, naming the field,
// with nothing of the file written; and an editor may not credit imported posts to someone else.
let api: TestApi;
let admin: string;
let editor: string;
let editorUser: TestUser;
let author: TestUser;

const run = randomBytes(4).toString('hex');
const now = new Date().toISOString();
const emptyExport = (): ContentExport => ({
  format: 'omervision-content',
  version: 1,
  exportedAt: now,
  app: { version: 'test' },
  tags: [],
  posts: [],
  projects: [],
  pages: [],
  skills: [],
  settings: [],
  media: [],
});
const post = (slug: string, authorEmail: string | null): ExportedPost => ({
  slug,
  title: `Post ${slug}`,
  excerpt: '',
  content: doc('Body'),
  status: 'draft',
  featured: false,
  publishedAt: null,
  scheduledAt: null,
  seo: { title: null, description: null, canonicalUrl: null },
  coverMediaId: null,
  ogImageMediaId: null,
  tags: [],
  author: authorEmail ? { email: authorEmail, name: 'Someone' } : null,
  revision: 1,
  version: 1,
  createdAt: now,
  updatedAt: now,
});
/** A tag the file creates first: still missing after a refusal shows that nothing was written. */
const marker = (suffix: string) => ({
  slug: `xss-${run}-${suffix}`,
  name: `xss ${suffix}`,
  description: '',
  updatedAt: now,
});

async function importAs(token: string, body: unknown): Promise<Response> {
  return call(api, 'POST', '/api/v1/admin/import', token, body);
}

async function expectFieldError(res: Response, status: number, field: string): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as { errors?: { field: string; message: string }[] };
  expect(problem.errors?.map((e) => e.field)).toEqual([field]);
}

async function tagExists(slug: string): Promise<boolean> {
  const tags = (await (await call(api, 'GET', '/api/v1/admin/tags', admin)).json()) as { slug: string }[];
  return tags.some((t) => t.slug === slug);
}

async function settingsNow(): Promise<{ navigation: { href: string }[]; social: { url: string }[] }> {
  return (await call(api, 'GET', '/api/v1/admin/settings', admin)).json();
}

beforeAll(async () => {
  api = await startTestApi();
  admin = (await login(api, await createUser(api, 'admin'))).accessToken;
  editorUser = await createUser(api, 'editor');
  editor = (await login(api, editorUser)).accessToken;
  author = await createUser(api, 'author');
});
afterAll(async () => {
  await api?.close();
});

describe('import: links are checked like the settings and project endpoints check them', () => {
  it('import of a javascript: navigation link → 422 naming the field, nothing written', async () => {
    const file = {
      ...emptyExport(),
      tags: [marker('nav')],
      settings: [
        { key: 'site', value: { title: 'Site', description: '', locale: 'tr-TR' }, updatedAt: now },
        {
          key: 'navigation',
          value: [
            { label: 'Blog', href: '/blog/' },
            { label: 'Click', href: 'javascript:alert(document.cookie)' },
          ],
          updatedAt: now,
        },
      ],
    };
    await expectFieldError(await importAs(editor, file), 422, 'settings.$1.value.$1.href');
    expect(await tagExists(marker('nav').slug)).toBe(false);
    expect((await settingsNow()).navigation.map((n) => n.href)).not.toContain('javascript:alert(document.cookie)');
  });

  it('import of a javascript: social link → 422 naming the field', async () => {
    const file = {
      ...emptyExport(),
      settings: [{ key: 'social', value: [{ label: 'Me', url: 'JavaScript:alert(1)' }], updatedAt: now }],
    };
    await expectFieldError(await importAs(editor, file), 422, 'settings.$0.value.$0.url');
  });

  it('import of a protocol-relative (//host) or data: navigation link → 422', async () => {
    for (const href of [
      '//evil.example/',
      '/\\evil.example/',
      'data:text/html,<script>alert(1)</script>',
      ' javascript:alert(1)',
    ]) {
      const file = {
        ...emptyExport(),
        settings: [{ key: 'navigation', value: [{ label: 'x', href }], updatedAt: now }],
      };
      await expectFieldError(await importAs(editor, file), 422, 'settings.$0.value.$0.href');
    }
  });

  it('import of a setting key the site does not have → 422', async () => {
    const file = { ...emptyExport(), settings: [{ key: 'theme', value: { dark: true }, updatedAt: now }] };
    const res = await importAs(editor, file);
    await expectFieldError(res.clone(), 422, 'settings.$0.key');
    expect(JSON.stringify(await res.json())).toMatch(/'site', 'author', 'social', 'navigation'/);
  });

  it('import of a javascript: project link or canonical URL → 422 naming the field', async () => {
    const project = {
      slug: `p-${run}`,
      title: 'P',
      summary: '',
      body: doc('x'),
      techStack: [],
      repoUrl: 'javascript:alert(1)',
      liveUrl: null,
      imageIds: [],
      sortOrder: 0,
      featured: false,
      status: 'published',
      publishedAt: now,
      updatedAt: now,
    };
    await expectFieldError(
      await importAs(editor, { ...emptyExport(), projects: [project] }),
      422,
      'projects.$0.repoUrl',
    );
    const bad = post(`canonical-${run}`, null);
    bad.seo.canonicalUrl = 'javascript:alert(1)';
    await expectFieldError(
      await importAs(editor, { ...emptyExport(), posts: [bad] }),
      422,
      'posts.$0.seo.canonicalUrl',
    );
  });

  it('site paths, http(s) and mailto: links are imported', async () => {
    const navigation = [
      { label: 'Blog', href: '/blog/' },
      { label: 'Home', href: '/' },
      { label: 'Mail', href: 'mailto:me@example.com' },
      { label: 'GH', href: 'https://github.com/x' },
    ];
    const social = [
      { label: 'Mail', url: 'mailto:me@example.com' },
      { label: 'About', url: '/about/' },
      { label: 'Web', url: 'http://example.com' },
    ];
    const later = new Date(Date.now() + 60_000).toISOString();
    const file = {
      ...emptyExport(),
      settings: [
        { key: 'navigation', value: navigation, updatedAt: later },
        { key: 'social', value: social, updatedAt: later },
      ],
    };
    const res = await importAs(editor, file);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await settingsNow()).toMatchObject({ navigation, social });
  });
});

describe('Ghost import: the mapped file goes through the same checks', () => {
  it('a javascript: canonical URL in a Ghost export is dropped and reported', async () => {
    const slug = `ghost-canonical-${run}`;
    const ghost = {
      db: [
        {
          meta: { version: '5.0.0' },
          data: {
            posts: [
              { id: '1', title: 'G', slug, html: '<p>x</p>', status: 'draft', canonical_url: 'javascript:alert(1)' },
            ],
            tags: [],
          },
        },
      ],
    };
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify(ghost)], { type: 'application/json' }), 'ghost.json');
    const res = await fetch(`${api.url}/api/v1/admin/import/ghost`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}` },
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).notes).toEqual(
      expect.arrayContaining([
        { type: 'post', key: slug, message: expect.stringMatching(/canonical URL .* not imported/) },
      ]),
    );
    const listed = (await (await call(api, 'GET', `/api/v1/admin/posts?q=${slug}`, admin)).json()) as {
      items: { id: string }[];
    };
    const imported = (await (await call(api, 'GET', `/api/v1/admin/posts/${listed.items[0]!.id}`, admin)).json()) as {
      seo: { canonicalUrl: string | null };
    };
    expect(imported.seo.canonicalUrl ?? null).toBeNull();
  });
});

describe('the settings endpoint refuses the same links', () => {
  it('PATCH /admin/settings with a javascript: navigation link → 422 naming the field', async () => {
    const res = await call(api, 'PATCH', '/api/v1/admin/settings', editor, {
      navigation: [{ label: 'x', href: 'javascript:alert(1)' }],
    });
    await expectFieldError(res, 422, 'navigation.$0.href');
  });

  it('PATCH /admin/settings with a javascript: or //host social link → 422 naming the field', async () => {
    for (const url of ['javascript:alert(1)', '//evil.example', 'data:text/html,x']) {
      const res = await call(api, 'PATCH', '/api/v1/admin/settings', editor, { social: [{ label: 'x', url }] });
      await expectFieldError(res, 422, 'social.$0.url');
    }
  });

  it('PATCH /admin/settings takes site paths, http(s) and mailto: for both', async () => {
    const links = {
      navigation: [
        { label: 'M', href: 'mailto:a@b.example' },
        { label: 'B', href: '/blog/' },
      ],
      social: [
        { label: 'S', url: '/contact/' },
        { label: 'H', url: 'https://h.example/' },
      ],
    };
    const res = await call(api, 'PATCH', '/api/v1/admin/settings', editor, links);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject(links);
  });
});

describe('import: who new posts are credited to', () => {
  it("an editor's import crediting a post to another user is refused (403 naming the field), nothing written", async () => {
    const file = {
      ...emptyExport(),
      tags: [marker('credit')],
      posts: [post(`mine-${run}`, editorUser.email), post(`theirs-${run}`, author.email)],
    };
    await expectFieldError(await importAs(editor, file), 403, 'body.posts.$1.author.email');
    expect(await tagExists(marker('credit').slug)).toBe(false);
    const listed = (await (await call(api, 'GET', `/api/v1/admin/posts?q=${run}`, admin)).json()) as {
      items: { slug: string }[];
    };
    expect(listed.items.map((p) => p.slug)).not.toContain(`mine-${run}`);
  });

  it("an admin's import may credit posts to another user; an editor's posts by unknown people are the editor's", async () => {
    const byAdmin = await importAs(admin, { ...emptyExport(), posts: [post(`credited-${run}`, author.email)] });
    expect(byAdmin.status, await byAdmin.clone().text()).toBe(200);
    const byEditor = await importAs(editor, {
      ...emptyExport(),
      posts: [post(`stranger-${run}`, 'nobody-here@example.com'), post(`own-${run}`, editorUser.email)],
    });
    expect(byEditor.status, await byEditor.clone().text()).toBe(200);
    const listed = (await (await call(api, 'GET', `/api/v1/admin/posts?q=${run}&limit=50`, admin)).json()) as {
      items: { slug: string; author: { id: string } }[];
    };
    const authorOf = (slug: string) => listed.items.find((p) => p.slug === slug)?.author.id;
    expect(authorOf(`credited-${run}`)).toBe(author.id);
    expect(authorOf(`stranger-${run}`)).toBe(editorUser.id);
    expect(authorOf(`own-${run}`)).toBe(editorUser.id);
  });
});
