import type { AuditRepository, AuditRow, NewAudit } from '../../src/repositories/audit.repository.js';
import type { DbOrTx } from '../../src/repositories/database.js';
import type { Transactional } from './fake-transactions.js';
import type { Port } from './port.js';

export class FakeAuditRepository implements Port<AuditRepository>, Transactional {
  rows: AuditRow[] = [];
  /** Names `targetNames` answers, keyed `type:id`. */
  names = new Map<string, string>();

  async insert(entry: NewAudit, _tx?: DbOrTx): Promise<void> {
    this.rows.push({ ...structuredClone(entry), id: this.rows.length + 1, createdAt: new Date() });
  }

  async list(opts: { limit: number; before?: number; actorUserId?: string; targetType?: string }): Promise<AuditRow[]> {
    return this.rows
      .filter(
        (r) =>
          (opts.before === undefined || r.id < opts.before) &&
          (!opts.actorUserId || r.actorUserId === opts.actorUserId) &&
          (!opts.targetType || r.targetType === opts.targetType),
      )
      .sort((a, b) => b.id - a.id)
      .slice(0, opts.limit);
  }

  async targetNames(targets: { type: string; id: string }[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const t of targets) {
      const name = this.names.get(`${t.type}:${t.id}`);
      if (name !== undefined) out.set(`${t.type}:${t.id}`, name);
    }
    return out;
  }

  actions(): string[] {
    return this.rows.map((r) => r.action);
  }

  checkpoint(): () => void {
    const saved = [...this.rows];
    return () => {
      this.rows = saved;
    };
  }
}
