/**
 * `make restore FILE=<archive> [FORCE=1]`: restores a backup archive into the configured database
 * (DATABASE_URL) and media bucket (S3_BUCKET). FILE is a path, or the name of an archive in
 * BACKUP_DIR / BACKUP_S3_BUCKET. The target must be empty unless --force, which deletes what is
 * there first. Stop the api and worker while it runs; afterwards the read cache is invalidated.
 * The same code runs in the compose image as `node api/dist/ops-cli.js restore <FILE> [--force]`.
 *
 *   node --import tsx scripts/restore.ts <FILE> [--force]
 */
import { restoreCli } from '../api/src/ops-cli.js';

process.exitCode = await restoreCli(process.argv.slice(2));
