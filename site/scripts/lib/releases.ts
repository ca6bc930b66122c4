import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readlink, rename, rm, stat, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { exists, readManifest, type ReleaseManifest } from './release-files.ts';

const RELEASE_ID = /^\d{8}T\d{6}\d{3}Z-[0-9a-f]{4}$/;
/** Hashed assets of releases that are gone stay this long (HTML cached by browsers and CDNs may still ask). */
const ASSET_GRACE_MS = 7 * 86_400_000;

/**
 * The release directory:
 *   <root>/<id>/          one finished build each (ids sort by time)
 *   <root>/current        symlink to the live one, replaced by rename(2): atomic, never a gap
 *   <root>/shared/_astro/ every hashed asset of every kept release, so old pages' assets keep loading
 *   <root>/.staging/      where astro builds (a fixed outDir keeps Astro's content store)
 *   <root>/.cache/        Astro's cacheDir (data store, incremental-build manifest)
 */
export class ReleaseStore {
  constructor(
    readonly root: string,
    private readonly keep: number,
  ) {}

  get staging(): string {
    return join(this.root, '.staging');
  }
  get cacheDir(): string {
    return join(this.root, '.cache', 'astro');
  }
  get sharedAssets(): string {
    return join(this.root, 'shared', '_astro');
  }
  get currentLink(): string {
    return join(this.root, 'current');
  }

  dir(id: string): string {
    return join(this.root, id);
  }

  async init(): Promise<void> {
    await mkdir(this.sharedAssets, { recursive: true });
  }

  newId(now = new Date()): string {
    return `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(2).toString('hex')}`;
  }

  async current(): Promise<string | null> {
    try {
      const target = await readlink(this.currentLink);
      return RELEASE_ID.test(target) ? target : null;
    } catch {
      return null;
    }
  }

  /** Finished releases, oldest first. */
  async list(): Promise<string[]> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    const ids: string[] = [];
    for (const name of names.filter((n) => RELEASE_ID.test(n)).sort()) {
      if (await exists(join(this.root, name, '.release.json'))) ids.push(name);
    }
    return ids;
  }

  manifest(id: string): Promise<ReleaseManifest | null> {
    return readManifest(this.dir(id));
  }

  /** Moves a finished build from staging into releases/<id> (same filesystem: a rename). */
  async adopt(id: string): Promise<string> {
    await rename(this.staging, this.dir(id));
    return this.dir(id);
  }

  /** Copies (hard-links) the release's hashed assets into the shared directory. */
  async shareAssets(id: string): Promise<void> {
    const from = join(this.dir(id), '_astro');
    for (const name of await readdir(from).catch(() => [] as string[])) {
      const target = join(this.sharedAssets, name);
      if (!(await exists(target))) await link(join(from, name), target).catch(() => undefined);
    }
  }

  /** Points `current` at `id`: a new symlink renamed over the old one. */
  async activate(id: string): Promise<void> {
    const tmp = join(this.root, `.current-${randomBytes(4).toString('hex')}`);
    await symlink(id, tmp);
    await rename(tmp, this.currentLink);
  }

  /** Keeps the newest `keep` releases (and always the live one); shared assets go when no kept release uses them and they are old. */
  async prune(now = Date.now()): Promise<string[]> {
    const ids = await this.list();
    const live = await this.current();
    const keep = new Set(ids.slice(-this.keep));
    if (live) keep.add(live);
    const removed = ids.filter((id) => !keep.has(id));
    for (const id of removed) await rm(this.dir(id), { recursive: true, force: true });
    const used = new Set<string>();
    for (const id of keep) {
      for (const path of Object.keys((await this.manifest(id))?.files ?? {}))
        if (path.startsWith('/_astro/')) used.add(path.slice('/_astro/'.length));
    }
    for (const name of await readdir(this.sharedAssets).catch(() => [] as string[])) {
      const base = name.replace(/\.(br|gz)$/, '');
      // mtime = when a kept release last used it, so the grace period starts when the last user goes.
      if (used.has(base)) {
        await utimes(join(this.sharedAssets, name), now / 1000, now / 1000).catch(() => undefined);
        continue;
      }
      const info = await stat(join(this.sharedAssets, name)).catch(() => null);
      if (info && now - info.mtimeMs > ASSET_GRACE_MS) await rm(join(this.sharedAssets, name), { force: true });
    }
    // Leftovers of interrupted swaps.
    for (const name of await readdir(this.root))
      if (name.startsWith('.current-')) await rm(join(this.root, name), { force: true });
    return removed;
  }

  /** The release before `id` (for a rollback without a target). */
  async before(id: string | null): Promise<string | null> {
    const ids = await this.list();
    const at = id ? ids.indexOf(id) : ids.length;
    return at > 0 ? ids[at - 1]! : null;
  }
}
