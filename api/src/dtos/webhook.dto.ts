import type { ContentEvent } from '../services/content/events.js';

export interface CreateWebhookRequest {
  /** @minLength 1 @maxLength 120 */
  name: string;
  /**
   * The receiver: http or https, resolving to public addresses only (loopback, private, link-local
   * and the like are refused unless `host:port` is in WEBHOOK_ALLOWED_PRIVATE_HOSTS).
   * @minLength 1 @maxLength 2048
   */
  url: string;
  /** The events to receive. @minItems 1 @maxItems 50 */
  events: ContentEvent[];
  /** Default true. */
  active?: boolean;
}

export interface UpdateWebhookRequest {
  /** @minLength 1 @maxLength 120 */
  name?: string;
  /** @minLength 1 @maxLength 2048 */
  url?: string;
  /** @minItems 1 @maxItems 50 */
  events?: ContentEvent[];
  active?: boolean;
}

/** A webhook subscription. The signing secret is never part of it (see create / rotate-secret). */
export interface WebhookView {
  id: string;
  name: string;
  url: string;
  events: ContentEvent[];
  active: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookWithSecret extends WebhookView {
  /**
   * The Standard Webhooks signing secret (`whsec_<base64>`), shown this once. Verify deliveries
   * with any Standard Webhooks library: `new Webhook(secret).verify(body, headers)`.
   */
  secret: string;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'dead';

export interface WebhookAttemptView {
  /** 1, 2, 3, … over the whole life of the delivery (replays continue the count). */
  attempt: number;
  /** HTTP status of the answer; null when none came (refused, timeout, connection error). */
  responseStatus: number | null;
  /** The first 1000 characters of the answer. */
  responseSnippet: string | null;
  error: string | null;
  durationMs: number;
  createdAt: string;
}

export interface WebhookDeliveryView {
  /** Also the `webhook-id` header: stable across retries, so receivers can deduplicate. */
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  /** pending = will (re)try at `nextAttemptAt`; dead = retries exhausted (replayable). */
  status: WebhookDeliveryStatus;
  responseStatus: number | null;
  responseSnippet: string | null;
  error: string | null;
  durationMs: number | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Every try, oldest first. */
  attempts: WebhookAttemptView[];
}

export interface WebhookDeliveryPage {
  items: WebhookDeliveryView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}
