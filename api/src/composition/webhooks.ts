import { Jobs } from '../jobs/job-spec.js';
import { LockRepository } from '../repositories/lock.repository.js';
import { OutboxRepository } from '../repositories/outbox.repository.js';
import type { QueueRepository } from '../repositories/queue.repository.js';
import { WebhookDeliveryRepository } from '../repositories/webhook-delivery.repository.js';
import { WebhookHttpRepository } from '../repositories/webhook-http.repository.js';
import { WebhookRepository } from '../repositories/webhook.repository.js';
import type { AuditService } from '../services/audit.service.js';
import {
  DEFAULT_DELIVERY_OPTIONS,
  WebhookDeliveryService,
  type DeliveryOptions,
} from '../services/webhooks/delivery.js';
import { OutboxDispatcher, type DispatcherOptions } from '../services/webhooks/dispatcher.js';
import { UrlGuard, type Resolver } from '../services/webhooks/url-guard.js';
import { webhookSecretBox } from '../services/webhooks/webhook-secrets.js';
import { WebhookService, type DeliveryScheduler } from '../services/webhooks/webhook.service.js';
import type { Infrastructure } from './infrastructure.js';

/** The lease outlives any pass (a batch of 100 rows) by far; a crashed holder blocks others this long. */
const DISPATCH_LEASE_MS = 30_000;

/** One try of a delivery as a `webhook-deliver` job; runs at once when due now, else at `due`. */
export function webhookScheduler(queues: QueueRepository): DeliveryScheduler {
  return async (deliveryId, due, jobId) => {
    const runAt = due.getTime() > Date.now() ? due : undefined;
    await queues.enqueue(Jobs.webhookDeliver, { deliveryId, due: due.getTime() }, { id: jobId, runAt });
  };
}

/** The API's side of webhooks: subscriptions, test pings, delivery history and redelivery. */
export function composeWebhooks(infra: Infrastructure, audit: AuditService): WebhookService {
  const { env, database, queues } = infra;
  const db = database.db;
  return new WebhookService(
    new WebhookRepository(db),
    new WebhookDeliveryRepository(db),
    new UrlGuard(env.WEBHOOK_ALLOWED_PRIVATE_HOSTS),
    webhookSecretBox(env.JWT_SECRET),
    webhookScheduler(queues),
    audit,
  );
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
    outbox,
    webhooks,
    deliveries,
    schedule,
    (fn) => lock.withLock('outbox-dispatch', DISPATCH_LEASE_MS, fn),
    options.dispatcher,
    (err, eventId) => infra.logger.warn({ err: err.message, eventId }, 'outbox event not dispatched; will retry'),
  );
  const delivery = new WebhookDeliveryService(
    webhooks,
    deliveries,
    outbox,
    new UrlGuard(infra.env.WEBHOOK_ALLOWED_PRIVATE_HOSTS, options.resolver),
    new WebhookHttpRepository(),
    webhookSecretBox(infra.env.JWT_SECRET),
    schedule,
    { ...DEFAULT_DELIVERY_OPTIONS, ...options.delivery },
  );
  return { dispatcher, delivery };
}
