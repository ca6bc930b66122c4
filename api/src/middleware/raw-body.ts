import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

/**
 * Routes whose signature covers the exact bytes sent (git webhooks), so the raw body is kept. Any
 * case, as Express routes them: `/api/v1/PAAS/hooks/…` reaches the same handler.
 */
const KEEP_RAW = /^\/api\/v1\/paas\/hooks\//i;

type WithRawBody = IncomingMessage & { rawBody?: Buffer };

/** `verify` hook of express.json: keeps the raw bytes for signed routes only (no copy elsewhere). */
export function keepRawBody(req: IncomingMessage, _res: unknown, buf: Buffer): void {
  if (req.url && KEEP_RAW.test(req.url)) (req as WithRawBody).rawBody = Buffer.from(buf);
}

export function rawBodyOf(req: Request): Buffer | undefined {
  return (req as unknown as WithRawBody).rawBody;
}
