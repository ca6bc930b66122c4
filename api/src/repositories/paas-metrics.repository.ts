import type { AppMetricsSample } from '../domain/paas/app-metrics.js';
import type { RedisClient } from './redis.js';

/** The latest CPU/memory/restart sample of each app's serving container, kept briefly (the worker re-samples). */
export class PaasMetricsRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private key(appId: string): string {
    return `${this.prefix}paas:metrics:${appId}`;
  }

  async put(appId: string, sample: AppMetricsSample, ttlMs: number): Promise<void> {
    await this.redis.set(this.key(appId), JSON.stringify(sample), { expiration: { type: 'PX', value: ttlMs } });
  }

  async get(appId: string): Promise<AppMetricsSample | null> {
    const raw = await this.redis.get(this.key(appId));
    if (!raw) return null;
    try {
      return JSON.parse(raw) as AppMetricsSample;
    } catch {
      return null;
    }
  }

  async remove(appId: string): Promise<void> {
    await this.redis.del(this.key(appId));
  }
}
