import client, { AggregatorRegistry, Registry, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import type { JobStats } from './job-stats.repository.js';

export interface HttpMetrics {
  observe(method: string, route: string, status: number, seconds: number): void;
}

export interface GaugeSources {
  dbPool?: () => { total: number; free: number; queued: number };
  queues?: () => Promise<Record<string, { waiting: number; active: number; delayed: number; failed: number }>>;
  /** Job durations per queue, summed over every worker (repositories/job-stats.repository.ts). */
  jobStats?: () => Promise<Record<string, JobStats>>;
}

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/**
 * prom-client registry owned by one process (no global default registry, so tests can make many).
 * In a clustered API (cluster.ts) the endpoints report every process: counters and histograms
 * summed, gauges read from Redis (queues, job stats) taken once.
 */
export class MetricsRepository implements HttpMetrics {
  readonly registry = new Registry();
  private readonly duration: client.Histogram<'method' | 'route' | 'status_code'>;
  private readonly startedAt = Date.now();
  private everyProcess?: () => Promise<MetricsJson>;

  constructor(service: string, sources: GaugeSources = {}) {
    this.registry.setDefaultLabels({ service });
    client.collectDefaultMetrics({ register: this.registry });
    this.duration = new client.Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    if (sources.dbPool) {
      const read = sources.dbPool;
      new client.Gauge({
        name: 'db_pool_connections',
        help: 'MySQL pool connections by state',
        labelNames: ['state'],
        registers: [this.registry],
        collect() {
          const s = read();
          this.set({ state: 'total' }, s.total);
          this.set({ state: 'free' }, s.free);
          this.set({ state: 'in_use' }, s.total - s.free);
          this.set({ state: 'waiting_requests' }, s.queued);
        },
      });
    }
    if (sources.queues) {
      const read = sources.queues;
      new client.Gauge({
        name: 'queue_jobs',
        help: 'bee-queue jobs by queue and state',
        labelNames: ['queue', 'state'],
        registers: [this.registry],
        aggregator: 'first', // every process reads the same queues
        async collect() {
          const all = await read().catch(() => ({}));
          for (const [queue, counts] of Object.entries(all)) {
            for (const [state, value] of Object.entries(counts)) this.set({ queue, state }, value);
          }
        },
      });
    }
    if (sources.jobStats) this.jobDurations(sources.jobStats);
  }

  /**
   * `job_duration_seconds` as a Prometheus histogram built from the totals in Redis (the workers
   * observe, this process reports): `_bucket{le}`, `_sum` and `_count` per queue and priority, plus
   * `job_failures_total`. All grow monotonically, so rate() and histogram_quantile() apply.
   */
  private jobDurations(read: () => Promise<Record<string, JobStats>>): void {
    let last: Promise<Record<string, JobStats>> | undefined;
    // One Redis read per scrape, shared by the gauges below.
    const snapshot = () =>
      (last ??= read()
        .catch(() => ({}))
        .finally(() => setTimeout(() => (last = undefined), 100)));
    const gauge = (
      name: string,
      help: string,
      labelNames: string[],
      fill: (g: client.Gauge<string>, stats: Record<string, JobStats>) => void,
    ) =>
      // Every process reads the same totals from Redis: summing them would count each N times.
      new client.Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        aggregator: 'first',
        async collect() {
          this.reset();
          fill(this, await snapshot());
        },
      });
    gauge(
      'job_duration_seconds_bucket',
      'Worker job durations by queue (cumulative buckets)',
      ['queue', 'priority', 'le'],
      (g, all) => {
        for (const [queue, s] of Object.entries(all)) {
          for (const [le, n] of Object.entries(s.buckets)) g.set({ queue, priority: s.priority, le }, n);
          g.set({ queue, priority: s.priority, le: '+Inf' }, s.count);
        }
      },
    );
    gauge('job_duration_seconds_sum', 'Total seconds worker jobs ran, by queue', ['queue', 'priority'], (g, all) => {
      for (const [queue, s] of Object.entries(all)) g.set({ queue, priority: s.priority }, s.sumSeconds);
    });
    gauge('job_duration_seconds_count', 'Worker jobs finished, by queue', ['queue', 'priority'], (g, all) => {
      for (const [queue, s] of Object.entries(all)) g.set({ queue, priority: s.priority }, s.count);
    });
    gauge('job_failures_total', 'Worker job runs that failed, by queue', ['queue', 'priority'], (g, all) => {
      for (const [queue, s] of Object.entries(all)) g.set({ queue, priority: s.priority }, s.failed);
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    this.duration.observe({ method, route, status_code: String(status) }, seconds);
  }

  /** Report the metrics of every process of a clustered API, got through `fetch` (cluster.ts). */
  aggregateWith(fetch: () => Promise<MetricsJson>): void {
    this.everyProcess = fetch;
  }

  async prometheus(): Promise<string> {
    if (!this.everyProcess) return this.registry.metrics();
    return AggregatorRegistry.aggregate([await this.everyProcess()]).metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async summary() {
    const json = this.everyProcess ? await this.everyProcess() : await this.registry.getMetricsAsJSON();
    const histogram = json.find((m) => m.name === 'http_request_duration_seconds');
    const byStatus: Record<string, number> = {};
    let count = 0;
    let sum = 0;
    for (const v of (histogram?.values ?? []) as {
      metricName?: string;
      value: number;
      labels: Record<string, string | number>;
    }[]) {
      if (v.metricName === 'http_request_duration_seconds_count') {
        const cls = `${String(v.labels.status_code)[0]}xx`;
        byStatus[cls] = (byStatus[cls] ?? 0) + v.value;
        count += v.value;
      } else if (v.metricName === 'http_request_duration_seconds_sum') {
        sum += v.value;
      }
    }
    const mem = process.memoryUsage();
    // Clustered: the memory of every process (summed gauges).
    const gauge = (name: string, own: number) =>
      this.everyProcess ? (json.find((m) => m.name === name)?.values[0]?.value ?? own) : own;
    return {
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      memory: {
        rssBytes: gauge('process_resident_memory_bytes', mem.rss),
        heapUsedBytes: gauge('nodejs_heap_size_used_bytes', mem.heapUsed),
      },
      http: { requests: count, byStatusClass: byStatus, meanDurationMs: count ? (sum / count) * 1000 : 0 },
    };
  }
}
