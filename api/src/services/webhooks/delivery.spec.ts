import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE_MS, retryDelay } from './delivery.js';

describe('webhook retry schedule', () => {
  const fixed = (r: number) => ({ retryScheduleMs: DEFAULT_RETRY_SCHEDULE_MS, jitter: 0.2, random: () => r });

  it('spreads 7 retries over most of a day, then gives up', () => {
    const total = DEFAULT_RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(16);
    expect(total / 3_600_000).toBeLessThan(24);
    expect(retryDelay(1, fixed(0.5))).toBe(10_000);
    expect(retryDelay(7, fixed(0.5))).toBe(36_000_000);
    expect(retryDelay(8, fixed(0.5))).toBeNull();
  });

  it('jitters each delay by at most ±20 %', () => {
    expect(retryDelay(2, fixed(0))).toBe(48_000);
    expect(retryDelay(2, fixed(0.999999))).toBeCloseTo(72_000, -1);
    for (let i = 0; i < 200; i++) {
      const d = retryDelay(3, { retryScheduleMs: DEFAULT_RETRY_SCHEDULE_MS, jitter: 0.2, random: Math.random })!;
      expect(d).toBeGreaterThanOrEqual(240_000);
      expect(d).toBeLessThanOrEqual(360_000);
    }
  });

  it('an injected schedule replaces the default (tests use milliseconds)', () => {
    const opts = { retryScheduleMs: [50, 50], jitter: 0, random: Math.random };
    expect([1, 2, 3].map((n) => retryDelay(n, opts))).toEqual([50, 50, null]);
  });
});
