import { AggregatorRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { MetricsRepository } from './metrics.repository.js';

/** Two processes of one API, as cluster.ts sums them: each saw its own requests; both read the same queues in Redis. */
function twoProcesses() {
  const queues = async () => ({ email: { waiting: 3, active: 1, delayed: 0, failed: 0 } });
  const a = new MetricsRepository('omervision-api', { queues });
  const b = new MetricsRepository('omervision-api', { queues });
  a.observe('GET', '/api/v1/posts', 200, 0.002);
  a.observe('GET', '/api/v1/posts', 200, 0.004);
  b.observe('GET', '/api/v1/posts', 200, 0.003);
  const every = async () =>
    (await AggregatorRegistry.aggregate([
      await a.registry.getMetricsAsJSON(),
      await b.registry.getMetricsAsJSON(),
    ]).getMetricsAsJSON()) as never;
  a.aggregateWith(every);
  return a;
}

describe('MetricsRepository in a clustered API', () => {
  it('sums the request histogram over the processes and reports Redis-sourced gauges once', async () => {
    const text = await twoProcesses().prometheus();
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/posts",status_code="200",service="omervision-api"\} 3$/m,
    );
    expect(text).toMatch(/^queue_jobs\{queue="email",state="waiting",service="omervision-api"\} 3$/m);
  });

  it('the JSON summary counts every process too', async () => {
    const summary = await twoProcesses().summary();
    expect(summary.http.requests).toBe(3);
    expect(summary.http.byStatusClass).toEqual({ '2xx': 3 });
    expect(summary.http.meanDurationMs).toBeCloseTo(3, 5);
  });
});
