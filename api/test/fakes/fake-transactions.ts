import type { Tx } from '../../src/repositories/database.js';
import type { TransactionRunner } from '../../src/repositories/database.js';
import type { Port } from './port.js';

/** A store whose rows roll back with a failed fake transaction. */
export interface Transactional {
  /** Copies the current rows; calling the result puts them back. */
  checkpoint(): () => void;
}

/**
 * TransactionRunner without MySQL: `run` hands out an opaque handle and, when the callback throws,
 * puts every enlisted store back as it was before the callback (what InnoDB's ROLLBACK does), so a
 * test can assert that a failure half-way left nothing half-written.
 */
export class FakeTransactions implements Port<TransactionRunner> {
  private readonly stores: Transactional[] = [];
  /** Transactions committed and rolled back, for assertions. */
  committed = 0;
  rolledBack = 0;
  /** When set, the next transaction fails with this error just before it would commit. */
  failNextCommit: Error | undefined;

  enlist(...stores: Transactional[]): this {
    this.stores.push(...stores);
    return this;
  }

  async run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const restore = this.stores.map((s) => s.checkpoint());
    try {
      const value = await fn({ fake: 'tx' } as unknown as Tx);
      const fail = this.failNextCommit;
      this.failNextCommit = undefined;
      if (fail) throw fail;
      this.committed++;
      return value;
    } catch (err) {
      for (const undo of restore) undo();
      this.rolledBack++;
      throw err;
    }
  }
}

/** structuredClone keeps Dates and nested JSON; rows are plain data. */
export function cloneRows<K, V>(rows: Map<K, V>): Map<K, V> {
  return new Map([...rows].map(([k, v]) => [k, structuredClone(v)]));
}
