import { Readable } from 'node:stream';
import type { Controller } from '@tsoa/runtime';
import type { Request as ExRequest } from 'express';
import {
  bodyOf,
  ifNoneMatchHits,
  JSON_CONTENT_TYPE,
  notModified,
  PUBLIC_CACHE_CONTROL,
  rememberAnswer,
} from '../middleware/cached-answers.js';
import type { CacheEntry } from '../repositories/cache.repository.js';

export { ifNoneMatchHits, PUBLIC_CACHE_CONTROL };

const OWN_HEADERS = ['ETag', 'Cache-Control', 'Content-Type', 'Content-Length'];

/**
 * A cached public read: the strong ETag and CDN Cache-Control; a 304 when the client already holds
 * this version (and did not send `Cache-Control: no-cache`, which asks for a full answer), without
 * a body (tsoa ends a response whose value is undefined with the status set here); otherwise the
 * entry's bytes as serialised when the cache was filled, streamed by tsoa with the controller's
 * headers (which it may still change after this call). The value returned is only a type for the
 * spec. An answer that went out as the entry alone (no header changed by the controller) is
 * remembered for its URL and replayed before routing until the entry changes
 * (middleware/cached-answers.ts): the route's cache key must follow from the URL (path and query).
 */
export function cachedRead<T>(controller: Controller, req: ExRequest, entry: CacheEntry<T>): T {
  controller.setHeader('ETag', entry.etag);
  controller.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  req.res!.once('finish', () => {
    const headers = controller.getHeaders();
    const own =
      Object.keys(headers).every((name) => OWN_HEADERS.includes(name)) &&
      headers['Cache-Control'] === PUBLIC_CACHE_CONTROL;
    if (own) rememberAnswer(req, entry);
  });
  if (notModified(req, entry)) {
    controller.setStatus(304);
    return undefined as T;
  }
  const body = bodyOf(entry);
  controller.setHeader('Content-Type', JSON_CONTENT_TYPE);
  controller.setHeader('Content-Length', String(body.length));
  return Readable.from([body], { objectMode: false }) as T;
}
