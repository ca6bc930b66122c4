import { and, isNotNull, lt } from 'drizzle-orm';
import { outboxEvents, passwordResetTokens, sessions } from '../db/schema.js';
import type { MaintenanceStore } from '../services/cleanup.service.js';
import type { Db } from './database.js';

export class MaintenanceRepository implements MaintenanceStore {
  constructor(private readonly db: Db) {}

  async deleteExpiredSessions(before: Date): Promise<number> {
    const [res] = await this.db.delete(sessions).where(lt(sessions.expiresAt, before));
    return res.affectedRows;
  }

  async deleteExpiredResetTokens(before: Date): Promise<number> {
    const [res] = await this.db.delete(passwordResetTokens).where(lt(passwordResetTokens.expiresAt, before));
    return res.affectedRows;
  }

  async deleteDeliveredOutboxEvents(before: Date): Promise<number> {
    const [res] = await this.db
      .delete(outboxEvents)
      .where(and(isNotNull(outboxEvents.dispatchedAt), lt(outboxEvents.dispatchedAt, before)));
    return res.affectedRows;
  }
}
