/**
 * `make restore FILE=<archive> [FORCE=1]`: restores a backup archive into the configured database
 * (DATABASE_URL) and media bucket (S3_BUCKET). FILE is a path, or the name of an archive in
 * BACKUP_DIR / BACKUP_S3_BUCKET. The target must be empty unless --force, which deletes what is
 * there first. Stop the api and worker while it runs; afterwards the read cache is invalidated.
 *
 *   node --import tsx scripts/restore.ts <FILE> [--force]
 */
import { loadConfig } from '../api/src/config/load.js';
import { createBackupServices } from '../api/src/jobs/ops.jobs.js';
import { createLogger } from '../api/src/logger.js';
import { CacheRepository } from '../api/src/repositories/cache.repository.js';
import { closeRedis, createRedis } from '../api/src/repositories/redis.js';
import { CACHE_NS } from '../api/src/services/content/events.js';
import { consoleLog, fail } from './ops/cli.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const force = args.includes('--force');
if (!file || args.some((a) => a.startsWith('--') && a !== '--force')) {
  console.error('usage: node --import tsx scripts/restore.ts <archive file or name> [--force]');
  process.exit(64);
}

const env = loadConfig();
const ops = createBackupServices(env, { logger: consoleLog });
console.log(`Restoring ${file} into ${new URL(env.DATABASE_URL).pathname.slice(1)} and bucket ${env.S3_BUCKET}${force ? ' (--force: existing data is replaced)' : ''}`);
try {
  const result = await ops.restore.restore(file, { force });
  console.log(`✓ restored ${result.rows} rows in ${result.tables} tables and ${result.objects} objects from the backup of ${result.createdAt}`);
  if (result.migratedFrom !== result.migratedTo) console.log(`  migrated from ${result.migratedFrom} to ${result.migratedTo}`);
  await invalidateCache();
} catch (err) {
  fail(err);
} finally {
  ops.close();
}

/** Cached public answers describe the data before the restore: bump every namespace's version. */
async function invalidateCache(): Promise<void> {
  const logger = createLogger('silent', 'restore');
  const redis = createRedis(env.REDIS_URL, logger, 'omervision-restore');
  const deadline = Date.now() + 3000;
  while (!redis.isReady && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (redis.isReady) {
    await new CacheRepository(redis, env.REDIS_KEY_PREFIX, logger, { memoryTtlMs: 0, redisTtlSeconds: 1, maxEntries: 1, enabled: true }).invalidate(...Object.values(CACHE_NS));
    console.log('  read cache invalidated');
  } else {
    console.warn('! Redis is unreachable: restart the api so it does not serve cached answers from before the restore');
  }
  await closeRedis(redis);
}
