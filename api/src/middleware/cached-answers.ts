import type { Application, NextFunction, Request, RequestHandler, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { readFresh, type CacheEntry } from '../repositories/cache.repository.js';
import { routeOf } from './request-context.js';

/** Shared caches may keep public reads 5 minutes and serve stale for 10 while revalidating. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const NO_CACHE = /(?:^|,)\s*no-cache\s*(?:,|$)/;

/** RFC 9110 §13.1.2: weak comparison, a list of tags or `*`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/** Whether the client already holds this entry (and did not ask for a full answer with `Cache-Control: no-cache`). */
export function notModified(req: Request, entry: CacheEntry<unknown>): boolean {
  const cacheControl = req.headers['cache-control'];
  return (
    !(cacheControl !== undefined && NO_CACHE.test(cacheControl)) &&
    ifNoneMatchHits(req.headers['if-none-match'], entry.etag)
  );
}

/**
 * `Cache-Control: no-cache` on a request: its cached reads see every write committed before it,
 * whichever API process made it (CacheRepository readFresh). Mounted before cachedAnswers.
 */
export function freshOnNoCache(): RequestHandler {
  return (req, _res, next) => {
    const cacheControl = req.headers['cache-control'];
    if (cacheControl !== undefined && NO_CACHE.test(cacheControl)) readFresh(next);
    else next();
  };
}

/** The entry's bytes: serialised when the cache was filled, or here for an answer built after the cache. */
export function bodyOf(entry: CacheEntry<unknown>): Buffer {
  return entry.body ?? Buffer.from(JSON.stringify(entry.value) ?? 'null');
}

/**
 * Answers a public read from a cache entry, as cachedRead does through the route: the strong ETag
 * and CDN Cache-Control; a 304 when the client already holds this version; otherwise the entry's
 * bytes.
 */
export function sendCached(req: Request, res: Response, entry: CacheEntry<unknown>): void {
  if (notModified(req, entry)) {
    res.writeHead(304, { ETag: entry.etag, 'Cache-Control': PUBLIC_CACHE_CONTROL }).end();
    return;
  }
  const body = bodyOf(entry);
  res
    .writeHead(200, {
      ETag: entry.etag,
      'Cache-Control': PUBLIC_CACHE_CONTROL,
      'Content-Type': JSON_CONTENT_TYPE,
      'Content-Length': body.length,
    })
    .end(body);
}

export interface AnswerCache {
  /** The entry the cache would answer from memory now, or undefined (CacheRepository.peek). */
  peek<T>(namespace: string, key: string): CacheEntry<T> | undefined | Promise<CacheEntry<T> | undefined>;
}

interface KnownAnswer {
  namespace: string;
  key: string;
  /** The route pattern, for the request log and metrics. */
  route: string;
}

const ANSWERS = 'cachedAnswers';

/**
 * Public reads answered by URL without routing: ~200 tsoa routes are matched one after another, and
 * that walk cost more than the rest of a cached read. When a route has answered a URL from a cache
 * entry (rememberAnswer), later requests for the same URL get that entry's answer here, as long as
 * the cache still holds it under the current namespace version — the check the route's own read
 * makes. Mounted right after the rate limiter: everything before it (security headers, request id
 * and log, CORS, rate limits) runs for these requests as for any other. What it skips are the body
 * parsers, which have nothing to do for a request without a body (one with a body goes the whole
 * way), and the routes. A URL whose entry is gone goes the whole way and is remembered again.
 */
export function cachedAnswers(app: Application, cache: AnswerCache, maxUrls = 5000): RequestHandler {
  const known = new LRUCache<string, KnownAnswer>({ max: maxUrls });
  app.locals[ANSWERS] = known;
  const answer = (
    req: Request,
    res: Response,
    next: NextFunction,
    url: string,
    found: KnownAnswer,
    entry: CacheEntry<unknown> | undefined,
  ) => {
    if (!entry?.body) {
      known.delete(url);
      return next();
    }
    req.route = { path: found.route };
    sendCached(req, res, entry);
  };
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = req.originalUrl;
    const found = known.get(url);
    if (!found || hasBody(req)) return next();
    const entry = cache.peek(found.namespace, found.key);
    if (entry instanceof Promise) entry.then((e) => answer(req, res, next, url, found, e), next);
    else answer(req, res, next, url, found, entry);
  };
}

/**
 * Called by a route that answered `req` with `entry`: later requests for the URL may be answered by
 * cachedAnswers. Only an answer that is the cache entry itself (its bytes, nothing added after the
 * cache), given to a request without credentials (so the route is public: an anonymous request got
 * it), for a URL that determines the cache key.
 */
export function rememberAnswer(req: Request, entry: CacheEntry<unknown>): void {
  const known = req.app.locals[ANSWERS] as LRUCache<string, KnownAnswer> | undefined;
  if (!known || !entry.body || !entry.source || (req.method !== 'GET' && req.method !== 'HEAD')) return;
  const h = req.headers;
  if (h.authorization !== undefined || h['x-api-key'] !== undefined || h.cookie !== undefined) return;
  known.set(req.originalUrl, { ...entry.source, route: routeOf(req) });
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
