import { sql } from 'drizzle-orm';
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import mysql from 'mysql2/promise';
import * as schema from '../db/schema.js';

export type Db = MySql2Database<typeof schema>;
/** A transaction handle; repositories accept it wherever a write must join the caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Callbacks waiting for a runner's transaction to commit, by its handle. */
const commitHooks = new WeakMap<object, (() => void)[]>();

/**
 * Runs `fn` once the write just made through `tx` is committed: after the transaction of a
 * TransactionRunner commits (never when it rolls back), or at once for a write outside one
 * (autocommit). For nudges that must not see uncommitted rows, e.g. "dispatch the outbox now".
 */
export function afterCommit(tx: DbOrTx, fn: () => void): void {
  const hooks = commitHooks.get(tx);
  if (hooks) hooks.push(fn);
  else fn();
}

/** Runs `fn` in one MySQL transaction; services get it as an opaque handle to pass to repositories. */
export class TransactionRunner {
  constructor(private readonly db: Db) {}

  /** InnoDB picks a victim when two transactions deadlock (e.g. concurrent tag inserts): retry it. */
  async run<T>(fn: (tx: Tx) => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      // Per attempt: a rolled-back attempt's hooks never run.
      const hooks: (() => void)[] = [];
      try {
        const result = await this.db.transaction((tx) => {
          commitHooks.set(tx, hooks);
          return fn(tx);
        });
        for (const hook of hooks) {
          try {
            hook();
          } catch {
            // A nudge that fails changes nothing that was committed.
          }
        }
        return result;
      } catch (err) {
        const code = mysqlErrorCode(err);
        if (attempt >= attempts || (code !== 'ER_LOCK_DEADLOCK' && code !== 'ER_LOCK_WAIT_TIMEOUT')) throw err;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
      }
    }
  }
}

/** The MySQL error code of a failed query, looking through drizzle's DrizzleQueryError wrapper. */
export function mysqlErrorCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

export interface PoolStats {
  total: number;
  free: number;
  queued: number;
}

export interface Database {
  db: Db;
  pool: mysql.Pool;
  ping(): Promise<void>;
  stats(): PoolStats;
  close(): Promise<void>;
}

/** mysql2 pool + drizzle. Dates travel as UTC; utf8mb4 end to end so Turkish text round-trips. */
export function createDatabase(url: string, options: { poolSize: number; timeoutMs: number }): Database {
  const pool = mysql.createPool({
    uri: url,
    connectionLimit: options.poolSize,
    maxIdle: options.poolSize,
    idleTimeout: 60_000,
    waitForConnections: true,
    queueLimit: 1000,
    connectTimeout: options.timeoutMs,
    enableKeepAlive: true,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: false,
    supportBigNumbers: true,
  });
  const db = drizzle(pool, { schema, mode: 'default' });
  // mysql2 keeps these private; they are stable across 3.x and only feed gauges.
  const internals = pool.pool as unknown as {
    _allConnections?: { length: number };
    _freeConnections?: { length: number };
    _connectionQueue?: { length: number };
  };
  return {
    db,
    pool,
    async ping() {
      await db.execute(sql`SELECT 1`);
    },
    stats: () => ({
      total: internals._allConnections?.length ?? 0,
      free: internals._freeConnections?.length ?? 0,
      queued: internals._connectionQueue?.length ?? 0,
    }),
    close: () => pool.end(),
  };
}
