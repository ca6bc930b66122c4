import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { contactMessages } from '../db/schema.js';
import type { MessageStatus } from '../dtos/contact.dto.js';
import type { Db } from './database.js';

export type ContactMessageRow = typeof contactMessages.$inferSelect;
export type NewContactMessage = Pick<
  ContactMessageRow,
  'id' | 'name' | 'email' | 'subject' | 'message' | 'ip' | 'userAgent'
>;

/** Contact form submissions (the admin inbox). */
export class ContactRepository {
  constructor(private readonly db: Db) {}

  async insert(row: NewContactMessage): Promise<void> {
    await this.db.insert(contactMessages).values(row);
  }

  async findById(id: string): Promise<ContactMessageRow | undefined> {
    const [row] = await this.db.select().from(contactMessages).where(eq(contactMessages.id, id));
    return row;
  }

  /** Newest first; `before` is the (createdAt, id) of the last row of the previous page. */
  async list(opts: {
    limit: number;
    before?: { createdAt: Date; id: string };
    status?: MessageStatus;
  }): Promise<ContactMessageRow[]> {
    const where: SQL[] = [];
    if (opts.status) where.push(eq(contactMessages.status, opts.status));
    if (opts.before) {
      const { createdAt, id } = opts.before;
      where.push(
        or(
          lt(contactMessages.createdAt, createdAt),
          and(eq(contactMessages.createdAt, createdAt), lt(contactMessages.id, id)),
        )!,
      );
    }
    return this.db
      .select()
      .from(contactMessages)
      .where(and(...where))
      .orderBy(desc(contactMessages.createdAt), desc(contactMessages.id))
      .limit(opts.limit);
  }

  async update(id: string, patch: Pick<ContactMessageRow, 'status' | 'readAt'>): Promise<void> {
    await this.db.update(contactMessages).set(patch).where(eq(contactMessages.id, id));
  }

  /** False when there was no such message. */
  async delete(id: string): Promise<boolean> {
    const [res] = await this.db.delete(contactMessages).where(eq(contactMessages.id, id));
    return res.affectedRows === 1;
  }

  async countUnread(): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)` })
      .from(contactMessages)
      .where(eq(contactMessages.status, 'unread'));
    return Number(row?.n ?? 0);
  }
}
