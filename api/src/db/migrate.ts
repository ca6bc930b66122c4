import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { loadConfig } from '../config/load.js';
import { createDatabase } from '../repositories/database.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Name of the MySQL user lock (GET_LOCK) that serialises migration runs across processes. */
export const MIGRATION_LOCK = 'omervision.migrate';

/**
 * Applies committed drizzle-kit migrations; safe to run on every start (already applied = no-op).
 * Runs under a MySQL user lock, so several processes starting at once (compose's one-shot `setup`
 * beside an old replica's, two hosts of a swarm) apply each migration once: the others wait, then
 * find nothing left to do.
 */
export async function runMigrations(databaseUrl: string, lockTimeoutSeconds = 300): Promise<void> {
  // Two connections: one holds the lock (user locks belong to a connection), one migrates.
  const database = createDatabase(databaseUrl, { poolSize: 2, timeoutMs: 10_000 });
  const lock = await database.pool.getConnection();
  try {
    const [rows] = await lock.query('SELECT GET_LOCK(?, ?) AS got', [MIGRATION_LOCK, lockTimeoutSeconds]);
    if ((rows as { got: number | null }[])[0]?.got !== 1) {
      throw new Error(
        `another process has held the migration lock (${MIGRATION_LOCK}) for over ${lockTimeoutSeconds} s`,
      );
    }
    const name = new URL(databaseUrl).pathname.slice(1);
    // Tables inherit the database default: make it utf8mb4 before the first CREATE TABLE.
    await database.pool.query(
      `ALTER DATABASE \`${name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lock.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
    await database.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = loadConfig();
  runMigrations(env.DATABASE_URL)
    .then(() => console.log(`migrations applied to ${new URL(env.DATABASE_URL).pathname.slice(1)}`))
    .catch((err: unknown) => {
      console.error('migration failed:', err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
