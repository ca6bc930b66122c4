import { describe, expect, it } from 'vitest';
import { cpuPercent, memoryUse, type RawStats } from './app-metrics.js';

const cpu = (total: number, system: number, online?: number, percpu?: number[]) => ({
  cpu_usage: { total_usage: total, ...(percpu ? { percpu_usage: percpu } : {}) },
  system_cpu_usage: system,
  ...(online !== undefined ? { online_cpus: online } : {}),
});

describe('cpuPercent', () => {
  it('is the container delta over the system delta times the online CPUs, like docker stats', () => {
    // 0.25 s of CPU in 2 s of host time over 2 CPUs (the system counter runs per CPU) = 25 % of one CPU.
    const stats: RawStats = {
      precpu_stats: cpu(1_000_000_000, 100_000_000_000, 2),
      cpu_stats: cpu(1_250_000_000, 102_000_000_000, 2),
    };
    expect(cpuPercent(stats)).toBe(25);
  });

  it('counts per-CPU entries when online_cpus is missing (older engines)', () => {
    const stats: RawStats = { precpu_stats: cpu(0, 1000), cpu_stats: cpu(100, 2000, undefined, [50, 50, 0, 0]) };
    expect(cpuPercent(stats)).toBe(40);
  });

  it('is 0 without a previous reading or when nothing moved', () => {
    expect(cpuPercent({ cpu_stats: cpu(500, 1000, 2) })).toBe(0);
    expect(cpuPercent({ precpu_stats: cpu(500, 1000, 2), cpu_stats: cpu(500, 2000, 2) })).toBe(0);
    expect(cpuPercent({ precpu_stats: cpu(500, 1000, 2), cpu_stats: cpu(600, 1000, 2) })).toBe(0);
    expect(cpuPercent({})).toBe(0);
  });
});

describe('memoryUse', () => {
  it('subtracts the inactive page cache (cgroup v1 total_inactive_file)', () => {
    expect(
      memoryUse({
        memory_stats: {
          usage: 50_000_000,
          limit: 268_435_456,
          stats: { total_inactive_file: 20_000_000, inactive_file: 1 },
        },
      }),
    ).toEqual({ usedBytes: 30_000_000, limitBytes: 268_435_456 });
  });

  it('uses inactive_file on cgroup v2', () => {
    expect(
      memoryUse({ memory_stats: { usage: 50_000_000, limit: 1000_000_000, stats: { inactive_file: 5_000_000 } } })
        .usedBytes,
    ).toBe(45_000_000);
  });

  it('keeps the raw usage when the cache figure is missing or not below it', () => {
    expect(memoryUse({ memory_stats: { usage: 10, stats: { total_inactive_file: 20 } } })).toEqual({
      usedBytes: 10,
      limitBytes: null,
    });
    expect(memoryUse({ memory_stats: { usage: 10 } }).usedBytes).toBe(10);
    expect(memoryUse({})).toEqual({ usedBytes: 0, limitBytes: null });
  });
});
