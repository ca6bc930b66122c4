import type { PaasAppMetrics } from '../../dtos/paas-runtime.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { PaasAppLogRepository } from '../../repositories/paas-app-log.repository.js';
import type { PaasMetricsRepository } from '../../repositories/paas-metrics.repository.js';
import type { PaasRepository } from '../../repositories/paas.repository.js';
import { followAppLog, isStreamId, type AppLogEvent } from './app-log-follow.js';

/** A running app seen from the admin: its output live and its resource use (both gathered by the worker). */
export class PaasAppRuntimeService {
  constructor(
    private readonly repo: Pick<PaasRepository, 'findApp'>,
    private readonly logs: PaasAppLogRepository,
    private readonly metrics: Pick<PaasMetricsRepository, 'get'>,
  ) {}

  /** The newest `tail` lines (or every retained line after `lastEventId`), then live lines. */
  async followLogs(
    appId: string,
    tail: number,
    lastEventId: string | undefined,
    signal: AbortSignal,
  ): Promise<AsyncGenerator<AppLogEvent>> {
    const after = lastEventId?.trim() || undefined;
    if (after !== undefined && !isStreamId(after)) {
      throw Errors.validation('Last-Event-ID must be a log line id (like 1714557600000-0).', [
        { field: 'header.Last-Event-ID', message: 'a Redis stream id <ms>-<seq>', value: lastEventId },
      ]);
    }
    await this.require(appId);
    return followAppLog(appId, after ? { after } : { tail }, signal, {
      logs: this.logs,
      exists: async () => Boolean(await this.repo.findApp(appId)),
    });
  }

  async appMetrics(appId: string): Promise<PaasAppMetrics> {
    const app = await this.require(appId);
    const sample = await this.metrics.get(appId);
    // A sample of a container that no longer serves (replaced, or the app was stopped) is not this app's use.
    const current =
      sample &&
      app.containerId &&
      sample.containerId === app.containerId &&
      (app.status === 'running' || app.status === 'starting')
        ? sample
        : null;
    return {
      appId,
      status: app.status,
      sampledAt: current ? new Date(current.sampledAt).toISOString() : null,
      cpuPercent: current?.cpuPercent ?? null,
      cpuLimitPercent: current?.cpuLimitPercent ?? null,
      memoryBytes: current?.memoryBytes ?? null,
      memoryLimitBytes: current?.memoryLimitBytes ?? null,
      restartCount: current?.restartCount ?? null,
    };
  }

  private async require(appId: string) {
    const app = await this.repo.findApp(appId);
    if (!app) throw Errors.notFound('App not found.');
    return app;
  }
}
