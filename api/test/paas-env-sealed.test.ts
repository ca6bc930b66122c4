import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAppEnvs } from '../src/db/setup.js';
import { makeRepo, nodeServer, viaRouter } from './paas-fixtures.js';
import { startPaasStack, type AppView, type PaasStack } from './paas-stack.js';

/**
 * App variables sealed at rest, against the real API, worker, MariaDB and Docker Engine: what the
 * API writes is unreadable in `paas_apps.env` yet reaches the deployed container; a row stored
 * before sealing still reads and the setup step seals it (once); a sealed blob copied into another
 * app's row does not open there, with a clear problem and a failed deployment, not a crash.
 */
let stack: PaasStack;
let nodeRepo: Awaited<ReturnType<typeof makeRepo>>;

const SECRET_A = 'sk_live_Zq81-sealed-at-rest';
const SECRET_B = 'pässwörd with spaces & = signs';

beforeAll(async () => {
  stack = await startPaasStack();
  nodeRepo = await makeRepo(stack.root, 'sealed-env-app', {
    'package.json': JSON.stringify({ name: 'sealed-env-app', version: '1.0.0', scripts: { start: 'node server.js' } }),
    'server.js': nodeServer('v1'),
  });
}, 600_000);
afterAll(() => stack?.close(), 120_000);

interface EnvList {
  variables: { name: string; value: string; masked: boolean }[];
  revealed: boolean;
}

/** The column as MariaDB holds it, read with SQL: what a dump or a backup shows. */
async function rawEnv(appId: string): Promise<string> {
  const [[row]] = (await stack.api.infra.database.pool.query(
    'SELECT CAST(env AS CHAR) AS env FROM paas_apps WHERE id = ?',
    [appId],
  )) as unknown as [{ env: string }[]];
  return row!.env;
}

async function setRawEnv(appId: string, json: string): Promise<void> {
  await stack.api.infra.database.pool.query('UPDATE paas_apps SET env = ? WHERE id = ?', [json, appId]);
}

async function createApp(name: string, env: Record<string, string>): Promise<AppView> {
  const res = await stack.call('POST', '/api/v1/admin/paas/apps', { name, repoUrl: nodeRepo.url, env });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as AppView;
}

async function envOf(appId: string, reveal: boolean): Promise<Response> {
  return stack.call('GET', `/api/v1/admin/paas/apps/${appId}/env${reveal ? '?reveal=true' : ''}`);
}

async function revealed(appId: string): Promise<Record<string, string>> {
  const res = await envOf(appId, true);
  expect(res.status, await res.clone().text()).toBe(200);
  const list = (await res.json()) as EnvList;
  return Object.fromEntries(list.variables.map((v) => [v.name, v.value]));
}

describe('app variables sealed at rest', () => {
  it('what the API writes is sealed in the column, names in the clear, and the deployed app still receives it', async () => {
    const app = await createApp('Sealed env', { API_KEY: SECRET_A });
    const put = await stack.call('PUT', `/api/v1/admin/paas/apps/${app.id}/env/GREETING`, { value: SECRET_B });
    expect(put.status, await put.clone().text()).toBe(200);

    const raw = await rawEnv(app.id);
    expect(raw).not.toContain(SECRET_A);
    expect(raw).not.toContain('sk_live');
    expect(raw).not.toContain('pässwörd');
    expect(raw).not.toContain(Buffer.from(SECRET_A).toString('base64'));
    const stored = JSON.parse(raw) as { $sealed: Record<string, string> };
    expect(Object.keys(stored)).toEqual(['$sealed']);
    expect(Object.keys(stored.$sealed).sort()).toEqual(['API_KEY', 'GREETING']);
    for (const value of Object.values(stored.$sealed)) expect(value).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);

    // Names list without opening; values come back only on an admin's reveal.
    const masked = (await (await envOf(app.id, false)).json()) as EnvList;
    expect(masked.variables.map((v) => [v.name, v.masked])).toEqual([
      ['API_KEY', true],
      ['GREETING', true],
    ]);
    expect(JSON.stringify(masked)).not.toContain('sk_live');
    expect(await revealed(app.id)).toEqual({ API_KEY: SECRET_A, GREETING: SECRET_B });
    const view = (await (await stack.call('GET', `/api/v1/admin/paas/apps/${app.id}`)).json()) as { envKeys: string[] };
    expect(view.envKeys).toEqual(['API_KEY', 'GREETING']);

    const done = await stack.settled((await stack.deploy(app.id)).id, 240_000);
    expect(done.status, done.log ?? '').toBe('running');
    const self = JSON.parse((await viaRouter(stack.routerPort, stack.host(app.slug), '/self')).body) as {
      greeting: string;
    };
    expect(self.greeting).toBe(SECRET_B);
    const container = await stack.servingContainer(app.id);
    expect(container.Config.Env).toEqual(expect.arrayContaining([`API_KEY=${SECRET_A}`, `GREETING=${SECRET_B}`]));
  }, 300_000);

  it('a row stored before sealing reads as it is, and the setup step seals it once (idempotent)', async () => {
    const app = await createApp('Plain before', {});
    await setRawEnv(app.id, JSON.stringify({ OLD_TOKEN: 'plain-old-value', OTHER: 'o' }));
    const [[before]] = (await stack.api.infra.database.pool.query('SELECT updated_at FROM paas_apps WHERE id = ?', [
      app.id,
    ])) as unknown as [{ updated_at: Date }[]];

    expect(await revealed(app.id)).toEqual({ OLD_TOKEN: 'plain-old-value', OTHER: 'o' });
    const db = stack.api.infra.database.db;
    const secret = stack.api.infra.env.JWT_SECRET;
    expect(await sealAppEnvs(db, secret)).toBeGreaterThanOrEqual(1);

    const raw = await rawEnv(app.id);
    expect(raw).not.toContain('plain-old-value');
    expect(Object.keys((JSON.parse(raw) as { $sealed: Record<string, string> }).$sealed).sort()).toEqual([
      'OLD_TOKEN',
      'OTHER',
    ]);
    expect(await revealed(app.id)).toEqual({ OLD_TOKEN: 'plain-old-value', OTHER: 'o' });
    const [[after]] = (await stack.api.infra.database.pool.query('SELECT updated_at FROM paas_apps WHERE id = ?', [
      app.id,
    ])) as unknown as [{ updated_at: Date }[]];
    expect(after!.updated_at.getTime()).toBe(before!.updated_at.getTime());

    // Again: nothing left to seal, and the column is left exactly as it was.
    expect(await sealAppEnvs(db, secret)).toBe(0);
    expect(await rawEnv(app.id)).toBe(raw);

    // A single edit of a plain row writes it sealed too.
    await setRawEnv(app.id, JSON.stringify({ LEGACY: 'legacy-value' }));
    const put = await stack.call('PUT', `/api/v1/admin/paas/apps/${app.id}/env/ADDED`, { value: 'added-value' });
    expect(put.status).toBe(200);
    const rewritten = await rawEnv(app.id);
    expect(rewritten).not.toContain('legacy-value');
    expect(rewritten).not.toContain('added-value');
    expect(await revealed(app.id)).toEqual({ LEGACY: 'legacy-value', ADDED: 'added-value' });
  });

  it('a sealed blob copied into another app does not open there: 409 naming the variables, a failed deployment, no crash', async () => {
    const source = await createApp('Blob source', { STOLEN: 'source-only-secret' });
    const target = await createApp('Blob target', { MINE: 'target-value' });
    await setRawEnv(target.id, await rawEnv(source.id));

    // Listing names needs no opening: the app, its masked variables and the app list still answer.
    const masked = await envOf(target.id, false);
    expect(masked.status).toBe(200);
    expect(((await masked.json()) as EnvList).variables.map((v) => v.name)).toEqual(['STOLEN']);
    expect((await stack.call('GET', `/api/v1/admin/paas/apps/${target.id}`)).status).toBe(200);
    expect((await stack.call('GET', '/api/v1/admin/paas/apps')).status).toBe(200);

    for (const res of [
      await envOf(target.id, true),
      await stack.call('PUT', `/api/v1/admin/paas/apps/${target.id}/env/MINE`, { value: 'x' }),
    ]) {
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe('CONFLICT');
      expect(problem.detail).toMatch(/STOLEN cannot be opened/);
      expect(problem.detail).not.toContain('source-only-secret');
    }
    // The source is untouched and still opens.
    expect(await revealed(source.id)).toEqual({ STOLEN: 'source-only-secret' });

    // A deployment fails early with the reason, before any build, and the worker goes on.
    const done = await stack.settled((await stack.deploy(target.id)).id);
    expect(done.status).toBe('failed');
    expect(done.reason).toMatch(/STOLEN cannot be opened/);
    expect(done.log).not.toMatch(/Internal error/);

    // Replacing the whole set repairs it.
    const patch = await stack.call('PATCH', `/api/v1/admin/paas/apps/${target.id}`, { env: { MINE: 'fresh' } });
    expect(patch.status, await patch.clone().text()).toBe(200);
    expect(await revealed(target.id)).toEqual({ MINE: 'fresh' });
  }, 120_000);
});
