import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEnv } from '../src/domain/paas/app-env.js';
import { AppEnvBox } from '../src/services/paas/app-env-box.js';
import { bearer, createUser, login, type LoggedIn } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

/**
 * An app's environment variables one by one (GET/PUT/DELETE /apps/{appId}/env[/{name}]) against the
 * real API, MariaDB and Redis: masked by default, revealed to admins only and audited, validated
 * with a 422 naming the field, and never half-written.
 */
let api: TestApi;
let admin: LoggedIn;
let editor: LoggedIn;
let viewer: LoggedIn;
let apiKey: string;

beforeAll(async () => {
  api = await startTestApi({ PAAS_ALLOW_LOCAL_REPOS: '1' });
  [admin, editor, viewer] = await Promise.all([
    createUser(api, 'admin').then((u) => login(api, u)),
    createUser(api, 'editor').then((u) => login(api, u)),
    createUser(api, 'viewer').then((u) => login(api, u)),
  ]);
  const key = await call('POST', '/api/v1/admin/api-keys', admin.accessToken, {
    name: 'paas reader',
    scopes: ['paas:read'],
  });
  expect(key.status).toBe(201);
  apiKey = ((await key.json()) as { key: string }).key;
});
afterAll(() => api?.close());

function call(method: string, path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(api.url + path, {
    method,
    headers: { ...bearer(token), 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

interface EnvList {
  variables: { name: string; value: string; masked: boolean }[];
  revealed: boolean;
}
interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}
interface AuditEntry {
  action: string;
  targetId: string | null;
  actorUserId: string | null;
  diff: Record<string, unknown> | null;
}

let appCount = 0;
async function createApp(env: Record<string, string>): Promise<string> {
  const res = await call('POST', '/api/v1/admin/paas/apps', editor.accessToken, {
    name: `Env test ${++appCount}`,
    repoUrl: `file:///tmp/ov-env-test-${appCount}.git`,
    env,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const envPath = (appId: string, name?: string) =>
  `/api/v1/admin/paas/apps/${appId}/env${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;

/** What the database holds (the whole truth, no API masking in the way), opened with the key: values are sealed at rest. */
async function stored(appId: string): Promise<Record<string, string>> {
  const [[row]] = (await api.infra.database.pool.query('SELECT env FROM paas_apps WHERE id = ?', [
    appId,
  ])) as unknown as [{ env: string | StoredEnv }[]];
  const env = typeof row!.env === 'string' ? (JSON.parse(row!.env) as StoredEnv) : row!.env;
  return new AppEnvBox(api.infra.env.JWT_SECRET).open(appId, env);
}

async function auditOf(appId: string): Promise<AuditEntry[]> {
  const page = (await (
    await call('GET', '/api/v1/admin/audit?targetType=paas_app&limit=100', admin.accessToken)
  ).json()) as { items: AuditEntry[] };
  return page.items.filter((e) => e.targetId === appId);
}

async function expectProblem(res: Response, status: number, field?: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  const problem = (await res.json()) as Problem;
  if (field) expect(problem.errors?.map((e) => e.field)).toContain(field);
  return problem;
}

describe('listing', () => {
  it('lists names in order with masked values for every reader; the values never leave', async () => {
    const appId = await createApp({ ZETA: 'last', DATABASE_URL: 'mysql://u:hunter2@db/x', API_TOKEN: 'tok-abc-123' });
    for (const token of [editor.accessToken, viewer.accessToken, apiKey, admin.accessToken]) {
      const res = await call('GET', envPath(appId), token);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const text = await res.text();
      expect(text).not.toMatch(/hunter2|tok-abc-123|last/);
      const list = JSON.parse(text) as EnvList;
      expect(list.revealed).toBe(false);
      expect(list.variables.map((v) => v.name)).toEqual(['API_TOKEN', 'DATABASE_URL', 'ZETA']);
      expect(list.variables.every((v) => v.masked && v.value === '••••••')).toBe(true);
    }
    await expectProblem(await call('GET', envPath('0190aaaa-0000-7000-8000-000000000000'), editor.accessToken), 404);
  });

  it('reveals values to admins only, and records each reveal (names, never values) in the audit log', async () => {
    const appId = await createApp({ SECRET_KEY: 's3cr3t-value', MODE: 'prod' });
    for (const token of [editor.accessToken, viewer.accessToken, apiKey]) {
      const res = await call('GET', `${envPath(appId)}?reveal=true`, token);
      const text = await res.clone().text();
      await expectProblem(res, 403);
      expect(text).not.toContain('s3cr3t-value');
    }
    expect((await auditOf(appId)).filter((e) => e.action === 'paas.env.reveal')).toHaveLength(0);

    const res = await call('GET', `${envPath(appId)}?reveal=true`, admin.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const list = (await res.json()) as EnvList;
    expect(list).toEqual({
      revealed: true,
      variables: [
        { name: 'MODE', value: 'prod', masked: false },
        { name: 'SECRET_KEY', value: 's3cr3t-value', masked: false },
      ],
    });

    const me = (await (await call('GET', '/api/v1/auth/me', admin.accessToken)).json()) as { id: string };
    const reveals = (await auditOf(appId)).filter((e) => e.action === 'paas.env.reveal');
    expect(reveals).toHaveLength(1);
    expect(reveals[0]!.actorUserId).toBe(me.id);
    expect(reveals[0]!.diff).toMatchObject({ names: ['MODE', 'SECRET_KEY'] });
    expect(JSON.stringify(reveals[0])).not.toContain('s3cr3t-value');
  });
});

describe('one variable at a time', () => {
  it('adds, replaces and removes one variable, leaving the others, and audits without the value', async () => {
    const appId = await createApp({ KEEP: 'kept', CHANGE_ME: 'old' });
    const added = await call('PUT', envPath(appId, 'NEW_ONE'), editor.accessToken, {
      value: 'fresh value with spaces & = signs',
    });
    expect(added.status).toBe(200);
    expect(((await added.json()) as EnvList).variables.map((v) => [v.name, v.value])).toEqual([
      ['CHANGE_ME', '••••••'],
      ['KEEP', '••••••'],
      ['NEW_ONE', '••••••'],
    ]);
    expect((await call('PUT', envPath(appId, 'CHANGE_ME'), editor.accessToken, { value: 'new' })).status).toBe(200);
    // An empty string is a value, not a removal.
    expect((await call('PUT', envPath(appId, '_EMPTY'), admin.accessToken, { value: '' })).status).toBe(200);
    expect(await stored(appId)).toEqual({
      KEEP: 'kept',
      CHANGE_ME: 'new',
      NEW_ONE: 'fresh value with spaces & = signs',
      _EMPTY: '',
    });

    const removed = await call('DELETE', envPath(appId, 'CHANGE_ME'), editor.accessToken);
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as EnvList).variables.map((v) => v.name)).toEqual(['KEEP', 'NEW_ONE', '_EMPTY']);
    expect(await stored(appId)).toEqual({ KEEP: 'kept', NEW_ONE: 'fresh value with spaces & = signs', _EMPTY: '' });
    await expectProblem(await call('DELETE', envPath(appId, 'CHANGE_ME'), editor.accessToken), 404, 'name');

    // The app view shows the names the table shows.
    const app = (await (await call('GET', `/api/v1/admin/paas/apps/${appId}`, viewer.accessToken)).json()) as {
      envKeys: string[];
    };
    expect(app.envKeys).toEqual(['KEEP', 'NEW_ONE', '_EMPTY']);

    const audit = await auditOf(appId);
    const sets = audit.filter((e) => e.action === 'paas.env.set').map((e) => e.diff);
    expect(sets).toEqual(
      expect.arrayContaining([
        { name: 'NEW_ONE', change: 'added' },
        { name: 'CHANGE_ME', change: 'changed' },
        { name: '_EMPTY', change: 'added' },
      ]),
    );
    expect(audit.filter((e) => e.action === 'paas.env.delete').map((e) => e.diff)).toEqual([{ name: 'CHANGE_ME' }]);
    expect(JSON.stringify(audit)).not.toMatch(/fresh value|"new"|kept/);
  });

  it('follows the PaaS scopes: editors and admins write; viewers and paas:read API keys are refused', async () => {
    const appId = await createApp({ A: '1' });
    for (const token of [viewer.accessToken, apiKey]) {
      await expectProblem(await call('PUT', envPath(appId, 'B'), token, { value: '2' }), 403);
      await expectProblem(await call('DELETE', envPath(appId, 'A'), token), 403);
    }
    // A key that holds every scope an API key may have still cannot write apps (paas:write is for people).
    const broad = await call('POST', '/api/v1/admin/api-keys', admin.accessToken, {
      name: 'paas writer?',
      scopes: ['paas:write'],
    });
    expect(broad.status).toBe(422);
    expect(await stored(appId)).toEqual({ A: '1' });
    await expectProblem(
      await call('PUT', envPath('0190aaaa-0000-7000-8000-000000000000', 'B'), editor.accessToken, { value: '2' }),
      404,
    );
  });

  it('refuses bad names and values with a 422 naming the field, and writes nothing', async () => {
    const appId = await createApp({ A: '1', B: '2' });
    const before = await stored(appId);
    const bad: [string, unknown, string, RegExp][] = [
      ['1STARTS_WITH_DIGIT', { value: 'x' }, 'name', /letters, digits and _/],
      ['HAS-DASH', { value: 'x' }, 'name', /letters, digits and _/],
      ['SPACE IN', { value: 'x' }, 'name', /letters, digits and _/],
      ['Ünicode', { value: 'x' }, 'name', /letters, digits and _/],
      ['X'.repeat(129), { value: 'x' }, 'name', /at most 128/],
      ['PORT', { value: '3000' }, 'name', /set by the engine/],
      ['OK_NAME', { value: 'v'.repeat(8193) }, 'body.value', /8192/],
      ['OK_NAME', { value: 'nul\u0000inside' }, 'body.value', /NUL/],
      ['OK_NAME', { value: 42 }, 'body.value', /string/i],
      ['OK_NAME', {}, 'body.value', /required/i],
      ['OK_NAME', { value: 'x', extra: true }, 'body.extra', /.+/],
    ];
    for (const [name, body, field, message] of bad) {
      const problem = await expectProblem(
        await call('PUT', envPath(appId, name), editor.accessToken, body),
        422,
        field,
      );
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(
        problem.errors!.find((e) => e.field === field)!.message,
        `${name} ${JSON.stringify(body).slice(0, 40)}`,
      ).toMatch(message);
    }
    // A bad name and a bad value together: both named.
    const both = await expectProblem(
      await call('PUT', envPath(appId, '9X'), editor.accessToken, { value: 'a\u0000b' }),
      422,
    );
    expect(both.errors!.map((e) => e.field).sort()).toEqual(['body.value', 'name']);
    expect(await stored(appId)).toEqual(before);
    expect((await auditOf(appId)).filter((e) => e.action.startsWith('paas.env.'))).toHaveLength(0);
  });

  it('keeps at most 100 variables: the 101st is refused whole, replacing one of the 100 still works', async () => {
    const hundred = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`V${i}`, String(i)]));
    const appId = await createApp(hundred);
    const over = await expectProblem(
      await call('PUT', envPath(appId, 'ONE_MORE'), editor.accessToken, { value: 'x' }),
      422,
      'name',
    );
    expect(JSON.stringify(over)).toMatch(/at most 100/);
    expect(Object.keys(await stored(appId))).toHaveLength(100);
    expect((await call('PUT', envPath(appId, 'V7'), editor.accessToken, { value: 'seven' })).status).toBe(200);
    expect((await stored(appId)).V7).toBe('seven');
    expect((await auditOf(appId)).filter((e) => e.action === 'paas.env.set')).toHaveLength(1);
  });

  it('concurrent edits of different names all land (the row is locked per change, not overwritten)', async () => {
    const appId = await createApp({ BASE: 'b' });
    const names = Array.from({ length: 12 }, (_, i) => `PAR_${i}`);
    const results = await Promise.all(
      names.map((n, i) =>
        call('PUT', envPath(appId, n), i % 2 ? editor.accessToken : admin.accessToken, { value: `v${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(names.map(() => 200));
    const env = await stored(appId);
    expect(Object.keys(env).sort()).toEqual(['BASE', ...names].sort());
    names.forEach((n, i) => expect(env[n]).toBe(`v${i}`));
    // And concurrent removals with sets of other names.
    const mixed = await Promise.all([
      ...names.slice(0, 6).map((n) => call('DELETE', envPath(appId, n), editor.accessToken)),
      ...names.slice(6).map((n) => call('PUT', envPath(appId, n), editor.accessToken, { value: 'again' })),
    ]);
    expect(mixed.map((r) => r.status)).toEqual(names.map(() => 200));
    expect(await stored(appId)).toEqual({ BASE: 'b', ...Object.fromEntries(names.slice(6).map((n) => [n, 'again'])) });
  });

  it('the bulk `env` of PATCH /apps/{appId} still replaces them all, with the same rules', async () => {
    const appId = await createApp({ OLD: 'o' });
    expect((await call('PUT', envPath(appId, 'SINGLE'), editor.accessToken, { value: 's' })).status).toBe(200);
    const patched = await call('PATCH', `/api/v1/admin/paas/apps/${appId}`, editor.accessToken, {
      env: { FRESH: 'f', OTHER: 'o2' },
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { envKeys: string[] }).envKeys).toEqual(['FRESH', 'OTHER']);
    expect(await stored(appId)).toEqual({ FRESH: 'f', OTHER: 'o2' });
    await expectProblem(
      await call('PATCH', `/api/v1/admin/paas/apps/${appId}`, editor.accessToken, { env: { PORT: '1' } }),
      422,
      'body.env.PORT',
    );
    const list = (await (await call('GET', `${envPath(appId)}?reveal=true`, admin.accessToken)).json()) as EnvList;
    expect(list.variables).toEqual([
      { name: 'FRESH', value: 'f', masked: false },
      { name: 'OTHER', value: 'o2', masked: false },
    ]);
  });
});
