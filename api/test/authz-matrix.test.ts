import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../src/app.js';
import { API_KEY_SCOPES, ROLE_SCOPES, type Role } from '../src/services/auth/policy.js';
import { bearer, createUser, login, post } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

/**
 * Walks every admin operation in the published contract × every role (and an API key, and no
 * credentials) and checks allow/deny against the policy table. A new admin route without a
 * @Security scope fails the first test; one whose scope the policy does not know fails the second.
 */
interface Operation {
  method: string;
  path: string;
  scopes: string[];
}

const spec = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
  paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
};
const operations: Operation[] = Object.entries(spec.paths)
  .filter(([path]) => path.startsWith('/api/v1/admin'))
  .flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      scopes: [...new Set((op.security ?? []).flatMap((s) => Object.values(s).flat()))],
    })),
  );

const ROLES: Role[] = ['admin', 'editor', 'author', 'viewer'];
let api: TestApi;
const tokens = {} as Record<Role | 'apiKey', string>;

beforeAll(async () => {
  api = await startTestApi();
  for (const role of ROLES) tokens[role] = (await login(api, await createUser(api, role))).accessToken;
  const created = await post(api, '/api/v1/admin/api-keys', { name: 'matrix', scopes: ['content:read'] }, bearer(tokens.admin));
  tokens.apiKey = (await created.json()).key;
});
afterAll(() => api.close());

const call = (op: Operation, headers: Record<string, string>) =>
  fetch(api.url + op.path.replace(/\{[^}]+\}/g, randomUUID()), {
    method: op.method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(['POST', 'PUT', 'PATCH'].includes(op.method) ? { body: '{}' } : {}),
  });

describe('authorization matrix', () => {
  it('finds the admin routes, and every one of them declares a scope', () => {
    expect(operations.length).toBeGreaterThanOrEqual(8);
    const unguarded = operations.filter((op) => op.scopes.length === 0).map((op) => `${op.method} ${op.path}`);
    expect(unguarded).toEqual([]);
  });

  it('every declared scope is one the policy grants to somebody', () => {
    const known = new Set(Object.values(ROLE_SCOPES).flat());
    expect(operations.flatMap((op) => op.scopes).filter((s) => !known.has(s as never))).toEqual([]);
  });

  it('no credentials → 401 everywhere', async () => {
    for (const op of operations) expect((await call(op, {})).status, `${op.method} ${op.path}`).toBe(401);
  });

  for (const role of ROLES) {
    it(`${role}: allowed exactly where the policy says`, async () => {
      for (const op of operations) {
        const allowed = op.scopes.every((s) => (ROLE_SCOPES[role] as readonly string[]).includes(s));
        const res = await call(op, bearer(tokens[role]));
        const label = `${role} ${op.method} ${op.path} → ${res.status}`;
        if (allowed) expect([401, 403], label).not.toContain(res.status);
        else expect(res.status, label).toBe(403);
        expect(res.status, label).toBeLessThan(500);
      }
    });
  }

  it('an API key with content:read reaches no admin route it lacks the scope for', async () => {
    for (const op of operations) {
      const allowed = op.scopes.every((s) => s === 'content:read' && API_KEY_SCOPES.includes(s));
      const res = await call(op, { 'x-api-key': tokens.apiKey });
      if (allowed) expect([401, 403]).not.toContain(res.status);
      else expect(res.status, `${op.method} ${op.path}`).toBe(403);
    }
  });
});
