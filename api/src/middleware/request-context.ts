import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { requestLogger } from '../logger.js';
import type { HttpMetrics } from '../repositories/metrics.repository.js';
import { addHeader } from './response-headers.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The matched route pattern (low cardinality, for logs and metrics), or a fixed label. */
export function routeOf(req: Request): string {
  const route = req.route as { path?: string } | undefined;
  if (route?.path) return `${req.baseUrl}${route.path}`;
  // Mounted sub-apps (swagger-ui's static files) have a base URL but no route of their own.
  return req.baseUrl ? `${req.baseUrl}/*` : 'unmatched';
}

/**
 * Request id (accepted from X-Request-Id when well-formed, else generated; always echoed), one log
 * line per request, and the duration histogram. Slow requests log at warn, 5xx at error.
 */
export function requestContext(logger: Logger, metrics: HttpMetrics, slowMs: number): RequestHandler {
  const log = requestLogger(logger);
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    addHeader(res, 'X-Request-Id', requestId);

    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
      const route = routeOf(req);
      metrics.observe(req.method, route, res.statusCode, durationMs / 1000);
      const line = {
        requestId,
        method: req.method,
        route,
        url: pathOf(req.originalUrl),
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        ...(res.locals.errorCode ? { code: res.locals.errorCode } : {}),
      };
      if (res.statusCode >= 500) log.error(line, 'request failed');
      else if (durationMs > slowMs) log.warn(line, 'slow request');
      else log.info(line, 'request');
    });
    next();
  };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
