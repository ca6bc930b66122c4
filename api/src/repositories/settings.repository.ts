import { siteSettings } from '../db/schema.js';
import type { Db, DbOrTx } from './database.js';

/** The key/value site settings (one row a group: site, author, social, navigation). */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  async all(): Promise<Record<string, unknown>> {
    const rows = await this.db.select().from(siteSettings);
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }
  async put(values: Record<string, unknown>, updatedBy: string | null, tx: DbOrTx = this.db): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      await tx
        .insert(siteSettings)
        .values({ key, value, updatedBy })
        .onDuplicateKeyUpdate({ set: { value, updatedBy, updatedAt: new Date() } });
    }
  }
}
