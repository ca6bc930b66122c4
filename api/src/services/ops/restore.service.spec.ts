import { beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../errors/app-error.js';
import { MIGRATIONS_TABLE } from '../../repositories/database-dump.repository.js';
import {
  archiveOf,
  editManifest,
  FakeArchiveStore,
  type FakeEntry,
} from '../../../test/fakes/fake-backup-archive.repository.js';
import { FakeDumpDatabase } from '../../../test/fakes/fake-database-dump.repository.js';
import { FakeObjectStore } from '../../../test/fakes/fake-storage.repository.js';
import { RestoreService } from './restore.service.js';

const CODE = [
  { tag: '0000_init', createdAt: 1000 },
  { tag: '0001_posts', createdAt: 2000 },
  { tag: '0002_media', createdAt: 3000 },
];
const SCHEMA = { 1000: { users: ['id', 'email'] }, 2000: { posts: ['id', 'title'] }, 3000: { media: ['id', 'key'] } };
const PNG = Buffer.from('89504e470d0a1a0a-not-really-a-png');

let db: FakeDumpDatabase;
let bucket: FakeObjectStore;
let archives: FakeArchiveStore;
let logged: string[];
let service: RestoreService;

const good = () =>
  archiveOf({
    migration: { tag: '0001_posts', createdAt: 2000 },
    tables: {
      users: {
        columns: ['id', 'email'],
        rows: [
          ['u1', 'ada@example.test'],
          ['u2', 'bo@example.test'],
        ],
      },
      posts: { columns: ['id', 'title'], rows: [['p1', 'Hello']] },
    },
    objects: { 'media/2025/ab.png': PNG, 'media/2025/cd.png': Buffer.from('second') },
  });

beforeEach(() => {
  db = new FakeDumpDatabase(CODE, SCHEMA);
  bucket = new FakeObjectStore();
  archives = new FakeArchiveStore();
  logged = [];
  service = new RestoreService(db, bucket, archives, 'a passphrase of sorts', {
    info: (_d, m) => void logged.push(m),
    warn: (_d, m) => void logged.push(m),
  });
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!err) throw new Error('expected a rejection');
  return err as AppError;
}

/** A target that already holds data: restoring over it needs force. */
async function occupiedTarget() {
  await db.migrateTo();
  db.tables.get('users')!.rows.push({ id: 'old', email: 'old@example.test' });
  await bucket.put('media/old.png', Buffer.from('old'), 'image/png');
}

/** Nothing of the target changed: not dropped, not migrated, no object written or deleted. */
function expectUntouched(before: { tables: string; objects: string[] }) {
  expect(db.dropped).toBe(0);
  expect(JSON.stringify([...db.tables])).toBe(before.tables);
  expect([...bucket.objects.keys()]).toEqual(before.objects);
}

const snapshot = () => ({ tables: JSON.stringify([...db.tables]), objects: [...bucket.objects.keys()] });

async function refused(entries: FakeEntry[], options: { force?: boolean } = {}): Promise<AppError> {
  archives.archives.set('x.tar.gz', { entries });
  const before = snapshot();
  const migrations = db.migratedTo.length;
  const err = await rejection(service.restore('x.tar.gz', options));
  expectUntouched(before);
  expect(db.migratedTo.length).toBe(migrations);
  return err;
}

describe('RestoreService', () => {
  it('restores an archive into an empty target, checks it and migrates forward (the baseline)', async () => {
    archives.archives.set('ok.tar.gz', { entries: good() });
    const result = await service.restore('ok.tar.gz');
    expect(result).toMatchObject({
      tables: 2,
      rows: 3,
      objects: 2,
      migratedFrom: '0001_posts',
      migratedTo: '0002_media',
      replaced: { rows: 0, objects: 0 },
    });
    expect(db.tables.get('users')!.rows).toEqual([
      { id: 'u1', email: 'ada@example.test' },
      { id: 'u2', email: 'bo@example.test' },
    ]);
    expect(db.tables.has('media')).toBe(true);
    expect(db.migratedTo).toEqual([2000, undefined]);
    expect(bucket.objects.get('media/2025/ab.png')!.body.equals(PNG)).toBe(true);
    expect(db.loaderClosed).toBe(1);
  });

  it('refuses an entry whose name leaves the archive (../) before writing anything', async () => {
    const entries = good();
    entries.splice(1, 0, { name: 'objects/../../etc/cron.d/x', body: Buffer.from('* * * * * root sh') });
    const err = await refused(entries);
    expect(err.code).toBe('BACKUP_INVALID');
    expect(err.message).toMatch(/is not a plain relative path/);
  });

  it('refuses a symbolic link (or any non-file entry)', async () => {
    const entries = good();
    entries.splice(2, 0, { name: 'objects/media/link', type: 'symlink', body: Buffer.alloc(0) });
    const err = await refused(entries);
    expect(err.message).toBe('"objects/media/link" is a symlink; an archive holds regular files only.');
  });

  it('refuses a manifest naming a traversal object key or a table name that is not an identifier', async () => {
    const err = await refused(
      editManifest(good(), (m) => {
        m.storage.objects[0]!.key = '../outside.png';
        m.database.tables[1]!.name = 'posts`; DROP TABLE users; --';
      }),
    );
    expect(err.code).toBe('BACKUP_INVALID');
    expect(err.message).toMatch(/^The manifest names unsafe paths: table .*posts.*, object "\.\.\/outside\.png"\.$/);
  });

  it('refuses an entry the manifest does not list (a smuggled table dump)', async () => {
    const entries = good();
    entries.splice(1, 0, { name: 'db/sessions.jsonl', body: Buffer.from('["s1","stolen"]\n') });
    expect((await refused(entries)).message).toMatch(/db\/sessions\.jsonl is not in the manifest/);
  });

  it('refuses a non-empty target without force, naming what is there; nothing is dropped', async () => {
    await occupiedTarget();
    const err = await refused(good());
    expect(err.code).toBe('BACKUP_REFUSED');
    expect(err.message).toBe(
      'The target is not empty: rows in users (1); objects in the media bucket. Restore with --force to replace everything there.',
    );
  });

  it('with force, replaces a non-empty target and says how much it replaced', async () => {
    await occupiedTarget();
    archives.archives.set('ok.tar.gz', { entries: good() });
    const result = await service.restore('ok.tar.gz', { force: true });
    expect(result.replaced).toEqual({ rows: 1, objects: 1 });
    expect(bucket.objects.has('media/old.png')).toBe(false);
    expect(db.tables.get('users')!.rows.map((r) => r.id)).toEqual(['u1', 'u2']);
  });

  it('refuses an archive from newer code at its header, before reading the rest', async () => {
    const entries = archiveOf({ migration: { tag: '0009_future', createdAt: 9000 }, tables: {} });
    const err = await refused(entries);
    expect(err.code).toBe('BACKUP_REFUSED');
    expect(err.message).toMatch(
      /migration level 0009_future, which this code does not have \(its latest is 0002_media\)/,
    );
    expect(archives.served).toBe(1);
  });

  it('a damaged entry half-way through is found in pass one: even with force nothing is dropped or deleted', async () => {
    await occupiedTarget();
    const entries = good().map((e) =>
      e.name === 'db/posts.jsonl' ? { ...e, body: Buffer.from('["p1","Hellø"]\n') } : e,
    );
    const err = await refused(entries, { force: true });
    expect(err.code).toBe('BACKUP_INVALID');
    expect(err.message).toBe('The archive is damaged: db/posts.jsonl does not match its checksum.');
  });

  it('a row count that disagrees with the manifest is damage too', async () => {
    const entries = editManifest(good(), (m) => void (m.database.tables[0]!.rows = 3));
    expect((await refused(entries)).message).toBe(
      'The archive is damaged: db/users.jsonl has 2 rows, the manifest says 3.',
    );
  });

  it('an encrypted archive whose tag fails after most entries streamed writes nothing (all or nothing in pass one)', async () => {
    await occupiedTarget();
    archives.archives.set('x.tar.gz', { entries: good(), tamperedAfter: 4 });
    const before = snapshot();
    const err = await rejection(service.restore('x.tar.gz', { force: true }));
    expect(err.code).toBe('BACKUP_INVALID');
    expect(err.message).toMatch(/authentication tag/);
    expect(archives.served).toBe(4);
    expectUntouched(before);
  });

  it('a wrong passphrase is BACKUP_PASSPHRASE; a missing archive is BACKUP_INVALID', async () => {
    archives.archives.set('enc.tar.gz.enc', { entries: good(), passphrase: 'another passphrase' });
    expect((await rejection(service.restore('enc.tar.gz.enc'))).code).toBe('BACKUP_PASSPHRASE');
    expect((await rejection(service.restore('nope.tar.gz'))).code).toBe('BACKUP_INVALID');
    expect(db.dropped).toBe(0);
  });

  it('a header that is not the first entry, or no manifest (truncated), is refused', async () => {
    const entries = good();
    expect((await refused([entries[1]!, entries[0]!, ...entries.slice(2)])).message).toBe(
      'backup.json must be the first entry of the archive.',
    );
    expect((await refused(entries.slice(0, -1))).message).toBe(
      'The archive has no header or no manifest (truncated?).',
    );
  });

  it('a load failing in pass two rolls that table back, closes the loader and does not migrate forward', async () => {
    archives.archives.set('ok.tar.gz', { entries: good() });
    db.failLoadOf = 'users';
    await expect(service.restore('ok.tar.gz')).rejects.toThrow(/Duplicate entry/);
    expect(db.tables.get('users')!.rows).toEqual([]);
    expect(db.migratedTo).toEqual([2000]);
    expect(db.loaderClosed).toBe(1);
    expect(logged).not.toContain('restore finished');
  });

  it('a table the archive’s migration level does not have fails the load and stops before migrating forward', async () => {
    const entries = archiveOf({
      migration: { tag: '0000_init', createdAt: 1000 },
      tables: { posts: { columns: ['id', 'title'], rows: [['p1', 'early']] } },
    });
    archives.archives.set('old.tar.gz', { entries });
    await expect(service.restore('old.tar.gz')).rejects.toThrow(/Table 'restore\.posts' doesn't exist/);
    expect(db.migratedTo).toEqual([1000]);
    expect([...db.tables.keys()].sort()).toEqual([MIGRATIONS_TABLE, 'users']);
  });

  it('an object upload failing in pass two stops the restore before the checks and the forward migration', async () => {
    archives.archives.set('ok.tar.gz', { entries: good() });
    bucket.failPutOf = 'media/2025/cd.png';
    await expect(service.restore('ok.tar.gz')).rejects.toThrow(/internal error/);
    expect(db.migratedTo).toEqual([2000]);
    expect(logged).not.toContain('restore finished');
  });
});
