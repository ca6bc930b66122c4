import type { Infrastructure } from '../container.js';
import { LockRepository } from '../repositories/lock.repository.js';
import { OutboxRepository } from '../repositories/outbox.repository.js';
import type { QueueRepository } from '../repositories/queue.repository.js';
import { WebhookDeliveryRepository } from '../repositories/webhook-delivery.repository.js';
import { WebhookHttpRepository } from '../repositories/webhook-http.repository.js';
import { WebhookRepository } from '../repositories/webhook.repository.js';
import { SecretBox } from '../services/auth/secret-box.js';
import { DEFAULT_DELIVERY_OPTIONS, WebhookDeliveryService, type DeliveryOptions } from '../services/webhooks/delivery.js';
import { OutboxDispatcher, type DispatcherOptions } from '../services/webhooks/dispatcher.js';
import { UrlGuard, type Resolver } from '../services/webhooks/url-guard.js';
import type { DeliveryScheduler } from '../services/webhooks/webhook.service.js';
import { Jobs, type OutboxDispatchJobData, type WebhookDeliverJobData } from './job-spec.js';

/** The lease outlives any pass (a batch of 100 rows) by far; a crashed holder blocks others this long. */
const DISPATCH_LEASE_MS = 30_000;
export const WEBHOOK_SECRET_PURPOSE = 'webhook-secret';

/** One try of a delivery as a `webhook-deliver` job; runs at once when due now, else at `due`. */
export function webhookScheduler(queues: QueueRepository): DeliveryScheduler {
  return async (deliveryId, due, jobId) => {
    const runAt = due.getTime() > Date.now() ? due : undefined;
    await queues.enqueue(Jobs.webhookDeliver, { deliveryId, due: due.getTime() }, { id: jobId, runAt });
  };
}

export function webhookSecretBox(jwtSecret: string): SecretBox {
  return new SecretBox(jwtSecret, WEBHOOK_SECRET_PURPOSE);
}

export interface WebhookWorkerOptions {
  delivery?: Partial<DeliveryOptions>;
  dispatcher?: DispatcherOptions;
  resolver?: Resolver;
}

/** The worker side of webhooks: the outbox dispatcher and the delivery service. */
export function composeWebhookWorker(infra: Infrastructure, options: WebhookWorkerOptions = {}) {
  const db = infra.database.db;
  const webhooks = new WebhookRepository(db);
  const deliveries = new WebhookDeliveryRepository(db);
  const outbox = new OutboxRepository(db);
  const schedule = webhookScheduler(infra.queues);
  const lock = new LockRepository(infra.redis, infra.env.REDIS_KEY_PREFIX);
  const dispatcher = new OutboxDispatcher(
    outbox, webhooks, deliveries, schedule,
    (fn) => lock.withLock('outbox-dispatch', DISPATCH_LEASE_MS, fn),
    options.dispatcher,
    (err, eventId) => infra.logger.warn({ err: err.message, eventId }, 'outbox event not dispatched; will retry'),
  );
  const delivery = new WebhookDeliveryService(
    webhooks, deliveries, outbox, new UrlGuard(infra.env.WEBHOOK_ALLOWED_PRIVATE_HOSTS, options.resolver),
    new WebhookHttpRepository(), webhookSecretBox(infra.env.JWT_SECRET), schedule,
    { ...DEFAULT_DELIVERY_OPTIONS, ...options.delivery },
  );
  return { dispatcher, delivery };
}

/** The two webhook jobs, for the registry (and for tests, with a short retry schedule). */
export function createWebhookJobs(infra: Infrastructure, options: WebhookWorkerOptions = {}) {
  const { dispatcher, delivery } = composeWebhookWorker(infra, options);
  const log = infra.logger;
  return {
    dispatcher,
    delivery,
    dispatch: async (data: OutboxDispatchJobData) => {
      try {
        const stats = await dispatcher.run();
        if (stats && (stats.events || stats.coalesced || stats.failed || stats.rescued)) log.info({ tick: data.tick, ...stats }, 'outbox dispatched');
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
