import createClient from 'openapi-fetch';
import { beforeEach, describe, expect, it } from 'vitest';
import type { paths } from '../api/schema';
import type { Schemas } from '../api-client.ts';
import { syncList, syncPosts, type SyncMeta, type SyncStore } from './sync.ts';

type Post = Schemas['PublicPost'];

/** The published posts the fake API knows, and every request it answered. */
let db: Post[];
let calls: string[];

function post(n: number, at: string, extra: Partial<Post> = {}): Post {
  return {
    id: `id-${n}`,
    slug: `post-${n}`,
    title: `Post ${n}`,
    excerpt: '',
    coverMediaId: null,
    cover: null,
    tags: [{ id: 't1', name: 'Mimari', slug: 'mimari', description: '' }],
    author: { id: 'a', name: 'Ömer' },
    featured: false,
    readingTimeMinutes: 1,
    publishedAt: at,
    updatedAt: at,
    html: `<p>${n}</p>`,
    toc: [],
    seo: {},
    ogImage: null,
    ...extra,
  } as Post;
}

const summary = (p: Post) => {
  const { html: _h, toc: _t, seo: _s, ogImage: _o, ...rest } = p;
  return rest;
};

/** A fake of the public posts API (pages of 2 to exercise cursors), behind the real typed client. */
const api = createClient<paths>({
  baseUrl: 'http://api.test',
  fetch: async (req: Request) => {
    const url = new URL(req.url);
    calls.push(url.pathname + url.search);
    if (url.pathname === '/api/v1/posts') {
      const since = url.searchParams.get('updatedSince');
      const list = since
        ? db.filter((p) => p.updatedAt >= since).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
        : db;
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const items = list.slice(start, start + 2).map(summary);
      return Response.json({ items, nextCursor: start + 2 < list.length ? String(start + 2) : null });
    }
    const found = db.find((p) => `/api/v1/posts/${p.slug}` === url.pathname);
    return found ? Response.json(found) : Response.json({ title: 'Not found' }, { status: 404 });
  },
});

function memoryStore<T>(): SyncStore<T> & { map: Map<string, { data: T; digest: string }> } {
  const map = new Map<string, { data: T; digest: string }>();
  return {
    map,
    keys: () => [...map.keys()],
    get: (id) => map.get(id),
    // Like Astro's store: an unchanged digest is not a write.
    set: ({ id, data, digest }) => {
      if (map.get(id)?.digest === digest) return false;
      map.set(id, { data, digest });
      return true;
    },
    delete: (id) => void map.delete(id),
  };
}
const memoryMeta = (): SyncMeta & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k), set: (k, v) => void map.set(k, v) };
};
const digest = (p: unknown) => JSON.stringify(p);

beforeEach(() => {
  calls = [];
  db = [post(1, '2026-01-01T00:00:00.000Z'), post(2, '2026-01-02T00:00:00.000Z'), post(3, '2026-01-03T00:00:00.000Z')];
});

describe('syncPosts', () => {
  it('loads everything the first time and keeps the newest updatedAt as the cursor', async () => {
    const store = memoryStore<Post>();
    const meta = memoryMeta();
    const stats = await syncPosts(api, store, meta, digest);
    expect(stats).toMatchObject({ changed: 3, removed: 0 });
    expect(store.keys().sort()).toEqual(['id-1', 'id-2', 'id-3']);
    expect(meta.map.get('cursor')).toBe('2026-01-03T00:00:00.000Z');
    expect(calls.filter((c) => c.includes('updatedSince'))).toEqual([]);
  });

  it('fetches nothing in full when nothing changed', async () => {
    const store = memoryStore<Post>();
    const meta = memoryMeta();
    await syncPosts(api, store, meta, digest);
    calls = [];
    const stats = await syncPosts(api, store, meta, digest);
    expect(stats).toMatchObject({ changed: 0, removed: 0, unchanged: 3 });
    expect(calls.filter((c) => c.startsWith('/api/v1/posts/'))).toEqual([]);
    // The cursor query asks a little further back than the cursor (transactions commit out of order).
    expect(calls.some((c) => c.includes('updatedSince=2026-01-02T23%3A59%3A55.000Z'))).toBe(true);
  });

  it('refetches what updatedSince reports and removes what was unpublished', async () => {
    const store = memoryStore<Post>();
    const meta = memoryMeta();
    await syncPosts(api, store, meta, digest);
    db = [
      post(1, '2026-01-01T00:00:00.000Z'),
      post(3, '2026-01-05T00:00:00.000Z', { title: 'Yeni başlık' }),
      post(4, '2026-01-04T00:00:00.000Z'),
    ];
    calls = [];
    const stats = await syncPosts(api, store, meta, digest);
    expect(stats).toMatchObject({ changed: 2, removed: 1, missedByCursor: 0 });
    expect(store.get('id-3')!.data.title).toBe('Yeni başlık');
    expect(store.get('id-2')).toBeUndefined();
    expect(calls.filter((c) => c.startsWith('/api/v1/posts/')).sort()).toEqual([
      '/api/v1/posts/post-3',
      '/api/v1/posts/post-4',
    ]);
    expect(meta.map.get('cursor')).toBe('2026-01-05T00:00:00.000Z');
  });

  it('notices a renamed tag, which changes a summary without a new updatedAt', async () => {
    const store = memoryStore<Post>();
    const meta = memoryMeta();
    await syncPosts(api, store, meta, digest);
    db = db.map((p) => ({ ...p, tags: [{ id: 't1', name: 'Mimarî', slug: 'mimari', description: '' }] }));
    const stats = await syncPosts(api, store, meta, digest);
    expect(stats.changed).toBe(3);
    expect(store.get('id-1')!.data.tags[0]!.name).toBe('Mimarî');
  });
});

describe('syncList', () => {
  it('replaces changed entries, keeps unchanged ones and removes missing ones', () => {
    const store = memoryStore<{ id: string; v: number }>();
    syncList(
      [
        { id: 'a', v: 1 },
        { id: 'b', v: 1 },
      ],
      (x) => x.id,
      store,
      digest,
    );
    const stats = syncList(
      [
        { id: 'a', v: 2 },
        { id: 'c', v: 1 },
      ],
      (x) => x.id,
      store,
      digest,
    );
    expect(stats).toMatchObject({ changed: 2, removed: 1, unchanged: 0 });
    expect(store.keys().sort()).toEqual(['a', 'c']);
    expect(
      syncList(
        [
          { id: 'a', v: 2 },
          { id: 'c', v: 1 },
        ],
        (x) => x.id,
        store,
        digest,
      ),
    ).toMatchObject({ changed: 0, unchanged: 2 });
  });
});
