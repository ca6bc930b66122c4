import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ArchiveDecryptError } from '../../src/repositories/archive-crypto.js';
import { ArchiveNotFoundError, type ArchiveEntry } from '../../src/repositories/backup-archive.repository.js';
import type { DumpValue } from '../../src/repositories/database-dump.repository.js';
import {
  BACKUP_FORMAT,
  FORMAT_VERSION,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  OBJECT_PREFIX,
  serializeRow,
  TABLE_PREFIX,
  type BackupHeader,
  type BackupManifest,
} from '../../src/services/ops/backup-format.js';
import type { RestoreArchives } from '../../src/services/ops/restore.service.js';

export interface FakeEntry {
  name: string;
  type?: string;
  body: Buffer;
}

/** Archives by name: entries in tar order, optionally behind a passphrase, optionally cut short. */
export class FakeArchiveStore implements RestoreArchives {
  archives = new Map<string, { entries: FakeEntry[]; passphrase?: string; tamperedAfter?: number }>();
  /** How many entries were handed out, over all reads. */
  served = 0;

  async *open(source: string, passphrase?: string): AsyncGenerator<ArchiveEntry> {
    const archive = this.archives.get(source);
    if (!archive) throw new ArchiveNotFoundError(`No archive named ${source}.`);
    if (archive.passphrase !== undefined && archive.passphrase !== passphrase) {
      throw new ArchiveDecryptError(
        'passphrase',
        'The archive is encrypted with another passphrase (or none was given).',
      );
    }
    let i = 0;
    for (const entry of archive.entries) {
      // GCM: a tampered ciphertext is only noticed when its tag is checked, after the data streamed.
      if (archive.tamperedAfter !== undefined && i === archive.tamperedAfter)
        throw new ArchiveDecryptError('tampered', 'The archive was modified: its authentication tag does not match.');
      this.served++;
      i++;
      yield {
        name: entry.name,
        type: entry.type ?? 'file',
        size: entry.body.length,
        stream: Readable.from([entry.body]),
      };
    }
  }
}

/** A well-formed archive of these tables and objects at a migration level, as the backup service writes it. */
export function archiveOf(spec: {
  migration: { tag: string | null; createdAt: number };
  tables: Record<string, { columns: string[]; rows: DumpValue[][] }>;
  objects?: Record<string, Buffer>;
}): FakeEntry[] {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: FORMAT_VERSION,
    createdAt: '2025-06-01T02:00:00.000Z',
    app: { name: 'omervision', version: 'spec' },
    migration: spec.migration,
  };
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const tableEntries = Object.entries(spec.tables).map(([name, t]) => ({
    name,
    t,
    body: Buffer.from(t.rows.map((r) => serializeRow(r)).join('')),
  }));
  const objects = Object.entries(spec.objects ?? {});
  const manifest: BackupManifest = {
    ...header,
    database: {
      server: 'fake',
      tables: tableEntries.map(({ name, t, body }) => ({
        name,
        columns: t.columns,
        binaryColumns: [],
        rows: t.rows.length,
        bytes: body.length,
        sha256: sha(body),
      })),
    },
    storage: {
      bucket: 'media',
      objects: objects.map(([key, body]) => ({
        key,
        size: body.length,
        sha256: sha(body),
        contentType: 'image/png',
        cacheControl: null,
      })),
    },
    warnings: [],
  };
  return [
    { name: HEADER_ENTRY, body: Buffer.from(JSON.stringify(header)) },
    ...tableEntries.map(({ name, body }) => ({ name: `${TABLE_PREFIX}${name}.jsonl`, body })),
    ...objects.map(([key, body]) => ({ name: `${OBJECT_PREFIX}${key}`, body })),
    { name: MANIFEST_ENTRY, body: Buffer.from(JSON.stringify(manifest)) },
  ];
}

/** Replaces the manifest of an archive with an edited copy. */
export function editManifest(entries: FakeEntry[], edit: (m: BackupManifest) => void): FakeEntry[] {
  return entries.map((e) => {
    if (e.name !== MANIFEST_ENTRY) return e;
    const m = JSON.parse(e.body.toString('utf8')) as BackupManifest;
    edit(m);
    return { ...e, body: Buffer.from(JSON.stringify(m)) };
  });
}
