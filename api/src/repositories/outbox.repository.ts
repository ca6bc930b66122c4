import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { outboxEvents } from '../db/schema.js';
import { afterCommit, type Db, type DbOrTx } from './database.js';

export type OutboxRow = typeof outboxEvents.$inferSelect;

export interface OutboxEvent {
  /** e.g. `post.published`; see services/content/events.ts. */
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/**
 * The transactional outbox: an event row is written in the same transaction as the change it
 * describes, so a change never happens without its event and an event never without its change.
 * The worker dispatches pending rows (webhooks, site rebuilds).
 */
export class OutboxRepository {
  /** `onCommitted`: called once a transaction that added events commits (the API asks for a dispatch now). */
  constructor(
    private readonly db: Db,
    private readonly onCommitted?: () => void,
  ) {}

  async add(event: OutboxEvent, tx: DbOrTx = this.db): Promise<string> {
    const id = uuidv7();
    await tx.insert(outboxEvents).values({ id, ...event });
    if (this.onCommitted) afterCommit(tx, this.onCommitted);
    return id;
  }

  /** Oldest undispatched events first (UUIDv7 ids are time-ordered). */
  async pending(limit: number): Promise<OutboxRow[]> {
    return this.db
      .select()
      .from(outboxEvents)
      .where(isNull(outboxEvents.dispatchedAt))
      .orderBy(asc(outboxEvents.id))
      .limit(limit);
  }

  async findById(id: string): Promise<OutboxRow | undefined> {
    const [row] = await this.db.select().from(outboxEvents).where(eq(outboxEvents.id, id));
    return row;
  }

  async markDispatched(id: string): Promise<void> {
    await this.db
      .update(outboxEvents)
      .set({ dispatchedAt: new Date() })
      .where(and(eq(outboxEvents.id, id), isNull(outboxEvents.dispatchedAt)));
  }

  async countAttempt(id: string): Promise<void> {
    await this.db
      .update(outboxEvents)
      .set({ attempts: sql`${outboxEvents.attempts} + 1` })
      .where(eq(outboxEvents.id, id));
  }
}
