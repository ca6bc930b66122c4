import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Errors } from '../../errors/catalogue.js';
import type { ArchiveEntry, BackupArchiveRepository } from '../../repositories/backup-archive.repository.js';
import type { CodeMigration, DatabaseDumpRepository, DumpValue } from '../../repositories/database-dump.repository.js';
import { MIGRATIONS_TABLE } from '../../repositories/database-dump.repository.js';
import type { StorageRepository } from '../../repositories/storage.repository.js';
import {
  BACKUP_FORMAT,
  HEADER_ENTRY,
  isPlainPath,
  MANIFEST_ENTRY,
  migrationProblem,
  OBJECT_PREFIX,
  serializeRow,
  TABLE_NAME,
  TABLE_PREFIX,
  type BackupHeader,
  type BackupManifest,
  type TableManifest,
} from './backup-format.js';
import type { ProgressLog } from './backup.service.js';

export type RestoreDump = Pick<
  DatabaseDumpRepository,
  'ensureDatabase' | 'codeMigrations' | 'snapshot' | 'rowCounts' | 'dropAllTables' | 'migrateTo' | 'loader'
>;
export type RestoreObjects = Pick<StorageRepository, 'list' | 'listPage' | 'put' | 'deleteMany' | 'ensureBucket'>;
export type RestoreArchives = Pick<BackupArchiveRepository, 'open'>;

export interface RestoreResult {
  archive: string;
  createdAt: string;
  /** Migration level of the archive, and of the database after restore (newer code migrates forward). */
  migratedFrom: string | null;
  migratedTo: string | null;
  tables: number;
  rows: number;
  objects: number;
  /** Rows and objects removed first (only with `force`). */
  replaced: { rows: number; objects: number };
  durationMs: number;
}

interface Digest {
  size: number;
  sha256: string;
  lines: number;
}

/**
 * Restores an archive into an empty database and bucket in two passes. Pass one reads the whole
 * archive and checks every entry against the manifest (and, when encrypted, the GCM tag) before
 * anything is written; it refuses an archive from newer code and a non-empty target without
 * `force`. Pass two lays out the archive's schema (our migrations up to its level), loads each
 * table in its own transaction with foreign-key checks off, uploads the objects, re-reads every
 * table to prove its checksum, and finally migrates forward to this code's level.
 */
export class RestoreService {
  constructor(
    private readonly dump: RestoreDump,
    private readonly objects: RestoreObjects,
    private readonly archives: RestoreArchives,
    private readonly passphrase: string | undefined,
    private readonly log: ProgressLog,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async restore(source: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
    const started = this.clock().getTime();
    const code = await this.dump.codeMigrations();
    await this.dump.ensureDatabase();
    const { manifest, occupied } = await this.verify(source, code, options.force ?? false);
    this.log.info(
      { source, tables: manifest.database.tables.length, objects: manifest.storage.objects.length },
      'archive verified',
    );

    const replaced = { rows: Object.values(occupied.rows).reduce((a, b) => a + b, 0), objects: 0 };
    if (occupied.objects) replaced.objects = await this.emptyBucket();
    await this.dump.dropAllTables();
    await this.dump.migrateTo(manifest.migration.createdAt);
    await this.load(source, manifest);
    await this.checkDatabase(manifest.database.tables);
    await this.checkObjects(manifest);
    await this.dump.migrateTo();
    const latest = code[code.length - 1]?.tag ?? null;
    const result: RestoreResult = {
      archive: source,
      createdAt: manifest.createdAt,
      migratedFrom: manifest.migration.tag,
      migratedTo: latest,
      tables: manifest.database.tables.length,
      rows: manifest.database.tables.reduce((n, t) => n + t.rows, 0),
      objects: manifest.storage.objects.length,
      replaced,
      durationMs: this.clock().getTime() - started,
    };
    this.log.info({ ...result }, 'restore finished');
    return result;
  }

  /** Pass one: nothing is written. */
  private async verify(source: string, code: CodeMigration[], force: boolean) {
    let header: BackupHeader | undefined;
    let manifest: BackupManifest | undefined;
    let occupied: { rows: Record<string, number>; objects: boolean } | undefined;
    const seen = new Map<string, Digest>();
    await this.read(source, async (entry, index) => {
      if (entry.name === HEADER_ENTRY) {
        if (index !== 0) throw Errors.backupInvalid(`${HEADER_ENTRY} must be the first entry of the archive.`);
        header = parseJson<BackupHeader>(await collect(entry.stream), HEADER_ENTRY);
        if (header.format !== BACKUP_FORMAT)
          throw Errors.backupInvalid(`Not an OmerVision backup (format ${String(header.format)}).`);
        const problem = migrationProblem(header.migration, code);
        if (problem) throw Errors.backupRefused(problem);
        occupied = await this.occupied();
        if ((Object.keys(occupied.rows).length || occupied.objects) && !force) {
          const tables = Object.entries(occupied.rows)
            .map(([t, n]) => `${t} (${n})`)
            .join(', ');
          throw Errors.backupRefused(
            `The target is not empty${tables ? `: rows in ${tables}` : ''}${occupied.objects ? `${tables ? ';' : ':'} objects in the media bucket` : ''}. Restore with --force to replace everything there.`,
          );
        }
      } else if (entry.name === MANIFEST_ENTRY) {
        manifest = parseJson<BackupManifest>(await collect(entry.stream), MANIFEST_ENTRY);
      } else {
        seen.set(entry.name, await digest(entry.stream));
      }
    });
    if (!header || !manifest || !occupied)
      throw Errors.backupInvalid('The archive has no header or no manifest (truncated?).');
    const unsafe = [
      ...manifest.database.tables.filter((t) => !TABLE_NAME.test(t.name)).map((t) => `table ${JSON.stringify(t.name)}`),
      ...manifest.storage.objects.filter((o) => !isPlainPath(o.key)).map((o) => `object ${JSON.stringify(o.key)}`),
    ];
    if (unsafe.length) throw Errors.backupInvalid(`The manifest names unsafe paths: ${unsafe.slice(0, 5).join(', ')}.`);
    const expected = new Map<string, { size: number; sha256: string; lines?: number }>([
      ...manifest.database.tables.map(
        (t) => [`${TABLE_PREFIX}${t.name}.jsonl`, { size: t.bytes, sha256: t.sha256, lines: t.rows }] as const,
      ),
      ...manifest.storage.objects.map((o) => [`${OBJECT_PREFIX}${o.key}`, { size: o.size, sha256: o.sha256 }] as const),
    ]);
    const problems: string[] = [];
    for (const [name, want] of expected) {
      const got = seen.get(name);
      if (!got) problems.push(`${name} is missing`);
      else if (got.sha256 !== want.sha256 || got.size !== want.size)
        problems.push(`${name} does not match its checksum`);
      else if (want.lines !== undefined && got.lines !== want.lines)
        problems.push(`${name} has ${got.lines} rows, the manifest says ${want.lines}`);
    }
    for (const name of seen.keys()) if (!expected.has(name)) problems.push(`${name} is not in the manifest`);
    if (problems.length)
      throw Errors.backupInvalid(
        `The archive is damaged: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}.`,
      );
    return { manifest, occupied };
  }

  /** Rows outside drizzle's own bookkeeping, and whether the bucket holds anything. */
  private async occupied(): Promise<{ rows: Record<string, number>; objects: boolean }> {
    const counts = await this.dump.rowCounts();
    const rows = Object.fromEntries(Object.entries(counts).filter(([t, n]) => t !== MIGRATIONS_TABLE && n > 0));
    await this.objects.ensureBucket();
    const page = await this.objects.listPage('', { limit: 1 });
    return { rows, objects: page.objects.length > 0 };
  }

  private async emptyBucket(): Promise<number> {
    let removed = 0;
    for await (const page of this.objects.list('')) {
      await this.objects.deleteMany(page.map((o) => o.key));
      removed += page.length;
    }
    return removed;
  }

  /** Pass two. */
  private async load(source: string, manifest: BackupManifest): Promise<void> {
    const tables = new Map(manifest.database.tables.map((t) => [`${TABLE_PREFIX}${t.name}.jsonl`, t]));
    const objects = new Map(manifest.storage.objects.map((o) => [`${OBJECT_PREFIX}${o.key}`, o]));
    const loader = await this.dump.loader();
    try {
      await this.read(source, async (entry) => {
        const table = tables.get(entry.name);
        if (table) {
          const binary = new Set(table.binaryColumns);
          const loaded = await loader.load(
            table.name,
            table.columns.map((name) => ({ name, binary: binary.has(name) })),
            rows(entry.stream),
          );
          if (loaded !== table.rows)
            throw Errors.backupInvalid(`${table.name}: loaded ${loaded} rows, the manifest says ${table.rows}.`);
          this.log.info({ table: table.name, rows: loaded }, 'table restored');
          return;
        }
        const object = objects.get(entry.name);
        if (object) {
          const body = await collect(entry.stream);
          if (createHash('sha256').update(body).digest('hex') !== object.sha256)
            throw Errors.backupInvalid(`${object.key} changed between the two passes.`);
          await this.objects.put(
            object.key,
            body,
            object.contentType ?? 'application/octet-stream',
            object.cacheControl ? { cacheControl: object.cacheControl } : {},
          );
        }
      });
    } finally {
      await loader.close();
    }
    this.log.info({ objects: objects.size }, 'objects restored');
  }

  /** Re-reads every table in the archive's column order: its dump must hash to the manifest's value. */
  private async checkDatabase(expected: TableManifest[]): Promise<void> {
    const wrong = await this.dump.snapshot(async (snap) => {
      const live = new Map((await snap.tables()).map((t) => [t.name, t]));
      const out: string[] = [];
      for (const t of expected) {
        const table = live.get(t.name);
        if (!table) {
          out.push(`${t.name} is missing`);
          continue;
        }
        const binary = new Set(t.binaryColumns);
        const hash = createHash('sha256');
        for await (const values of snap.rows({
          ...table,
          columns: t.columns.map((name) => ({ name, binary: binary.has(name) })),
        }))
          hash.update(serializeRow(values));
        if (hash.digest('hex') !== t.sha256) out.push(`${t.name} differs from the archive`);
      }
      return out;
    });
    if (wrong.length) throw Errors.backupInvalid(`Restored data does not match the manifest: ${wrong.join('; ')}.`);
  }

  private async checkObjects(manifest: BackupManifest): Promise<void> {
    const want = new Map(manifest.storage.objects.map((o) => [o.key, o.size]));
    const problems: string[] = [];
    for await (const page of this.objects.list('')) {
      for (const o of page) {
        if (want.get(o.key) !== o.size) problems.push(o.key);
        want.delete(o.key);
      }
    }
    problems.push(...want.keys());
    if (problems.length)
      throw Errors.backupInvalid(`Restored objects do not match the manifest: ${problems.slice(0, 5).join(', ')}.`);
  }

  /** Every entry, in order, with archive-level failures turned into catalogue errors. */
  private async read(source: string, each: (entry: ArchiveEntry, index: number) => Promise<void>): Promise<void> {
    let index = 0;
    try {
      for await (const entry of this.archives.open(source, this.passphrase)) {
        // Links, devices and paths leaving the archive are never ours (Ghost CVE-2023-40028 class).
        if (entry.type !== 'file')
          throw Errors.backupInvalid(
            `${JSON.stringify(entry.name)} is a ${entry.type}; an archive holds regular files only.`,
          );
        if (!isPlainPath(entry.name))
          throw Errors.backupInvalid(`${JSON.stringify(entry.name)} is not a plain relative path.`);
        await each(entry, index++);
      }
    } catch (err) {
      throw archiveError(err);
    }
  }
}

function archiveError(err: unknown): Error {
  if (err instanceof Error && 'definition' in err) return err;
  const e = err as Error & { reason?: string; code?: string };
  if (e?.name === 'ArchiveDecryptError' && e.reason === 'passphrase') return Errors.backupPassphrase(e.message);
  if (e?.name === 'ArchiveDecryptError' || e?.name === 'ArchiveNotFoundError') return Errors.backupInvalid(e.message);
  if (e?.code?.startsWith?.('Z_') || /tar|header|unexpected end/i.test(e?.message ?? '')) {
    return Errors.backupInvalid(`The archive cannot be read (${e.message}).`);
  }
  return err as Error;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function digest(stream: Readable): Promise<Digest> {
  const hash = createHash('sha256');
  let size = 0;
  let lines = 0;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    hash.update(b);
    size += b.length;
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines++;
  }
  return { size, sha256: hash.digest('hex'), lines };
}

async function* rows(stream: Readable): AsyncIterable<DumpValue[]> {
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (line) yield JSON.parse(line) as DumpValue[];
  }
}

function parseJson<T>(body: Buffer, name: string): T {
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw Errors.backupInvalid(`${name} is not valid JSON.`);
  }
}
