import type { Application, Request, RequestHandler, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { CacheEntry } from '../repositories/cache.repository.js';
import { routeOf } from './request-context.js';

/** Shared caches may keep public reads 5 minutes and serve stale for 10 while revalidating. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const NO_CACHE = /(?:^|,)\s*no-cache\s*(?:,|$)/;

/** RFC 9110 §13.1.2: weak comparison, a list of tags or `*`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * Answers a public read from a cache entry: the strong ETag and CDN Cache-Control; a 304 when the
 * client already holds this version (and did not send `Cache-Control: no-cache`, which asks for a
 * full answer); otherwise the entry's bytes as they were serialised when the cache was filled (an
 * entry built after the cache is serialised here).
 */
export function sendCached(req: Request, res: Response, entry: CacheEntry<unknown>): void {
  res.setHeader('ETag', entry.etag);
  res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  const cacheControl = req.headers['cache-control'];
  if (!(cacheControl !== undefined && NO_CACHE.test(cacheControl)) && ifNoneMatchHits(req.headers['if-none-match'], entry.etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = entry.body ?? Buffer.from(JSON.stringify(entry.value) ?? 'null');
  res.statusCode = 200;
  res.setHeader('Content-Type', JSON_CONTENT_TYPE);
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

export interface AnswerCache {
  /** The entry the cache would answer from memory now, or undefined (CacheRepository.peek). */
  peek<T>(namespace: string, key: string): Promise<CacheEntry<T> | undefined>;
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
 * makes. Everything before this middleware (request id and log, security headers, CORS, body checks,
 * rate limits) runs for them as for any request. A URL whose entry is gone goes the whole way and is
 * remembered again.
 */
export function cachedAnswers(app: Application, cache: AnswerCache, maxUrls = 5000): RequestHandler {
  const known = new LRUCache<string, KnownAnswer>({ max: maxUrls });
  app.locals[ANSWERS] = known;
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const answer = known.get(req.originalUrl);
    if (!answer) return next();
    const entry = await cache.peek(answer.namespace, answer.key);
    if (!entry?.body) {
      known.delete(req.originalUrl);
      return next();
    }
    req.route = { path: answer.route };
    sendCached(req, res, entry);
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
