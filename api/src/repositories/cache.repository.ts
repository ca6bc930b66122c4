import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { RedisClient } from './redis.js';

export interface CacheEntry<T> {
  value: T;
  /** Strong ETag of the value's JSON, quoted. */
  etag: string;
  /**
   * The value's JSON as sent, made once when the entry was filled, so a hit writes bytes without
   * serialising again. Absent on an answer built after the cache (a cached value with additions).
   */
  body?: Buffer;
  /** Where the cache keeps it (absent when the cache is off): `peek` finds it again. */
  source?: { namespace: string; key: string };
}

export interface CacheStats {
  memoryHits: number;
  redisHits: number;
  misses: number;
}

/**
 * Public reads: in-process LRU → Redis → loader (MySQL). Keys carry a namespace version; a write
 * bumps the version (INCR in Redis), so every older key of the namespace is dead at once. Other
 * processes pick the new version up within VERSION_TTL_MS (one Redis read per namespace and period,
 * shared by every request waiting for it). When Redis is down the LRU and the loader carry on alone
 * (with a short TTL, so staleness stays bounded). Redis holds `<etag>\n<json>`: a hit there parses
 * the JSON once for this process's LRU and keeps the bytes.
 */
const VERSION_TTL_MS = 1000;

/**
 * Reads that must see every write committed before they started, in whichever process it was made:
 * inside `readFresh` the namespace versions come from Redis, not from this process's one-second
 * memo. A request asks for that with `Cache-Control: no-cache` (middleware/cached-answers.ts
 * freshOnNoCache): the site builder does, so a build triggered by a publish never renders the list
 * an API replica that has not yet noticed the publish still holds. Entries are still served from
 * memory when current; what it costs is one Redis GET per namespace read.
 */
const freshReads = new AsyncLocalStorage<true>();
export function readFresh<T>(fn: () => T): T {
  return freshReads.run(true, fn);
}

export class CacheRepository {
  private readonly lru: LRUCache<string, CacheEntry<unknown>>;
  private readonly versions = new Map<string, { version: number; readAt: number }>();
  private readonly versionReads = new Map<string, Promise<number>>();
  private readonly filling = new Map<string, Promise<CacheEntry<unknown>>>();
  readonly stats: CacheStats = { memoryHits: 0, redisHits: 0, misses: 0 };

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly options = { memoryTtlMs: 30_000, redisTtlSeconds: 600, maxEntries: 5000, enabled: true },
  ) {
    this.lru = new LRUCache({ max: options.maxEntries, ttl: options.memoryTtlMs });
  }

  async get<T>(namespace: string, key: string, load: () => Promise<T>): Promise<CacheEntry<T>> {
    if (!this.options.enabled) return this.entry(await load()).entry;
    const fullKey = this.fullKey(namespace, await this.version(namespace), key);
    const inMemory = this.lru.get(fullKey) as CacheEntry<T> | undefined;
    if (inMemory) {
      this.stats.memoryHits++;
      return inMemory;
    }
    // One fill per key at a time: a thousand readers of a key a write just retired wait for the
    // same Redis read or query instead of each starting one (which emptied the MySQL pool into 503s).
    let filling = this.filling.get(fullKey) as Promise<CacheEntry<T>> | undefined;
    if (!filling) {
      filling = this.fill(namespace, key, fullKey, load).finally(() => this.filling.delete(fullKey));
      this.filling.set(fullKey, filling);
    }
    return filling;
  }

  private async fill<T>(
    namespace: string,
    key: string,
    fullKey: string,
    load: () => Promise<T>,
  ): Promise<CacheEntry<T>> {
    const source = { namespace, key };
    const fromRedis = await this.redisGet<T>(fullKey);
    if (fromRedis) {
      this.stats.redisHits++;
      fromRedis.source = source;
      this.lru.set(fullKey, fromRedis);
      return fromRedis;
    }
    this.stats.misses++;
    const { entry, json } = this.entry(await load());
    entry.source = source;
    this.lru.set(fullKey, entry);
    if (this.redis.isReady) {
      this.redis
        .set(fullKey, `${entry.etag}\n${json}`, { expiration: { type: 'EX', value: this.options.redisTtlSeconds } })
        .catch(() => undefined);
    }
    return entry;
  }

  /**
   * The entry `get` would answer from this process's memory now (the same namespace version check),
   * or undefined; never reads Redis entries or loads. Synchronous while the version is fresh, so a
   * hit costs no promise.
   */
  peek<T>(namespace: string, key: string): CacheEntry<T> | undefined | Promise<CacheEntry<T> | undefined> {
    if (!this.options.enabled) return undefined;
    const version = this.version(namespace);
    return typeof version === 'number'
      ? this.fromMemory<T>(namespace, version, key)
      : version.then((v) => this.fromMemory<T>(namespace, v, key));
  }

  private fromMemory<T>(namespace: string, version: number, key: string): CacheEntry<T> | undefined {
    const entry = this.lru.get(this.fullKey(namespace, version, key)) as CacheEntry<T> | undefined;
    if (entry) this.stats.memoryHits++;
    return entry;
  }

  private fullKey(namespace: string, version: number, key: string): string {
    return `${this.prefix}cache:${namespace}:v${version}:${key}`;
  }

  private entry<T>(value: T): { entry: CacheEntry<T>; json: string } {
    // `undefined` has no JSON; it is sent as JSON null.
    const json = JSON.stringify(value) ?? 'null';
    const body = Buffer.from(json);
    return { entry: { value, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, body }, json };
  }

  /** Kills every cached entry of the namespaces, here at once and in other processes within a second. */
  async invalidate(...namespaces: string[]): Promise<void> {
    for (const ns of namespaces) {
      let next: number;
      try {
        next = await this.redis.incr(`${this.prefix}cachever:${ns}`);
      } catch {
        // Redis down: bump locally (other processes fall back to their short LRU TTL).
        next = (this.versions.get(ns)?.version ?? 0) + 1_000_000;
      }
      this.versions.set(ns, { version: next, readAt: Date.now() });
    }
  }

  private version(ns: string): Promise<number> | number {
    const known = this.versions.get(ns);
    // Its own read: one already on its way may have left before the write this reader must see.
    if (freshReads.getStore() && this.redis.isReady) return this.readVersion(ns, known);
    if (known && Date.now() - known.readAt < VERSION_TTL_MS) return known.version;
    if (!this.redis.isReady) return known?.version ?? 0;
    let read = this.versionReads.get(ns);
    if (!read) {
      read = this.readVersion(ns, known).finally(() => this.versionReads.delete(ns));
      this.versionReads.set(ns, read);
    }
    return read;
  }

  private async readVersion(ns: string, known: { version: number } | undefined): Promise<number> {
    try {
      const raw = await this.redis.get(`${this.prefix}cachever:${ns}`);
      const version = Math.max(Number(raw ?? 0), known && known.version >= 1_000_000 ? known.version : 0);
      // An invalidate() here while the read was out is newer than what the read saw.
      const now = this.versions.get(ns);
      if (now && now !== known && now.version > version) return now.version;
      this.versions.set(ns, { version, readAt: Date.now() });
      return version;
    } catch {
      return known?.version ?? 0;
    }
  }

  private async redisGet<T>(key: string): Promise<CacheEntry<T> | undefined> {
    if (!this.redis.isReady) return undefined;
    try {
      const raw = await this.redis.get(key);
      const split = raw?.indexOf('\n') ?? -1;
      // Not ours (an entry written in another format by an older release): a miss.
      if (!raw || split < 2 || raw[0] !== '"') return undefined;
      const json = raw.slice(split + 1);
      return { etag: raw.slice(0, split), value: JSON.parse(json) as T, body: Buffer.from(json) };
    } catch (err) {
      this.logger.debug({ err: (err as Error).message }, 'cache read failed; using the database');
      return undefined;
    }
  }
}
