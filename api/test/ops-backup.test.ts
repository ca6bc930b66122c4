import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../src/db/migrate.js';
import { createBackupServices } from '../src/composition/ops.js';
import { buildJobRegistry } from '../src/composition/worker.js';
import { DatabaseDumpRepository } from '../src/repositories/database-dump.repository.js';
import { StorageRepository } from '../src/repositories/storage.repository.js';
import type { ProgressLog } from '../src/services/ops/backup.service.js';
import { call } from './content-helpers.js';
import { testDatabaseUrl, testEnv } from './env.js';
import { createUser, login } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';
import {
  createBucket,
  dropDatabase,
  emptyBucket,
  OPS_BUCKET,
  runOpsScript,
  seedContent,
  snapshotDatabase,
  snapshotObjects,
} from './ops-fixtures.js';

const quiet: ProgressLog = { info: () => undefined, warn: () => undefined };
const DIR = mkdtempSync(join(tmpdir(), 'omervision-backups-'));
const PASSPHRASE = 'correct horse battery staple 42';
const overrides = { S3_BUCKET: OPS_BUCKET, BACKUP_DIR: DIR };

let api: TestApi;
let storage: StorageRepository;
let adminToken: string;

/** The same services `make backup` / `make restore` and the worker job use, with this run's settings. */
const services = (extra: Record<string, string> = {}) =>
  createBackupServices(testEnv({ ...overrides, ...extra }), { logger: quiet });

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; detail?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { code?: string; detail?: string };
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  await createBucket();
  api = await startTestApi(overrides);
  storage = api.infra.storage;
  await emptyBucket(storage);
  adminToken = (await login(api, await createUser(api, 'admin'))).accessToken;
  await seedContent(api, adminToken);
}, 120_000);
afterAll(async () => {
  await api?.close();
});

describe('backup and restore', () => {
  it('backs up the seeded system, which is wiped and restored: every row and object identical', async () => {
    const rows = await snapshotDatabase();
    const objects = await snapshotObjects(storage);
    expect(rows.posts!.length).toBeGreaterThanOrEqual(2);
    expect(rows.media!.length).toBeGreaterThanOrEqual(1);
    expect(objects.size).toBeGreaterThan(4); // the original and its WebP/AVIF variants

    const ops = services();
    const result = await ops.backup.run('test');
    expect(result).toMatchObject({
      encrypted: false,
      objects: objects.size,
      migration: expect.stringMatching(/^\d{4}_/),
    });
    expect(result.rows).toBe(Object.values(rows).reduce((n, r) => n + r.length, 0));
    expect(existsSync(join(DIR, result.name))).toBe(true);
    const summary = JSON.parse(readFileSync(join(DIR, `${result.name}.json`), 'utf8'));
    expect(summary).toMatchObject({ sha256: result.sha256, size: result.sizeBytes, objects: objects.size });

    // Wipe: the API goes away, the database is dropped (schema and all), the bucket emptied.
    await api.close();
    await dropDatabase();
    await emptyBucket(storage);
    expect(await snapshotDatabase()).toEqual({});

    const restored = await ops.restore.restore(join(DIR, result.name));
    expect(restored).toMatchObject({
      tables: Object.keys(rows).length,
      objects: objects.size,
      replaced: { rows: 0, objects: 0 },
    });
    ops.close();

    expect(await snapshotDatabase()).toEqual(rows);
    const after = await snapshotObjects(storage);
    expect([...after.keys()].sort()).toEqual([...objects.keys()].sort());
    for (const [key, copy] of objects) {
      const got = after.get(key)!;
      expect(got.bytes.equals(copy.bytes), key).toBe(true);
      expect({ contentType: got.contentType, cacheControl: got.cacheControl }, key).toEqual({
        contentType: copy.contentType,
        cacheControl: copy.cacheControl,
      });
    }

    // The restored system serves: the published post with its cover image, whose bytes are back.
    api = await startTestApi(overrides);
    storage = api.infra.storage;
    const posts = await (await call(api, 'GET', '/api/v1/posts')).json();
    const cover = posts.items.find((p: { cover: unknown }) => p.cover).cover;
    expect((await fetch(cover.url)).status).toBe(200);
  }, 120_000);

  it('refuses a non-empty target without --force and leaves it alone', async () => {
    const [name] = readdirSync(DIR).filter((n) => n.endsWith('.tar.gz'));
    const before = await snapshotDatabase();
    const ops = services();
    const err = await rejection(ops.restore.restore(join(DIR, name!)));
    ops.close();
    expect(err.code).toBe('BACKUP_REFUSED');
    expect(err.detail).toMatch(/not empty.*posts.*--force/s);
    expect(await snapshotDatabase()).toEqual(before);
  }, 60_000);

  it('encrypted round trip through scripts/backup.ts and scripts/restore.ts --force over changed data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omervision-backups-enc-'));
    const env = { BACKUP_DIR: dir, BACKUP_PASSPHRASE: PASSPHRASE };
    const before = await snapshotDatabase();
    const objects = await snapshotObjects(storage);

    const backup = await runOpsScript('backup.ts', [], env);
    expect(backup.code, backup.output).toBe(0);
    const [name] = readdirSync(dir).filter((n) => n.endsWith('.tar.gz.enc'));
    expect(name).toBeTruthy();
    expect(readFileSync(join(dir, name!)).subarray(0, 8).toString()).toBe('OVBACKUP');

    // Change the system after the backup: rows and objects added and removed.
    await call(api, 'POST', '/api/v1/admin/tags', adminToken, { name: 'Added after the backup' });
    await api.infra.database.pool.query('DELETE FROM skills');
    const someKey = [...objects.keys()].find((k) => /\/w\d+\./.test(k))!;
    await storage.delete(someKey);
    await storage.put('media/stray/after-backup.txt', Buffer.from('not in the backup'), 'text/plain');

    const refused = await runOpsScript('restore.ts', [name!], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/BACKUP_REFUSED: The target is not empty/);

    await api.close();
    const restored = await runOpsScript('restore.ts', [name!, '--force'], env);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toMatch(/restored \d+ rows in \d+ tables and \d+ objects/);

    // The CLI records its run, so the archive holds the backup job as "running" at snapshot time;
    // every other table is exactly as before.
    const after = await snapshotDatabase();
    const { maintenance_runs: runs, ...rest } = after;
    const { maintenance_runs: _ignored, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    // (Other test files' periodic jobs may have left rows of their own in the shared database.)
    const backupRuns = runs!.map((r) => JSON.parse(r)).filter((r: { job: string }) => r.job === 'backup');
    expect(backupRuns).toEqual([expect.objectContaining({ job: 'backup', outcome: 'running' })]);
    const objectsAfter = await snapshotObjects(storage);
    expect([...objectsAfter.keys()].sort()).toEqual([...objects.keys()].sort());
    for (const [key, copy] of objects) expect(objectsAfter.get(key)!.bytes.equals(copy.bytes), key).toBe(true);

    api = await startTestApi(overrides);
    storage = api.infra.storage;

    // A wrong or missing passphrase fails before anything is touched; so does a damaged archive.
    const wrong = services({ BACKUP_PASSPHRASE: 'not the passphrase at all' });
    const wrongErr = await rejection(wrong.restore.restore(join(dir, name!), { force: true }));
    wrong.close();
    expect(wrongErr).toMatchObject({ code: 'BACKUP_PASSPHRASE', detail: expect.stringMatching(/wrong passphrase/i) });
    const none = services();
    expect(await rejection(none.restore.restore(join(dir, name!), { force: true }))).toMatchObject({
      code: 'BACKUP_PASSPHRASE',
      detail: expect.stringMatching(/encrypted/),
    });
    none.close();

    const bytes = readFileSync(join(dir, name!));
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(join(dir, 'tampered.tar.gz.enc'), bytes);
    const right = services({ BACKUP_PASSPHRASE: PASSPHRASE });
    expect(await rejection(right.restore.restore(join(dir, 'tampered.tar.gz.enc'), { force: true }))).toMatchObject({
      code: 'BACKUP_INVALID',
    });
    right.close();
    expect(await snapshotDatabase()).toEqual(after);
  }, 180_000);

  it('refuses an archive whose migration level is newer than the code, before touching anything', async () => {
    const pool = api.infra.database.pool;
    const [[latest]] = (await pool.query('SELECT MAX(created_at) AS m FROM __drizzle_migrations')) as unknown as [
      { m: string }[],
    ];
    await pool.query('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)', [
      'from-the-future',
      Number(latest!.m) + 86_400_000,
    ]);
    const ops = services();
    const { name } = await ops.backup.run('test');
    await pool.query("DELETE FROM __drizzle_migrations WHERE hash = 'from-the-future'");
    const before = await snapshotDatabase();
    const err = await rejection(ops.restore.restore(join(DIR, name), { force: true }));
    ops.close();
    expect(err.code).toBe('BACKUP_REFUSED');
    expect(err.detail).toMatch(/migration level .* this code does not have/);
    expect(await snapshotDatabase()).toEqual(before);
  }, 60_000);

  it('a corrupted plain archive is refused as damaged', async () => {
    const ops = services();
    const { name } = await ops.backup.run('test');
    const original = readFileSync(join(DIR, name));
    // Damage in the trailer, the last block and the middle: each must be refused, none may hang.
    for (const offset of [original.length - 40, original.length - 400, Math.floor(original.length / 2)]) {
      const bytes = Buffer.from(original);
      bytes[offset]! ^= 0xff;
      writeFileSync(join(DIR, 'broken.tar.gz'), bytes);
      const err = await rejection(ops.restore.restore(join(DIR, 'broken.tar.gz'), { force: true }));
      expect(err.code, `damage at ${offset}`).toBe('BACKUP_INVALID');
    }
    ops.close();
  }, 60_000);
});

describe('the snapshot', () => {
  it('the dump reads one instant: a row committed while it runs is not in it', async () => {
    const dump = new DatabaseDumpRepository(testDatabaseUrl(), MIGRATIONS_FOLDER);
    const slug = `during-${Date.now()}`;
    const [before, during] = await dump.snapshot(async (snap) => {
      const tags = (await snap.tables()).find((t) => t.name === 'tags')!;
      const slugs = async () => {
        const out: string[] = [];
        for await (const row of snap.rows(tags))
          out.push(String(row[tags.columns.findIndex((c) => c.name === 'slug')]));
        return out;
      };
      const first = await slugs();
      await api.infra.database.pool.query('INSERT INTO tags (id, name, slug) VALUES (?, ?, ?)', [
        uuidv7(),
        'written during the dump',
        slug,
      ]);
      return [first, await slugs()];
    });
    expect(during).toEqual(before);
    expect(during).not.toContain(slug);
    const [rows] = (await api.infra.database.pool.query('SELECT slug FROM tags WHERE slug = ?', [slug])) as unknown as [
      unknown[],
    ];
    expect(rows).toHaveLength(1);
  });
});

describe('an S3 bucket as the backup target', () => {
  it('writes the archive and its summary under the prefix, lists it, and restores from it by name', async () => {
    const bucket = `${OPS_BUCKET}-backups`;
    const ops = services({ BACKUP_S3_BUCKET: bucket, BACKUP_S3_PREFIX: 'nightly/' });
    try {
      const before = await snapshotDatabase();
      const result = await ops.backup.run('test');
      expect(result.location).toBe(`s3://${bucket}/nightly/`);
      const list = await ops.backup.list();
      expect(list.find((b) => b.name === result.name)).toMatchObject({
        sizeBytes: result.sizeBytes,
        sha256: result.sha256,
        location: `s3://${bucket}/nightly/`,
      });
      await api.close();
      const restored = await ops.restore.restore(result.name, { force: true });
      expect(restored.rows).toBe(result.rows);
      expect(await snapshotDatabase()).toEqual(before);
    } finally {
      ops.close();
      api = await startTestApi(overrides);
      storage = api.infra.storage;
    }
  }, 60_000);
});

describe('admin API and the worker job', () => {
  it('POST /admin/backups queues a job (admin only); the job writes an archive, prunes old ones and records its run', async () => {
    const editor = (await login(api, await createUser(api, 'editor'))).accessToken;
    expect((await call(api, 'POST', '/api/v1/admin/backups', editor)).status).toBe(403);
    expect((await call(api, 'GET', '/api/v1/admin/maintenance', editor)).status).toBe(403);

    const res = await call(api, 'POST', '/api/v1/admin/backups', adminToken);
    expect(res.status).toBe(202);
    const queued = await res.json();
    expect(queued).toMatchObject({ status: 'queued', jobId: expect.stringMatching(/^backup:manual:/) });

    // The worker's handler (as registered), in a worker composition with retention 1 day / 0 weeks.
    const dir = mkdtempSync(join(tmpdir(), 'omervision-backups-job-'));
    const worker = await startTestApi({
      ...overrides,
      BACKUP_DIR: dir,
      BACKUP_KEEP_DAILY: '1',
      BACKUP_KEEP_WEEKLY: '0',
    });
    try {
      const handle = buildJobRegistry(worker.infra).find((j) => j.spec.name === 'backup')!.handle as (
        d: unknown,
        j: { id: string; attempt: number },
      ) => Promise<{ name: string; deleted: string[] }>;
      const first = await handle({ slot: 'manual:a', trigger: 'manual' }, { id: queued.jobId, attempt: 1 });
      const second = await handle({ slot: 'manual:b', trigger: 'manual' }, { id: 'backup:manual:b', attempt: 1 });
      // Same day, keep one: the first archive (and its summary) is gone.
      expect(second.deleted).toEqual([first.name]);
      expect(readdirSync(dir).sort()).toEqual([second.name, `${second.name}.json`]);
    } finally {
      await worker.close();
    }

    const runs = await (await call(api, 'GET', '/api/v1/admin/maintenance', adminToken)).json();
    const backup = runs.find((r: { job: string }) => r.job === 'backup');
    expect(backup).toMatchObject({
      outcome: 'succeeded',
      runs: expect.any(Number),
      consecutiveFailures: 0,
      overdue: false,
      error: null,
    });
    expect(backup.durationMs).toBeGreaterThanOrEqual(0);
    expect(backup.result).toMatchObject({ name: expect.stringMatching(/\.tar\.gz$/), objects: expect.any(Number) });
    expect(runs.map((r: { job: string }) => r.job)).toEqual(
      expect.arrayContaining(['cleanup', 'media-orphans', 'post-publish-due']),
    );

    const list = await (await call(api, 'GET', '/api/v1/admin/backups', adminToken)).json();
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toMatchObject({
      location: DIR,
      encrypted: false,
      appVersion: expect.any(String),
      migration: expect.stringMatching(/^\d{4}_/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  }, 120_000);
});

// The database URL the tests restore into must be this run's own (global setup enforces *_test).
expect(testDatabaseUrl()).toMatch(/_test$/);
