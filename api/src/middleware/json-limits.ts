import type { RequestHandler } from 'express';
import { Errors } from '../errors/catalogue.js';

/**
 * How deep a JSON body may nest. JSON.parse copes with any depth, but everything after it recurses:
 * tsoa's validator, the rich-text renderer, JSON.stringify of the problem document that echoes the
 * value. A few thousand levels overflowed the stack (a 500, or an HTML error page). The deepest real
 * body, a content export holding a Lexical document of nested lists, stays far below this.
 */
export const MAX_JSON_DEPTH = 128;

/**
 * Checks a parsed JSON body before validation: not nested deeper than `maxDepth`, and no string (or
 * key) with an unpaired UTF-16 surrogate (`"\ud800"` is valid JSON but not Unicode: utf8mb4 columns
 * silently store U+FFFD instead, and JSON columns refuse the row, which surfaced as a 500).
 * The error names the top-level field the problem sits in.
 */
export function checkJsonBody(maxDepth = MAX_JSON_DEPTH): RequestHandler {
  return (req, _res, next) => {
    const found = inspect(req.body, maxDepth);
    if (!found) return next();
    if (found.problem === 'depth') {
      return next(
        Errors.badRequest(`The JSON body is nested deeper than ${maxDepth} levels.`, [
          { field: found.field, message: `nested deeper than ${maxDepth} levels` },
        ]),
      );
    }
    next(
      Errors.validation(`${found.field} holds text that is not valid Unicode.`, [
        { field: found.field, message: 'contains an unpaired UTF-16 surrogate' },
      ]),
    );
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Iterative: a recursive walk would overflow on exactly the bodies it is meant to catch. */
function inspect(body: unknown, maxDepth: number): { field: string; problem: 'depth' | 'surrogate' } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const stack: [object, number, string][] = [[body, 1, 'body']];
  while (stack.length) {
    const [value, depth, field] = stack.pop()!;
    if (depth > maxDepth) return { field, problem: 'depth' };
    for (const [key, child] of Object.entries(value)) {
      const where = depth === 1 && !Array.isArray(value) ? `body.${key}` : field;
      if (LONE_SURROGATE.test(key) || (typeof child === 'string' && LONE_SURROGATE.test(child)))
        return { field: where, problem: 'surrogate' };
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1, where]);
    }
  }
  return undefined;
}
