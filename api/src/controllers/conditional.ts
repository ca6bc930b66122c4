import type { Controller } from '@tsoa/runtime';
import type { Request as ExRequest } from 'express';
import { ifNoneMatchHits, PUBLIC_CACHE_CONTROL, rememberAnswer, sendCached } from '../middleware/cached-answers.js';
import type { CacheEntry } from '../repositories/cache.repository.js';

export { ifNoneMatchHits, PUBLIC_CACHE_CONTROL };

/**
 * A cached public read, answered here (middleware/cached-answers.ts: ETag, Cache-Control, 304 or
 * the entry's bytes) with any header the controller set; tsoa skips a response whose headers are
 * sent, so the value returned is only its type for the spec. An answer that is the cache entry
 * itself is remembered for its URL and replayed without routing until the entry changes: the
 * route's cache key must follow from the URL (path and query) alone, and the route must be public.
 */
export function cachedRead<T>(controller: Controller, req: ExRequest, entry: CacheEntry<T>): T {
  const res = req.res!;
  const headers = Object.entries(controller.getHeaders());
  for (const [name, value] of headers) if (value !== undefined) res.setHeader(name, value);
  sendCached(req, res, entry);
  if (headers.length === 0) rememberAnswer(req, entry);
  return undefined as T;
}
