import { must, type ApiClient, type Schemas } from '../api-client.ts';

type Summary = Schemas['PublicPostSummary'];
type Post = Schemas['PublicPost'];

/** The part of Astro's loader context the sync needs (so it can be tested without Astro). */
export interface SyncStore<T> {
  keys(): string[];
  get(id: string): { data: T; digest?: string | number } | undefined;
  set(entry: { id: string; data: T; digest: string }): boolean;
  delete(id: string): void;
}
export interface SyncMeta {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export interface SyncStats {
  /** Entries whose data was fetched and stored (new or changed). */
  changed: number;
  removed: number;
  unchanged: number;
  /** Posts with a new updatedAt that the updatedSince cursor did not report but the full listing did (should stay 0). */
  missedByCursor: number;
  requests: number;
}

/**
 * A change committed in a transaction that started before the cursor's newest row may carry an
 * earlier updatedAt; asking this far back catches it (digests make the overlap free).
 */
export const CURSOR_OVERLAP_MS = 5_000;
const PAGE = 100;
const DETAIL_CONCURRENCY = 8;

/**
 * Posts, incrementally: `updatedSince=<cursor>` lists what changed (oldest first); the listing of
 * every published summary finds what was unpublished or deleted (those never show up in
 * updatedSince) and anything the cursor missed. Only changed posts are fetched in full, and a post
 * whose content digest is unchanged is not rewritten, so its page keeps its cache key.
 */
export async function syncPosts(
  api: ApiClient,
  store: SyncStore<Post>,
  meta: SyncMeta,
  digest: (d: Post) => string,
): Promise<SyncStats> {
  const stats: SyncStats = { changed: 0, removed: 0, unchanged: 0, missedByCursor: 0, requests: 0 };
  const cursor = meta.get('cursor');
  const reported = new Set<string>();
  if (cursor && store.keys().length > 0) {
    const since = new Date(new Date(cursor).getTime() - CURSOR_OVERLAP_MS).toISOString();
    for (const s of await listPosts(api, stats, since)) reported.add(s.id);
  }
  const live = await listPosts(api, stats);
  const liveIds = new Set(live.map((s) => s.id));
  for (const id of store.keys()) {
    if (!liveIds.has(id)) {
      store.delete(id);
      stats.removed++;
    }
  }
  // What the cursor reported is fetched when its summary differs from the stored post (the overlap
  // re-reports recent posts unchanged). The summary also carries tag names and the author, so a
  // renamed tag, which gives no post a new updatedAt, is caught by the full listing.
  const stale = live.filter((s) => !sameSummary(store.get(s.id)?.data, s));
  if (cursor)
    stats.missedByCursor = stale.filter(
      (s) => !reported.has(s.id) && store.get(s.id)?.data.updatedAt !== s.updatedAt,
    ).length;
  await eachLimited(stale, DETAIL_CONCURRENCY, async (s) => {
    stats.requests++;
    const res = await api.GET('/api/v1/posts/{slug}', { params: { path: { slug: s.slug } } });
    // Unpublished between the listing and now: the next build removes it.
    if (res.response.status === 404) return;
    const post = must(`GET /api/v1/posts/${s.slug}`, res);
    if (store.set({ id: post.id, data: post, digest: digest(post) })) stats.changed++;
    else stats.unchanged++;
  });
  stats.unchanged += live.length - stale.length;
  const newest = live.reduce((max, s) => (s.updatedAt > max ? s.updatedAt : max), cursor ?? '');
  if (newest) meta.set('cursor', newest);
  return stats;
}

function sameSummary(stored: Post | undefined, summary: Summary): boolean {
  if (!stored) return false;
  const keys = Object.keys(summary) as (keyof Summary)[];
  return JSON.stringify(keys.map((k) => stored[k])) === JSON.stringify(keys.map((k) => summary[k]));
}

async function listPosts(api: ApiClient, stats: SyncStats, updatedSince?: string): Promise<Summary[]> {
  const out: Summary[] = [];
  let cursor: string | undefined;
  do {
    stats.requests++;
    const page = must(
      'GET /api/v1/posts',
      await api.GET('/api/v1/posts', { params: { query: { limit: PAGE, cursor, updatedSince } } }),
    );
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/**
 * A whole list in one answer (projects, pages, skills, tags, settings): entries are replaced when
 * their digest changed and removed when they are gone.
 */
export function syncList<T>(
  items: T[],
  idOf: (item: T) => string,
  store: SyncStore<T>,
  digest: (d: T) => string,
): SyncStats {
  const stats: SyncStats = { changed: 0, removed: 0, unchanged: 0, missedByCursor: 0, requests: 0 };
  const ids = new Set(items.map(idOf));
  for (const id of store.keys()) {
    if (!ids.has(id)) {
      store.delete(id);
      stats.removed++;
    }
  }
  for (const item of items) {
    if (store.set({ id: idOf(item), data: item, digest: digest(item) })) stats.changed++;
    else stats.unchanged++;
  }
  return stats;
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
