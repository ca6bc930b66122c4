import { createHash } from 'node:crypto';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CacheRepository, readFresh } from './cache.repository.js';
import type { RedisClient } from './redis.js';

/** The few Redis commands the cache uses, in memory; `gets` counts reads. */
function fakeRedis() {
  const data = new Map<string, string>();
  const fake = {
    isReady: true,
    gets: 0,
    data,
    async get(key: string) {
      fake.gets++;
      await new Promise((r) => setTimeout(r, 5));
      return data.get(key) ?? null;
    },
    async set(key: string, value: string) {
      data.set(key, value);
      return 'OK';
    },
    async incr(key: string) {
      const next = Number(data.get(key) ?? 0) + 1;
      data.set(key, String(next));
      return next;
    },
  };
  return fake;
}

const options = { memoryTtlMs: 30_000, redisTtlSeconds: 600, maxEntries: 100, enabled: true };
const cacheOn = (redis: ReturnType<typeof fakeRedis>) =>
  new CacheRepository(redis as unknown as RedisClient, 'p:', pino({ level: 'silent' }), options);

describe('CacheRepository', () => {
  it("stale read across replicas: inside readFresh a process sees another process's write at once, not after the one-second memo", async () => {
    const redis = fakeRedis();
    const [a, b] = [cacheOn(redis), cacheOn(redis)];
    let list = ['old'];
    const load = async () => [...list];
    expect((await a.get('posts', 'list', load)).value).toEqual(['old']);
    // Process B publishes: the rows change, B bumps the namespace version in Redis.
    list = ['new', 'old'];
    await b.invalidate('posts');
    // A still trusts the version it read less than a second ago…
    expect((await a.get('posts', 'list', load)).value).toEqual(['old']);
    expect(await a.peek('posts', 'list')).toMatchObject({ value: ['old'] });
    // …unless the read asks for fresh versions (a request with Cache-Control: no-cache): the
    // answer-by-URL shortcut finds nothing current, and the read loads the new rows.
    expect(await readFresh(() => a.peek('posts', 'list'))).toBeUndefined();
    expect((await readFresh(() => a.get('posts', 'list', load))).value).toEqual(['new', 'old']);
    // And the fresh version is remembered: plain reads in A see it from now on.
    expect((await a.get('posts', 'list', load)).value).toEqual(['new', 'old']);
  });

  it('fills an entry once with its JSON bytes and the ETag of those bytes; hits return the same bytes', async () => {
    const cache = cacheOn(fakeRedis());
    let loads = 0;
    const load = async () => (loads++, { title: 'Türkçe ğüşiöç', n: 1 });
    const first = await cache.get('posts', 'k', load);
    const json = JSON.stringify({ title: 'Türkçe ğüşiöç', n: 1 });
    expect(first.body?.toString('utf8')).toBe(json);
    expect(first.etag).toBe(`"${createHash('sha1').update(json).digest('base64url')}"`);
    expect(first.source).toEqual({ namespace: 'posts', key: 'k' });
    const second = await cache.get('posts', 'k', load);
    expect(second.body).toBe(first.body); // the same bytes, not serialised again
    expect(loads).toBe(1);
  });

  it('keeps `<etag>\\n<json>` in Redis: another process gets value, bytes and ETag from it without loading', async () => {
    const redis = fakeRedis();
    const filled = await cacheOn(redis).get('posts', 'k', async () => ({ a: [1, 2] }));
    const [stored] = [...redis.data.entries()].filter(([k]) => k.startsWith('p:cache:'));
    expect(stored![1]).toBe(`${filled.etag}\n{"a":[1,2]}`);
    const other = await cacheOn(redis).get('posts', 'k', async () => {
      throw new Error('must come from Redis');
    });
    expect(other).toMatchObject({ value: { a: [1, 2] }, etag: filled.etag });
    expect(other.body?.toString()).toBe('{"a":[1,2]}');
  });

  it('an entry in an older format in Redis counts as a miss', async () => {
    const redis = fakeRedis();
    const cache = cacheOn(redis);
    await cache.get('posts', 'warm-version', async () => 1); // learn the key layout
    const key = [...redis.data.keys()].find((k) => k.includes('warm-version'))!.replace('warm-version', 'k');
    redis.data.set(key, JSON.stringify({ etag: '"x"', json: '{"old":true}' }));
    expect((await cacheOn(redis).get('posts', 'k', async () => ({ fresh: true }))).value).toEqual({ fresh: true });
  });

  it('peek answers from memory under the current version only, and never loads', async () => {
    const cache = cacheOn(fakeRedis());
    expect(await cache.peek('posts', 'k')).toBeUndefined();
    const entry = await cache.get('posts', 'k', async () => 'v');
    expect(await cache.peek('posts', 'k')).toBe(entry);
    await cache.invalidate('posts');
    expect(await cache.peek('posts', 'k')).toBeUndefined();
  });

  it('requests arriving together share one read of the namespace version', async () => {
    const redis = fakeRedis();
    const cache = cacheOn(redis);
    await Promise.all(Array.from({ length: 50 }, () => cache.peek('posts', 'k')));
    expect(redis.gets).toBe(1);
  });

  it('readers of a missing key share one fill: one Redis read and one load, the same entry for all', async () => {
    const redis = fakeRedis();
    const cache = cacheOn(redis);
    await cache.peek('posts', 'warm'); // the version is read and fresh
    const before = redis.gets;
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 20));
      return { n: 1 };
    };
    const entries = await Promise.all(Array.from({ length: 100 }, () => cache.get('posts', 'k', load)));
    expect(loads).toBe(1);
    expect(redis.gets - before).toBe(1);
    expect(new Set(entries).size).toBe(1);
    // A failed fill is not remembered: the next reader tries again.
    const failing = cacheOn(fakeRedis());
    await expect(failing.get('posts', 'x', async () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect((await failing.get('posts', 'x', async () => 2)).value).toBe(2);
  });

  it('with the cache off every read loads, and the entry has bytes but no place in the cache', async () => {
    const cache = new CacheRepository(fakeRedis() as unknown as RedisClient, 'p:', pino({ level: 'silent' }), {
      ...options,
      enabled: false,
    });
    const entry = await cache.get('posts', 'k', async () => ({ x: 1 }));
    expect(entry.body?.toString()).toBe('{"x":1}');
    expect(entry.source).toBeUndefined();
    expect(await cache.peek('posts', 'k')).toBeUndefined();
  });
});
