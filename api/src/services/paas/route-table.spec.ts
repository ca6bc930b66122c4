import { describe, expect, it } from 'vitest';
import { RouteTable } from './route-table.js';

describe('RouteTable cache', () => {
  it("keeps the apps' routes cached while 20,000 random hosts are looked up", async () => {
    const lookups = new Map<string, number>();
    const apps: Record<
      string,
      { id: string; slug: string; name: string; status: 'running' | 'stopped'; hostPort: number | null }
    > = {
      blog: { id: 'a1', slug: 'blog', name: 'Blog', status: 'running', hostPort: 32001 },
      shop: { id: 'a2', slug: 'shop', name: 'Shop', status: 'stopped', hostPort: null },
    };
    const routes = new RouteTable(
      async (slug) => {
        lookups.set(slug, (lookups.get(slug) ?? 0) + 1);
        return apps[slug];
      },
      'apps.localhost',
      60_000,
    );
    await routes.lookup('blog');
    await routes.lookup('shop');
    for (let i = 0; i < 20_000; i++) expect((await routes.lookup(`scan-${i}`)).kind).toBe('unknown');
    expect(await routes.lookup('blog')).toMatchObject({ kind: 'up', port: 32001 });
    expect(await routes.lookup('shop')).toMatchObject({ kind: 'down', status: 'stopped' });
    // Before: one Map for all, cleared past 10,000 entries, so the scan sent the apps back to the database.
    expect([lookups.get('blog'), lookups.get('shop')]).toEqual([1, 1]);
  });

  it('caches an unknown slug for the TTL too, and forgets it on request', async () => {
    let calls = 0;
    const routes = new RouteTable(async () => void calls++, 'apps.localhost', 60_000);
    await routes.lookup('nope');
    await routes.lookup('nope');
    expect(calls).toBe(1);
    routes.forget('nope');
    await routes.lookup('nope');
    expect(calls).toBe(2);
  });
});
