import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisClient } from './redis.js';

export interface LimitState {
  limit: number;
  remaining: number;
  /** Milliseconds until the window resets (or the block ends). */
  resetMs: number;
  allowed: boolean;
}

export interface Bucket {
  /** Consumes one point; never throws for "limit reached", only reports it. */
  consume(key: string, points?: number): Promise<LimitState>;
  /** Reads without consuming. */
  peek(key: string): Promise<LimitState>;
  block(key: string, seconds: number): Promise<void>;
  reset(key: string): Promise<void>;
}

/**
 * rate-limiter-flexible on Redis, with an in-process limiter as insurance: when Redis is down the
 * same limits hold per process instead of failing open or failing the request.
 */
export class RateLimitRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  /** `durationSeconds` up to 24 days (the in-process limiter's timers are 32-bit milliseconds). */
  bucket(name: string, points: number, durationSeconds: number): Bucket {
    const redis = this.redis;
    const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
    const limiter: RateLimiterAbstract = new RateLimiterRedis({
      storeClient: redis,
      useRedisPackage: true,
      keyPrefix: `${this.prefix}rl:${name}`,
      points,
      duration: durationSeconds,
      insuranceLimiter: memory,
    });
    const state = (res: RateLimiterRes | null, allowed: boolean): LimitState => ({
      limit: points,
      remaining: Math.max(0, res ? res.remainingPoints : points),
      resetMs: res ? res.msBeforeNext : 0,
      allowed,
    });
    return {
      async consume(key, n = 1) {
        try {
          return state(await limiter.consume(key, n), true);
        } catch (err) {
          if (err instanceof RateLimiterRes) return state(err, false);
          throw err;
        }
      },
      // While Redis reconnects a plain command waits for the next attempt to fail (up to 3 s): ask
      // the in-process limiter at once, as consume's insurance does.
      async peek(key) {
        const res = redis.isReady ? await limiter.get(key).catch(() => memory.get(key)) : await memory.get(key);
        return state(res, !res || res.remainingPoints > 0);
      },
      async block(key, seconds) {
        await (redis.isReady
          ? limiter.block(key, seconds).catch(() => memory.block(key, seconds))
          : memory.block(key, seconds));
      },
      async reset(key) {
        await (redis.isReady ? limiter.delete(key).catch(() => memory.delete(key)) : memory.delete(key));
      },
    };
  }
}
