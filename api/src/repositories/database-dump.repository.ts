import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import mysql from 'mysql2/promise';
import { createDatabase } from './database.js';

export interface ColumnInfo {
  name: string;
  /** Bytes, not text: dumped as base64. */
  binary: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Rows are dumped in this order (all columns when a table has no primary key). */
  primaryKey: string[];
}

/** A dumped value: the server's own text form, NULL, or the bytes of a binary column. */
export type DumpValue = string | null | { b64: string };

/** One applied drizzle migration, as drizzle records it (`created_at` is the migration's folder time). */
export interface AppliedMigration {
  createdAt: number;
  hash: string;
}

export interface CodeMigration {
  tag: string;
  createdAt: number;
}

export interface SnapshotReader {
  server: string;
  tables(): Promise<TableInfo[]>;
  rows(table: TableInfo): AsyncIterable<DumpValue[]>;
  latestMigration(): Promise<AppliedMigration | null>;
}

export interface TableLoader {
  /** Replaces the table's rows with `rows` in one transaction; returns how many were inserted. */
  load(table: string, columns: ColumnInfo[], rows: AsyncIterable<DumpValue[]>): Promise<number>;
  close(): Promise<void>;
}

export const MIGRATIONS_TABLE = '__drizzle_migrations';
const BINARY_TYPES = new Set([
  'binary',
  'varbinary',
  'tinyblob',
  'blob',
  'mediumblob',
  'longblob',
  'bit',
  'geometry',
  'point',
  'linestring',
  'polygon',
]);
const BATCH_BYTES = 1_000_000;
const BATCH_ROWS = 1000;

const quote = (identifier: string) => {
  if (!/^[A-Za-z0-9_$]+$/.test(identifier))
    throw new Error(`Refusing an unusual SQL identifier: ${JSON.stringify(identifier)}`);
  return `\`${identifier}\``;
};

/**
 * The database side of backup and restore, on connections of its own (never the app's pool): a
 * long snapshot transaction must not hold a pool slot, and FOREIGN_KEY_CHECKS=0 must not leak.
 * Values travel in the server's text form (typeCast off), so a dump reproduces exactly what the
 * server stores: DATETIME(3) strings, JSON text, integers of any size.
 */
export class DatabaseDumpRepository {
  constructor(
    private readonly url: string,
    private readonly migrationsFolder: string,
  ) {}

  private async connect(): Promise<mysql.Connection> {
    const conn = await mysql.createConnection({
      uri: this.url,
      charset: 'utf8mb4_unicode_ci',
      connectTimeout: 10_000,
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: true,
    });
    await conn.query("SET time_zone = '+00:00'");
    return conn;
  }

  /** Creates the database when it does not exist yet (restoring onto a fresh server). */
  async ensureDatabase(): Promise<void> {
    const server = new URL(this.url);
    const name = decodeURIComponent(server.pathname.slice(1));
    server.pathname = '/';
    const conn = await mysql.createConnection({ uri: server.toString(), connectTimeout: 10_000 });
    try {
      await conn.query(`CREATE DATABASE IF NOT EXISTS ${quote(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await conn.end().catch(() => undefined);
    }
  }

  async codeMigrations(): Promise<CodeMigration[]> {
    const journal = JSON.parse(await readFile(join(this.migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string; when: number }[];
    };
    return journal.entries.map((e) => ({ tag: e.tag, createdAt: e.when }));
  }

  /** Runs `read` inside ONE `START TRANSACTION WITH CONSISTENT SNAPSHOT` (REPEATABLE READ, read only). */
  async snapshot<T>(read: (reader: SnapshotReader) => Promise<T>): Promise<T> {
    const conn = await this.connect();
    try {
      await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await conn.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
      const [[version]] = (await conn.query('SELECT VERSION() AS v')) as unknown as [{ v: string }[]];
      const reader: SnapshotReader = {
        server: version!.v,
        tables: () => this.tables(conn),
        rows: (table) => this.rows(conn, table),
        latestMigration: () => this.latestMigration(conn),
      };
      const out = await read(reader);
      await conn.query('COMMIT');
      return out;
    } finally {
      await conn.end().catch(() => undefined);
    }
  }

  private async tables(conn: mysql.Connection): Promise<TableInfo[]> {
    const [tables] = (await conn.query(
      "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    )) as unknown as [{ t: string }[]];
    // Generated columns are computed by the server and cannot be inserted (MySQL's DEFAULT_GENERATED is a plain default).
    const [columns] = (await conn.query(
      `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, DATA_TYPE AS d FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND EXTRA NOT REGEXP 'VIRTUAL|STORED GENERATED|PERSISTENT' ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    )) as unknown as [{ t: string; c: string; d: string }[]];
    const [keys] = (await conn.query(
      `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.KEY_COLUMN_USAGE
        WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    )) as unknown as [{ t: string; c: string }[]];
    return tables.map(({ t }) => {
      const cols = columns
        .filter((c) => c.t === t)
        .map((c) => ({ name: c.c, binary: BINARY_TYPES.has(c.d.toLowerCase()) }));
      const pk = keys.filter((k) => k.t === t).map((k) => k.c);
      return { name: t, columns: cols, primaryKey: pk.length ? pk : cols.map((c) => c.name) };
    });
  }

  private async *rows(conn: mysql.Connection, table: TableInfo): AsyncIterable<DumpValue[]> {
    const sql = `SELECT ${table.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table.name)} ORDER BY ${table.primaryKey.map(quote).join(', ')}`;
    // The callback API streams (the promise API buffers a whole result); typeCast off = raw bytes.
    const core = (
      conn as unknown as { connection: { query(o: object): { stream(o: object): AsyncIterable<(Buffer | null)[]> } } }
    ).connection;
    const binary = table.columns.map((c) => c.binary);
    for await (const row of core.query({ sql, rowsAsArray: true, typeCast: false }).stream({ highWaterMark: 200 })) {
      yield row.map((v, i) => (v === null ? null : binary[i] ? { b64: v.toString('base64') } : v.toString('utf8')));
    }
  }

  private async latestMigration(conn: mysql.Connection): Promise<AppliedMigration | null> {
    const [exists] = (await conn.query(
      'SELECT 1 AS x FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
      [MIGRATIONS_TABLE],
    )) as unknown as [unknown[]];
    if (!exists.length) return null;
    const [rows] = (await conn.query(
      `SELECT hash, created_at AS createdAt FROM ${quote(MIGRATIONS_TABLE)} ORDER BY created_at DESC LIMIT 1`,
    )) as unknown as [{ hash: string; createdAt: string }[]];
    return rows[0] ? { hash: rows[0].hash, createdAt: Number(rows[0].createdAt) } : null;
  }

  /** Exact row counts of every table. */
  async rowCounts(): Promise<Record<string, number>> {
    const conn = await this.connect();
    try {
      const [tables] = (await conn.query(
        "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
      )) as unknown as [{ t: string }[]];
      const out: Record<string, number> = {};
      for (const { t } of tables) {
        const [[row]] = (await conn.query(`SELECT COUNT(*) AS n FROM ${quote(t)}`)) as unknown as [
          { n: string | number }[],
        ];
        out[t] = Number(row!.n);
      }
      return out;
    } finally {
      await conn.end().catch(() => undefined);
    }
  }

  /** Drops every table of the database (restore lays out the schema of the archive itself). */
  async dropAllTables(): Promise<string[]> {
    const conn = await this.connect();
    try {
      const [tables] = (await conn.query(
        "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
      )) as unknown as [{ t: string }[]];
      if (tables.length) {
        await conn.query('SET FOREIGN_KEY_CHECKS = 0');
        await conn.query(`DROP TABLE ${tables.map((t) => quote(t.t)).join(', ')}`);
      }
      return tables.map((t) => t.t);
    } finally {
      await conn.end().catch(() => undefined);
    }
  }

  /**
   * Applies the committed migrations up to and including the one made at `upTo` (all when
   * omitted), from a copy of the migrations folder whose journal stops there.
   */
  async migrateTo(upTo?: number): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'omervision-migrations-'));
    const database = createDatabase(this.url, { poolSize: 1, timeoutMs: 10_000 });
    try {
      const journal = JSON.parse(await readFile(join(this.migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
        entries: { tag: string; when: number }[];
      };
      journal.entries = journal.entries.filter((e) => upTo === undefined || e.when <= upTo);
      await mkdir(join(dir, 'meta'));
      await writeFile(join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
      for (const e of journal.entries)
        await copyFile(join(this.migrationsFolder, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
      const name = new URL(this.url).pathname.slice(1).replace(/`/g, '');
      await database.pool.query(`ALTER DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await migrate(database.db, { migrationsFolder: dir });
    } finally {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** One connection with foreign-key checks off, loading table after table. */
  async loader(): Promise<TableLoader> {
    const conn = await this.connect();
    await conn.query('SET FOREIGN_KEY_CHECKS = 0');
    // An explicit id 0 stays 0 instead of drawing the next AUTO_INCREMENT value (as mysqldump does).
    await conn.query("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')");
    return {
      async load(table, columns, rows) {
        const insert = `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')}) VALUES ?`;
        let count = 0;
        let batch: unknown[][] = [];
        let bytes = 0;
        const flush = async () => {
          if (batch.length) await conn.query(insert, [batch]);
          batch = [];
          bytes = 0;
        };
        await conn.query('START TRANSACTION');
        try {
          await conn.query(`DELETE FROM ${quote(table)}`);
          for await (const row of rows) {
            if (row.length !== columns.length)
              throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
            const values = row.map((v) => (v !== null && typeof v === 'object' ? Buffer.from(v.b64, 'base64') : v));
            batch.push(values);
            bytes += values.reduce<number>((n, v) => n + (v === null ? 4 : v.length + 3), 0);
            count++;
            if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
          }
          await flush();
          await conn.query('COMMIT');
        } catch (err) {
          await conn.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
        return count;
      },
      close: () => conn.end().catch(() => undefined),
    };
  }
}
