import type { RequestHandler } from 'express';
import { HTTP_METHODS, OperationMatcher, type OpenApiLike, type OperationLike } from '../openapi/operation-matcher.js';

interface DeprecatedOperation extends OperationLike {
  'x-deprecated-at'?: string;
  'x-sunset'?: string;
}

/**
 * `Deprecation` (RFC 9745) and `Sunset` (RFC 8594) on every answer of an operation the contract
 * marks `deprecated` (tsoa `@Deprecated()`), dated by its `x-deprecated-at` / `x-sunset`
 * extensions (`@Extension('x-sunset', '2026-12-31')`; scripts/openapi-breaking.ts refuses a
 * deprecated operation without them). Keyed by the same route table as the contract; with no
 * deprecated operation it is a plain `next()`.
 */
export function deprecationHeaders(spec: OpenApiLike): RequestHandler {
  const paths: NonNullable<OpenApiLike['paths']> = {};
  for (const [path, item] of Object.entries(spec.paths ?? {}))
    for (const method of HTTP_METHODS) {
      const op = item?.[method] as DeprecatedOperation | undefined;
      if (op?.deprecated) (paths[path] ??= {})[method] = { ...op, headers: headersFor(op) };
    }
  if (Object.keys(paths).length === 0) return (_req, _res, next) => next();
  const matcher = new OperationMatcher<DeprecatedOperation & { headers: Record<string, string> }>({ paths });
  return (req, res, next) => {
    const found = matcher.match(req.method, req.path);
    if (found) for (const [name, value] of Object.entries(found.operation.headers)) res.setHeader(name, value);
    next();
  };
}

function headersFor(op: DeprecatedOperation): Record<string, string> {
  const headers: Record<string, string> = {};
  const deprecatedAt = op['x-deprecated-at'] ? Date.parse(op['x-deprecated-at']) : NaN;
  const sunset = op['x-sunset'] ? Date.parse(op['x-sunset']) : NaN;
  if (!Number.isNaN(deprecatedAt)) headers.Deprecation = `@${Math.floor(deprecatedAt / 1000)}`;
  if (!Number.isNaN(sunset)) headers.Sunset = new Date(sunset).toUTCString();
  return headers;
}
