import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../src/app.js';
import { API_KEY_SCOPES, ROLE_SCOPES, SCOPES, type Role } from '../src/services/auth/policy.js';
import { bearer, createUser, login, post } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';
import { countingFetch, record } from './resilience/ledger.js';

/**
 * The access-control matrix: EVERY operation of the published contract × no credentials × each
 * role × one API key per grantable scope. What each cell must answer is derived from the spec's
 * `security` and the policy table (services/auth/policy.ts), never listed by hand, so a new route is
 * covered (and judged) the day it is added:
 *
 *  - no `security`: public. Anybody gets through (no 401/403 unless the operation documents it,
 *    as login and refresh do for bad credentials).
 *  - `security` with scopes: no credentials → 401; a principal without every scope → 403; one with
 *    them → neither 401 nor 403 (a 404 for the random id, a 422 for the empty body, …).
 *  - `security` without scopes: any signed-in user; an API key → 403 (a key is not a session:
 *    no profile, password, sessions, two-factor or logout; Ghost CVE-2026-22595 class).
 *  - never ≥ 500.
 *
 * Path parameters are random UUIDs and bodies `{}`, so writes find nothing to change. Operations
 * open to any user check the principal inside the service, after body validation, so those get the
 * smallest body their schema accepts. Logout ends the session it is called with: it gets a
 * throwaway session per role.
 */
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  label: string;
  method: Method;
  path: string;
  access: 'public' | 'user' | 'scoped';
  scopes: string[];
  documented: Set<number>;
  body?: unknown;
}
interface SchemaNode {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  enum?: unknown[];
  items?: SchemaNode;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  pattern?: string;
  format?: string;
}
interface SpecOperation {
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema: SchemaNode }> };
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const spec = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
  paths: Record<string, Record<string, SpecOperation>>;
  components: { schemas: Record<string, SchemaNode> };
};
const specCount = Object.values(spec.paths).reduce(
  (n, methods) => n + Object.keys(methods).filter((m) => HTTP_METHODS.has(m)).length,
  0,
);

/** The smallest value a schema accepts (required properties only), for bodies that must pass validation. */
function example(node: SchemaNode): unknown {
  if (node.$ref) return example(spec.components.schemas[node.$ref.replace('#/components/schemas/', '')]!);
  if (node.enum) return node.enum[0];
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.required ?? []).map((k) => [k, example(node.properties![k]!)]));
    case 'array':
      return Array.from({ length: node.minItems ?? 0 }, () => example(node.items!));
    case 'integer':
    case 'number':
      return node.minimum ?? 1;
    case 'boolean':
      return true;
    default: {
      if (node.format === 'email') return 'matrix@example.com';
      const n = Math.max(node.minLength ?? 1, 1);
      const fits = (s: string) =>
        (!node.pattern || new RegExp(node.pattern).test(s)) && s.length <= (node.maxLength ?? Infinity);
      return ['x'.repeat(n), '0'.repeat(n), '0'.repeat(Math.max(n, 6))].find(fits) ?? 'x';
    }
  }
}

const operations: Operation[] = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.entries(methods)
    .filter(([m]) => HTTP_METHODS.has(m))
    .map(([m, op]) => {
      const method = m.toUpperCase() as Method;
      const security = op.security ?? [];
      const scopes = [...new Set(security.flatMap((s) => Object.values(s).flat()))];
      const access = security.length === 0 ? 'public' : scopes.length === 0 ? 'user' : 'scoped';
      const schema = op.requestBody?.content['application/json']?.schema;
      const body = ['POST', 'PUT', 'PATCH'].includes(method)
        ? access === 'user' && schema
          ? example(schema)
          : {}
        : undefined;
      return {
        label: `${method} ${path}`,
        method,
        path,
        access,
        scopes,
        body,
        documented: new Set(Object.keys(op.responses).map(Number)),
      } as Operation;
    }),
);

/** Operations that end the session they are called with. */
const ENDS_SESSION = new Set(['POST /api/v1/auth/logout']);
const ROLES: Role[] = ['admin', 'editor', 'author', 'viewer'];
type Principal =
  | { name: string; kind: 'anonymous' }
  | { name: string; kind: 'role'; role: Role }
  | { name: string; kind: 'apiKey'; scope: string };
const principals: Principal[] = [
  { name: 'anonymous', kind: 'anonymous' },
  ...ROLES.map((role) => ({ name: role, kind: 'role' as const, role })),
  ...API_KEY_SCOPES.map((scope) => ({ name: `key[${scope}]`, kind: 'apiKey' as const, scope })),
];

/** What the policy says a principal may do with an operation. */
function verdict(p: Principal, op: Operation): 'unauthenticated' | 'forbidden' | 'allowed' {
  if (op.access === 'public') return 'allowed';
  if (p.kind === 'anonymous') return 'unauthenticated';
  if (p.kind === 'apiKey')
    return op.access === 'scoped' && op.scopes.every((s) => s === p.scope) ? 'allowed' : 'forbidden';
  return op.scopes.every((s) => (ROLE_SCOPES[p.role] as readonly string[]).includes(s)) ? 'allowed' : 'forbidden';
}

function mismatch(p: Principal, op: Operation, status: number): string | undefined {
  const expected = verdict(p, op);
  const wrong =
    status >= 500 ||
    status === 429 ||
    (expected === 'unauthenticated' && status !== 401) ||
    (expected === 'forbidden' && status !== 403) ||
    (expected === 'allowed' &&
      (status === 401 || status === 403) &&
      !(op.access === 'public' && op.documented.has(status)));
  return wrong ? `${p.name} ${op.label} → ${status} (policy: ${expected})` : undefined;
}

let api: TestApi;
const { fetch: counted, counts } = countingFetch();
const headers = new Map<string, Record<string, string>>();
const cells = new Map<string, number>();

async function credentials(p: Principal, op: Operation): Promise<Record<string, string>> {
  if (p.kind === 'role' && ENDS_SESSION.has(op.label))
    return bearer((await login(api, await createUser(api, p.role))).accessToken);
  return headers.get(p.name)!;
}

async function cell(p: Principal, op: Operation): Promise<string | undefined> {
  const res = await counted(api.url + op.path.replace(/\{[^}]+\}/g, () => randomUUID()), {
    method: op.method,
    headers: { 'content-type': 'application/json', ...(await credentials(p, op)) },
    ...(op.body !== undefined ? { body: JSON.stringify(op.body) } : {}),
  });
  await res.arrayBuffer();
  cells.set(`${p.name} ${op.label}`, res.status);
  return mismatch(p, op, res.status);
}

beforeAll(async () => {
  // The contact form's hourly limit is 5 per address; every principal posts to it here.
  api = await startTestApi({ RATE_LIMIT_CONTACT_PER_HOUR: '100000', RATE_LIMIT_API_KEY_PER_MIN: '100000' });
  headers.set('anonymous', {});
  const users = await Promise.all(
    ROLES.map(async (role) => [role, (await login(api, await createUser(api, role))).accessToken] as const),
  );
  for (const [role, token] of users) headers.set(role, bearer(token));
  for (const p of principals) {
    if (p.kind !== 'apiKey') continue;
    const created = await post(
      api,
      '/api/v1/admin/api-keys',
      { name: `matrix ${p.scope}`, scopes: [p.scope] },
      headers.get('admin'),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    headers.set(p.name, { 'x-api-key': (await created.json()).key });
  }
});
afterAll(() => api.close());

describe('authorization matrix (every operation × every kind of principal)', () => {
  it('reads the whole contract: public, user and scoped operations, and every admin route declares a scope', () => {
    expect(operations).toHaveLength(specCount);
    expect(operations.filter((op) => op.access === 'public').length).toBeGreaterThanOrEqual(10);
    expect(operations.filter((op) => op.access === 'user').length).toBeGreaterThanOrEqual(5);
    expect(
      operations.filter((op) => op.path.startsWith('/api/v1/admin') && op.access !== 'scoped').map((op) => op.label),
    ).toEqual([]);
  });

  it('every declared scope is one the policy knows, and every grantable API-key scope is a scope', () => {
    const known = new Set<string>(SCOPES);
    expect(operations.flatMap((op) => op.scopes).filter((s) => !known.has(s))).toEqual([]);
    expect(API_KEY_SCOPES.filter((s) => !known.has(s))).toEqual([]);
    // Keys can never hold what the policy reserves for people.
    for (const reserved of ['users:manage', 'apikeys:manage', 'audit:read', 'webhooks:manage', 'ops:manage'])
      expect(API_KEY_SCOPES).not.toContain(reserved);
  });

  for (const p of principals) {
    it(`${p.name}: each operation answers as the policy says`, async () => {
      const wrong: string[] = [];
      // Small batches: fast, without flooding the pool.
      for (let i = 0; i < operations.length; i += 12) {
        const batch = await Promise.all(operations.slice(i, i + 12).map((op) => cell(p, op)));
        wrong.push(...batch.filter((w): w is string => w !== undefined));
      }
      expect(wrong).toEqual([]);
    });
  }

  it('API keys reach no operation meant only for a signed-in user (profile, password, sessions, two-factor, logout)', () => {
    const userOnly = operations.filter((op) => op.access === 'user');
    expect(userOnly.map((op) => op.label)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/password',
        'GET /api/v1/auth/sessions',
        'DELETE /api/v1/auth/sessions/{sessionId}',
        'POST /api/v1/auth/totp/enroll',
        'POST /api/v1/auth/totp/activate',
        'POST /api/v1/auth/totp/disable',
        'GET /api/v1/auth/me',
        'PATCH /api/v1/auth/me',
      ]),
    );
    for (const op of userOnly) {
      for (const scope of API_KEY_SCOPES)
        expect(cells.get(`key[${scope}] ${op.label}`), `key[${scope}] ${op.label}`).toBe(403);
      // The same call with a user's session gets past authorization.
      for (const role of ROLES)
        expect([401, 403], `${role} ${op.label}`).not.toContain(cells.get(`${role} ${op.label}`));
    }
  });

  it('covered every operation of the spec for every principal, with no 5xx', () => {
    const covered = new Set([...cells.keys()].map((k) => k.slice(k.indexOf(' ') + 1)));
    expect(covered.size).toBe(specCount);
    expect(cells.size).toBe(specCount * principals.length);
    expect(counts.status5xx).toBe(0);
    record('access-matrix', 'every operation × anonymous, roles, one API key per scope', {
      requests: counts.requests,
      status5xx: counts.status5xx,
    });
  });
});
