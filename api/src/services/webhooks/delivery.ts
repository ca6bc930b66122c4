import type { OutboxRow } from '../../repositories/outbox.repository.js';
import type {
  DeliveryOutcome,
  DeliveryRow,
  WebhookDeliveryRepository,
} from '../../repositories/webhook-delivery.repository.js';
import type { HttpOutcome, PinnedPost } from '../../repositories/webhook-http.repository.js';
import type { WebhookRepository, WebhookRow } from '../../repositories/webhook.repository.js';
import { openSecret, signedHeaders, type Sealer } from './signature.js';
import type { UrlGuard } from './url-guard.js';
import type { DeliveryScheduler } from './webhook.service.js';

/**
 * Waits before retry 1, 2, … (8 tries over about 17.5 hours, then dead). Our own schedule rather
 * than bee-queue's, so the delivery row can show `nextAttemptAt` and a replay can start it over.
 */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  10_000,
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
];
export const DELIVERY_TIMEOUT_MS = 10_000;
export const EXCERPT_CHARS = 1000;

export interface DeliveryOptions {
  retryScheduleMs: readonly number[];
  /** ± this fraction of jitter, so receivers coming back up are not hit by every retry at once. */
  jitter: number;
  random: () => number;
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  retryScheduleMs: DEFAULT_RETRY_SCHEDULE_MS,
  jitter: 0.2,
  random: Math.random,
  timeoutMs: DELIVERY_TIMEOUT_MS,
};

/** Delay before retry number `retry` (1-based), or null when the schedule is spent. */
export function retryDelay(
  retry: number,
  options: Pick<DeliveryOptions, 'retryScheduleMs' | 'jitter' | 'random'>,
): number | null {
  const base = options.retryScheduleMs[retry - 1];
  if (base === undefined) return null;
  return Math.max(0, Math.round(base * (1 - options.jitter + 2 * options.jitter * options.random())));
}

export interface EventSource {
  findById(id: string): Promise<OutboxRow | undefined>;
}

export interface HttpSender {
  post(req: PinnedPost): Promise<HttpOutcome>;
}

export type DeliveryResult =
  | { result: 'skipped'; reason: string }
  | { result: 'succeeded' | 'dead'; attempt?: number; status?: number | null }
  | { result: 'retrying'; attempt: number; status: number | null; nextAttemptAt: Date };

/**
 * One try of one delivery: Standard Webhooks body and signature, POSTed to an address the URL
 * guard validates now (not at creation: DNS may have changed). Idempotent: a delivery that is no
 * longer pending, or no longer due at the time the job was scheduled for, is left alone.
 */
export class WebhookDeliveryService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly events: EventSource,
    private readonly guard: UrlGuard,
    private readonly http: HttpSender,
    private readonly secrets: Sealer,
    private readonly schedule: DeliveryScheduler,
    private readonly options: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS,
  ) {}

  async deliver(deliveryId: string, due: number): Promise<DeliveryResult> {
    const d = await this.deliveries.findById(deliveryId);
    if (!d) return { result: 'skipped', reason: 'delivery no longer exists' };
    if (d.status !== 'pending') return { result: 'skipped', reason: `already ${d.status}` };
    if (
      !d.nextAttemptAt ||
      d.nextAttemptAt.getTime() !== due ||
      !(await this.deliveries.claim(d.id, d.nextAttemptAt))
    ) {
      return { result: 'skipped', reason: 'stale job (rescheduled, replayed or taken by another worker)' };
    }
    const hook = await this.webhooks.findById(d.webhookId);
    if (!hook?.active) return this.giveUp(d, 'the webhook is disabled');
    const event = await this.events.findById(d.eventId);
    if (!event) return this.giveUp(d, 'the event is no longer retained (outbox rows are kept 30 days)');

    const body = JSON.stringify({
      type: d.eventType,
      timestamp: event.createdAt.toISOString(),
      data: { eventId: event.id, aggregateType: event.aggregateType, aggregateId: event.aggregateId, ...event.payload },
    });
    const outcome = await this.send(hook, d.id, body);
    const attempt = await this.deliveries.addAttempt({
      deliveryId: d.id,
      responseStatus: outcome.status,
      responseSnippet: outcome.excerpt,
      error: outcome.error,
      durationMs: outcome.durationMs,
    });
    const result = {
      responseStatus: outcome.status,
      responseSnippet: outcome.excerpt,
      error: outcome.error,
      durationMs: outcome.durationMs,
    };

    if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
      await this.deliveries.finish(d.id, {
        ...result,
        status: 'succeeded',
        nextAttemptAt: null,
        deliveredAt: new Date(),
      });
      return { result: 'succeeded', attempt, status: outcome.status };
    }
    if (outcome.status === 410) {
      // 410 Gone: the receiver says this endpoint is retired; stop sending to it (common practice).
      await this.deliveries.finish(d.id, {
        ...result,
        status: 'dead',
        nextAttemptAt: null,
        deliveredAt: null,
        error: 'receiver answered 410 Gone; webhook disabled',
      });
      await this.webhooks.update(hook.id, { active: false });
      return { result: 'dead', attempt, status: 410 };
    }
    const delay = retryDelay(d.attempts + 1, this.options);
    if (delay === null) {
      await this.deliveries.finish(d.id, { ...result, status: 'dead', nextAttemptAt: null, deliveredAt: null });
      return { result: 'dead', attempt, status: outcome.status };
    }
    const nextAttemptAt = new Date(Date.now() + delay);
    if (await this.deliveries.finish(d.id, { ...result, status: 'pending', nextAttemptAt, deliveredAt: null })) {
      await this.schedule(d.id, nextAttemptAt, `${d.id}:${nextAttemptAt.getTime()}`);
    }
    return { result: 'retrying', attempt, status: outcome.status, nextAttemptAt };
  }

  private async send(hook: WebhookRow, deliveryId: string, body: string): Promise<HttpOutcome> {
    const checked = await this.guard.check(hook.url);
    if (!checked.ok)
      return {
        status: null,
        excerpt: null,
        error: `not sent: ${checked.reason}`.slice(0, EXCERPT_CHARS),
        durationMs: 0,
      };
    const timestamp = Math.floor(Date.now() / 1000);
    return this.http.post({
      url: checked.url,
      addresses: checked.addresses,
      headers: { ...signedHeaders(openSecret(hook.secret, this.secrets), deliveryId, timestamp, body) },
      body,
      timeoutMs: this.options.timeoutMs,
      maxExcerpt: EXCERPT_CHARS,
    });
  }

  private async giveUp(d: DeliveryRow, error: string): Promise<DeliveryResult> {
    const outcome: DeliveryOutcome = {
      status: 'dead',
      error,
      nextAttemptAt: null,
      deliveredAt: null,
      responseStatus: d.responseStatus,
      responseSnippet: d.responseSnippet,
      durationMs: d.durationMs,
    };
    await this.deliveries.finish(d.id, outcome);
    return { result: 'dead' };
  }
}
