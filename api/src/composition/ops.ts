import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Env } from '../config/env.js';
import { repoRoot } from '../config/load.js';
import { MIGRATIONS_FOLDER } from '../db/migrate.js';
import { Jobs } from '../jobs/job-spec.js';
import { PERIODIC_JOBS } from '../jobs/ops.jobs.js';
import { BackupArchiveRepository, type ArchiveTarget } from '../repositories/backup-archive.repository.js';
import type { CacheRepository } from '../repositories/cache.repository.js';
import { ContentTransferRepository } from '../repositories/content-transfer.repository.js';
import { DatabaseDumpRepository } from '../repositories/database-dump.repository.js';
import { TransactionRunner } from '../repositories/database.js';
import { MaintenanceRunRepository } from '../repositories/maintenance-run.repository.js';
import { PostRepository } from '../repositories/post.repository.js';
import { pageRepository, projectRepository } from '../repositories/document.repository.js';
import { StorageRepository } from '../repositories/storage.repository.js';
import { TagRepository } from '../repositories/tag.repository.js';
import { skillRepository } from '../repositories/term.repository.js';
import type { AuditService } from '../services/audit.service.js';
import { ContentChanges } from '../services/content/content-changes.js';
import { ContentExportService } from '../services/ops/content-export.service.js';
import { ContentImporter } from '../services/ops/content-import-items.js';
import { ContentImportService } from '../services/ops/content-import.service.js';
import { BackupService, type ProgressLog } from '../services/ops/backup.service.js';
import { MaintenanceService } from '../services/ops/maintenance.service.js';
import { RestoreService } from '../services/ops/restore.service.js';
import { createOutbox, type Infrastructure } from './infrastructure.js';

export function appVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}

export function backupDir(env: Pick<Env, 'BACKUP_DIR' | 'DATA_DIR'>): string {
  return resolve(repoRoot(), env.BACKUP_DIR ?? join(env.DATA_DIR, 'backups'));
}

function storageFor(env: Env, bucket: string): StorageRepository {
  return new StorageRepository({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    publicUrl: env.MEDIA_PUBLIC_URL,
  });
}

export interface OpsDeps {
  /** The media bucket's repository (the process's own, when it has one). */
  storage?: StorageRepository;
  logger: ProgressLog;
  audit?: AuditService;
  enqueueBackup?: (requestedBy: string | null) => Promise<string>;
}

/** Backup and restore over their own database connections, the media bucket and the archive target. */
export function createBackupServices(env: Env, deps: OpsDeps) {
  const media = deps.storage ?? storageFor(env, env.S3_BUCKET);
  const target: ArchiveTarget = env.BACKUP_S3_BUCKET
    ? {
        kind: 's3',
        storage: storageFor(env, env.BACKUP_S3_BUCKET),
        bucket: env.BACKUP_S3_BUCKET,
        prefix: env.BACKUP_S3_PREFIX,
      }
    : { kind: 'dir', dir: backupDir(env) };
  const archives = new BackupArchiveRepository(target, join(resolve(repoRoot(), env.DATA_DIR), 'tmp', 'backup'));
  const dump = new DatabaseDumpRepository(env.DATABASE_URL, MIGRATIONS_FOLDER);
  const log = deps.logger;
  return {
    backup: new BackupService(
      dump,
      media,
      archives,
      {
        appVersion: appVersion(),
        bucket: env.S3_BUCKET,
        passphrase: env.BACKUP_PASSPHRASE,
        keepDaily: env.BACKUP_KEEP_DAILY,
        keepWeekly: env.BACKUP_KEEP_WEEKLY,
      },
      log,
      deps.enqueueBackup ? { enqueueBackup: deps.enqueueBackup } : undefined,
      deps.audit,
    ),
    restore: new RestoreService(dump, media, archives, env.BACKUP_PASSPHRASE, log),
    close() {
      if (!deps.storage) media.close();
      if (target.kind === 's3') target.storage.close();
    },
  };
}

/** The API's side: list archives, queue a backup, read maintenance runs. */
export function createOpsServices(infra: Infrastructure, audit: AuditService) {
  const enqueueBackup = async (requestedBy: string | null) => {
    const slot = `manual:${uuidv7()}`;
    return infra.queues.enqueue(Jobs.backup, { slot, trigger: 'manual', requestedBy }, { id: `backup:${slot}` });
  };
  return {
    backup: createBackupServices(infra.env, { storage: infra.storage, logger: infra.logger, audit, enqueueBackup })
      .backup,
    maintenance: maintenanceService(infra),
  };
}

/** Content export and import (JSON, and Ghost exports). */
export function createContentTransfer(infra: Infrastructure, audit: AuditService, cache: CacheRepository) {
  const db = infra.database.db;
  const transfer = new ContentTransferRepository(db);
  const tx = new TransactionRunner(db);
  const items = new ContentImporter(transfer, new PostRepository(db), projectRepository(db), pageRepository(db));
  return {
    exporter: new ContentExportService(transfer, (key) => infra.storage.publicUrl(key), appVersion(), audit),
    importer: new ContentImportService(
      transfer,
      { tags: new TagRepository(db), skills: skillRepository(db) },
      items,
      tx,
      new ContentChanges(createOutbox(infra), cache),
      audit,
    ),
  };
}

export function maintenanceService(infra: {
  database: Pick<Infrastructure['database'], 'db'>;
  logger: ProgressLog;
}): MaintenanceService {
  return new MaintenanceService(new MaintenanceRunRepository(infra.database.db), PERIODIC_JOBS, infra.logger);
}
