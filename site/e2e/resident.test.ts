import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readlink, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../api/test/harness.js';
import { astroBuild } from '../scripts/bench/site-bench.ts';
import { builderIdle, builderStatus, lexical, startStack, type Stack } from './stack.ts';

// The resident renderer (site/scripts/renderer.ts): after the first full build, a publish renders only
// the pages whose cache key changed and patches the live release. What it serves must be exactly what
// a full `astro build` of the same content makes.
const SITE_ROOT = join(import.meta.dirname, '..');
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

type Build = { status: string; trigger: string; release: string | null; pagesBuilt: number; pagesSkipped: number };
const builds = async () =>
  ((await (await stack.call('GET', '/api/v1/admin/site/builds?limit=100')).json()) as { items: Build[] }).items;
const idle = () => builderIdle(stack.site);
const status = (path: string) => fetch(stack.site.url + path).then((r) => r.status);
const until = (path: string, code: number) => eventually(async () => (await status(path)) === code, 90_000, 200);

async function post(title: string, tags: string[]): Promise<{ id: string; slug: string }> {
  const res = await stack.call('POST', '/api/v1/admin/posts', { title, content: lexical(title), tags, excerpt: title });
  expect(res.status, await res.clone().text()).toBe(201);
  const created = (await res.json()) as { id: string; slug: string };
  expect((await stack.call('POST', `/api/v1/admin/posts/${created.id}/publish`, {})).status).toBe(200);
  return created;
}

/** Every file of a directory (without the builder's compressed copies and manifest), relative. */
function files(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (!/\.(br|gz)$/.test(e.name) && e.name !== '.release.json') out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

describe('the resident renderer', () => {
  it('patches releases that equal a full astro build of the same content, file for file', async () => {
    await idle();
    const first = await post(`Kalıcı ${Date.now()}`, ['Resident', 'Yayın']);
    await until(`/blog/${first.slug}/`, 200);
    const second = await post(`İkinci ${Date.now()}`, ['Resident']);
    await until(`/blog/${second.slug}/`, 200);
    // A new title (its page, lists, feeds, card), an unpublished post (its page, card and a tag page go).
    expect(
      (await stack.call('PATCH', `/api/v1/admin/posts/${first.id}`, { title: 'Kalıcı, yeni başlık' })).status,
    ).toBe(200);
    expect((await stack.call('POST', `/api/v1/admin/posts/${second.id}/unpublish`, {})).status).toBe(200);
    await until(`/blog/${second.slug}/`, 404);
    await idle();
    expect(await (await fetch(`${stack.site.url}/blog/${first.slug}/`)).text()).toContain('Kalıcı, yeni başlık');

    // Global data: every page shows the settings, so every page renders again.
    const settings = (await (await stack.call('GET', '/api/v1/admin/settings')).json()) as {
      site: Record<string, unknown>;
    };
    const tagline = `Yerleşik ${Date.now()}`;
    expect((await stack.call('PATCH', '/api/v1/admin/settings', { site: { ...settings.site, tagline } })).status).toBe(
      200,
    );
    await eventually(async () => (await (await fetch(`${stack.site.url}/`)).text()).includes(tagline), 90_000, 250);
    await idle();

    // Those builds were warm: some pages rendered, the rest carried from the live release.
    const recent = (await builds()).filter((b) => b.status === 'succeeded' && b.trigger !== 'startup').slice(0, 3);
    expect(recent.length).toBe(3);
    expect(recent.some((b) => b.pagesSkipped > 0 && b.pagesBuilt > 0)).toBe(true);
    expect(stack.site.output()).toMatch(/renderer \(warm\)/);

    const tmp = mkdtempSync(join(tmpdir(), 'ov-resident-'));
    try {
      // A full `astro build` of the same content, the way the builder ran it before the renderer.
      await astroBuild({
        apiUrl: stack.api.url,
        siteUrl: stack.site.url,
        outDir: join(tmp, 'out'),
        cacheDir: join(tmp, 'cache'),
      });
      const liveDir = join(stack.releasesDir, await readlink(join(stack.releasesDir, 'current')));
      const expected = files(join(tmp, 'out'));
      expect(files(liveDir)).toEqual(expected);
      const differing = expected.filter(
        (f) => !readFileSync(join(tmp, 'out', f)).equals(readFileSync(join(liveDir, f))),
      );
      expect(differing).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('builds everything afresh when the live release is not its own (a rollback), it has died, or the sources changed', async () => {
    await idle();
    // A rollback: `current` is an older release than the renderer's memory.
    expect((await stack.call('POST', '/api/v1/admin/site/rollback', {})).status).toBe(200);
    const afterRollback = await post(`Geri alma ${Date.now()}`, ['Resident']);
    await until(`/blog/${afterRollback.slug}/`, 200);
    await idle();
    expect(stack.site.output()).toMatch(/is not the renderer's: full build/);
    expect(await status('/')).toBe(200);
    expect(await status('/no-such-page/')).toBe(404);

    // The renderer killed between builds: the next publish starts a new one with a full build.
    const before = await builderStatus(stack.site);
    expect(before.renderer?.warm).toBe(true);
    process.kill(before.renderer!.pid!, 'SIGKILL');
    await eventually(async () => (await builderStatus(stack.site)).renderer?.pid === null, 10_000, 100);
    const afterKill = await post(`Yeniden ${Date.now()}`, ['Resident']);
    await until(`/blog/${afterKill.slug}/`, 200);
    await idle();
    const last = (await builds())[0]!;
    expect(last).toMatchObject({ status: 'succeeded' });
    const now = await builderStatus(stack.site);
    expect(now.renderer?.warm).toBe(true);
    expect(now.renderer?.pid).not.toBe(before.renderer!.pid);
    expect(now.renderer?.release).toBe(now.release);

    // A template edited under `make dev`: the loaded bundle is stale, so the next build is a full one.
    const edited = new Date();
    await utimes(join(SITE_ROOT, 'src', 'lib', 'site-data.ts'), edited, edited);
    const afterEdit = await post(`Düzenleme ${Date.now()}`, ['Resident']);
    await until(`/blog/${afterEdit.slug}/`, 200);
    await idle();
    expect(stack.site.output()).toMatch(/site sources changed since the renderer was built: full build/);
  });
});
