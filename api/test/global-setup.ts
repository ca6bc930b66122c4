import mysql from 'mysql2/promise';
import { runMigrations } from '../src/db/migrate.js';
import { createClient } from 'redis';
import { testDatabaseUrl, testEnv } from './env.js';

/**
 * A fresh test database for every run: dropped, recreated utf8mb4 and migrated with the committed
 * migrations, so the tests also prove the migrations apply to an empty database.
 */
export default async function setup(): Promise<void> {
  const url = new URL(testDatabaseUrl());
  const name = url.pathname.slice(1);
  if (!/_test$/.test(name)) throw new Error(`Refusing to reset "${name}": the test database name must end in _test`);
  const server = new URL(url);
  server.pathname = '/';
  let conn: mysql.Connection;
  try {
    conn = await mysql.createConnection({ uri: server.toString(), connectTimeout: 5000 });
  } catch (err) {
    throw new Error(
      `Cannot reach MariaDB at ${url.host} (${(err as Error).message}). Start the local services first: scripts/services.sh start (make test does this).`,
      { cause: err },
    );
  }
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
  await runMigrations(url.toString());
  await flushTestKeys();
}

/** Rate-limit counters and deny-lists of earlier runs must not leak into this one. */
async function flushTestKeys(): Promise<void> {
  const env = testEnv();
  const redis = createClient({ url: env.REDIS_URL });
  await redis.connect();
  try {
    for await (const keys of redis.scanIterator({ MATCH: `${env.REDIS_KEY_PREFIX}*`, COUNT: 500 })) {
      if (keys.length) await redis.del(keys);
    }
  } finally {
    await redis.close();
  }
}
