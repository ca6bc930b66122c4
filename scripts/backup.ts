/**
 * `make backup`: one archive with a consistent database snapshot, every media object and a
 * manifest, written to BACKUP_DIR (default .data/backups) or BACKUP_S3_BUCKET/BACKUP_S3_PREFIX,
 * encrypted when BACKUP_PASSPHRASE is set; then old archives are pruned (BACKUP_KEEP_DAILY,
 * BACKUP_KEEP_WEEKLY). The run is recorded like the worker's daily one (GET /api/v1/admin/maintenance).
 * The same code runs in the compose image as `node api/dist/ops-cli.js backup`.
 *
 *   node --import tsx scripts/backup.ts
 */
import { backupCli } from '../api/src/ops-cli.js';

process.exitCode = await backupCli();
