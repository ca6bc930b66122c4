import { existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleaseStore } from './releases.ts';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

async function storeWith(count: number, keep = 5) {
  const root = mkdtempSync(join(tmpdir(), 'ov-releases-'));
  roots.push(root);
  const store = new ReleaseStore(root, keep);
  await store.init();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = store.newId(new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    mkdirSync(join(root, id, '_astro'), { recursive: true });
    writeFileSync(join(root, id, '_astro', `app${i}.js`), 'x');
    writeFileSync(
      join(root, id, '.release.json'),
      JSON.stringify({ id, createdAt: '', files: { [`/_astro/app${i}.js`]: { hash: String(i), size: 1 } } }),
    );
    await store.shareAssets(id);
    ids.push(id);
  }
  return { store, root, ids };
}

describe('ReleaseStore', () => {
  it('swaps current by renaming a symlink and finds the release before it', async () => {
    const { store, root, ids } = await storeWith(3);
    await store.activate(ids[1]!);
    expect(readlinkSync(join(root, 'current'))).toBe(ids[1]);
    await store.activate(ids[2]!);
    expect(await store.current()).toBe(ids[2]);
    expect(await store.before(ids[2]!)).toBe(ids[1]);
    expect(await store.before(ids[0]!)).toBeNull();
  });

  it('keeps the newest releases and the live one; old assets of removed releases go after the grace period', async () => {
    const { store, root, ids } = await storeWith(8, 5);
    await store.activate(ids[0]!);
    const shared = join(root, 'shared', '_astro');
    // app1's last user goes now but it was used recently: kept; app2 unused for weeks: removed.
    utimesSync(join(shared, 'app2.js'), new Date('2025-01-01'), new Date('2025-01-01'));
    const removed = await store.prune(Date.now());
    expect(removed).toEqual([ids[1], ids[2]]);
    expect(await store.list()).toEqual([ids[0], ...ids.slice(3)]);
    expect(existsSync(join(shared, 'app0.js'))).toBe(true);
    expect(existsSync(join(shared, 'app1.js'))).toBe(true);
    expect(existsSync(join(shared, 'app2.js'))).toBe(false);
  });
});
