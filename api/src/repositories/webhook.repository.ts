import { asc, eq } from 'drizzle-orm';
import { webhooks } from '../db/schema.js';
import type { Db } from './database.js';

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookPatch = Partial<Pick<WebhookRow, 'name' | 'url' | 'events' | 'active' | 'secret'>>;

export class WebhookRepository {
  constructor(private readonly db: Db) {}

  async insert(
    row: Pick<WebhookRow, 'id' | 'name' | 'url' | 'secret' | 'events' | 'active' | 'createdBy'>,
  ): Promise<void> {
    await this.db.insert(webhooks).values(row);
  }

  async findById(id: string): Promise<WebhookRow | undefined> {
    const [row] = await this.db.select().from(webhooks).where(eq(webhooks.id, id));
    return row;
  }

  /** Oldest first: a handful of rows, listed whole. */
  async list(): Promise<WebhookRow[]> {
    return this.db.select().from(webhooks).orderBy(asc(webhooks.createdAt), asc(webhooks.id));
  }

  async listActive(): Promise<WebhookRow[]> {
    return this.db.select().from(webhooks).where(eq(webhooks.active, true)).orderBy(asc(webhooks.id));
  }

  async update(id: string, patch: WebhookPatch): Promise<void> {
    await this.db.update(webhooks).set(patch).where(eq(webhooks.id, id));
  }

  /** Deliveries and their attempts go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<boolean> {
    const [res] = await this.db.delete(webhooks).where(eq(webhooks.id, id));
    return res.affectedRows === 1;
  }
}
