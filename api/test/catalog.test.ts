import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents, paasApps } from '../src/db/schema.js';
import { call, doc, publishedPost } from './content-helpers.js';
import { createUser, login } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

let api: TestApi;
const t = {} as Record<'editor' | 'author' | 'viewer', string>;
beforeAll(async () => {
  api = await startTestApi();
  for (const role of ['editor', 'author', 'viewer'] as const)
    t[role] = (await login(api, await createUser(api, role))).accessToken;
});
afterAll(() => api.close());

const events = async (id: string) =>
  (await api.infra.database.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, id))).map((e) => e.type);

describe('projects', () => {
  it('draft → published → visible; edits show at once; unpublish hides it; events on the way', async () => {
    const res = await call(api, 'POST', '/api/v1/admin/projects', t.editor, {
      title: 'Görüntü İşleme Aracı',
      summary: 'Küçük bir araç',
      techStack: ['Go', 'Go', 'WebAssembly'],
      repoUrl: 'https://github.com/x/y',
      body: doc('Ayrıntılar'),
      sortOrder: 3,
    });
    expect(res.status).toBe(201);
    const project = await res.json();
    expect(project).toMatchObject({
      slug: 'goruntu-isleme-araci',
      status: 'draft',
      techStack: ['Go', 'WebAssembly'],
      html: '<p>Ayrıntılar</p>',
    });
    expect((await call(api, 'GET', `/api/v1/projects/${project.slug}`)).status).toBe(404);

    expect((await call(api, 'POST', `/api/v1/admin/projects/${project.id}/publish`, t.editor)).status).toBe(200);
    const list = await (await call(api, 'GET', '/api/v1/projects')).json();
    expect(list.map((p: { slug: string }) => p.slug)).toContain(project.slug);
    expect(list[0]).not.toHaveProperty('body');

    await call(api, 'PATCH', `/api/v1/admin/projects/${project.id}`, t.editor, { summary: 'Güncellendi' });
    expect((await (await call(api, 'GET', `/api/v1/projects/${project.slug}`)).json()).summary).toBe('Güncellendi');

    await call(api, 'POST', `/api/v1/admin/projects/${project.id}/unpublish`, t.editor);
    expect((await call(api, 'GET', `/api/v1/projects/${project.slug}`)).status).toBe(404);
    expect(await events(project.id)).toEqual(
      expect.arrayContaining(['project.published', 'project.updated', 'project.unpublished', 'site.changed']),
    );
  });

  it('a project’s live demo: its PaaS app with the status of the moment (not cached), null when unlinked or gone; public apps listed', async () => {
    const db = api.infra.database.db;
    const mark = Date.now().toString(36);
    const [running, hidden] = [`${crypto.randomUUID()}`, `${crypto.randomUUID()}`];
    await db.insert(paasApps).values([
      {
        id: running,
        slug: `demo-${mark}`,
        name: 'Demo',
        repoUrl: 'https://example.com/d.git',
        env: {},
        status: 'running',
        isPublic: true,
      },
      {
        id: hidden,
        slug: `private-${mark}`,
        name: 'Private',
        repoUrl: 'https://example.com/p.git',
        env: {},
        status: 'stopped',
        isPublic: false,
      },
    ]);
    const project = await (
      await call(api, 'POST', '/api/v1/admin/projects', t.editor, { title: `Demo projesi ${mark}`, paasAppId: running })
    ).json();
    await call(api, 'POST', `/api/v1/admin/projects/${project.id}/publish`, t.editor);
    const read = async () => {
      const res = await call(api, 'GET', `/api/v1/projects/${project.slug}`);
      return { etag: res.headers.get('etag'), app: (await res.json()).app };
    };
    const first = await read();
    expect(first.app).toEqual({
      slug: `demo-${mark}`,
      name: 'Demo',
      status: 'running',
      url: `http://demo-${mark}.apps.localhost:8090`,
    });
    const listed = (await (await call(api, 'GET', '/api/v1/projects')).json()).find(
      (p: { id: string }) => p.id === project.id,
    );
    expect(listed.app.status).toBe('running');

    // The app stops: no content write, yet the next read says so, with a new ETag.
    await db.update(paasApps).set({ status: 'stopped' }).where(eq(paasApps.id, running));
    const second = await read();
    expect(second.app.status).toBe('stopped');
    expect(second.etag).not.toBe(first.etag);

    const apps = await (await call(api, 'GET', '/api/v1/paas/apps')).json();
    expect(apps.find((a: { slug: string }) => a.slug === `demo-${mark}`)).toMatchObject({
      status: 'stopped',
      project: { slug: project.slug, title: project.title },
    });
    expect(apps.some((a: { slug: string }) => a.slug === `private-${mark}`)).toBe(false);

    await db.delete(paasApps).where(eq(paasApps.id, running));
    expect((await read()).app).toBeNull();
    await call(api, 'PATCH', `/api/v1/admin/projects/${project.id}`, t.editor, { paasAppId: null });
    expect((await read()).app).toBeNull();
  });

  it('authors and viewers cannot manage projects; bad URLs are 422', async () => {
    expect((await call(api, 'POST', '/api/v1/admin/projects', t.author, { title: 'x' })).status).toBe(403);
    expect((await call(api, 'POST', '/api/v1/admin/projects', t.viewer, { title: 'x' })).status).toBe(403);
    const bad = await call(api, 'POST', '/api/v1/admin/projects', t.editor, {
      title: 'x',
      repoUrl: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify((await bad.json()).errors)).toMatch(/repoUrl/);
  });
});

describe('pages', () => {
  it('an about page with a TOC, published and cached with an ETag', async () => {
    const slug = `about-${Date.now()}`;
    const content = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Kimim?', format: 0 }] },
          { type: 'paragraph', children: [{ type: 'text', text: 'Merhaba', format: 0 }] },
        ],
      },
    };
    const page = await (
      await call(api, 'POST', '/api/v1/admin/pages', t.editor, { title: 'Hakkımda', slug, content })
    ).json();
    await call(api, 'POST', `/api/v1/admin/pages/${page.id}/publish`, t.editor);
    const res = await call(api, 'GET', `/api/v1/pages/${slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(await res.json()).toMatchObject({ title: 'Hakkımda', toc: [{ id: 'kimim', text: 'Kimim?', level: 2 }] });
    const dup = await call(api, 'POST', '/api/v1/admin/pages', t.editor, { title: 'x', slug, content });
    expect(dup.status).toBe(409);
  });
});

describe('skills, tags, settings', () => {
  it('skills: CRUD with duplicate detection; the public list follows', async () => {
    const name = `Rust ${Date.now()}`;
    const skill = await (
      await call(api, 'POST', '/api/v1/admin/skills', t.editor, { name, category: 'Languages', level: 60 })
    ).json();
    expect((await call(api, 'POST', '/api/v1/admin/skills', t.editor, { name, category: 'Languages' })).status).toBe(
      409,
    );
    expect(
      (await call(api, 'POST', '/api/v1/admin/skills', t.editor, { name: 'x', category: 'y', level: 101 })).status,
    ).toBe(422);
    let pub = await (await call(api, 'GET', '/api/v1/skills')).json();
    expect(pub.find((s: { id: string }) => s.id === skill.id)).toMatchObject({ level: 60 });
    await call(api, 'PATCH', `/api/v1/admin/skills/${skill.id}`, t.editor, { level: 75 });
    pub = await (await call(api, 'GET', '/api/v1/skills')).json();
    expect(pub.find((s: { id: string }) => s.id === skill.id)).toMatchObject({ level: 75 });
    expect((await call(api, 'DELETE', `/api/v1/admin/skills/${skill.id}`, t.editor)).status).toBe(204);
  });

  it('public tags list only tags with published posts, with counts', async () => {
    const tag = `Etiket ${Date.now()}`;
    await publishedPost(api, t.editor, { title: 'Tagged one', tags: [tag] });
    await publishedPost(api, t.editor, { title: 'Tagged two', tags: [tag] });
    await call(api, 'POST', '/api/v1/admin/tags', t.editor, { name: `Unused ${Date.now()}` });
    const tags = await (await call(api, 'GET', '/api/v1/tags')).json();
    const found = tags.find((x: { name: string }) => x.name === tag);
    expect(found, JSON.stringify(tags).slice(0, 600)).toMatchObject({ postCount: 2 });
    expect(tags.every((x: { postCount: number }) => x.postCount > 0)).toBe(true);
  });

  it('settings: validated, updated for everyone at once, author e-mail kept private', async () => {
    const before = await call(api, 'GET', '/api/v1/settings');
    const etag = before.headers.get('etag');
    const patch = {
      site: { title: 'Ömer’in Sitesi', description: 'Yazılar ve projeler', locale: 'tr-TR' },
      author: { name: 'Ömer', email: 'omer@example.com', bio: 'Geliştirici' },
    };
    expect((await call(api, 'PATCH', '/api/v1/admin/settings', t.viewer, patch)).status).toBe(403);
    expect(
      (
        await call(api, 'PATCH', '/api/v1/admin/settings', t.editor, {
          navigation: [{ label: 'x', href: 'javascript:alert(1)' }],
        })
      ).status,
    ).toBe(422);
    expect((await call(api, 'PATCH', '/api/v1/admin/settings', t.editor, patch)).status).toBe(200);
    const after = await call(api, 'GET', '/api/v1/settings');
    expect(after.headers.get('etag')).not.toBe(etag);
    const body = await after.json();
    expect(body.site.title).toBe('Ömer’in Sitesi');
    expect(body.author).toMatchObject({ name: 'Ömer', email: '' });
    const admin = await (await call(api, 'GET', '/api/v1/admin/settings', t.viewer)).json();
    expect(admin.author.email).toBe('omer@example.com');
    expect(await events('site')).toContain('settings.updated');
  });

  it('settings for the look: tagline, accent colour, role and photo; the public answer fills in what is unset', async () => {
    const admin = await (await call(api, 'GET', '/api/v1/admin/settings', t.editor)).json();
    expect(
      (await call(api, 'PATCH', '/api/v1/admin/settings', t.editor, { site: { ...admin.site, accentColor: 'red' } }))
        .status,
    ).toBe(422);
    const bare = await (await call(api, 'GET', '/api/v1/settings')).json();
    expect(bare.site).toMatchObject({ tagline: '', accentColor: null });
    expect(bare.author).toMatchObject({ role: '', avatar: null });
    expect(bare.author).not.toHaveProperty('avatarId');
    await call(api, 'PATCH', '/api/v1/admin/settings', t.editor, {
      site: { ...admin.site, tagline: 'Kendi sunucumda yazılım', accentColor: '#0f766e' },
      author: { ...admin.author, role: 'Geliştirici', avatarId: crypto.randomUUID() },
    });
    const body = await (await call(api, 'GET', '/api/v1/settings')).json();
    expect(body.site).toMatchObject({ tagline: 'Kendi sunucumda yazılım', accentColor: '#0f766e' });
    // A photo that is not in the library (deleted, mistyped) is no photo.
    expect(body.author).toMatchObject({ role: 'Geliştirici', avatar: null, email: '' });
  });
});
