import type { Bucket, LimitState } from '../../src/repositories/rate-limit.repository.js';

/**
 * A fixed-window rate limit bucket in memory, with rate-limiter-flexible's semantics as the
 * real Bucket exposes them: a refused consume still counts, `block` fills the key for its duration.
 */
export class FakeBucket implements Bucket {
  private readonly keys = new Map<string, { used: number; resetAt: number }>();

  constructor(
    readonly points: number,
    private readonly durationSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async consume(key: string, points = 1): Promise<LimitState> {
    const entry = this.entry(key) ?? { used: 0, resetAt: this.now() + this.durationSeconds * 1000 };
    entry.used += points;
    this.keys.set(key, entry);
    return this.state(entry, entry.used <= this.points);
  }

  async peek(key: string): Promise<LimitState> {
    const entry = this.entry(key);
    return entry
      ? this.state(entry, entry.used < this.points)
      : { limit: this.points, remaining: this.points, resetMs: 0, allowed: true };
  }

  async block(key: string, seconds: number): Promise<void> {
    this.keys.set(key, { used: this.points + 1, resetAt: this.now() + seconds * 1000 });
  }

  async reset(key: string): Promise<void> {
    this.keys.delete(key);
  }

  private entry(key: string) {
    const entry = this.keys.get(key);
    if (entry && entry.resetAt <= this.now()) {
      this.keys.delete(key);
      return undefined;
    }
    return entry;
  }

  private state(entry: { used: number; resetAt: number }, allowed: boolean): LimitState {
    return {
      limit: this.points,
      remaining: Math.max(0, this.points - entry.used),
      resetMs: Math.max(0, entry.resetAt - this.now()),
      allowed,
    };
  }
}
