import { readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../api/test/harness.js';
import { builderIdle, builderStatus, lexical, startStack, type Stack } from './stack.ts';

// The publish path end to end: API → outbox → signed webhook → builder → atomic release → browser.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

type Build = {
  id: string;
  status: string;
  trigger: string;
  release: string | null;
  pagesBuilt: number | null;
  pagesSkipped: number | null;
  error: string | null;
};
async function builds(): Promise<Build[]> {
  const res = await stack.call('GET', '/api/v1/admin/site/builds?limit=100');
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Build[] }).items;
}

async function createPost(
  title: string,
  text: string,
  tags: string[] = ['Yayın'],
): Promise<{ id: string; slug: string }> {
  const res = await stack.call('POST', '/api/v1/admin/posts', {
    title,
    content: lexical(text),
    tags,
    excerpt: text.slice(0, 80),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; slug: string };
}

const live = (path: string) => eventually(async () => (await fetch(stack.site.url + path)).status === 200, 90_000, 250);
const idle = () => builderIdle(stack.site);
/** Gone, or a zombie waiting for init to reap it. */
async function gone(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  return (await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')).split(') ')[1]?.startsWith('Z') ?? true;
}
const release = async () => (await fetch(`${stack.site.url}/`)).headers.get('x-release');

describe('publishing', () => {
  it('makes a post appear on the site with no manual step; RSS and sitemap list it; unpublishing removes it', async () => {
    const post = await createPost('Çiğdem ile şüpheli ağaç: yayın testi', 'Yayınlanınca site kendini yeniden kurar.');
    expect((await fetch(`${stack.site.url}/blog/${post.slug}/`)).status).toBe(404);
    expect((await stack.call('POST', `/api/v1/admin/posts/${post.id}/publish`, {})).status).toBe(200);
    await live(`/blog/${post.slug}/`);

    const page = await stack.browser.newPage();
    await page.goto(`${stack.site.url}/blog/${post.slug}/`);
    expect(await page.textContent('article h1')).toBe('Çiğdem ile şüpheli ağaç: yayın testi');
    await page.goto(`${stack.site.url}/`);
    expect(await page.textContent('#latest ~ ul, section[aria-labelledby="latest"]')).toContain(
      'Çiğdem ile şüpheli ağaç',
    );
    await page.close();
    expect(await (await fetch(`${stack.site.url}/rss.xml`)).text()).toContain(`/blog/${post.slug}/`);
    expect(await (await fetch(`${stack.site.url}/sitemap.xml`)).text()).toContain(`/blog/${post.slug}/`);
    expect(await (await fetch(`${stack.site.url}/tags/yayin/`)).text()).toContain(post.slug);

    await idle();
    const done = (await builds()).find((b) => b.status === 'succeeded' && b.trigger.startsWith('post.published'));
    expect(done).toBeDefined();
    // Incremental: the other posts' pages were reused, not rendered again.
    expect(done!.pagesSkipped).toBeGreaterThan(0);

    expect((await stack.call('POST', `/api/v1/admin/posts/${post.id}/unpublish`, {})).status).toBe(200);
    await eventually(async () => (await fetch(`${stack.site.url}/blog/${post.slug}/`)).status === 404, 90_000, 250);
    expect(await (await fetch(`${stack.site.url}/sitemap.xml`)).text()).not.toContain(`/blog/${post.slug}/`);
  });

  it('turns ten publishes in two seconds into at most two builds', async () => {
    await idle();
    const before = (await builds()).length;
    const posts = [];
    for (let i = 0; i < 10; i++) posts.push(await createPost(`Burst ${i} ${Date.now()}`, `Patlama ${i}`, ['Burst']));
    const started = Date.now();
    for (const p of posts)
      expect((await stack.call('POST', `/api/v1/admin/posts/${p.id}/publish`, {})).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    for (const p of posts) await live(`/blog/${p.slug}/`);
    await idle();
    const after = await builds();
    expect(after.length - before).toBeGreaterThanOrEqual(1);
    expect(after.length - before).toBeLessThanOrEqual(2);
  });

  it('keeps the previous release live when a build is killed midway, and when the builder itself is killed', async () => {
    await idle();
    const liveBefore = await release();
    // Kill astro mid-build.
    expect((await stack.call('POST', '/api/v1/admin/site/rebuild')).status).toBe(202);
    const pid = await eventually(async () => (await builderStatus(stack.site)).buildPid ?? undefined, 30_000, 50);
    process.kill(pid, 'SIGKILL');
    await idle();
    expect(await release()).toBe(liveBefore);
    expect((await fetch(`${stack.site.url}/blog/`)).status).toBe(200);
    const failed = (await builds())[0]!;
    expect(failed.status).toBe('failed');
    expect(failed.trigger).toBe('manual');
    expect(failed.error).toMatch(/killed/);

    // Kill the whole server mid-build: `current` still points at the old release, and a restart serves it.
    expect((await stack.call('POST', '/api/v1/admin/site/rebuild')).status).toBe(202);
    const orphan = await eventually(async () => (await builderStatus(stack.site)).buildPid ?? undefined, 30_000, 50);
    await stack.site.stop('SIGKILL');
    expect(await readlink(join(stack.releasesDir, 'current'))).toBe(liveBefore);
    await stack.restartSite();
    expect((await fetch(`${stack.site.url}/blog/`)).headers.get('x-release')).toBe(liveBefore);
    // The restarted builder ends its orphaned astro process and closes the stale record.
    await eventually(() => gone(orphan), 5000, 100);
    await idle();
    const records = await builds();
    expect(records.find((b) => b.error?.includes('stopped during this build'))).toBeDefined();
    expect(records.some((b) => b.status === 'building')).toBe(false);
  });

  it('rolls back to the previous release through the API, instantly', async () => {
    await idle();
    const { releases } = await builderStatus(stack.site);
    const current = await release();
    expect(releases.length).toBeGreaterThanOrEqual(2);
    const res = await stack.call('POST', '/api/v1/admin/site/rollback', {});
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { release: string; previous: string };
    expect(body.previous).toBe(current);
    expect(body.release).toBe(releases[releases.indexOf(current!) - 1]);
    expect(await release()).toBe(body.release);
    expect((await builds())[0]).toMatchObject({ trigger: 'rollback', status: 'succeeded', release: body.release });
    expect((await stack.call('POST', '/api/v1/admin/site/rollback', { release: 'no-such-release' })).status).toBe(404);
  });
});
