import type { CodeMigration } from '../../repositories/database-dump.repository.js';

/**
 * What a backup archive holds (one .tar.gz, optionally encrypted to .tar.gz.enc):
 *
 *   backup.json          header: format, app version, migration level (first, so restore can refuse early)
 *   db/<table>.jsonl     one JSON array per row, columns as in the manifest, ordered by primary key
 *   objects/<key>        every object of the media bucket, byte for byte
 *   manifest.json        header + per-table columns, row count, bytes, sha256; per-object size,
 *                        sha256, Content-Type and Cache-Control (last: only known once all is written)
 */
export const BACKUP_FORMAT = 'omervision-backup';
export const FORMAT_VERSION = 1;
export const HEADER_ENTRY = 'backup.json';
export const MANIFEST_ENTRY = 'manifest.json';
export const TABLE_PREFIX = 'db/';
export const OBJECT_PREFIX = 'objects/';

export interface MigrationMark {
  /** Tag of the latest applied migration (e.g. `0005_maintenance`); null when the code does not know it. */
  tag: string | null;
  /** drizzle's created_at of that migration (its folder time): what ordering compares. */
  createdAt: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  app: { name: string; version: string };
  migration: MigrationMark;
}

export interface TableManifest {
  name: string;
  columns: string[];
  binaryColumns: string[];
  rows: number;
  bytes: number;
  sha256: string;
}

export interface ObjectManifest {
  key: string;
  size: number;
  sha256: string;
  contentType: string | null;
  cacheControl: string | null;
}

export interface BackupManifest extends BackupHeader {
  database: { server: string; tables: TableManifest[] };
  storage: { bucket: string; objects: ObjectManifest[] };
  /** Things the backup noticed but could not help (an object deleted while it ran). */
  warnings: string[];
}

/** `omervision-2025-06-01T02-00-00-000Z.tar.gz[.enc]`: sorts by time, safe on every file system. */
export function archiveName(at: Date, encrypted: boolean): string {
  return `omervision-${at.toISOString().replace(/[:.]/g, '-')}.tar.gz${encrypted ? '.enc' : ''}`;
}

const NAME = /^omervision-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.tar\.gz(\.enc)?$/;

/** The time an archive was made, from its name; undefined for files this code did not name. */
export function archiveTime(name: string): Date | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export function migrationMark(createdAt: number, code: CodeMigration[]): MigrationMark {
  return { tag: code.find((m) => m.createdAt === createdAt)?.tag ?? null, createdAt };
}

/** Why an archive's schema cannot be restored by this code, or undefined when it can. */
export function migrationProblem(mark: MigrationMark | undefined, code: CodeMigration[]): string | undefined {
  if (!mark || !Number.isFinite(mark.createdAt)) return 'The archive names no migration level.';
  const latest = code[code.length - 1];
  if (!latest || mark.createdAt > latest.createdAt || !code.some((m) => m.createdAt === mark.createdAt)) {
    return `The archive was made at migration level ${mark.tag ?? mark.createdAt}, which this code does not have (its latest is ${latest?.tag ?? 'none'}). Restore it with the version of OmerVision that made it, or a newer one.`;
  }
  return undefined;
}

/**
 * A relative path of plain segments: no leading `/`, no `.` or `..`, no empty segment, no backslash
 * or NUL. Archive entry names and object keys must be one: a key like `../../x` would be written
 * outside the bucket by a file-backed S3 server.
 */
export function isPlainPath(path: string): boolean {
  return (
    path.length > 0 &&
    path.length <= 1024 &&
    !/[\\\0]/.test(path) &&
    path.split('/').every((s) => s !== '' && s !== '.' && s !== '..')
  );
}

/** A table name the dump would write: letters, digits, `_` and `$` only. */
export const TABLE_NAME = /^[A-Za-z0-9_$]{1,64}$/;

/** One dump line: a JSON array of the row's values. */
export function serializeRow(values: unknown[]): string {
  return `${JSON.stringify(values)}\n`;
}
