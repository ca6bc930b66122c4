export interface MaintenanceStore {
  deleteExpiredSessions(before: Date): Promise<number>;
  deleteExpiredResetTokens(before: Date): Promise<number>;
  deleteDeliveredOutboxEvents(before: Date): Promise<number>;
}

const DAY = 86_400_000;

/** Retention: expired credentials go soon, delivered events after a month (the delivery log stays). */
export class CleanupService {
  constructor(private readonly store: MaintenanceStore) {}

  async run(now: Date) {
    return {
      sessions: await this.store.deleteExpiredSessions(new Date(now.getTime() - DAY)),
      resetTokens: await this.store.deleteExpiredResetTokens(now),
      outboxEvents: await this.store.deleteDeliveredOutboxEvents(new Date(now.getTime() - 30 * DAY)),
    };
  }
}
