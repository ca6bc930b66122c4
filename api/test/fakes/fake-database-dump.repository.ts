import {
  MIGRATIONS_TABLE,
  type CodeMigration,
  type ColumnInfo,
  type DumpValue,
  type SnapshotReader,
  type TableInfo,
  type TableLoader,
} from '../../src/repositories/database-dump.repository.js';
import type { RestoreDump } from '../../src/services/ops/restore.service.js';

type Row = Record<string, DumpValue>;

/**
 * The restore target's database: tables of rows, the schema each migration creates, and a loader
 * that replaces a table in one transaction (rolled back when it fails, as the real one does).
 */
export class FakeDumpDatabase implements RestoreDump {
  tables = new Map<string, { columns: string[]; rows: Row[] }>();
  /** Whether `dropAllTables` ran, and every `migrateTo` level asked for (undefined = the latest). */
  dropped = 0;
  migratedTo: (number | undefined)[] = [];
  /** A load of this table fails after its first row (a duplicate key, a value too long). */
  failLoadOf: string | undefined;
  loaderClosed = 0;

  constructor(
    readonly code: CodeMigration[],
    private readonly schema: Record<number, Record<string, string[]>>,
  ) {}

  async ensureDatabase(): Promise<void> {}

  async codeMigrations(): Promise<CodeMigration[]> {
    return this.code;
  }

  async rowCounts(): Promise<Record<string, number>> {
    return Object.fromEntries([...this.tables].map(([name, t]) => [name, t.rows.length]));
  }

  async dropAllTables(): Promise<string[]> {
    this.dropped++;
    const names = [...this.tables.keys()];
    this.tables.clear();
    return names;
  }

  async migrateTo(upTo?: number): Promise<void> {
    this.migratedTo.push(upTo);
    const applied = this.tables.get(MIGRATIONS_TABLE) ?? { columns: ['id', 'hash', 'created_at'], rows: [] };
    for (const m of this.code) {
      if (upTo !== undefined && m.createdAt > upTo) break;
      if (applied.rows.some((r) => r.created_at === String(m.createdAt))) continue;
      for (const [name, columns] of Object.entries(this.schema[m.createdAt] ?? {}))
        if (!this.tables.has(name)) this.tables.set(name, { columns, rows: [] });
      applied.rows.push({ id: String(applied.rows.length + 1), hash: m.tag, created_at: String(m.createdAt) });
    }
    this.tables.set(MIGRATIONS_TABLE, applied);
  }

  async loader(): Promise<TableLoader> {
    return {
      load: async (table: string, columns: ColumnInfo[], rows: AsyncIterable<DumpValue[]>) => {
        const target = this.tables.get(table);
        if (!target)
          throw Object.assign(new Error(`Table 'restore.${table}' doesn't exist`), { code: 'ER_NO_SUCH_TABLE' });
        const loaded: Row[] = [];
        for await (const values of rows) {
          if (this.failLoadOf === table && loaded.length === 1)
            throw Object.assign(new Error(`Duplicate entry for key 'PRIMARY' in ${table}`), { code: 'ER_DUP_ENTRY' });
          loaded.push(Object.fromEntries(columns.map((c, i) => [c.name, values[i] ?? null])));
        }
        target.rows = loaded; // committed only when every row went in
        return loaded.length;
      },
      close: async () => void this.loaderClosed++,
    };
  }

  async snapshot<T>(read: (reader: SnapshotReader) => Promise<T>): Promise<T> {
    const tables = this.tables;
    return read({
      server: 'fake 11.4',
      async tables(): Promise<TableInfo[]> {
        return [...tables].map(([name, t]) => ({
          name,
          columns: t.columns.map((c) => ({ name: c, binary: false })),
          primaryKey: [t.columns[0]!],
        }));
      },
      async *rows(table: TableInfo): AsyncIterable<DumpValue[]> {
        for (const row of tables.get(table.name)?.rows ?? []) yield table.columns.map((c) => row[c.name] ?? null);
      },
      async latestMigration() {
        return null;
      },
    });
  }
}
