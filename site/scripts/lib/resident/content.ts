import { createHash } from 'node:crypto';
import { apiClient, type ApiClient } from '../../../src/lib/api-client.ts';
import { LIST_SOURCES } from '../../../src/lib/content/loaders.ts';
import { syncList, syncPosts, type SyncMeta, type SyncStats, type SyncStore } from '../../../src/lib/content/sync.ts';
import type { CollectionName, ContentSource, Entry } from '../../../src/lib/content/source.ts';

/** A collection in memory with the interface the content sync writes to (the same sync as the Astro loaders). */
export class MemoryStore<T> implements SyncStore<T> {
  readonly map = new Map<string, Entry<T>>();
  keys(): string[] {
    return [...this.map.keys()];
  }
  get(id: string): Entry<T> | undefined {
    return this.map.get(id);
  }
  /** False when the digest is unchanged (nothing rewritten: the page keeps its cache key). */
  set(entry: { id: string; data: T; digest: string }): boolean {
    if (this.map.get(entry.id)?.digest === entry.digest) return false;
    this.map.set(entry.id, entry);
    return true;
  }
  delete(id: string): void {
    this.map.delete(id);
  }
}

/** Astro's generateDigest is a content hash too; only equality between two syncs matters. */
export const digestOf = (data: unknown): string =>
  createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 22);

export type ContentStats = Record<CollectionName, SyncStats>;

/**
 * The site's content, kept in memory by the resident renderer between publishes: each sync asks the
 * API only for what changed (posts by their updatedSince cursor; the small lists whole), and the
 * pages read it through site-data.ts (ContentSource). A sync that fails leaves the last good content.
 */
export class ResidentContent implements ContentSource {
  generation = 0;
  private readonly stores = new Map<CollectionName, MemoryStore<unknown>>();
  private readonly meta = new Map<string, string>();
  private frozen = new Map<CollectionName, Entry<unknown>[]>();

  entries(name: CollectionName): Entry<unknown>[] {
    return this.frozen.get(name) ?? [];
  }

  private store(name: CollectionName): MemoryStore<unknown> {
    let s = this.stores.get(name);
    if (!s) this.stores.set(name, (s = new MemoryStore()));
    return s;
  }

  async sync(opts: { baseUrl: string; apiKey?: string; log?: (m: string) => void }): Promise<ContentStats> {
    const api: ApiClient = apiClient({ baseUrl: opts.baseUrl, apiKey: opts.apiKey, log: opts.log, fresh: true });
    const meta: SyncMeta = { get: (k) => this.meta.get(k), set: (k, v) => void this.meta.set(k, v) };
    const names = Object.keys(LIST_SOURCES) as (keyof typeof LIST_SOURCES)[];
    // Everything is fetched before anything is swapped in: the pages never see half a sync.
    const [postStats, ...lists] = await Promise.all([
      syncPosts(api, this.store('posts') as MemoryStore<never>, meta, digestOf),
      ...names.map(async (name) => {
        const source = LIST_SOURCES[name] as {
          fetchAll: (api: ApiClient) => Promise<unknown[]>;
          idOf: (item: unknown) => string;
        };
        return [name, await source.fetchAll(api)] as const;
      }),
    ]);
    const stats = { posts: postStats } as ContentStats;
    for (const [name, items] of lists) {
      const source = LIST_SOURCES[name] as { idOf: (item: unknown) => string };
      stats[name] = syncList(items, source.idOf, this.store(name), digestOf);
    }
    const frozen = new Map<CollectionName, Entry<unknown>[]>();
    for (const [name, store] of this.stores) frozen.set(name, [...store.map.values()]);
    this.frozen = frozen;
    this.generation++;
    return stats;
  }
}
