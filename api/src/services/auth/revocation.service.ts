import type { DenylistRepository } from '../../repositories/denylist.repository.js';
import type { SessionRepository } from '../../repositories/session.repository.js';
import { ACCESS_TTL_SECONDS } from './token.service.js';

type Denial = { kind: 'token' | 'family'; id: string; untilMs: number };

/**
 * Ending a session means two things: its refresh tokens die in MySQL (the source of truth) and its
 * still-valid access tokens are denied in Redis at once. While Redis is down the authenticator asks
 * MySQL instead, and denials that could not be written are kept here and written when Redis is
 * back, so a token revoked during an outage does not come back to life after it.
 */
export class RevocationService {
  private readonly pending = new Map<string, Denial>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly denylist: DenylistRepository,
    retryMs = 2000,
  ) {
    this.timer = setInterval(() => void this.flush(), retryMs);
    this.timer.unref();
  }

  async revokeFamily(familyId: string, reason: string): Promise<void> {
    await this.sessions.revokeFamily(familyId, reason);
    await this.deny({ kind: 'family', id: familyId, untilMs: Date.now() + ACCESS_TTL_SECONDS * 1000 });
  }

  async revokeAllForUser(userId: string, reason: string, exceptFamilyId?: string): Promise<number> {
    const families = await this.sessions.revokeAllForUser(userId, reason, exceptFamilyId);
    const untilMs = Date.now() + ACCESS_TTL_SECONDS * 1000;
    await Promise.all(families.map((id) => this.deny({ kind: 'family', id, untilMs })));
    return families.length;
  }

  async denyAccessToken(jti: string, expiresAtSeconds: number): Promise<void> {
    await this.deny({ kind: 'token', id: jti, untilMs: expiresAtSeconds * 1000 });
  }

  /** Denials still waiting for Redis (for health/metrics and tests). */
  get backlog(): number {
    return this.pending.size;
  }

  async flush(): Promise<void> {
    for (const [key, denial] of this.pending) {
      if (denial.untilMs <= Date.now()) this.pending.delete(key);
      else if (await this.write(denial)) this.pending.delete(key);
      else return; // still down; try again later
    }
  }

  private async deny(denial: Denial): Promise<void> {
    if (!(await this.write(denial))) this.pending.set(`${denial.kind}:${denial.id}`, denial);
  }

  private async write(d: Denial): Promise<boolean> {
    const ttl = Math.ceil((d.untilMs - Date.now()) / 1000);
    if (ttl <= 0) return true;
    try {
      if (d.kind === 'token') await this.denylist.denyToken(d.id, ttl);
      else await this.denylist.denyFamily(d.id, ttl);
      return true;
    } catch {
      return false;
    }
  }
}
