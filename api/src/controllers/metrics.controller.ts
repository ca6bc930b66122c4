import { Readable } from 'node:stream';
import { Controller, Get, Produces, Route, Tags } from '@tsoa/runtime';
import type { MetricsSummary } from '../dtos/health.dto.js';
import type { MetricsService } from '../services/metrics.service.js';

@Route('metrics')
@Tags('Operations')
export class MetricsController extends Controller {
  constructor(private readonly metrics: MetricsService) {
    super();
  }

  /**
   * A JSON summary: uptime, memory, request counts, DB pool and queue depths.
   * @summary Get a metrics summary
   */
  @Get()
  public summary(): Promise<MetricsSummary> {
    return this.metrics.summary();
  }

  /**
   * Prometheus text exposition (prom-client).
   * @summary Get Prometheus metrics
   */
  @Get('prometheus')
  @Produces('text/plain')
  public async prometheus(): Promise<Readable> {
    const { body, contentType } = await this.metrics.prometheus();
    this.setHeader('Content-Type', contentType);
    return Readable.from([body]);
  }
}
