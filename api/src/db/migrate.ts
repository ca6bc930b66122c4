import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { loadConfig } from '../config/load.js';
import { createDatabase } from '../repositories/database.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies committed drizzle-kit migrations; safe to run on every start (already applied = no-op). */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const database = createDatabase(databaseUrl, { poolSize: 1, timeoutMs: 10_000 });
  try {
    const name = new URL(databaseUrl).pathname.slice(1);
    // Tables inherit the database default: make it utf8mb4 before the first CREATE TABLE.
    await database.pool.query(
      `ALTER DATABASE \`${name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
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
