import type { MetricsSummary, QueueDepth } from '../dtos/health.dto.js';

export interface MetricsSource {
  summary(): Promise<Omit<MetricsSummary, 'db' | 'queues'>>;
  prometheus(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsServiceDeps {
  metrics: MetricsSource;
  dbPool: () => MetricsSummary['db'];
  queueDepths: () => Promise<Record<string, QueueDepth>>;
}

export class MetricsService {
  constructor(private readonly deps: MetricsServiceDeps) {}

  async summary(): Promise<MetricsSummary> {
    const [base, queues] = await Promise.all([
      this.deps.metrics.summary(),
      // Redis down must not break the metrics endpoint: report no queue data instead.
      this.deps.queueDepths().catch(() => ({})),
    ]);
    return { ...base, db: this.deps.dbPool(), queues };
  }

  async prometheus(): Promise<{ body: string; contentType: string }> {
    return { body: await this.deps.metrics.prometheus(), contentType: this.deps.metrics.contentType };
  }
}
