import type { Controller } from '@tsoa/runtime';
import type { Request as ExRequest } from 'express';
import type { CacheEntry } from '../repositories/cache.repository.js';

/** Shared caches may keep public reads 5 minutes and serve stale for 10 while revalidating. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

/** RFC 9110 §13.1.2: weak comparison, a list of tags or `*`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * A cached public read, answered here: the strong ETag and CDN Cache-Control; a 304 when the client
 * already holds this version (and did not send `Cache-Control: no-cache`, which asks for a full
 * answer); otherwise the entry's bytes as they were serialised when the cache was filled (an entry
 * built after the cache is serialised here). Headers the controller set go out too. tsoa skips a
 * response whose headers are sent, so the value returned is only its type for the spec.
 */
export function cachedRead<T>(controller: Controller, req: ExRequest, entry: CacheEntry<T>): T {
  const res = req.res!;
  for (const [name, value] of Object.entries(controller.getHeaders())) if (value !== undefined) res.setHeader(name, value);
  res.setHeader('ETag', entry.etag);
  res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  const cacheControl = req.headers['cache-control'];
  const noCache = cacheControl !== undefined && /(?:^|,)\s*no-cache\s*(?:,|$)/.test(cacheControl);
  if (!noCache && ifNoneMatchHits(req.headers['if-none-match'], entry.etag)) {
    res.statusCode = 304;
    res.end();
    return undefined as T;
  }
  const body = entry.body ?? Buffer.from(JSON.stringify(entry.value) ?? 'null');
  res.statusCode = 200;
  res.setHeader('Content-Type', JSON_CONTENT_TYPE);
  res.setHeader('Content-Length', body.length);
  res.end(body);
  return undefined as T;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
