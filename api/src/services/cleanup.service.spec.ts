import { describe, expect, it } from 'vitest';
import { CleanupService, type MaintenanceStore } from './cleanup.service.js';

function recordingStore() {
  const calls: Record<string, string> = {};
  const record = (name: string) => async (before: Date) => {
    calls[name] = before.toISOString();
    return 1;
  };
  const store: MaintenanceStore = {
    deleteExpiredSessions: record('sessions'),
    deleteExpiredResetTokens: record('resetTokens'),
    deleteDeliveredOutboxEvents: record('outbox'),
    deleteFinishedWebhookDeliveries: record('deliveries'),
    deleteWebhookAttempts: record('attempts'),
    deleteAuditEntries: record('audit'),
    clearDeploymentLogs: record('deployLogs'),
  };
  return { store, calls };
}

describe('CleanupService', () => {
  it('cuts each kind of row at its own configured age', async () => {
    const { store, calls } = recordingStore();
    const result = await new CleanupService(store, { audit: 365, webhooks: 30, deployLogs: 7 }).run(
      new Date('2025-06-30T00:00:00Z'),
    );
    expect(calls).toEqual({
      sessions: '2025-06-29T00:00:00.000Z',
      resetTokens: '2025-06-30T00:00:00.000Z',
      outbox: '2025-05-31T00:00:00.000Z',
      deliveries: '2025-05-31T00:00:00.000Z',
      attempts: '2025-05-31T00:00:00.000Z',
      audit: '2024-06-30T00:00:00.000Z',
      deployLogs: '2025-06-23T00:00:00.000Z',
    });
    expect(result).toEqual({
      sessions: 1,
      resetTokens: 1,
      outboxEvents: 1,
      webhookDeliveries: 1,
      webhookAttempts: 1,
      auditEntries: 1,
      deploymentLogs: 1,
    });
  });
});
