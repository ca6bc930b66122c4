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
  http: { requests: number; byStatusClass: Record<string, number>; meanDurationMs: number };
  db: { total: number; free: number; queued: number };
  queues: Record<string, QueueDepth>;
}

export interface ApiIndex {
  name: string;
  version: string;
  openapi: string;
  docs: string;
}
