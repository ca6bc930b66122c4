import type { MaintenanceStore } from '../repositories/maintenance.repository.js';

export type { MaintenanceStore };

export interface RetentionDays {
  audit: number;
  webhooks: number;
  deployLogs: number;
}

const DAY = 86_400_000;

/**
 * Retention: expired credentials go soon, delivered events after a month (the delivery log stays
 * for RETENTION_WEBHOOK_DAYS), audit entries after RETENTION_AUDIT_DAYS, deployment build logs
 * after RETENTION_DEPLOY_LOG_DAYS. Every step is a bounded delete by age, so running it twice (two
 * workers, a retry) removes nothing more.
 */
export class CleanupService {
  constructor(
    private readonly store: MaintenanceStore,
    private readonly days: RetentionDays = { audit: 365, webhooks: 30, deployLogs: 30 },
  ) {}

  async run(now: Date) {
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    return {
      sessions: await this.store.deleteExpiredSessions(ago(1)),
      resetTokens: await this.store.deleteExpiredResetTokens(now),
      outboxEvents: await this.store.deleteDeliveredOutboxEvents(ago(30)),
      webhookDeliveries: await this.store.deleteFinishedWebhookDeliveries(ago(this.days.webhooks)),
      webhookAttempts: await this.store.deleteWebhookAttempts(ago(this.days.webhooks)),
      auditEntries: await this.store.deleteAuditEntries(ago(this.days.audit)),
      deploymentLogs: await this.store.clearDeploymentLogs(ago(this.days.deployLogs)),
    };
  }
}
