import { desc, eq } from 'drizzle-orm';
import { apiKeys } from '../db/schema.js';
import type { Db } from './database.js';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export class ApiKeyRepository {
  constructor(private readonly db: Db) {}

  async insert(
    row: Pick<
      ApiKeyRow,
      'id' | 'name' | 'prefix' | 'keyHash' | 'scopes' | 'expiresAt' | 'createdBy' | 'rateLimitPerMinute'
    >,
  ): Promise<void> {
    await this.db.insert(apiKeys).values(row);
  }

  async findByHash(keyHash: string): Promise<ApiKeyRow | undefined> {
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash));
    return row;
  }

  async findById(id: string): Promise<ApiKeyRow | undefined> {
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    return row;
  }

  async list(): Promise<ApiKeyRow[]> {
    return this.db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  }

  async revoke(id: string): Promise<void> {
    await this.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id));
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
  }
}
