import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { auditLog } from '../db/schema.js';
import type { Db, DbOrTx } from './database.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAudit = Omit<AuditRow, 'id' | 'createdAt'>;

export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** `tx`: write the line in the caller's transaction, so it commits (or not) with the change it records. */
  async insert(entry: NewAudit, tx: DbOrTx = this.db): Promise<void> {
    await tx.insert(auditLog).values(entry);
  }

  /** Newest first; `before` is the id cursor of the last row of the previous page. */
  async list(opts: { limit: number; before?: number; actorUserId?: string; targetType?: string }): Promise<AuditRow[]> {
    const where: SQL[] = [];
    if (opts.before) where.push(lt(auditLog.id, opts.before));
    if (opts.actorUserId) where.push(eq(auditLog.actorUserId, opts.actorUserId));
    if (opts.targetType) where.push(eq(auditLog.targetType, opts.targetType));
    return this.db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(opts.limit);
  }
}
