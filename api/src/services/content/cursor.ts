import { Errors } from '../../errors/catalogue.js';

/** Opaque keyset cursors: base64url JSON of the sort key of the last row of a page. */
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  shape: ('string' | 'number')[],
): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === shape.length && parts.every((p, i) => typeof p === shape[i]))
      return parts;
  } catch {
    // fall through
  }
  throw Errors.validation('The cursor is not one this API gave out.', [
    { field: 'query.cursor', message: 'invalid cursor' },
  ]);
}

export function clampLimit(limit: number | undefined, fallback = 20, max = 100): number {
  if (limit === undefined) return fallback;
  return Math.min(Math.max(1, Math.trunc(limit)), max);
}
