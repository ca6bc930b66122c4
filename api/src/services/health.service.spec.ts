import { describe, expect, it } from 'vitest';
import { HealthService } from './health.service.js';

const up = (name: string) => ({ name, check: async () => {} });
const down = (name: string, message: string) => ({
  name,
  check: async () => {
    throw new Error(message);
  },
});
const hanging = (name: string) => ({ name, check: () => new Promise<void>(() => {}) });

describe('HealthService', () => {
  it('is ready when every probe answers', async () => {
    const report = await new HealthService([up('db'), up('redis')], 100).readiness();
    expect(report.status).toBe('ready');
    expect(report.checks.map((c) => c.status)).toEqual(['up', 'up']);
  });

  it('names each failing dependency', async () => {
    const report = await new HealthService([up('db'), down('redis', 'ECONNREFUSED')], 100).readiness();
    expect(report.status).toBe('unavailable');
    expect(report.checks.find((c) => c.name === 'redis')).toMatchObject({ status: 'down', error: 'ECONNREFUSED' });
  });

  it('times out a probe that never answers', async () => {
    const started = Date.now();
    const report = await new HealthService([hanging('s3')], 50).readiness();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(report.checks[0]).toMatchObject({ name: 's3', status: 'down' });
    expect(report.checks[0]?.error).toMatch(/within 50 ms/);
  });
});
