import { eq } from 'drizzle-orm';
import { emailLog } from '../db/schema.js';
import type { Db } from './database.js';

/** Which idempotency keys were already sent: a retried e-mail job checks here first. */
export class EmailLogRepository {
  constructor(private readonly db: Db) {}

  async wasSent(key: string): Promise<boolean> {
    const [row] = await this.db.select({ sentAt: emailLog.sentAt }).from(emailLog).where(eq(emailLog.key, key));
    return Boolean(row?.sentAt);
  }

  async markSent(entry: { key: string; to: string; subject: string; messageId: string }): Promise<void> {
    await this.db
      .insert(emailLog)
      .values({ ...entry, subject: entry.subject.slice(0, 300), sentAt: new Date() })
      .onDuplicateKeyUpdate({ set: { sentAt: new Date(), messageId: entry.messageId } });
  }
}
