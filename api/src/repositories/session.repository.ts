import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { sessions } from '../db/schema.js';
import type { Db } from './database.js';

export type SessionRow = typeof sessions.$inferSelect;

/** Refresh tokens, stored by SHA-256 only. A family is one sign-in and all its rotations. */
export class SessionRepository {
  constructor(private readonly db: Db) {}

  async insert(
    row: Pick<SessionRow, 'id' | 'userId' | 'familyId' | 'tokenHash' | 'expiresAt' | 'ip' | 'userAgent'>,
  ): Promise<void> {
    await this.db.insert(sessions).values({ ...row, lastUsedAt: new Date() });
  }

  async findByHash(tokenHash: string): Promise<SessionRow | undefined> {
    const [row] = await this.db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
    return row;
  }

  /**
   * Rotation in one transaction: the presented token is marked used only if nobody used it first
   * (the conditional UPDATE is the race guard), then its successor is inserted.
   */
  async rotate(current: SessionRow, next: Pick<SessionRow, 'id' | 'tokenHash' | 'ip' | 'userAgent'>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const now = new Date();
      const [res] = await tx
        .update(sessions)
        .set({ usedAt: now, replacedById: next.id })
        .where(and(eq(sessions.id, current.id), isNull(sessions.usedAt), isNull(sessions.revokedAt)));
      if (res.affectedRows !== 1) return false;
      await tx.insert(sessions).values({
        ...next,
        userId: current.userId,
        familyId: current.familyId,
        expiresAt: current.expiresAt,
        lastUsedAt: now,
      });
      return true;
    });
  }

  async revokeFamily(familyId: string, reason: string): Promise<number> {
    const [res] = await this.db
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
    return res.affectedRows;
  }

  /** Revokes every family of a user, optionally keeping one (the caller's own session). */
  async revokeAllForUser(userId: string, reason: string, exceptFamilyId?: string): Promise<string[]> {
    const live = await this.db
      .selectDistinct({ familyId: sessions.familyId })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    const families = live.map((r) => r.familyId).filter((f) => f !== exceptFamilyId);
    for (const familyId of families) await this.revokeFamily(familyId, reason);
    return families;
  }

  async isFamilyActive(familyId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
      .limit(1);
    return Boolean(row);
  }

  /** The live (unused, unrevoked, unexpired) head token of each of a user's families. */
  async listActive(userId: string): Promise<SessionRow[]> {
    return this.db
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          isNull(sessions.usedAt),
          gt(sessions.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(sessions.lastUsedAt));
  }

  async findFamilyOwner(familyId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(eq(sessions.familyId, familyId))
      .limit(1);
    return row?.userId;
  }
}
