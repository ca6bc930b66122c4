import type { SessionRepository, SessionRow } from '../../src/repositories/session.repository.js';
import type { Port } from './port.js';

/** Refresh-token rows in memory, with the conditional rotation that guards against a race. */
export class FakeSessionRepository implements Port<SessionRepository> {
  rows = new Map<string, SessionRow>();

  async insert(
    row: Pick<SessionRow, 'id' | 'userId' | 'familyId' | 'tokenHash' | 'expiresAt' | 'ip' | 'userAgent'>,
  ): Promise<void> {
    this.rows.set(row.id, {
      ...row,
      replacedById: null,
      usedAt: null,
      revokedAt: null,
      revokedReason: null,
      lastUsedAt: new Date(),
      createdAt: new Date(),
    });
  }

  async findByHash(tokenHash: string): Promise<SessionRow | undefined> {
    const row = [...this.rows.values()].find((r) => r.tokenHash === tokenHash);
    return row && structuredClone(row);
  }

  async rotate(current: SessionRow, next: Pick<SessionRow, 'id' | 'tokenHash' | 'ip' | 'userAgent'>): Promise<boolean> {
    const row = this.rows.get(current.id);
    if (!row || row.usedAt || row.revokedAt) return false;
    const now = new Date();
    row.usedAt = now;
    row.replacedById = next.id;
    this.rows.set(next.id, {
      ...next,
      userId: current.userId,
      familyId: current.familyId,
      expiresAt: current.expiresAt,
      lastUsedAt: now,
      replacedById: null,
      usedAt: null,
      revokedAt: null,
      revokedReason: null,
      createdAt: now,
    });
    return true;
  }

  async revokeFamily(familyId: string, reason: string): Promise<number> {
    let n = 0;
    for (const row of this.rows.values()) {
      if (row.familyId === familyId && !row.revokedAt) {
        row.revokedAt = new Date();
        row.revokedReason = reason;
        n++;
      }
    }
    return n;
  }

  async revokeAllForUser(userId: string, reason: string, exceptFamilyId?: string): Promise<string[]> {
    const families = [
      ...new Set([...this.rows.values()].filter((r) => r.userId === userId && !r.revokedAt).map((r) => r.familyId)),
    ].filter((f) => f !== exceptFamilyId);
    for (const f of families) await this.revokeFamily(f, reason);
    return families;
  }

  async isFamilyActive(familyId: string): Promise<boolean> {
    return [...this.rows.values()].some((r) => r.familyId === familyId && !r.revokedAt && r.expiresAt > new Date());
  }

  async listActive(userId: string): Promise<SessionRow[]> {
    return [...this.rows.values()]
      .filter((r) => r.userId === userId && !r.revokedAt && !r.usedAt && r.expiresAt > new Date())
      .sort((a, b) => (b.lastUsedAt?.getTime() ?? 0) - (a.lastUsedAt?.getTime() ?? 0))
      .map((r) => structuredClone(r));
  }

  async findFamilyOwner(familyId: string): Promise<string | undefined> {
    return [...this.rows.values()].find((r) => r.familyId === familyId)?.userId;
  }

  family(familyId: string): SessionRow[] {
    return [...this.rows.values()].filter((r) => r.familyId === familyId);
  }
}
