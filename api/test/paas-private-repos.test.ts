import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { Jobs } from '../src/jobs/job-spec.js';
import { composePaasEngine } from '../src/composition/paas-engine.js';
import { composePaasJobs } from '../src/composition/worker.js';
import { startPaasWorker } from '../src/schedule/paas-watch.js';
import { createLogger } from '../src/logger.js';
import { SecretBox } from '../src/services/auth/secret-box.js';
import { LABEL } from '../src/services/paas/container-spec.js';
import { REPO_CREDENTIALS_PURPOSE } from '../src/services/paas/repo-access.js';
import { testEnv } from './env.js';
import { bearer, createUser, login } from './factories.js';
import {
  bareCopy,
  startHttpsGitServer,
  startSshGitServer,
  type HttpsGitServer,
  type SshGitServer,
} from './git-servers.js';
import { eventually, runScript, startTestApi, type TestApi } from './harness.js';
import { makeRepo } from './paas-fixtures.js';

/**
 * Private repositories end to end: an https git host that wants a token and an ssh git host that
 * wants the app's deploy key, both on 127.0.0.1 (reachable only because PAAS_ALLOW_LOCAL_REPOS=loopback
 * lets tests use loopback hosts), deployed through the API by an in-process worker on the real Docker
 * Engine. Every git and ssh process the worker starts is logged with its argv, to prove no secret
 * is on a command line; reasons, logs, views and the audit log are checked for secrets too.
 */
const docker = new Docker();
const TOKEN = 'ghp_testTOKENthatMustNeverLeak0123456789';
const WRONG_TOKEN = 'ghp_wrongTOKENthatMustNeverLeakEither987';
let api: TestApi;
let worker: Infrastructure;
let stopPaas: () => Promise<void>;
let engine: ReturnType<typeof composePaasEngine>;
let token: string;
let root: string;
let https: HttpsGitServer;
let ssh: SshGitServer;
let httpsUrl: string;
let sshUrl: string;
let commit: string;
const argvLog = () => readFile(join(root, 'argv.log'), 'utf8').catch(() => '');
const saved = { PATH: process.env.PATH, GIT_SSL_CAINFO: process.env.GIT_SSL_CAINFO };

beforeAll(async () => {
  try {
    await docker.ping();
  } catch (err) {
    throw new Error(
      `PaaS tests need a Docker Engine and none answers (${(err as Error).message}). Start one: scripts/services.sh start docker. These tests never skip.`,
      { cause: err },
    );
  }
  const images = await runScript(['scripts/paas-images.sh'], 600_000);
  if (images.code !== 0) throw new Error(`make paas-images failed:\n${images.output}`);
  root = await mkdtemp(join(tmpdir(), 'ov-paas-private-'));
  // git and ssh on PATH log their argv, then run the real ones.
  const bin = join(root, 'bin');
  await mkdir(bin);
  for (const tool of ['git', 'ssh']) {
    const real = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    await writeFile(
      join(bin, tool),
      `#!/bin/sh\nprintf '%s\\n' "${tool} $*" >> '${join(root, 'argv.log')}'\nexec '${real}' "$@"\n`,
    );
    await chmod(join(bin, tool), 0o755);
  }
  process.env.PATH = `${bin}:${process.env.PATH}`;

  const site = await makeRepo(root, 'site', { 'index.html': '<h1>private site</h1>\n' });
  commit = execFileSync('git', ['-C', site.dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const served = join(root, 'served');
  await mkdir(served);
  const bare = bareCopy(site.dir, served, 'site');
  https = await startHttpsGitServer(join(root, 'https'), served, 'x-access-token', TOKEN);
  ssh = await startSshGitServer(join(root, 'ssh'));
  httpsUrl = `https://127.0.0.1:${https.port}/site.git`;
  sshUrl = `ssh://${ssh.user}@127.0.0.1:${ssh.port}${bare}`;
  // The worker's git trusts the test host's certificate (git's own variable, read when the engine is made).
  process.env.GIT_SSL_CAINFO = https.caFile;

  const env = {
    PAAS_ALLOW_LOCAL_REPOS: 'loopback',
    PAAS_WORK_DIR: join(root, 'work'),
    PAAS_HEALTH_TIMEOUT_MS: '20000',
  };
  api = await startTestApi(env);
  token = (await login(api, await createUser(api, 'admin'))).accessToken;
  worker = createInfrastructure(
    testEnv(env),
    createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'worker-test'),
    'worker',
  );
  engine = composePaasEngine(worker, { drainMs: 500 });
  const jobs = composePaasJobs(worker, engine);
  worker.queues.process(Jobs.paasDeploy, 1, jobs.deploy);
  worker.queues.process(Jobs.paasControl, 2, jobs.control);
  stopPaas = startPaasWorker(worker, jobs.engine);
}, 660_000);

afterAll(async () => {
  // The git servers first: a failure below must not leave sshd running.
  await ssh?.close();
  await https?.close();
  if (api) {
    const apps = await call('GET', '/api/v1/admin/paas/apps')
      .then((r) => r.json() as Promise<{ id: string }[]>)
      .catch(() => []);
    for (const app of Array.isArray(apps) ? apps : []) await call('DELETE', `/api/v1/admin/paas/apps/${app.id}`);
    if (engine)
      await eventually(
        async () =>
          (
            await docker.listContainers({
              all: true,
              filters: { label: [`${LABEL.managed}=${engine.docker.instance}`] },
            })
          ).length === 0,
        30_000,
      ).catch(() => undefined);
  }
  await stopPaas?.();
  await worker?.close();
  await api?.close();
  process.env.PATH = saved.PATH;
  if (saved.GIT_SSL_CAINFO === undefined) delete process.env.GIT_SSL_CAINFO;
  else process.env.GIT_SSL_CAINFO = saved.GIT_SSL_CAINFO;
  if (root) await rm(root, { recursive: true, force: true });
}, 120_000);

const call = (method: string, path: string, body?: unknown) =>
  fetch(api.url + path, {
    method,
    headers: { ...bearer(token), 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

interface Access {
  method: string;
  tokenSet: boolean;
  gitUsername: string | null;
  deployKey: string | null;
  deployKeyFingerprint: string | null;
  hostKey: { host: string; type: string; fingerprint: string } | null;
}
interface AppView {
  id: string;
  slug: string;
  status: string;
  repoUrl: string;
  repoAccess: Access;
}
interface DeploymentView {
  id: string;
  status: string;
  reason: string | null;
  log: string | null;
  commitSha: string | null;
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const app = async (id: string) => json<AppView>(await call('GET', `/api/v1/admin/paas/apps/${id}`), 200);

/** Deploys and waits for the deployment to end. */
async function deployed(appId: string): Promise<DeploymentView> {
  const res = await call('POST', `/api/v1/admin/paas/apps/${appId}/deployments`);
  expect([200, 202], await res.clone().text()).toContain(res.status);
  const { id } = (await res.json()) as DeploymentView;
  return eventually(
    async () => {
      const d = await json<DeploymentView>(await call('GET', `/api/v1/admin/paas/deployments/${id}`), 200);
      return ['running', 'failed', 'stopped', 'superseded'].includes(d.status) && d.log !== null ? d : undefined;
    },
    120_000,
    250,
  );
}

/** Every place a secret could leak to: the API's answers, the deployment, the audit log, argv. */
async function expectNowhere(appId: string, secrets: string[], deployment?: DeploymentView): Promise<void> {
  const [audit] = (await api.infra.database.db.execute(
    sql`select cast(diff as char) as diff from audit_log where target_id = ${appId}`,
  )) as unknown as [{ diff: string | null }[]];
  const places = {
    view: JSON.stringify(await app(appId)),
    list: await (await call('GET', '/api/v1/admin/paas/apps')).text(),
    deployment: JSON.stringify(deployment ?? null),
    audit: audit.map((r) => r.diff).join('\n'),
    argv: await argvLog(),
  };
  for (const secret of secrets) {
    for (const [where, text] of Object.entries(places))
      expect(text.includes(secret), `${where} holds a secret`).toBe(false);
  }
}

describe('private repositories over https with an access token', () => {
  it('deploys with the token, which is sealed, never returned, never on a command line; a wrong or missing one fails with a clear reason', async () => {
    const created = await json<AppView>(
      await call('POST', '/api/v1/admin/paas/apps', { name: 'Private https', repoUrl: httpsUrl, gitToken: TOKEN }),
      201,
    );
    expect(created.repoAccess).toEqual({
      method: 'token',
      tokenSet: true,
      gitUsername: null,
      deployKey: null,
      deployKeyFingerprint: null,
      hostKey: null,
    });
    const [[stored]] = (await api.infra.database.db.execute(
      sql`select git_token from paas_apps where id = ${created.id}`,
    )) as unknown as [{ git_token: string }[]];
    expect(stored!.git_token).toMatch(/^v1\./);
    expect(stored!.git_token).not.toContain(TOKEN);

    const ok = await deployed(created.id);
    expect(ok.status, ok.reason ?? '').toBe('running');
    expect(ok.commitSha).toBe(commit);
    expect(ok.log).toMatch(/Signing in with the app's access token \(user x-access-token\)/);
    expect(https.authorizations).toContain(`Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`);
    expect(await argvLog()).toMatch(/^git .*clone .*-- https:\/\/127\.0\.0\.1/m);

    await json(await call('PATCH', `/api/v1/admin/paas/apps/${created.id}`, { gitToken: WRONG_TOKEN }), 200);
    const wrong = await deployed(created.id);
    expect(wrong.status).toBe('failed');
    expect(wrong.reason).toMatch(/refused the access token \(HTTP 401\/403\)/);

    const cleared = await json<AppView>(
      await call('PATCH', `/api/v1/admin/paas/apps/${created.id}`, { gitToken: null }),
      200,
    );
    expect(cleared.repoAccess).toMatchObject({ method: 'none', tokenSet: false });
    const none = await deployed(created.id);
    expect(none.status).toBe('failed');
    expect(none.reason).toMatch(/needs credentials \(HTTP 401\): set an access token/);

    const basic = (t: string) => Buffer.from(`x-access-token:${t}`).toString('base64');
    await expectNowhere(created.id, [TOKEN, WRONG_TOKEN, basic(TOKEN), basic(WRONG_TOKEN)], wrong);
    const [audit] = (await api.infra.database.db.execute(
      sql`select action, cast(diff as char) as diff from audit_log where target_id = ${created.id} order by id`,
    )) as unknown as [{ action: string; diff: string }[]];
    expect(
      audit.filter((a) => a.action === 'paas.app.update').map((a) => JSON.parse(a.diff).access?.[1]?.token),
    ).toEqual(['replaced', 'none']);
  }, 300_000);

  it('refuses a token for an ssh URL, bad tokens and user names, and private addresses even in tests', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await call('POST', '/api/v1/admin/paas/apps', { name: 'Bad', repoUrl: httpsUrl, ...body });
      expect(res.status, await res.clone().text()).toBe(422);
      expect(JSON.stringify(await res.json())).toContain(field);
    };
    await bad({ gitToken: 'has space' }, 'gitToken');
    await bad({ gitToken: TOKEN, gitUsername: 'user:name' }, 'gitUsername');
    await bad({ repoUrl: sshUrl, gitToken: TOKEN, deployKey: true }, 'gitToken');
    await bad({ repoUrl: sshUrl }, "needs the app's deploy key");
    await bad({ repoUrl: 'https://10.1.2.3/a.git', gitToken: TOKEN }, 'private address');
    await bad({ repoUrl: 'ssh://git@192.168.1.1/a.git', deployKey: true }, 'private address');
  });
});

describe('private repositories over ssh with a deploy key', () => {
  it('generates the key, pins the host key on first use, refuses a changed host key and an unknown deploy key', async () => {
    const before = new Set((await readdir(tmpdir())).filter((n) => n.startsWith('ov-git-ssh-')));
    const created = await json<AppView>(
      await call('POST', '/api/v1/admin/paas/apps', { name: 'Private ssh', repoUrl: sshUrl, deployKey: true }),
      201,
    );
    const access = created.repoAccess;
    expect(access.method).toBe('deployKey');
    expect(access.deployKey).toMatch(
      new RegExp(`^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5[A-Za-z0-9+/=]+ omervision-${created.slug}$`),
    );
    expect(access.deployKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(access.hostKey).toBeNull();
    const [[row]] = (await api.infra.database.db.execute(
      sql`select deploy_key from paas_apps where id = ${created.id}`,
    )) as unknown as [{ deploy_key: string }[]];
    expect(row!.deploy_key).toMatch(/^v1\./);

    // The key is not on the host yet: refused, but the host key seen is pinned (first use).
    const refused = await deployed(created.id);
    expect(refused.status).toBe('failed');
    expect(refused.reason).toMatch(
      /127\.0\.0\.1 refused the app's deploy key \(Permission denied \(publickey\)\): add the public key/,
    );
    expect((await app(created.id)).repoAccess.hostKey).toEqual({
      host: `[127.0.0.1]:${ssh.port}`,
      type: 'ssh-ed25519',
      fingerprint: ssh.fingerprint(),
    });

    await ssh.authorize(access.deployKey!);
    const ok = await deployed(created.id);
    expect(ok.status, ok.reason ?? '').toBe('running');
    expect(ok.commitSha).toBe(commit);
    expect(ok.log).toContain(`the host key must be the pinned ssh-ed25519 ${ssh.fingerprint()}`);
    expect(await argvLog()).toMatch(
      /^ssh -F \/dev\/null .*-o HostName=127\.0\.0\.1 .*-o StrictHostKeyChecking=yes .*-o IdentitiesOnly=yes/m,
    );

    // A new key: the host knows only the old one.
    const regenerated = await json<AppView>(
      await call('POST', `/api/v1/admin/paas/apps/${created.id}/deploy-key`),
      200,
    );
    expect(regenerated.repoAccess.deployKey).not.toBe(access.deployKey);
    expect(regenerated.repoAccess.hostKey?.fingerprint).toBe(ssh.fingerprint());
    expect((await deployed(created.id)).reason).toMatch(/refused the app's deploy key/);
    await ssh.authorize(regenerated.repoAccess.deployKey!);

    // Another host key on the same address: refused, naming the pinned fingerprint.
    const pinned = ssh.fingerprint();
    await ssh.changeHostKey();
    const changed = await deployed(created.id);
    expect(changed.status).toBe('failed');
    expect(changed.reason).toContain(
      `the ssh host key of 127.0.0.1 changed: it is not the one pinned at the first clone (ssh-ed25519 ${pinned})`,
    );

    // The admin resets the pin: the next clone pins the new key and deploys.
    const reset = await json<AppView>(await call('DELETE', `/api/v1/admin/paas/apps/${created.id}/host-key`), 200);
    expect(reset.repoAccess.hostKey).toBeNull();
    const again = await deployed(created.id);
    expect(again.status, again.reason ?? '').toBe('running');
    expect((await app(created.id)).repoAccess.hostKey?.fingerprint).toBe(ssh.fingerprint());

    const [actions] = (await api.infra.database.db.execute(
      sql`select action from audit_log where target_id = ${created.id} order by id`,
    )) as unknown as [{ action: string }[]];
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['paas.app.create', 'paas.app.deploy-key.regenerate', 'paas.app.host-key.reset']),
    );
    // The private half: sealed in the database, on disk only during a clone, nowhere else.
    const privateKey = new SecretBox(testEnv().JWT_SECRET, REPO_CREDENTIALS_PURPOSE).open(
      (await engine.repo.findApp(created.id))!.deployKey!,
    );
    await writeFile(join(root, 'opened_key'), privateKey, { mode: 0o600 });
    expect(execFileSync('ssh-keygen', ['-y', '-f', join(root, 'opened_key')], { encoding: 'utf8' }).trim()).toBe(
      regenerated.repoAccess.deployKey,
    );
    expect((await readdir(tmpdir())).filter((n) => n.startsWith('ov-git-ssh-') && !before.has(n))).toEqual([]);
    const keyLines = privateKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
    await expectNowhere(created.id, ['PRIVATE KEY', ...keyLines], changed);
  }, 300_000);

  it('keeps the deploy key while the URL is ssh, and forgets the pin when the host changes', async () => {
    const created = await json<AppView>(
      await call('POST', '/api/v1/admin/paas/apps', { name: 'Ssh rules', repoUrl: sshUrl, deployKey: true }),
      201,
    );
    const res = await call('PATCH', `/api/v1/admin/paas/apps/${created.id}`, { deployKey: false });
    expect(res.status, await res.clone().text()).toBe(422);
    await engine.repo.updateApp(created.id, {
      sshKnownHost: `[127.0.0.1]:${ssh.port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFvuA5hykwEyvpRZN1ky2SPOW9Ri5HvtSn4FIBvpuqGs`,
    });
    // Same host and port: the pin stays. Another port: it is the old host's, so it goes.
    expect(
      (await json<AppView>(await call('PATCH', `/api/v1/admin/paas/apps/${created.id}`, { repoUrl: sshUrl }), 200))
        .repoAccess.hostKey,
    ).not.toBeNull();
    const moved = await json<AppView>(
      await call('PATCH', `/api/v1/admin/paas/apps/${created.id}`, {
        repoUrl: sshUrl.replace(`:${ssh.port}/`, `:${ssh.port === 2222 ? 2223 : 2222}/`),
      }),
      200,
    );
    expect(moved.repoAccess.hostKey).toBeNull();
    const https = await json<AppView>(
      await call('PATCH', `/api/v1/admin/paas/apps/${created.id}`, { repoUrl: httpsUrl, deployKey: false }),
      200,
    );
    expect(https.repoAccess).toMatchObject({ method: 'none', deployKey: null, hostKey: null });
  });
});
