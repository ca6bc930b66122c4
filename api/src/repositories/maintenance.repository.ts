import { and, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { outboxEvents, passwordResetTokens, sessions } from '../db/schema.js';
import type { Db } from './database.js';

/** Rows per DELETE: short statements keep row locks and replication lag small on a big first run. */
const BATCH = 5000;

/** What the retention sweep (services/cleanup.service.ts) deletes, one kind of row per method. */
export interface MaintenanceStore {
  deleteExpiredSessions(before: Date): Promise<number>;
  deleteExpiredResetTokens(before: Date): Promise<number>;
  deleteDeliveredOutboxEvents(before: Date): Promise<number>;
  /** Finished (succeeded or dead) deliveries last touched before `before`, with their attempts. */
  deleteFinishedWebhookDeliveries(before: Date): Promise<number>;
  /** Attempt rows older than `before` of deliveries that are still kept (replayed many times). */
  deleteWebhookAttempts(before: Date): Promise<number>;
  deleteAuditEntries(before: Date): Promise<number>;
  /** Empties the build log of finished deployments (except those serving an app); the rows stay. */
  clearDeploymentLogs(before: Date): Promise<number>;
}

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

  /** Their attempt rows go with them (ON DELETE CASCADE). */
  deleteFinishedWebhookDeliveries(before: Date): Promise<number> {
    return this.inBatches(
      sql`DELETE FROM webhook_deliveries WHERE status IN ('succeeded', 'dead') AND updated_at < ${before}`,
    );
  }

  deleteWebhookAttempts(before: Date): Promise<number> {
    return this.inBatches(sql`DELETE FROM webhook_attempts WHERE created_at < ${before}`);
  }

  deleteAuditEntries(before: Date): Promise<number> {
    return this.inBatches(sql`DELETE FROM audit_log WHERE created_at < ${before}`);
  }

  clearDeploymentLogs(before: Date): Promise<number> {
    return this.inBatches(sql`UPDATE paas_deployments SET log = NULL
      WHERE log IS NOT NULL AND finished_at < ${before}
        AND id NOT IN (SELECT active_deployment_id FROM paas_apps WHERE active_deployment_id IS NOT NULL)`);
  }

  private async inBatches(statement: SQL): Promise<number> {
    let total = 0;
    for (;;) {
      const [res] = (await this.db.execute(sql`${statement} LIMIT ${sql.raw(String(BATCH))}`)) as unknown as [
        { affectedRows: number },
      ];
      total += res.affectedRows;
      if (res.affectedRows < BATCH) return total;
    }
  }
}
