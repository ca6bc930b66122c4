import { randomUUID } from 'node:crypto';
import type { RedisClient } from './redis.js';

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * A Redis lease (SET NX PX + compare-and-delete release) so one worker at a time runs a periodic
 * task. The TTL bounds how long a crashed holder blocks the others; holders finish well within it.
 */
export class LockRepository {
  constructor(private readonly redis: RedisClient, private readonly prefix: string) {}

  /** Runs `fn` while holding `name`; resolves `{ ran: false }` at once when another holder has it. */
  async withLock<T>(name: string, ttlMs: number, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const key = `${this.prefix}lock:${name}`;
    const token = randomUUID();
    const ok = await this.redis.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    if (ok !== 'OK') return { ran: false };
    try {
      return { ran: true, value: await fn() };
    } finally {
      await this.redis.eval(RELEASE, { keys: [key], arguments: [token] }).catch(() => undefined);
    }
  }
}
