import { randomUUID } from 'node:crypto';
import type { RedisClient } from './redis.js';

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/**
 * A Redis lease (SET NX PX + compare-and-delete release) so one worker at a time runs a periodic
 * task. The TTL bounds how long a crashed holder blocks the others; holders finish well within it.
 */
export class LockRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  /**
   * Runs `fn` while holding `name`; resolves `{ ran: false }` at once when another holder has it.
   * `renew`: extend the lease to `ttlMs` every `ttlMs / 3` while `fn` runs, so a short TTL can guard
   * a long step and a holder killed mid-step (kill -9) blocks the others for at most `ttlMs`.
   * `onLost`: called when a renewal finds the lease expired or taken (so `fn` can stop early).
   */
  async withLock<T>(
    name: string,
    ttlMs: number,
    fn: () => Promise<T>,
    options: { renew?: boolean; onLost?: () => void } = {},
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    const key = `${this.prefix}lock:${name}`;
    const token = randomUUID();
    const ok = await this.redis.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    if (ok !== 'OK') return { ran: false };
    const renewal = options.renew
      ? setInterval(
          () =>
            void this.redis.eval(RENEW, { keys: [key], arguments: [token, String(ttlMs)] }).then(
              (renewed) => void (renewed === 0 && options.onLost?.()),
              () => undefined,
            ),
          Math.max(100, Math.floor(ttlMs / 3)),
        )
      : undefined;
    try {
      return { ran: true, value: await fn() };
    } finally {
      clearInterval(renewal);
      await this.redis.eval(RELEASE, { keys: [key], arguments: [token] }).catch(() => undefined);
    }
  }
}
