import type { BackupRequested, BackupView } from '../../dtos/ops.dto.js';
import type { ArchiveWriter, BackupArchiveRepository } from '../../repositories/backup-archive.repository.js';
import type { DatabaseDumpRepository, SnapshotReader } from '../../repositories/database-dump.repository.js';
import type { StorageRepository } from '../../repositories/storage.repository.js';
import type { AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import {
  archiveName,
  archiveTime,
  BACKUP_FORMAT,
  FORMAT_VERSION,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  migrationMark,
  OBJECT_PREFIX,
  serializeRow,
  TABLE_PREFIX,
  type BackupHeader,
  type BackupManifest,
  type ObjectManifest,
  type TableManifest,
} from './backup-format.js';
import { archivesToDelete } from './retention.js';

export type BackupDump = Pick<DatabaseDumpRepository, 'codeMigrations' | 'snapshot'>;
export type BackupObjects = Pick<StorageRepository, 'list' | 'open'>;
export type BackupArchives = Pick<BackupArchiveRepository, 'create' | 'list' | 'delete' | 'describe'>;

export interface BackupSettings {
  appVersion: string;
  /** The media bucket (recorded in the manifest). */
  bucket: string;
  passphrase?: string;
  keepDaily: number;
  keepWeekly: number;
}

export interface ProgressLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface BackupJobs {
  enqueueBackup(requestedBy: string | null): Promise<string>;
}

export interface BackupResult {
  name: string;
  location: string;
  sizeBytes: number;
  sha256: string;
  encrypted: boolean;
  migration: string | null;
  tables: number;
  rows: number;
  objects: number;
  objectBytes: number;
  durationMs: number;
  /** Archives removed by retention after this one was written. */
  deleted: string[];
  warnings: string[];
}

/** Chunks of about this size go to the spool file (one write per row would be slow). */
const CHUNK = 64 * 1024;

/**
 * Takes backups: one consistent database snapshot plus every media object into one archive, with a
 * manifest of counts and checksums; then applies retention. Restoring is RestoreService.
 */
export class BackupService {
  constructor(
    private readonly dump: BackupDump,
    private readonly objects: BackupObjects,
    private readonly archives: BackupArchives,
    private readonly settings: BackupSettings,
    private readonly log: ProgressLog,
    private readonly jobs?: BackupJobs,
    private readonly audit?: AuditService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Admin: queue a backup on the worker (it can take minutes). */
  async request(actor: Actor): Promise<BackupRequested> {
    if (!this.jobs) throw new Error('BackupService.request needs the job queue');
    const userId = actor.principal.kind === 'user' ? actor.principal.userId : null;
    const jobId = await this.jobs.enqueueBackup(userId);
    await this.audit?.record(actor, 'backup.request', { type: 'backup', id: jobId });
    return { jobId, status: 'queued' };
  }

  async list(): Promise<BackupView[]> {
    const location = this.archives.describe();
    return (await this.archives.list()).map((a) => {
      const s = (a.summary ?? {}) as Partial<BackupResult & { createdAt: string; appVersion: string }>;
      return {
        name: a.name,
        location,
        sizeBytes: a.sizeBytes,
        createdAt: (archiveTime(a.name) ?? a.modifiedAt).toISOString(),
        encrypted: a.name.endsWith('.enc'),
        sha256: s.sha256 ?? null,
        appVersion: s.appVersion ?? null,
        migration: s.migration ?? null,
        tables: s.tables ?? null,
        rows: s.rows ?? null,
        objects: s.objects ?? null,
      };
    });
  }

  async run(trigger: string): Promise<BackupResult> {
    const started = this.clock();
    const encrypted = Boolean(this.settings.passphrase);
    const name = archiveName(started, encrypted);
    this.log.info({ name, trigger, target: this.archives.describe(), encrypted }, 'backup started');
    const writer = await this.archives.create(name, started, this.settings.passphrase);
    try {
      const code = await this.dump.codeMigrations();
      const { header, server, tables } = await this.dump.snapshot(async (snap) => {
        const applied = await snap.latestMigration();
        if (!applied)
          throw new Error(
            'The database has no applied migrations (run `make migrate` first): there is nothing to back up.',
          );
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: FORMAT_VERSION,
          createdAt: started.toISOString(),
          app: { name: 'omervision', version: this.settings.appVersion },
          migration: migrationMark(applied.createdAt, code),
        };
        await writer.addBuffer(HEADER_ENTRY, json(header));
        return { header, server: snap.server, tables: await this.dumpTables(snap, writer) };
      });
      const warnings: string[] = [];
      const objects = await this.copyObjects(writer, warnings);
      const manifest: BackupManifest = {
        ...header,
        database: { server, tables },
        storage: { bucket: this.settings.bucket, objects },
        warnings,
      };
      await writer.addBuffer(MANIFEST_ENTRY, json(manifest));
      const summary = {
        createdAt: header.createdAt,
        appVersion: this.settings.appVersion,
        migration: header.migration.tag,
        trigger,
        tables: tables.length,
        rows: tables.reduce((n, t) => n + t.rows, 0),
        objects: objects.length,
        objectBytes: objects.reduce((n, o) => n + o.size, 0),
        encrypted,
      };
      const archive = await writer.finish(summary);
      const deleted = await this.applyRetention();
      const result: BackupResult = {
        name,
        location: this.archives.describe(),
        sizeBytes: archive.size,
        sha256: archive.sha256,
        encrypted,
        migration: header.migration.tag,
        tables: summary.tables,
        rows: summary.rows,
        objects: summary.objects,
        objectBytes: summary.objectBytes,
        durationMs: this.clock().getTime() - started.getTime(),
        deleted,
        warnings,
      };
      this.log.info({ ...result }, 'backup written');
      return result;
    } catch (err) {
      await writer.abort();
      throw err;
    }
  }

  /** Every table, inside the caller's snapshot transaction. */
  private async dumpTables(snap: SnapshotReader, writer: ArchiveWriter): Promise<TableManifest[]> {
    const out: TableManifest[] = [];
    for (const table of await snap.tables()) {
      let rows = 0;
      const lines = async function* () {
        let chunk = '';
        for await (const values of snap.rows(table)) {
          rows++;
          chunk += serializeRow(values);
          if (chunk.length >= CHUNK) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk) yield chunk;
      };
      const digest = await writer.addSpooled(`${TABLE_PREFIX}${table.name}.jsonl`, lines());
      out.push({
        name: table.name,
        columns: table.columns.map((c) => c.name),
        binaryColumns: table.columns.filter((c) => c.binary).map((c) => c.name),
        rows,
        bytes: digest.size,
        sha256: digest.sha256,
      });
    }
    return out;
  }

  /**
   * Objects are copied after the snapshot: uploads are content-addressed and immutable, so an
   * object is either complete or absent. One uploaded meanwhile is kept (the orphan sweep removes
   * it after a restore); one deleted meanwhile is a warning.
   */
  private async copyObjects(writer: ArchiveWriter, warnings: string[]): Promise<ObjectManifest[]> {
    const out: ObjectManifest[] = [];
    for await (const page of this.objects.list('')) {
      for (const { key } of page) {
        let object: Awaited<ReturnType<BackupObjects['open']>>;
        try {
          object = await this.objects.open(key);
        } catch (err) {
          if (!isMissing(err)) throw err;
          warnings.push(`${key} was deleted while the backup ran`);
          continue;
        }
        const digest = await writer.addStream(`${OBJECT_PREFIX}${key}`, object.body, object.size);
        out.push({
          key,
          size: digest.size,
          sha256: digest.sha256,
          contentType: object.contentType ?? null,
          cacheControl: object.cacheControl ?? null,
        });
      }
    }
    return out;
  }

  private async applyRetention(): Promise<string[]> {
    const all = await this.archives.list();
    const doomed = archivesToDelete(
      all.map((a) => ({ name: a.name, at: archiveTime(a.name) })),
      this.settings.keepDaily,
      this.settings.keepWeekly,
    );
    for (const name of doomed) await this.archives.delete(name);
    if (doomed.length) this.log.info({ deleted: doomed }, 'old backups removed (retention)');
    return doomed;
  }
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value, null, 1));
}

function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.$metadata?.httpStatusCode === 404 || e?.name === 'NoSuchKey';
}
