/**
 * `make backup`: one archive with a consistent database snapshot, every media object and a
 * manifest, written to BACKUP_DIR (default .data/backups) or BACKUP_S3_BUCKET/BACKUP_S3_PREFIX,
 * encrypted when BACKUP_PASSPHRASE is set; then old archives are pruned (BACKUP_KEEP_DAILY,
 * BACKUP_KEEP_WEEKLY). The run is recorded like the worker's daily one (GET /api/v1/admin/maintenance).
 *
 *   node --import tsx scripts/backup.ts
 */
import { loadConfig } from '../api/src/config/load.js';
import { createBackupServices, maintenanceService } from '../api/src/jobs/ops.jobs.js';
import { createDatabase } from '../api/src/repositories/database.js';
import { consoleLog, fail } from './ops/cli.js';

const env = loadConfig();
const ops = createBackupServices(env, { logger: consoleLog });
const database = createDatabase(env.DATABASE_URL, { poolSize: 1, timeoutMs: env.DB_TIMEOUT_MS });
try {
  const result = await maintenanceService({ database, logger: { info: () => undefined, warn: consoleLog.warn } }).track('backup', () => ops.backup.run('cli'));
  console.log(`✓ ${result.location}/${result.name} (${(result.sizeBytes / 1024 / 1024).toFixed(1)} MiB, ${result.rows} rows in ${result.tables} tables, ${result.objects} objects)`);
  console.log(`  sha256 ${result.sha256}`);
} catch (err) {
  fail(err);
} finally {
  ops.close();
  await database.close();
}
