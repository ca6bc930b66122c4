import type { PaasAppStatus } from './paas.dto.js';

/** A running app's resource use, sampled from the engine by the worker about every PAAS_APP_METRICS_INTERVAL_MS. */
export interface PaasAppMetrics {
  appId: string;
  status: PaasAppStatus;
  /** When the serving container was last sampled; null when none runs (stopped, failed, never deployed) or no worker samples. */
  sampledAt: string | null;
  /** Percent of one CPU, like `docker stats` (100 = one full CPU). */
  cpuPercent: number | null;
  /** The app's CPU cap in the same unit (50 = half a CPU). */
  cpuLimitPercent: number | null;
  /** Memory in use without the reclaimable page cache, like `docker stats`. */
  memoryBytes: number | null;
  memoryLimitBytes: number | null;
  /** Times Docker restarted the serving container after it exited (the app fails after the third). */
  restartCount: number | null;
}
