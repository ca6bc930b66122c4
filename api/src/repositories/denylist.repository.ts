import type { RedisClient } from './redis.js';

/**
 * Revoked access tokens in Redis until they would have expired anyway: single tokens by `jti`
 * (logout) and whole sessions by family id (disable, password change, reuse). Throws when Redis is
 * unreachable; the caller decides how to degrade.
 */
export class DenylistRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  async denyToken(jti: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(`${this.prefix}deny:jti:${jti}`, '1', {
      expiration: { type: 'EX', value: Math.max(1, ttlSeconds) },
    });
  }

  async denyFamily(familyId: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(`${this.prefix}deny:sid:${familyId}`, '1', {
      expiration: { type: 'EX', value: Math.max(1, ttlSeconds) },
    });
  }

  /** One round trip for both keys. */
  async isDenied(jti: string, familyId: string): Promise<boolean> {
    return (await this.redis.exists([`${this.prefix}deny:jti:${jti}`, `${this.prefix}deny:sid:${familyId}`])) > 0;
  }
}
