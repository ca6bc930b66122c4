import { fileURLToPath } from 'node:url';
import { bootConfig } from './boot.js';
import type { Env } from './config/env.js';
import { createBackupServices, maintenanceService } from './composition/ops.js';
import { createLogger } from './logger.js';
import { CacheRepository } from './repositories/cache.repository.js';
import { createDatabase } from './repositories/database.js';
import { closeRedis, createRedis } from './repositories/redis.js';
import { CACHE_NS } from './services/content/events.js';
import type { ProgressLog } from './services/ops/backup.service.js';

/**
 * Backup and restore from a terminal: `make backup` / `make restore` (scripts/backup.ts,
 * scripts/restore.ts) and, in the compose image, `node api/dist/ops-cli.js backup|restore <FILE> [--force]`.
 */
const USAGE = 'usage: ops-cli backup | ops-cli restore <archive file or name> [--force]';

/** Progress as readable lines (the services log structured details; a terminal wants a sentence). */
export const consoleLog: ProgressLog = {
  info: (details, message) => console.log(`• ${message}${describe(details)}`),
  warn: (details, message) => console.warn(`! ${message}${describe(details)}`),
};

function describe(details: Record<string, unknown>): string {
  const parts = Object.entries(details)
    .filter(([, v]) => v !== undefined && v !== null && (typeof v !== 'object' || (Array.isArray(v) && v.length > 0)))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`);
  return parts.length ? `  (${parts.join(' ')})` : '';
}

/** A catalogue error shows its code and detail; anything else its message. */
function failed(err: unknown): number {
  const e = err as { code?: string; detail?: string; message?: string };
  console.error(e?.code && e.detail ? `✗ ${e.code}: ${e.detail}` : `✗ ${e?.message ?? String(err)}`);
  return 1;
}

/** Writes an archive and applies retention; the run is recorded like the worker's (GET /api/v1/admin/maintenance). */
export async function backupCli(env: Env = bootConfig()): Promise<number> {
  const ops = createBackupServices(env, { logger: consoleLog });
  const database = createDatabase(env.DATABASE_URL, { poolSize: 1, timeoutMs: env.DB_TIMEOUT_MS });
  try {
    const quiet: ProgressLog = { info: () => undefined, warn: consoleLog.warn };
    const result = await maintenanceService({ database, logger: quiet }).track('backup', () => ops.backup.run('cli'));
    console.log(
      `✓ ${result.location}/${result.name} (${(result.sizeBytes / 1024 / 1024).toFixed(1)} MiB, ${result.rows} rows in ${result.tables} tables, ${result.objects} objects)`,
    );
    console.log(`  sha256 ${result.sha256}`);
    return 0;
  } catch (err) {
    return failed(err);
  } finally {
    ops.close();
    await database.close();
  }
}

/** Restores into DATABASE_URL and S3_BUCKET (stop the api and worker first), then invalidates the read cache. */
export async function restoreCli(args: string[], env: Env = bootConfig()): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  const force = args.includes('--force');
  if (!file || args.some((a) => a.startsWith('--') && a !== '--force')) {
    console.error(USAGE);
    return 64;
  }
  const ops = createBackupServices(env, { logger: consoleLog });
  console.log(
    `Restoring ${file} into ${new URL(env.DATABASE_URL).pathname.slice(1)} and bucket ${env.S3_BUCKET}${force ? ' (--force: existing data is replaced)' : ''}`,
  );
  try {
    const result = await ops.restore.restore(file, { force });
    console.log(
      `✓ restored ${result.rows} rows in ${result.tables} tables and ${result.objects} objects from the backup of ${result.createdAt}`,
    );
    if (result.migratedFrom !== result.migratedTo)
      console.log(`  migrated from ${result.migratedFrom} to ${result.migratedTo}`);
    await invalidateCache(env);
    return 0;
  } catch (err) {
    return failed(err);
  } finally {
    ops.close();
  }
}

/** Cached public answers describe the data before the restore: every namespace's version is bumped. */
async function invalidateCache(env: Env): Promise<void> {
  const logger = createLogger('silent', 'restore');
  const redis = createRedis(env.REDIS_URL, logger, 'omervision-restore');
  const deadline = Date.now() + 3000;
  while (!redis.isReady && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (redis.isReady) {
    await new CacheRepository(redis, env.REDIS_KEY_PREFIX, logger, {
      memoryTtlMs: 0,
      redisTtlSeconds: 1,
      maxEntries: 1,
      enabled: true,
    }).invalidate(...Object.values(CACHE_NS));
    console.log('  read cache invalidated');
  } else {
    console.warn('! Redis is unreachable: restart the api so it does not serve cached answers from before the restore');
  }
  await closeRedis(redis);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...rest] = process.argv.slice(2);
  const run =
    command === 'backup'
      ? backupCli()
      : command === 'restore'
        ? restoreCli(rest)
        : Promise.resolve((console.error(USAGE), 64));
  process.exitCode = await run;
}
