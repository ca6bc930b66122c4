import { v7 as uuidv7 } from 'uuid';
import type {
  CreateWebhookRequest,
  UpdateWebhookRequest,
  WebhookAttemptView,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookDeliveryView,
  WebhookView,
  WebhookWithSecret,
} from '../../dtos/webhook.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type {
  AttemptRow,
  DeliveryRow,
  WebhookDeliveryRepository,
} from '../../repositories/webhook-delivery.repository.js';
import type { WebhookPatch, WebhookRepository, WebhookRow } from '../../repositories/webhook.repository.js';
import { changes, type AuditService } from '../audit.service.js';
import { actorUserId, type Actor } from '../auth/principal.js';
import { CONTENT_EVENTS, type ContentEvent } from '../content/events.js';
import { generateSecret, type Sealer } from './signature.js';
import type { UrlGuard } from './url-guard.js';

/** Puts one try of a delivery on the queue, due at `due` (the delivery's fencing token). */
export type DeliveryScheduler = (deliveryId: string, due: Date, jobId: string) => Promise<void>;

/** Admin management of webhook subscriptions, their secrets and their delivery log. */
export class WebhookService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly guard: UrlGuard,
    private readonly secrets: Sealer,
    private readonly schedule: DeliveryScheduler,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<WebhookView[]> {
    return (await this.webhooks.list()).map(toView);
  }

  async get(id: string): Promise<WebhookView> {
    return toView(await this.require(id));
  }

  async create(actor: Actor, input: CreateWebhookRequest): Promise<WebhookWithSecret> {
    const url = await this.checkUrl(input.url);
    const events = checkEvents(input.events);
    const secret = generateSecret();
    const id = uuidv7();
    await this.webhooks.insert({
      id,
      name: input.name.trim(),
      url,
      events,
      active: input.active ?? true,
      secret: this.secrets.seal(secret),
      createdBy: actorUserId(actor),
    });
    await this.audit.record(
      actor,
      'webhook.create',
      { type: 'webhook', id },
      { name: input.name, url, events, active: input.active ?? true },
    );
    return { ...(await this.get(id)), secret };
  }

  async update(actor: Actor, id: string, input: UpdateWebhookRequest): Promise<WebhookView> {
    const row = await this.require(id);
    const patch: WebhookPatch = {};
    if (input.name !== undefined) patch.name = input.name.trim();
    if (input.url !== undefined) patch.url = await this.checkUrl(input.url);
    if (input.events !== undefined) patch.events = checkEvents(input.events);
    if (input.active !== undefined) patch.active = input.active;
    if (Object.keys(patch).length) await this.webhooks.update(id, patch);
    await this.audit.record(
      actor,
      'webhook.update',
      { type: 'webhook', id },
      changes(
        { name: row.name, url: row.url, events: row.events, active: row.active },
        { name: patch.name, url: patch.url, events: patch.events, active: patch.active },
      ),
    );
    return this.get(id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const row = await this.require(id);
    await this.webhooks.delete(id);
    await this.audit.record(actor, 'webhook.delete', { type: 'webhook', id }, { name: row.name, url: row.url });
  }

  /** A new secret takes effect for the next try of every delivery; the old one stops working at once. */
  async rotateSecret(actor: Actor, id: string): Promise<WebhookWithSecret> {
    await this.require(id);
    const secret = generateSecret();
    await this.webhooks.update(id, { secret: this.secrets.seal(secret) });
    await this.audit.record(actor, 'webhook.rotate-secret', { type: 'webhook', id });
    return { ...(await this.get(id)), secret };
  }

  async deliveriesOf(
    webhookId: string,
    opts: { limit: number; cursor?: string; status?: WebhookDeliveryStatus },
  ): Promise<WebhookDeliveryPage> {
    await this.require(webhookId);
    const rows = await this.deliveries.listForWebhook(webhookId, {
      limit: opts.limit + 1,
      before: opts.cursor,
      status: opts.status,
    });
    const page = rows.slice(0, opts.limit);
    const attempts = await this.deliveries.attemptsOf(page.map((d) => d.id));
    return {
      items: page.map((d) =>
        toDeliveryView(
          d,
          attempts.filter((a) => a.deliveryId === d.id),
        ),
      ),
      nextCursor: rows.length > opts.limit ? page[page.length - 1]!.id : null,
    };
  }

  /** Sends a delivery again from a fresh retry budget, whatever its status (dead letters included). */
  async replay(actor: Actor, deliveryId: string): Promise<WebhookDeliveryView> {
    const before = await this.deliveries.findById(deliveryId);
    if (!before) throw Errors.notFound('Webhook delivery not found.');
    const hook = await this.webhooks.findById(before.webhookId);
    if (!hook?.active) throw Errors.conflict('The webhook is disabled; enable it before replaying its deliveries.');
    const due = new Date();
    await this.deliveries.requeue(deliveryId, due);
    // A distinct job id: the delivery's earlier jobs may still sit in the queue; the fencing token
    // (next_attempt_at = due) makes sure only this one sends.
    await this.schedule(deliveryId, due, `${deliveryId}:replay:${due.getTime()}`);
    await this.audit.record(
      actor,
      'webhook.delivery.replay',
      { type: 'webhook_delivery', id: deliveryId },
      {
        webhookId: before.webhookId,
        eventType: before.eventType,
        status: [before.status, 'pending'],
      },
    );
    const after = (await this.deliveries.findById(deliveryId)) ?? before;
    return toDeliveryView(after, await this.deliveries.attemptsOf([deliveryId]));
  }

  private async checkUrl(raw: string): Promise<string> {
    const result = await this.guard.check(raw.trim());
    if (!result.ok)
      throw Errors.validation(`The webhook ${result.reason}.`, [
        { field: 'body.url', message: result.reason, value: raw },
      ]);
    return result.url.toString();
  }

  private async require(id: string): Promise<WebhookRow> {
    const row = await this.webhooks.findById(id);
    if (!row) throw Errors.notFound('Webhook not found.');
    return row;
  }
}

function checkEvents(events: string[]): ContentEvent[] {
  const unknown = events.filter((e) => !(CONTENT_EVENTS as readonly string[]).includes(e));
  if (unknown.length) {
    throw Errors.validation(
      `Unknown events: ${unknown.join(', ')}.`,
      unknown.map((e) => ({
        field: 'body.events',
        message: `unknown event; one of ${CONTENT_EVENTS.join(', ')}`,
        value: e,
      })),
    );
  }
  if (events.length === 0)
    throw Errors.validation('Subscribe to at least one event.', [
      { field: 'body.events', message: 'must not be empty' },
    ]);
  return [...new Set(events)] as ContentEvent[];
}

export function toView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: row.events as ContentEvent[],
    active: row.active,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toAttemptView(a: AttemptRow): WebhookAttemptView {
  return {
    attempt: a.attempt,
    responseStatus: a.responseStatus,
    responseSnippet: a.responseSnippet,
    error: a.error,
    durationMs: a.durationMs,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toDeliveryView(d: DeliveryRow, attempts: AttemptRow[]): WebhookDeliveryView {
  return {
    id: d.id,
    webhookId: d.webhookId,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    responseStatus: d.responseStatus,
    responseSnippet: d.responseSnippet,
    error: d.error,
    durationMs: d.durationMs,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    attempts: attempts.map(toAttemptView),
  };
}
