import { Controller, Get, Response, Route, Tags } from '@tsoa/runtime';
import type { LiveStatus, ReadinessReport } from '../dtos/health.dto.js';
import type { HealthService } from '../services/health.service.js';

@Route('health')
@Tags('Operations')
export class HealthController extends Controller {
  constructor(private readonly health: HealthService) {
    super();
  }

  /**
   * The process is up (same as `/health/live`).
   * @summary Check the process
   */
  @Get()
  public status(): LiveStatus {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /**
   * Liveness: answers while the event loop runs; checks no dependency.
   * @summary Liveness probe
   */
  @Get('live')
  public live(): LiveStatus {
    return this.status();
  }

  /**
   * Readiness: MySQL, Redis and S3 each answer within a short timeout; 503 names the failing ones.
   * @summary Readiness probe
   */
  @Get('ready')
  @Response<ReadinessReport>(503, 'A dependency is down')
  public async ready(): Promise<ReadinessReport> {
    const report = await this.health.readiness();
    if (report.status !== 'ready') this.setStatus(503);
    this.setHeader('Cache-Control', 'no-store');
    return report;
  }
}
