import { ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import type { RequestHandler, Response } from 'express';

const PENDING = Symbol('pendingHeaders');
type Headers = Record<string, string | number>;
type WithPending = ServerResponse & { [PENDING]?: { base: Headers; extra: Headers | undefined } };

/**
 * Headers the API adds to every response (helmet's, the request id, rate-limit state, a cached
 * answer's own), handed to Node in the one writeHead call instead of one setHeader each: setHeader
 * validates, lower-cases and stores every header and cost ~0.7 µs apiece, more than a bare
 * node:http server spends on a whole answer with its three headers. A header a route or a library
 * sets itself (setHeader) wins over the same name given here, as when these were set first.
 *
 * This middleware comes first and gives every response `base` (computed once at boot).
 */
export function responseHeaders(base: Headers): RequestHandler {
  return (_req, res, next) => {
    (res as WithPending)[PENDING] = { base, extra: undefined };
    res.writeHead = writeHeadWithPending as typeof res.writeHead;
    next();
  };
}

/** Adds a header at write time (setHeader when responseHeaders is not installed). */
export function addHeader(res: Response | ServerResponse, name: string, value: string | number): void {
  const pending = (res as WithPending)[PENDING];
  if (pending) (pending.extra ??= {})[name] = value;
  else res.setHeader(name, value);
}

function writeHeadWithPending(
  this: WithPending,
  statusCode: number,
  reason?: string | OutgoingHttpHeaders,
  given?: OutgoingHttpHeaders | (string | string[])[],
): ServerResponse {
  if (typeof reason !== 'string') {
    given = reason;
    reason = undefined;
  }
  const pending = this[PENDING]!;
  const headers: OutgoingHttpHeaders = {};
  for (const source of [pending.base, pending.extra]) {
    if (!source) continue;
    for (const name in source) if (!this.hasHeader(name)) headers[name] = source[name];
  }
  if (Array.isArray(given)) {
    // writeHead's flat form: name, value, name, value…
    for (let i = 0; i + 1 < given.length; i += 2) headers[given[i] as string] = given[i + 1];
  } else if (given) {
    Object.assign(headers, given);
  }
  const writeHead = ServerResponse.prototype.writeHead as (
    this: ServerResponse,
    status: number,
    reason: string | undefined,
    headers: OutgoingHttpHeaders,
  ) => ServerResponse;
  return writeHead.call(this, statusCode, reason, headers);
}
