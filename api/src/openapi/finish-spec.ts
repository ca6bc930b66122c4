/**
 * What tsoa cannot say in the document it generates, added after `tsoa spec-and-routes` (step 2 of
 * `npm run openapi -w api`, with the webhooks). Everything here is a pure function of the input, so
 * a regeneration without changes is byte-identical (`scripts/check-generated.sh`).
 *
 *  - Problem answers are `application/problem+json` (tsoa gives class-level `@Response`s its
 *    default `application/json`).
 *  - Response headers are described once in `components.headers` and referenced: the rate-limit
 *    headers every `/api/v1` answer carries (sent by middleware, not by the controllers), and the
 *    ones a controller declares inline (`@Response<T, { 'Retry-After': number }>`: tsoa cannot
 *    reference a named header type).
 *  - The cursor of paginated lists is one shared parameter, and paginated schemas say how to page.
 *  - Every operation that accepts a Bearer credential also lists the session cookie with the same
 *    scopes: controllers declare one `@Security('bearer', [...])` and the runtime
 *    (`middleware/authentication.ts`) accepts the cookie (with its CSRF rules) wherever it does.
 *  - `nullable` always has a `type` beside it (tsoa writes `{ allOf: [$ref], nullable: true }`),
 *    and a `$ref` has no siblings (tsoa puts a property's description next to it).
 */

type Json = Record<string, unknown>;
type Doc = Json & { paths?: Record<string, Record<string, Json>>; components?: Json };

const PROBLEM_SCHEMAS = new Set(['#/components/schemas/Problem', '#/components/schemas/ValidationProblem']);
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const integer = { type: 'integer', minimum: 0 };
export const RESPONSE_HEADERS: Record<string, Json> = {
  'X-RateLimit-Limit': {
    description: 'Requests allowed per window for this caller: the address (per minute; reads and writes counted apart, the contact form per hour) or, with an API key, the key (per minute).',
    schema: integer,
    example: 600,
  },
  'X-RateLimit-Remaining': { description: 'Requests left in the current window.', schema: integer, example: 597 },
  'X-RateLimit-Reset': { description: 'Seconds until the window starts again.', schema: integer, example: 42 },
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 }, example: 30 },
  ETag: {
    description: 'Strong validator of this representation. Send it back in `If-None-Match` to get a 304 without a body while it is current.',
    schema: { type: 'string' },
    example: '"k3vQ9mX2b7cR1tY8wZ0aP4sD6fG"',
  },
  'Cache-Control': {
    description: 'How long browsers and shared caches may keep the answer: public reads `public, max-age=…, s-maxage=…`; answers with a secret `no-store`.',
    schema: { type: 'string' },
    example: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600',
  },
  Location: { description: 'Path of the resource: the one just created (201), or the post under its current slug (301).', schema: { type: 'string' }, example: '/api/v1/admin/posts/0197a3c2-8000-7d00-9e00-0123456789ab' },
};
/** Key in `components.headers` for a header name (`X-RateLimit-Limit` → `XRateLimitLimit`). */
const headerKey = (name: string) => name.replace(/-/g, '');
const RATE_LIMIT_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

export const CURSOR_PARAMETER = {
  name: 'cursor',
  in: 'query',
  required: false,
  description:
    'Cursor pagination: leave it out for the first page, then pass the `nextCursor` of the page before. `nextCursor` is null on the last page. A cursor is opaque: do not build or change one.',
  schema: { type: 'string', maxLength: 512 },
};

const PAGE_DESCRIPTION = 'A page of a cursor-paginated list: `items`, then `nextCursor` to pass back as the `cursor` query parameter (null on the last page).';

export function finishSpec<T extends Doc>(doc: T): T {
  const out = structuredClone(doc);
  const components = (out.components ??= {}) as Json & { schemas?: Record<string, Json>; headers?: Json; parameters?: Json };
  const schemas = components.schemas ?? {};

  for (const [path, item] of Object.entries(out.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const responses = (op.responses ?? {}) as Record<string, Json>;
      for (const response of Object.values(responses)) {
        problemMediaType(response);
        referenceHeaders(response, path.startsWith('/api/v1'));
      }
      if (Array.isArray(op.security)) op.security = withCookieAlternative(op.security as Json[]);
      const parameters = op.parameters as Json[] | undefined;
      if (parameters) op.parameters = parameters.map((p) => (p.in === 'query' && p.name === 'cursor' ? { $ref: '#/components/parameters/Cursor' } : p));
    }
  }

  for (const schema of Object.values(schemas)) {
    const props = schema.properties as Record<string, Json> | undefined;
    if (props?.items && props.nextCursor && !schema.description) schema.description = PAGE_DESCRIPTION;
  }
  walk(out, (node) => {
    typedNullable(node, schemas);
    refWithoutSiblings(node);
  });

  components.headers = { ...(components.headers as Json), ...Object.fromEntries(Object.entries(RESPONSE_HEADERS).map(([name, h]) => [headerKey(name), h])) };
  components.parameters = { ...(components.parameters as Json), Cursor: CURSOR_PARAMETER };
  const servers = (out as Json).servers as Json[] | undefined;
  if (servers) (out as Json).servers = servers.map((s) => (s.description ? s : { ...s, description: 'The API itself (PUBLIC_API_URL), e.g. https://api.omervision.dev' }));
  const info = (out as Json).info as Json | undefined;
  const license = info?.license as Json | undefined;
  if (license && !license.url && license.name === 'MIT') license.url = 'https://opensource.org/licenses/MIT';
  return out;
}

/** `[{ bearer: s }]` → `[{ bearer: s }, { cookie: s }]`, unless the cookie is listed already. */
function withCookieAlternative(security: Json[]): Json[] {
  return security.flatMap((requirement) => {
    const scopes = requirement.bearer;
    const listed = security.some((r) => JSON.stringify(r.cookie) === JSON.stringify(scopes));
    return scopes === undefined || Object.keys(requirement).length !== 1 || listed
      ? [requirement]
      : [requirement, { cookie: scopes }];
  });
}

function problemMediaType(response: Json): void {
  const content = response.content as Record<string, Json> | undefined;
  const json = content?.['application/json'];
  const ref = (json?.schema as Json | undefined)?.$ref;
  if (!content || !json || typeof ref !== 'string' || !PROBLEM_SCHEMAS.has(ref)) return;
  response.content = { 'application/problem+json': json };
}

function referenceHeaders(response: Json, rateLimited: boolean): void {
  const declared = (response.headers ?? {}) as Record<string, Json>;
  const headers: Record<string, Json> = {};
  for (const [name, header] of Object.entries(declared)) {
    headers[name] = name in RESPONSE_HEADERS ? { $ref: `#/components/headers/${headerKey(name)}` } : header;
  }
  if (rateLimited) for (const name of RATE_LIMIT_HEADERS) headers[name] ??= { $ref: `#/components/headers/${headerKey(name)}` };
  if (Object.keys(headers).length) response.headers = headers;
}

/** OpenAPI 3.0 reads `nullable` only beside a `type`. */
function typedNullable(node: Json, schemas: Record<string, Json>): void {
  if (node.nullable !== true || 'type' in node) return;
  const allOf = node.allOf as Json[] | undefined;
  if (allOf?.length === 1 && typeof allOf[0]!.$ref === 'string') {
    const target = schemas[(allOf[0]!.$ref as string).split('/').pop()!];
    const type = target?.type ?? (target?.properties ? 'object' : undefined);
    if (typeof type === 'string') node.type = type;
    return;
  }
  const anyOf = node.anyOf as Json[] | undefined;
  if (anyOf?.every((member) => typeof member.type === 'string')) {
    node.anyOf = anyOf.map((member) => ({ ...member, nullable: true }));
    delete node.nullable;
  }
}

/** `{ $ref, description }` → `{ allOf: [{ $ref }], description }`: a `$ref` ignores its siblings in 3.0. */
function refWithoutSiblings(node: Json): void {
  if (typeof node.$ref !== 'string' || Object.keys(node).length === 1) return;
  const { $ref, ...rest } = node;
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, { allOf: [{ $ref }], ...rest });
}

function walk(node: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
  } else if (node && typeof node === 'object') {
    visit(node as Json);
    for (const child of Object.values(node)) walk(child, visit);
  }
}
