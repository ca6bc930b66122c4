import type { OutboxRow } from '../../repositories/outbox.repository.js';
import type { WebhookDeliveryRepository } from '../../repositories/webhook-delivery.repository.js';
import type { WebhookRepository, WebhookRow } from '../../repositories/webhook.repository.js';
import type { DeliveryScheduler } from './webhook.service.js';

export interface OutboxStore {
  pending(limit: number): Promise<OutboxRow[]>;
  markDispatched(id: string): Promise<void>;
  countAttempt(id: string): Promise<void>;
}

/** Runs `fn` only while no other worker does; `{ ran: false }` when the lease is taken. */
export type Exclusive = <T>(fn: () => Promise<T>) => Promise<{ ran: true; value: T } | { ran: false }>;

export interface DispatchStats {
  events: number;
  deliveries: number;
  /** site.changed events folded into a newer one. */
  coalesced: number;
  failed: number;
  /** Stranded deliveries put back on the queue. */
  rescued: number;
}

export interface DispatcherOptions {
  batch: number;
  /** How often the stranded-delivery sweep runs (it scans, so not every tick). */
  sweepEveryMs: number;
  /** A pending delivery this overdue lost its job (Redis lost it, a worker died). */
  overdueMs: number;
  /**
   * In flight this long means the worker died mid-try: a try is the URL check (DNS), one POST
   * capped at 10 s and two row writes, so 90 s is a wide margin, and a delivery cut off by a killed
   * worker is tried again within about two minutes. (Were a try ever slower, the receiver would see
   * the same webhook-id twice, which Standard Webhooks receivers deduplicate.)
   */
  inFlightMs: number;
}

const DEFAULTS: DispatcherOptions = { batch: 100, sweepEveryMs: 30_000, overdueMs: 15 * 60_000, inFlightMs: 90_000 };
const COALESCED = 'site.changed';

/**
 * Turns outbox events into webhook deliveries. Safe to run from every worker at once: a Redis
 * lease keeps it to one runner at a time, and every step is idempotent anyway (a delivery is
 * unique per webhook and event, its first job id is the delivery id, marking dispatched is
 * conditional), so a runner dying halfway only means the next tick redoes the rest.
 */
export class OutboxDispatcher {
  private lastSweep = 0;

  constructor(
    private readonly outbox: OutboxStore,
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly schedule: DeliveryScheduler,
    private readonly exclusive: Exclusive,
    private readonly options: DispatcherOptions = DEFAULTS,
    private readonly onError: (err: Error, eventId: string) => void = () => {},
  ) {}

  /** One pass; null when another worker is dispatching right now. */
  async run(now = new Date()): Promise<DispatchStats | null> {
    const outcome = await this.exclusive(async () => {
      const stats = await this.dispatchPending(now);
      if (now.getTime() - this.lastSweep >= this.options.sweepEveryMs) {
        this.lastSweep = now.getTime();
        stats.rescued = await this.rescueStranded(now);
      }
      return stats;
    });
    return outcome.ran ? outcome.value : null;
  }

  private async dispatchPending(now: Date): Promise<DispatchStats> {
    const stats: DispatchStats = { events: 0, deliveries: 0, coalesced: 0, failed: 0, rescued: 0 };
    const rows = await this.outbox.pending(this.options.batch);
    if (rows.length === 0) return stats;
    const hooks = await this.webhooks.listActive();
    // A burst of site.changed (a bulk edit) becomes one delivery, for the newest; ids are time-ordered.
    const newestSiteChange = rows.filter((r) => r.type === COALESCED).at(-1);
    for (const row of rows) {
      if (row.type === COALESCED && row !== newestSiteChange) {
        await this.outbox.markDispatched(row.id);
        stats.coalesced++;
        continue;
      }
      try {
        stats.deliveries += await this.fanOut(
          row,
          hooks.filter((h) => h.events.includes(row.type)),
          now,
        );
        await this.outbox.markDispatched(row.id);
        stats.events++;
      } catch (err) {
        // Left pending for the next tick; the attempt counter makes a poisoned row visible.
        stats.failed++;
        this.onError(err as Error, row.id);
        await this.outbox.countAttempt(row.id).catch(() => undefined);
      }
    }
    return stats;
  }

  private async fanOut(event: OutboxRow, hooks: WebhookRow[], now: Date): Promise<number> {
    let queued = 0;
    for (const hook of hooks) {
      const { row, created } = await this.deliveries.createOnce({
        webhookId: hook.id,
        eventId: event.id,
        eventType: event.type,
        due: now,
      });
      // An existing, never-tried delivery is re-enqueued under the same job id (a no-op while its
      // job still exists); one that was tried already has its own retry job.
      if ((created || (row.status === 'pending' && row.attempts === 0)) && row.nextAttemptAt) {
        await this.schedule(row.id, row.nextAttemptAt, row.id);
        queued++;
      }
    }
    return queued;
  }

  private async rescueStranded(now: Date): Promise<number> {
    const stranded = await this.deliveries.stranded(
      now,
      this.options.overdueMs,
      this.options.inFlightMs,
      this.options.batch,
    );
    let rescued = 0;
    for (const row of stranded) {
      const due = new Date(now);
      if (await this.deliveries.rearm(row, due)) {
        await this.schedule(row.id, due, `${row.id}:${due.getTime()}`);
        rescued++;
      }
    }
    return rescued;
  }
}
