import { and, eq, gt, isNull } from 'drizzle-orm';
import { passwordResetTokens } from '../db/schema.js';
import type { Db } from './database.js';

export class PasswordResetRepository {
  constructor(private readonly db: Db) {}

  async insert(row: { id: string; userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await this.db.insert(passwordResetTokens).values(row);
  }

  /** The user of a valid (unused, unexpired) token, without spending it. */
  async findValidUser(tokenHash: string, now: Date): Promise<string | undefined> {
    const [row] = await this.db
      .select({ userId: passwordResetTokens.userId })
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.tokenHash, tokenHash),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      );
    return row?.userId;
  }

  /** Marks the token used if it is unused and unexpired; returns its user, once. */
  async consume(tokenHash: string, now: Date): Promise<string | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(passwordResetTokens)
        .where(
          and(
            eq(passwordResetTokens.tokenHash, tokenHash),
            isNull(passwordResetTokens.usedAt),
            gt(passwordResetTokens.expiresAt, now),
          ),
        )
        .for('update');
      if (!row) return undefined;
      await tx.update(passwordResetTokens).set({ usedAt: now }).where(eq(passwordResetTokens.id, row.id));
      // One reset voids every other outstanding link for the same user.
      await tx
        .update(passwordResetTokens)
        .set({ usedAt: now })
        .where(and(eq(passwordResetTokens.userId, row.userId), isNull(passwordResetTokens.usedAt)));
      return row.userId;
    });
  }
}
