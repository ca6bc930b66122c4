import type { DenylistRepository } from '../../repositories/denylist.repository.js';
import type { SessionRepository } from '../../repositories/session.repository.js';
import { ACCESS_TTL_SECONDS } from './token.service.js';

/**
 * Ending a session means two things: its refresh tokens die in MySQL (the source of truth) and its
 * still-valid access tokens are denied in Redis at once. If Redis is down the authenticator falls
 * back to MySQL, so a revocation is never lost.
 */
export class RevocationService {
  constructor(private readonly sessions: SessionRepository, private readonly denylist: DenylistRepository) {}

  async revokeFamily(familyId: string, reason: string): Promise<void> {
    await this.sessions.revokeFamily(familyId, reason);
    await this.denylist.denyFamily(familyId, ACCESS_TTL_SECONDS).catch(() => undefined);
  }

  async revokeAllForUser(userId: string, reason: string, exceptFamilyId?: string): Promise<number> {
    const families = await this.sessions.revokeAllForUser(userId, reason, exceptFamilyId);
    await Promise.all(families.map((f) => this.denylist.denyFamily(f, ACCESS_TTL_SECONDS).catch(() => undefined)));
    return families.length;
  }

  async denyAccessToken(jti: string, expiresAtSeconds: number): Promise<void> {
    await this.denylist.denyToken(jti, expiresAtSeconds - Math.floor(Date.now() / 1000)).catch(() => undefined);
  }
}
