export interface LiveStatus {
  status: 'ok';
  /** Seconds since the process started. */
  uptimeSeconds: number;
}

export interface DependencyStatus {
  /** `db`, `redis` or `s3`. */
  name: string;
  status: 'up' | 'down';
  latencyMs: number;
  /** Why the check failed; absent when up. */
  error?: string;
}

export interface ReadinessReport {
  status: 'ready' | 'unavailable';
  checks: DependencyStatus[];
}

export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface MetricsSummary {
  uptimeSeconds: number;
  memory: { rssBytes: number; heapUsedBytes: number };
  http: { requests: number; byStatusClass: StatusClassCounts; meanDurationMs: number };
  db: { total: number; free: number; queued: number };
  queues: QueueDepths;
}

/** Requests answered per status class (`2xx`, `4xx`, …). */
export interface StatusClassCounts {
  [statusClass: string]: number;
}

/** Jobs per queue, by queue name. */
export interface QueueDepths {
  [queue: string]: QueueDepth;
}

export interface ApiIndex {
  name: string;
  version: string;
  openapi: string;
  docs: string;
}
