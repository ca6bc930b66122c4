import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import mysql from 'mysql2/promise';
import tar from 'tar-stream';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../src/db/migrate.js';
import { createBackupServices } from '../../src/composition/ops.js';
import { DatabaseDumpRepository } from '../../src/repositories/database-dump.repository.js';
import { GitRepository } from '../../src/repositories/git.repository.js';
import { PasswordResetRepository } from '../../src/repositories/password-reset.repository.js';
import { StorageRepository } from '../../src/repositories/storage.repository.js';
import { WebhookHttpRepository } from '../../src/repositories/webhook-http.repository.js';
import { API_KEY_SCOPES } from '../../src/services/auth/policy.js';
import { sha256 } from '../../src/services/auth/token.service.js';
import { BACKUP_FORMAT, FORMAT_VERSION, migrationMark } from '../../src/services/ops/backup-format.js';
import { hubSignature } from '../../src/services/paas/views.js';
import { call, doc, publishedPost } from '../content-helpers.js';
import { testDatabaseUrl, testEnv, testRedisPrefix } from '../env.js';
import { bearer, createUser, login, post } from '../factories.js';
import { eventually, startTestApi, type TestApi } from '../harness.js';
import { createBucket, emptyBucket } from '../ops-fixtures.js';

/**
 * One `describe` per real advisory of our peers (named by its CVE id first), each proving the same
 * class of hole is closed here, against the real API and services.
 */
let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = (await login(api, await createUser(api, 'admin'))).accessToken;
});
afterAll(() => api.close());

const problemFields = async (res: Response) =>
  ((await res.json()).errors ?? []).map((e: { field: string }) => e.field) as string[];

/** A request whose path reaches the server byte for byte (fetch would normalise `.` segments). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = '';
      res
        .setEncoding('utf8')
        .on('data', (c: string) => (body += c))
        .on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject).end();
  });
}

describe('CVE-2019-18818 (Strapi): a password reset takes over an account', () => {
  it('a non-string or made-up token is refused (422 naming body.token, or 401), and no body field picks the user', async () => {
    const victim = await createUser(api, 'admin');
    for (const token of [{ $gt: '' }, ['ovp_x'], 12345678901, null, true]) {
      const res = await post(api, '/api/v1/auth/password/reset', { token, newPassword: 'attacker owns this now 1' });
      expect(res.status, JSON.stringify(token)).toBe(422);
      expect(await problemFields(res)).toContain('body.token');
    }
    for (const body of [
      { token: 'ovp_guess_guess', newPassword: 'attacker owns this now 1' },
      { token: 'ovp_guess_guess', newPassword: 'attacker owns this now 1', email: victim.email },
      { code: 'x', password: 'attacker owns this now 1', passwordConfirmation: 'attacker owns this now 1' },
    ])
      expect([401, 422]).toContain((await post(api, '/api/v1/auth/password/reset', body)).status);
    expect((await post(api, '/api/v1/auth/login', { email: victim.email, password: victim.password })).status).toBe(
      200,
    );
  });
});

describe('CVE-2023-22894 (Strapi): filtering or sorting on private fields leaks them', () => {
  it('filters and sorts on fields the API does not offer change nothing and leak nothing; bad values of real filters are 422', async () => {
    await publishedPost(api, admin, { title: 'Filter target' });
    const plain = await (await call(api, 'GET', '/api/v1/posts')).json();
    for (const qs of [
      'filters[author][password][$startsWith]=$argon2',
      'author[passwordHash]=x',
      'populate=author&fields=passwordHash',
      'sort=author.password_hash',
      'sort[0]=author.email:asc',
      'orderBy=password_hash',
    ]) {
      const res = await call(api, 'GET', `/api/v1/posts?${qs}`);
      expect(res.status, qs).toBe(200);
      const text = await res.text();
      expect(text).not.toMatch(/argon2|password|@test\.omervision/i);
      // Ignored, not interpreted: the answer is the unfiltered list.
      expect(JSON.parse(text), qs).toEqual(plain);
    }
    const injected = await call(
      api,
      'GET',
      `/api/v1/posts?tag=${encodeURIComponent("x' OR (SELECT password_hash FROM users LIMIT 1) LIKE '$%")}`,
    );
    expect(injected.status).toBe(200);
    expect((await injected.json()).items).toEqual([]);
    for (const path of [
      '/api/v1/admin/users?role=password_hash',
      '/api/v1/admin/messages?status=passwordHash',
      '/api/v1/admin/posts?limit=password_hash',
    ]) {
      const res = await call(api, 'GET', path, admin);
      expect(res.status, path).toBe(422);
      expect((await problemFields(res)).length, path).toBeGreaterThan(0);
    }
  });
});

describe('CVE-2025-64526 (Strapi): extra body fields change the rate-limit key', () => {
  it('spellings of the e-mail and added fields share one login bucket (IP + normalised account)', async () => {
    const user = await createUser(api, 'viewer');
    const wrong = (email: string, extra: Record<string, unknown> = {}) =>
      post(api, '/api/v1/auth/login', { email, password: 'definitely-not-it-123', ...extra });
    for (const email of [
      user.email,
      user.email.toUpperCase(),
      ` ${user.email} `,
      user.email.replace(/^./, (c) => c.toUpperCase()),
      user.email,
    ]) {
      expect((await wrong(email)).status).toBe(401);
    }
    // Extra fields are refused outright and never reach the password check or a bucket of their own.
    for (const extra of [{ username: user.email }, { nonce: Math.random() }, { email2: 'x' }])
      expect((await wrong(user.email, extra)).status).toBe(422);
    const locked = await wrong(user.email.toUpperCase());
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(api, '/api/v1/auth/login', { email: user.email, password: user.password })).status).toBe(429);
  });
});

describe('CVE-2026-22706 (Strapi): a password reset leaves refresh tokens alive', () => {
  it('a reset ends every session of the account; a change ends every other one', async () => {
    const user = await createUser(api, 'editor');
    const [a, b] = [await login(api, user), await login(api, user)];
    // The mailed token, planted as the reset mail would (password-totp.test.ts goes through SMTP).
    const token = `ovp_${randomUUID()}`;
    await new PasswordResetRepository(api.infra.database.db).insert({
      id: uuidv7(),
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(
      (await post(api, '/api/v1/auth/password/reset', { token, newPassword: 'a fresh start at dawn 99' })).status,
    ).toBe(204);
    for (const s of [a!, b!]) {
      expect((await post(api, '/api/v1/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
      expect((await call(api, 'GET', '/api/v1/auth/me', s.accessToken)).status).toBe(401);
    }
    const fresh = { email: user.email, password: 'a fresh start at dawn 99' };
    const [c, d] = [await login(api, fresh), await login(api, fresh)];
    expect(
      (
        await post(
          api,
          '/api/v1/auth/password',
          { currentPassword: fresh.password, newPassword: 'another long passphrase 7' },
          bearer(c!.accessToken),
        )
      ).status,
    ).toBe(204);
    expect((await post(api, '/api/v1/auth/refresh', { refreshToken: d!.refreshToken })).status).toBe(401);
    expect((await call(api, 'GET', '/api/v1/auth/me', d!.accessToken)).status).toBe(401);
    expect((await call(api, 'GET', '/api/v1/auth/me', c!.accessToken)).status).toBe(200);
  });
});

describe('CVE-2023-26492 (Directus): server-side requests to internal addresses', () => {
  const internal = [
    'http://10.0.0.1/',
    'http://127.0.0.1:9/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0.0.0.0/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00::1]/',
    'http://100.64.0.1/',
    'http://localhost:3307/',
    'http://[::1]/',
  ];

  it('webhook URLs resolving to private, loopback, metadata or IPv4-mapped IPv6 addresses are refused (422 body.url)', async () => {
    for (const url of internal) {
      const res = await call(api, 'POST', '/api/v1/admin/webhooks', admin, {
        name: 'ssrf',
        url,
        events: ['post.published'],
      });
      expect(res.status, url).toBe(422);
      expect(await problemFields(res), url).toContain('body.url');
    }
  });

  it('git URLs to the same addresses are refused (422 body.repoUrl)', async () => {
    for (const url of internal.map((u) => u.replace(/^http:/, 'https:') + 'repo.git')) {
      const res = await call(api, 'POST', '/api/v1/admin/paas/apps', admin, { name: 'ssrf', repoUrl: url });
      expect(res.status, url).toBe(422);
      expect(await problemFields(res), url).toContain('body.repoUrl');
    }
  });

  it('delivery follows no redirect and connects only to the addresses validated (no second DNS lookup)', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url!);
      if (req.url === '/hook')
        res.writeHead(302, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal` }).end();
      else res.writeHead(200).end('internal');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const http = new WebhookHttpRepository();
      const send = (url: string) =>
        http.post({
          url: new URL(url),
          addresses: [{ address: '127.0.0.1', family: 4 }],
          headers: {},
          body: '{}',
          timeoutMs: 2000,
          maxExcerpt: 100,
        });
      expect((await send(`http://127.0.0.1:${port}/hook`)).status).toBe(302);
      expect(hits).toEqual(['/hook']);
      // A name that resolves nowhere still reaches the pinned address: DNS is not asked again.
      expect((await send(`http://rebinding.invalid:${port}/pinned`)).status).toBe(200);
      expect(hits).toEqual(['/hook', '/pinned']);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('CVE-2025-55746 (Directus): unauthenticated file upload or overwrite', () => {
  const png = async (color: string) => {
    const sharp = (await import('sharp')).default;
    return sharp({ create: { width: 8, height: 8, channels: 3, background: color } })
      .png()
      .toBuffer();
  };
  const upload = (buffer: Buffer, name: string, auth?: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(buffer)], { type: 'image/png' }), name);
    return fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', headers: auth ? bearer(auth) : {}, body: form });
  };

  it('uploads need media:write; object keys are content hashes, so nobody picks or overwrites a key', async () => {
    const bytes = await png('#010203');
    expect((await upload(bytes, '../../etc/passwd')).status).toBe(401);
    const viewer = (await login(api, await createUser(api, 'viewer'))).accessToken;
    expect((await upload(bytes, 'x.png', viewer)).status).toBe(403);
    const res = await upload(bytes, '../../evil/../name.png', admin);
    expect([200, 201]).toContain(res.status);
    const media = await res.json();
    expect(media.url).toMatch(/\/media\/[0-9a-f]{64}\/[a-z0-9-]+\.png$/);
    expect(media.url).not.toContain('..');
  });

  it('a refused update (401/403) leaves the row and the stored object unchanged', async () => {
    const media = await (await upload(await png(`#${randomUUID().slice(0, 6)}`), 'original.png', admin)).json();
    const row = async () => {
      const [[r]] = (await api.infra.database.pool.query(
        'SELECT storage_key AS k, alt, focal_x AS fx, sha256, updated_at AS u FROM media WHERE id = ?',
        [media.id],
      )) as unknown as [Record<string, unknown>[]];
      return {
        ...r!,
        bytes: createHash('sha256')
          .update(await api.infra.storage.getBuffer(String(r!.k)))
          .digest('hex'),
      };
    };
    const before = await row();
    const viewer = (await login(api, await createUser(api, 'viewer'))).accessToken;
    const readKey = (
      await (
        await call(api, 'POST', '/api/v1/admin/api-keys', admin, { name: 'media reader', scopes: ['media:read'] })
      ).json()
    ).key;
    const replacement = new FormData();
    replacement.append('file', new Blob([new Uint8Array(await png('#ff0000'))], { type: 'image/png' }), 'original.png');
    for (const [who, headers, status] of [
      ['anonymous', {}, 401],
      ['viewer', bearer(viewer), 403],
      ['media:read key', { 'x-api-key': readKey }, 403],
    ] as const) {
      const json = await fetch(`${api.url}/api/v1/admin/media/${media.id}`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ alt: 'pwned', focalX: 1 }),
      });
      expect(json.status, who).toBe(status);
      const multipart = await fetch(`${api.url}/api/v1/admin/media/${media.id}`, {
        method: 'PATCH',
        headers,
        body: replacement,
      });
      expect(multipart.status, who).toBe(status);
      expect(
        (await fetch(`${api.url}/api/v1/admin/media/${media.id}`, { method: 'DELETE', headers })).status,
        who,
      ).toBe(status);
    }
    expect(await row()).toEqual(before);
  });
});

describe('CVE-2026-22595 (Ghost): tokens reach session-only endpoints through path spellings', () => {
  it('an API key with every grantable scope reaches no session-only operation', async () => {
    const key = (
      await (
        await call(api, 'POST', '/api/v1/admin/api-keys', admin, { name: 'all scopes', scopes: [...API_KEY_SCOPES] })
      ).json()
    ).key;
    const headers = { 'x-api-key': key, 'content-type': 'application/json' };
    for (const [method, path, body] of [
      ['GET', '/api/v1/auth/me', undefined],
      ['PATCH', '/api/v1/auth/me', {}],
      ['GET', '/api/v1/auth/sessions', undefined],
      ['DELETE', `/api/v1/auth/sessions/${uuidv7()}`, undefined],
      ['POST', '/api/v1/auth/password', { currentPassword: 'x', newPassword: 'a long enough passphrase 1' }],
      ['POST', '/api/v1/auth/totp/enroll', undefined],
      ['POST', '/api/v1/auth/totp/activate', { code: '123456' }],
      ['POST', '/api/v1/auth/totp/disable', { password: 'x' }],
      ['POST', '/api/v1/auth/logout', undefined],
      ['GET', '/api/v1/admin/export', undefined],
      ['GET', '/api/v1/admin/users', undefined],
      ['POST', '/api/v1/admin/backups', undefined],
    ] as const) {
      const res = await fetch(api.url + path, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await call(api, 'GET', '/api/v1/admin/posts', key)).status).toBe(200);
  });

  it('guarded paths spelled with a trailing slash, another case, percent-encoding or extra segments never answer 200 without credentials', async () => {
    const viewer = (await login(api, await createUser(api, 'viewer'))).accessToken;
    for (const path of [
      '/api/v1/admin/posts',
      '/api/v1/admin/posts/',
      '/api/v1/Admin/posts',
      '/API/V1/ADMIN/POSTS/',
      '/api/v1/%61dmin/posts',
      '/api/v1/admin/%70osts',
      '/api/v1/admin//posts',
      '/api/v1/admin/./posts',
      '/api/v1/x/../admin/posts',
      '/api/v1/admin/posts;x',
      '/api/v1/admin/posts%2F',
      '/api/v1/admin/users/',
      '/api/v1/Admin/Users',
      '/api/v1/admin/%75sers',
      '/api/v1/admin/backups/',
      '/api/v1/Auth/Sessions/',
      '/api/v1/auth/%73essions',
    ]) {
      const anonymous = await raw('GET', path);
      expect([401, 404], `anonymous ${path}`).toContain(anonymous.status);
      const asViewer = await raw('GET', path, bearer(viewer));
      // A viewer may read posts and its sessions; users and backups are admin-only whatever the spelling.
      if (/users|backups/i.test(path)) expect([403, 404], `viewer ${path}`).toContain(asViewer.status);
    }
  });

  it('path-keyed middleware sees every spelling Express routes: the contact limit and the raw body of git hooks', async () => {
    const limited = await startTestApi({
      RATE_LIMIT_CONTACT_PER_HOUR: '2',
      REDIS_KEY_PREFIX: `${testRedisPrefix()}adv${Date.now()}:`,
    });
    try {
      // Until Redis answers the limiter counts in process; this test is about the Redis buckets.
      await eventually(async () => limited.infra.redis.isReady);
      const statuses: number[] = [];
      for (const path of ['/api/v1/contact', '/api/v1/Contact/', '/API/V1/CONTACT']) {
        statuses.push(
          (
            await fetch(limited.url + path, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{}',
            })
          ).status,
        );
      }
      expect(statuses).toEqual([422, 422, 429]);
    } finally {
      await limited.close();
    }
    const created = await call(api, 'POST', '/api/v1/admin/paas/apps', admin, {
      name: 'Hook spelling',
      repoUrl: 'https://93.184.216.34/a/b.git',
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const app = await created.json();
    const body = JSON.stringify({ zen: 'hi' });
    for (const path of [
      `/api/v1/paas/hooks/${app.id}`,
      `/api/v1/PAAS/Hooks/${app.id}`,
      `/api/v1/paas/hooks/${app.id}/`,
    ]) {
      const send = (signature: string) =>
        fetch(api.url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-hub-signature-256': signature },
          body,
        });
      expect((await send(hubSignature('wrong secret', body))).status, path).toBe(401);
      expect((await send(hubSignature(app.hookSecret, body))).status, path).toBe(200);
    }
    await call(api, 'DELETE', `/api/v1/admin/paas/apps/${app.id}`, admin);
  });
});

describe('CVE-2023-40028 (Ghost): symlinks and `..` paths in uploaded archives read or write outside', () => {
  const bucket = `${testRedisPrefix()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}-restore-adv`;
  let dir: string;
  let target: { url: string; name: string };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ov-advisory-'));
    await createBucket(bucket);
    const url = new URL(testDatabaseUrl());
    target = { name: `${url.pathname.slice(1).replace(/_test$/, '')}_restoreadv_test`, url: '' };
    url.pathname = `/${target.name}`;
    target.url = url.toString();
  });
  afterAll(async () => {
    const server = new URL(testDatabaseUrl());
    server.pathname = '/';
    const conn = await mysql.createConnection({ uri: server.toString() });
    await conn.query(`DROP DATABASE IF EXISTS \`${target.name}\``);
    await conn.end();
    await rm(dir, { recursive: true, force: true });
  });

  /** A backup archive that is right in every respect but the entry under test. */
  async function archive(
    name: string,
    entry: { name: string; key: string; body?: string; type?: 'symlink' | 'link'; linkname?: string },
  ): Promise<string> {
    const code = await new DatabaseDumpRepository(target.url, MIGRATIONS_FOLDER).codeMigrations();
    const header = {
      format: BACKUP_FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      app: { name: 'omervision', version: '0.0.0' },
      migration: migrationMark(code.at(-1)!.createdAt, code),
    };
    const body = entry.body ?? '';
    const manifest = {
      ...header,
      database: { server: 'test', tables: [] },
      warnings: [],
      storage: {
        bucket,
        objects: [
          {
            key: entry.key,
            size: Buffer.byteLength(body),
            sha256: createHash('sha256').update(body).digest('hex'),
            contentType: 'text/plain',
            cacheControl: null,
          },
        ],
      },
    };
    const pack = tar.pack();
    const file = join(dir, name);
    const written = pipeline(pack, createGzip(), createWriteStream(file));
    pack.entry({ name: 'backup.json' }, JSON.stringify(header));
    pack.entry({ name: entry.name, type: entry.type, linkname: entry.linkname }, entry.type ? '' : body);
    pack.entry({ name: 'manifest.json' }, JSON.stringify(manifest));
    pack.finalize();
    await written;
    return file;
  }

  it('a restore refuses link entries, absolute and `..` paths before writing anything', async () => {
    const env = testEnv({ DATABASE_URL: target.url, S3_BUCKET: bucket, BACKUP_DIR: dir });
    const storage = new StorageRepository({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      publicUrl: env.MEDIA_PUBLIC_URL,
    });
    await emptyBucket(storage);
    const cases = [
      await archive('symlink.tar.gz', {
        name: 'objects/passwd',
        key: 'passwd',
        type: 'symlink',
        linkname: '/etc/passwd',
      }),
      await archive('hardlink.tar.gz', {
        name: 'objects/shadow',
        key: 'shadow',
        type: 'link',
        linkname: '/etc/shadow',
      }),
      await archive('dotdot.tar.gz', {
        name: 'objects/../../ovadv-escape.txt',
        key: '../../ovadv-escape.txt',
        body: 'escaped',
      }),
      await archive('absolute.tar.gz', {
        name: 'objects//tmp/ovadv-escape.txt',
        key: '/tmp/ovadv-escape.txt',
        body: 'escaped',
      }),
    ];
    for (const file of cases) {
      const ops = createBackupServices(env, { storage, logger: { info: () => undefined, warn: () => undefined } });
      const err = await ops.restore.restore(file).then(
        () => undefined,
        (e: { code?: string }) => e,
      );
      ops.close();
      expect(err?.code, file).toBe('BACKUP_INVALID');
    }
    const conn = await mysql.createConnection({ uri: target.url });
    const [tables] = (await conn.query('SHOW TABLES')) as unknown as [unknown[]];
    await conn.end();
    expect(tables).toEqual([]);
    const objects: string[] = [];
    for await (const page of storage.list('')) objects.push(...page.map((o) => o.key));
    await emptyBucket(storage);
    storage.close();
    expect(objects).toEqual([]);
    expect(await stat('/tmp/ovadv-escape.txt').catch(() => null)).toBeNull();
  });

  it('a cloned repository is read without following symlinks out of it', async () => {
    const repo = join(dir, 'repo');
    await rm(repo, { recursive: true, force: true });
    await mkdir(join(repo, 'sub'), { recursive: true });
    await writeFile(join(repo, 'index.html'), '<h1>hi</h1>');
    await symlink('/etc/passwd', join(repo, 'package.json'));
    await symlink('../../../../../../etc/hostname', join(repo, 'sub', 'Dockerfile'));
    const snapshot = await new GitRepository().snapshot(repo, () => true);
    expect(snapshot.paths).toEqual(['index.html']);
    expect(Object.keys(snapshot.contents)).toEqual(['index.html']);
  });
});

describe('CVE-2025-59157 (Coolify): a git URL or branch becomes a shell command or a git option', () => {
  it('URLs and branches with shell metacharacters, option injection or other transports are refused (422 naming the field)', async () => {
    const good = 'https://93.184.216.34/a/b.git';
    const cases: [Record<string, unknown>, string][] = [
      [{ repoUrl: '--upload-pack=touch /tmp/ovadv-pwned' }, 'body.repoUrl'],
      [{ repoUrl: '-c core.sshCommand=touch /tmp/ovadv-pwned' }, 'body.repoUrl'],
      [{ repoUrl: 'https://93.184.216.34/a/b.git;touch /tmp/ovadv-pwned' }, 'body.repoUrl'],
      [{ repoUrl: 'https://93.184.216.34/$(touch /tmp/ovadv-pwned)' }, 'body.repoUrl'],
      [{ repoUrl: 'ext::sh -c touch% /tmp/ovadv-pwned' }, 'body.repoUrl'],
      [{ repoUrl: 'ssh://git@93.184.216.34/a/b.git' }, 'body.repoUrl'],
      [{ repoUrl: 'git@github.com:a/b.git' }, 'body.repoUrl'],
      [{ repoUrl: 'file:///etc' }, 'body.repoUrl'],
      [{ repoUrl: 'https://93.184.216.34/a/b.git\n--upload-pack=x' }, 'body.repoUrl'],
      [{ repoUrl: good, branch: '--upload-pack=touch /tmp/ovadv-pwned' }, 'body.branch'],
      [{ repoUrl: good, branch: 'main;touch /tmp/ovadv-pwned' }, 'body.branch'],
      [{ repoUrl: good, branch: 'main$(touch /tmp/ovadv-pwned)' }, 'body.branch'],
      [{ repoUrl: good, branch: 'main && id' }, 'body.branch'],
      [{ repoUrl: good, branch: 'main\nid' }, 'body.branch'],
      [{ repoUrl: good, branch: '-b' }, 'body.branch'],
      [{ repoUrl: good, branch: 'a..b' }, 'body.branch'],
    ];
    for (const [body, field] of cases) {
      const res = await call(api, 'POST', '/api/v1/admin/paas/apps', admin, { name: 'Unsafe', ...body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(await problemFields(res), JSON.stringify(body)).toContain(field);
    }
    const app = await (
      await call(api, 'POST', '/api/v1/admin/paas/apps', admin, { name: 'Patch target', repoUrl: good })
    ).json();
    for (const patch of [
      { branch: '--orphan' },
      { branch: 'x; id' },
      { repoUrl: '--upload-pack=id' },
      { repoUrl: 'https://10.0.0.1/a.git' },
    ]) {
      expect(
        (await call(api, 'PATCH', `/api/v1/admin/paas/apps/${app.id}`, admin, patch)).status,
        JSON.stringify(patch),
      ).toBe(422);
    }
    await call(api, 'DELETE', `/api/v1/admin/paas/apps/${app.id}`, admin);
    expect(await stat('/tmp/ovadv-pwned').catch(() => null)).toBeNull();
  });

  it('characters a URL may carry are kept as a normalised URL, and git gets every value as one argument, never through a shell', async () => {
    for (const [repoUrl, branch] of [
      ['https://93.184.216.34/$(id)/b.git', 'main`id`'],
      ['https://93.184.216.34/a`id`.git', 'main|id'],
      ['https://93.184.216.34/a;id|x&y.git', 'main;id&x'],
    ]) {
      const res = await call(api, 'POST', '/api/v1/admin/paas/apps', admin, { name: 'Odd but inert', repoUrl, branch });
      expect(res.status, repoUrl).toBe(201);
      const app = await res.json();
      expect(app).toMatchObject({ repoUrl: new URL(repoUrl!).toString(), branch });
      await call(api, 'DELETE', `/api/v1/admin/paas/apps/${app.id}`, admin);
    }
    // Even past validation, the engine's own git call: hostile values fail as a clone, nothing runs.
    const work = await mkdtemp(join(tmpdir(), 'ov-advisory-git-'));
    const marker = join(work, 'pwned');
    try {
      const git = new GitRepository();
      for (const [url, branch] of [
        [`file://${work}/$(touch ${marker})`, 'main'],
        [`file://${work}/x;touch ${marker}`, 'main'],
        [`--upload-pack=touch ${marker}`, 'main'],
        [`file://${work}/x`, `main --upload-pack=touch ${marker}`],
        [`file://${work}/x`, `main\`touch ${marker}\``],
      ] as const) {
        const failure = await git
          .clone({ url, kind: 'file' }, branch, join(work, 'checkout'), { timeoutMs: 10_000, maxBytes: 1 << 20 })
          .then(
            () => undefined,
            (e: Error) => e,
          );
        expect(failure?.name ?? failure?.constructor.name, url).toBeDefined();
        expect(await stat(marker).catch(() => null), `${url} ${branch}`).toBeNull();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('Stored script through uploads and markup (Ghost class)', () => {
  it('SVG (script-capable) uploads are refused whatever they are called', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>';
    const form = new FormData();
    form.append('file', new Blob([svg], { type: 'image/png' }), 'innocent.png');
    const res = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', headers: bearer(admin), body: form });
    expect([415, 422]).toContain(res.status);
  });

  it('stored content cannot carry script into pages: raw HTML nodes are refused, text is escaped', async () => {
    const rawHtml = await call(api, 'POST', '/api/v1/admin/posts', admin, {
      title: 'x',
      content: { root: { type: 'root', children: [{ type: 'html', html: '<script>alert(1)</script>' }] } },
    });
    expect(rawHtml.status).toBe(422);
    const ok = await call(api, 'POST', '/api/v1/admin/posts', admin, {
      title: '<img src=x onerror=alert(1)>',
      content: doc('<script>alert(1)</script>'),
    });
    expect((await ok.json()).html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});
