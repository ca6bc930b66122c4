import type { DenylistRepository } from '../../src/repositories/denylist.repository.js';
import type { Port } from './port.js';

/** Denied access tokens and session families (Redis keys with a TTL in the real one). */
export class FakeDenylistRepository implements Port<DenylistRepository> {
  tokens = new Map<string, number>();
  families = new Map<string, number>();
  /** Redis unreachable: every call throws, as the real repository does. */
  down = false;

  async denyToken(jti: string, ttlSeconds: number): Promise<void> {
    this.check();
    this.tokens.set(jti, Math.max(1, ttlSeconds));
  }

  async denyFamily(familyId: string, ttlSeconds: number): Promise<void> {
    this.check();
    this.families.set(familyId, Math.max(1, ttlSeconds));
  }

  async isDenied(jti: string, familyId: string): Promise<boolean> {
    this.check();
    return this.tokens.has(jti) || this.families.has(familyId);
  }

  private check(): void {
    if (this.down) throw new Error('The client is closed');
  }
}
