/** The part of one Docker stats answer (`GET /containers/{id}/stats?stream=false`) the figures need. */
export interface RawStats {
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
}

interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

/** One sample of a serving container, as stored in Redis by the worker. */
export interface AppMetricsSample {
  containerId: string;
  /** Percent of one CPU, like `docker stats` (200 = two full CPUs). */
  cpuPercent: number;
  /** The container's CPU cap in the same unit (50 = half a CPU). */
  cpuLimitPercent: number | null;
  memoryBytes: number;
  memoryLimitBytes: number | null;
  restartCount: number;
  /** ms since the epoch. */
  sampledAt: number;
}

/**
 * CPU use the way `docker stats` computes it: the container's CPU time over the host's between the
 * previous and this reading, times the online CPUs. 0 without a previous reading.
 */
export function cpuPercent(stats: RawStats): number {
  const now = stats.cpu_stats;
  const before = stats.precpu_stats;
  const cpuDelta = (now?.cpu_usage?.total_usage ?? 0) - (before?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (now?.system_cpu_usage ?? 0) - (before?.system_cpu_usage ?? 0);
  const cpus = now?.online_cpus || now?.cpu_usage?.percpu_usage?.length || 0;
  if (!before?.system_cpu_usage || cpuDelta <= 0 || systemDelta <= 0 || cpus === 0) return 0;
  return Math.round((cpuDelta / systemDelta) * cpus * 100 * 100) / 100;
}

/**
 * Memory in use without the reclaimable page cache, like `docker stats`: usage minus
 * `total_inactive_file` (cgroup v1) or `inactive_file` (cgroup v2); the limit as the engine reports it.
 */
export function memoryUse(stats: RawStats): { usedBytes: number; limitBytes: number | null } {
  const mem = stats.memory_stats ?? {};
  const usage = mem.usage ?? 0;
  const inactive = mem.stats?.total_inactive_file ?? mem.stats?.inactive_file;
  const used = inactive !== undefined && inactive < usage ? usage - inactive : usage;
  return { usedBytes: used, limitBytes: mem.limit && mem.limit > 0 ? mem.limit : null };
}
