import type { PasswordResetRepository } from '../../src/repositories/password-reset.repository.js';
import type { Port } from './port.js';

type ResetRow = { id: string; userId: string; tokenHash: string; expiresAt: Date; usedAt: Date | null };

export class FakePasswordResetRepository implements Port<PasswordResetRepository> {
  rows: ResetRow[] = [];

  async insert(row: { id: string; userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    this.rows.push({ ...row, usedAt: null });
  }

  async findValidUser(tokenHash: string, now: Date): Promise<string | undefined> {
    return this.valid(tokenHash, now)?.userId;
  }

  async consume(tokenHash: string, now: Date): Promise<string | undefined> {
    const row = this.valid(tokenHash, now);
    if (!row) return undefined;
    // One reset voids every other outstanding link of the same user.
    for (const r of this.rows) if (r.userId === row.userId && !r.usedAt) r.usedAt = now;
    return row.userId;
  }

  private valid(tokenHash: string, now: Date): ResetRow | undefined {
    return this.rows.find((r) => r.tokenHash === tokenHash && !r.usedAt && r.expiresAt > now);
  }
}
