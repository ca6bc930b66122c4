import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { DELIVERY_STATUSES, webhookAttempts, webhookDeliveries } from '../db/schema.js';
import { mysqlErrorCode, type Db } from './database.js';

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type DeliveryOutcome = Pick<
  DeliveryRow,
  'status' | 'responseStatus' | 'responseSnippet' | 'error' | 'durationMs' | 'nextAttemptAt' | 'deliveredAt'
>;

/**
 * Deliveries and their attempt log. `next_attempt_at` doubles as the fencing token of a delivery:
 * a job names the value it was scheduled for and may only claim the row while it still holds it,
 * so stale jobs (after a replay, or a duplicate enqueue) never send twice. NULL while in flight.
 * `attempts` counts tries since the delivery was (re)queued; the attempt rows number every try.
 */
export class WebhookDeliveryRepository {
  constructor(private readonly db: Db) {}

  /** Creates the delivery of one event to one webhook once; returns it and whether it is new. */
  async createOnce(input: {
    webhookId: string;
    eventId: string;
    eventType: string;
    due: Date;
  }): Promise<{ row: DeliveryRow; created: boolean }> {
    let created = true;
    try {
      await this.db.insert(webhookDeliveries).values({
        id: uuidv7(),
        webhookId: input.webhookId,
        eventId: input.eventId,
        eventType: input.eventType,
        status: 'pending',
        nextAttemptAt: input.due,
      });
    } catch (err) {
      if (mysqlErrorCode(err) !== 'ER_DUP_ENTRY') throw err;
      created = false;
    }
    const [row] = await this.db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.webhookId, input.webhookId), eq(webhookDeliveries.eventId, input.eventId)));
    return { row: row!, created };
  }

  async findById(id: string): Promise<DeliveryRow | undefined> {
    const [row] = await this.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
    return row;
  }

  /** Takes the delivery for one try when it is still pending and due as scheduled. */
  async claim(id: string, due: Date): Promise<boolean> {
    const [res] = await this.db
      .update(webhookDeliveries)
      .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: null })
      .where(
        and(
          eq(webhookDeliveries.id, id),
          eq(webhookDeliveries.status, 'pending'),
          eq(webhookDeliveries.nextAttemptAt, due),
        ),
      );
    return res.affectedRows === 1;
  }

  /** Records the outcome of the try this caller claimed; false when a replay took the row meanwhile. */
  async finish(id: string, outcome: DeliveryOutcome): Promise<boolean> {
    const [res] = await this.db
      .update(webhookDeliveries)
      .set(outcome)
      .where(
        and(
          eq(webhookDeliveries.id, id),
          eq(webhookDeliveries.status, 'pending'),
          isNull(webhookDeliveries.nextAttemptAt),
        ),
      );
    return res.affectedRows === 1;
  }

  /** Back to pending, due now, with a fresh retry budget (any status; the attempt log stays). */
  async requeue(id: string, due: Date): Promise<boolean> {
    const [res] = await this.db
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: due, deliveredAt: null })
      .where(eq(webhookDeliveries.id, id));
    return res.affectedRows === 1;
  }

  /**
   * Pending deliveries whose job went missing (Redis lost it, or a worker died mid-try): overdue by
   * `graceMs`, or in flight for longer than any try can take.
   */
  async stranded(now: Date, graceMs: number, inFlightMs: number, limit: number): Promise<DeliveryRow[]> {
    return this.db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.status, 'pending'),
          or(
            lt(webhookDeliveries.nextAttemptAt, new Date(now.getTime() - graceMs)),
            and(
              isNull(webhookDeliveries.nextAttemptAt),
              lt(webhookDeliveries.updatedAt, new Date(now.getTime() - inFlightMs)),
            ),
          ),
        ),
      )
      .orderBy(asc(webhookDeliveries.id))
      .limit(limit);
  }

  /** Re-arms a stranded delivery with a new due time, unless someone else touched it first. */
  async rearm(row: DeliveryRow, due: Date): Promise<boolean> {
    const current = row.nextAttemptAt
      ? eq(webhookDeliveries.nextAttemptAt, row.nextAttemptAt)
      : isNull(webhookDeliveries.nextAttemptAt);
    const [res] = await this.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: due })
      .where(and(eq(webhookDeliveries.id, row.id), eq(webhookDeliveries.status, 'pending'), current));
    return res.affectedRows === 1;
  }

  /** Newest first (UUIDv7 ids are time-ordered); `before` is the last id of the previous page. */
  async listForWebhook(
    webhookId: string,
    opts: { limit: number; before?: string; status?: DeliveryStatus },
  ): Promise<DeliveryRow[]> {
    const where: SQL[] = [eq(webhookDeliveries.webhookId, webhookId)];
    if (opts.before) where.push(lt(webhookDeliveries.id, opts.before));
    if (opts.status) where.push(eq(webhookDeliveries.status, opts.status));
    return this.db
      .select()
      .from(webhookDeliveries)
      .where(and(...where))
      .orderBy(desc(webhookDeliveries.id))
      .limit(opts.limit);
  }

  async addAttempt(row: Omit<AttemptRow, 'id' | 'createdAt' | 'attempt'>): Promise<number> {
    const [last] = await this.db
      .select({ n: sql<number>`coalesce(max(${webhookAttempts.attempt}), 0)` })
      .from(webhookAttempts)
      .where(eq(webhookAttempts.deliveryId, row.deliveryId));
    const attempt = Number(last?.n ?? 0) + 1;
    await this.db.insert(webhookAttempts).values({ id: uuidv7(), attempt, ...row });
    return attempt;
  }

  async attemptsOf(deliveryIds: string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    return this.db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.deliveryId, deliveryIds))
      .orderBy(asc(webhookAttempts.deliveryId), asc(webhookAttempts.attempt));
  }
}
