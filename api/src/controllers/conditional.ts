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
 * A cached public read: sets the strong ETag and CDN Cache-Control; when the client already holds
 * this version (and did not send `Cache-Control: no-cache`, which asks for a full answer), answers 304 without serialising the body (tsoa ends a response whose value is
 * undefined with the status set here).
 */
export function cachedRead<T>(controller: Controller, req: ExRequest, entry: CacheEntry<T>): T {
  controller.setHeader('ETag', entry.etag);
  controller.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  const noCache = /(?:^|,)\s*no-cache\s*(?:,|$)/.test(req.headers['cache-control'] ?? '');
  if (!noCache && ifNoneMatchHits(req.headers['if-none-match'], entry.etag)) {
    controller.setStatus(304);
    return undefined as T;
  }
  return entry.value;
}
