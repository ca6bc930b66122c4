import type { Logger } from 'pino';
import type { WebhookDeliveryService } from '../services/webhooks/delivery.js';
import type { OutboxDispatcher } from '../services/webhooks/dispatcher.js';
import type { OutboxDispatchJobData, WebhookDeliverJobData } from './job-spec.js';

/** The two webhook jobs: dispatch the outbox (every second) and deliver one try. */
export function createWebhookJobs(
  services: { dispatcher: OutboxDispatcher; delivery: WebhookDeliveryService },
  log: Logger,
) {
  const { dispatcher, delivery } = services;
  return {
    dispatcher,
    delivery,
    dispatch: async (data: OutboxDispatchJobData) => {
      try {
        const stats = await dispatcher.run();
        if (stats && (stats.events || stats.coalesced || stats.failed || stats.rescued))
          log.info({ tick: data.tick, ...stats }, 'outbox dispatched');
        return stats ?? { skipped: 'another worker is dispatching' };
      } catch (err) {
        // Not rethrown: the rows stay pending and the next tick (a second later) is the retry, so a
        // failed job record per second of outage would only fill Redis.
        log.warn({ tick: data.tick, err: (err as Error).message }, 'outbox dispatch failed');
        return { error: (err as Error).message };
      }
    },
    deliver: async (data: WebhookDeliverJobData, job: { id: string }) => {
      const outcome = await delivery.deliver(data.deliveryId, data.due);
      const level = outcome.result === 'dead' ? 'warn' : 'info';
      log[level]({ jobId: job.id, deliveryId: data.deliveryId, ...outcome }, `webhook delivery ${outcome.result}`);
      return outcome;
    },
  };
}
