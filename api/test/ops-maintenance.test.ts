import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timed } from '../src/jobs/priority.js';
import { buildJobRegistry } from '../src/composition/worker.js';
import { MaintenanceRunRepository } from '../src/repositories/maintenance-run.repository.js';
import { MaintenanceService } from '../src/services/ops/maintenance.service.js';
import { call } from './content-helpers.js';
import { createUser, login } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';

let api: TestApi;
let admin: string;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  (await api.infra.database.pool.query(sql, params))[0] as T[];

beforeAll(async () => {
  api = await startTestApi({
    RETENTION_AUDIT_DAYS: '365',
    RETENTION_WEBHOOK_DAYS: '30',
    RETENTION_DEPLOY_LOG_DAYS: '14',
  });
  admin = (await login(api, await createUser(api, 'admin'))).accessToken;
});
afterAll(() => api?.close());

/** Rows of every age the cleanup looks at, inserted directly with their timestamps. */
async function seedOldAndNew() {
  const mark = uuidv7();
  await q('INSERT INTO audit_log (action, target_type, target_id, created_at) VALUES (?, ?, ?, ?), (?, ?, ?, ?)', [
    'old.thing',
    'test',
    mark,
    ago(400),
    'new.thing',
    'test',
    mark,
    ago(10),
  ]);
  const hook = uuidv7();
  await q(
    "INSERT INTO webhooks (id, name, url, secret, events) VALUES (?, 'retention', 'https://example.com/hook', 'x', '[]')",
    [hook],
  );
  const delivery = (status: string, age: number) => ({ id: uuidv7(), status, age });
  const deliveries = [
    delivery('succeeded', 40),
    delivery('dead', 40),
    delivery('pending', 40),
    delivery('succeeded', 5),
  ];
  for (const d of deliveries) {
    await q(
      'INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [d.id, hook, uuidv7(), 'site.changed', d.status, ago(d.age), ago(d.age)],
    );
    for (const age of [d.age, 1]) {
      await q(
        'INSERT INTO webhook_attempts (id, delivery_id, attempt, duration_ms, created_at) VALUES (?, ?, ?, 10, ?)',
        [uuidv7(), d.id, age === 1 ? 2 : 1, ago(age)],
      );
    }
  }
  const app = uuidv7();
  const [active, old, fresh] = [uuidv7(), uuidv7(), uuidv7()];
  await q(
    "INSERT INTO paas_apps (id, slug, name, repo_url, env, active_deployment_id) VALUES (?, ?, 'retention', 'https://example.com/r.git', '{}', ?)",
    [app, `retention-${mark.slice(-8)}`, active],
  );
  for (const [id, age] of [
    [active, 60],
    [old, 60],
    [fresh, 3],
  ] as const) {
    await q(
      "INSERT INTO paas_deployments (id, app_id, status, log, finished_at) VALUES (?, ?, 'running', 'step 1\nstep 2', ?)",
      [id, app, ago(age)],
    );
  }
  return { mark, deliveries, deployments: { active, old, fresh } };
}

describe('retention and maintenance', () => {
  it('the cleanup job trims old audit entries, webhook logs and deployment logs, keeps the rest, and is idempotent', async () => {
    const { mark, deliveries, deployments } = await seedOldAndNew();
    const cleanup = buildJobRegistry(api.infra).find((j) => j.spec.name === 'cleanup')!.handle as (
      d: unknown,
      j: { id: string; attempt: number },
    ) => Promise<Record<string, number>>;
    const first = await cleanup({ slot: 'test-1' }, { id: 'cleanup:test-1', attempt: 1 });
    expect(first).toMatchObject({ auditEntries: 1, webhookDeliveries: 2, deploymentLogs: 1 });
    // Attempts: 2 went with their deliveries (cascade); the pending delivery's 40-day-old attempt was trimmed.
    expect(first.webhookAttempts).toBe(1);

    expect(
      (await q<{ action: string }>('SELECT action FROM audit_log WHERE target_id = ?', [mark])).map((r) => r.action),
    ).toEqual(['new.thing']);
    const left = await q<{ id: string }>('SELECT id FROM webhook_deliveries WHERE id IN (?)', [
      deliveries.map((d) => d.id),
    ]);
    expect(left.map((r) => r.id).sort()).toEqual([deliveries[2]!.id, deliveries[3]!.id].sort());
    const attempts = await q<{ delivery_id: string; attempt: number }>(
      'SELECT delivery_id, attempt FROM webhook_attempts WHERE delivery_id IN (?) ORDER BY delivery_id, attempt',
      [deliveries.map((d) => d.id)],
    );
    expect(attempts).toEqual(
      [
        { delivery_id: deliveries[2]!.id, attempt: 2 },
        { delivery_id: deliveries[3]!.id, attempt: 1 },
        { delivery_id: deliveries[3]!.id, attempt: 2 },
      ].sort((a, b) => a.delivery_id.localeCompare(b.delivery_id) || a.attempt - b.attempt),
    );
    const logs = Object.fromEntries(
      (
        await q<{ id: string; log: string | null }>('SELECT id, log FROM paas_deployments WHERE id IN (?)', [
          Object.values(deployments),
        ])
      ).map((r) => [r.id, r.log]),
    );
    expect(logs).toEqual({
      [deployments.active]: 'step 1\nstep 2',
      [deployments.old]: null,
      [deployments.fresh]: 'step 1\nstep 2',
    });

    const second = await cleanup({ slot: 'test-2' }, { id: 'cleanup:test-2', attempt: 1 });
    expect(second).toMatchObject({ auditEntries: 0, webhookDeliveries: 0, webhookAttempts: 0, deploymentLogs: 0 });
  });

  it('GET /admin/maintenance shows each periodic job: last run, duration, outcome, what it did', async () => {
    const res = await call(api, 'GET', '/api/v1/admin/maintenance', admin);
    expect(res.status).toBe(200);
    const runs = await res.json();
    expect(runs.map((r: { job: string }) => r.job)).toEqual(
      expect.arrayContaining(['backup', 'cleanup', 'media-orphans', 'post-publish-due']),
    );
    const cleanup = runs.find((r: { job: string }) => r.job === 'cleanup');
    expect(cleanup).toMatchObject({
      outcome: 'succeeded',
      runs: expect.any(Number),
      consecutiveFailures: 0,
      error: null,
      expectedEverySeconds: 3600,
      overdue: false,
      result: { auditEntries: 0, webhookDeliveries: 0 },
    });
    expect(Date.parse(cleanup.finishedAt)).toBeGreaterThanOrEqual(Date.parse(cleanup.startedAt));
    expect(cleanup.durationMs).toBeGreaterThanOrEqual(0);
    expect(cleanup.runs).toBeGreaterThanOrEqual(2);
  });

  it('a scheduled job that never ran shows as never run, and overdue', async () => {
    const maintenance = new MaintenanceService(
      new MaintenanceRunRepository(api.infra.database.db),
      { 'never-ran': 60 },
      api.infra.logger,
    );
    expect((await maintenance.list()).find((r) => r.job === 'never-ran')).toMatchObject({
      outcome: 'never',
      runs: 0,
      overdue: true,
      startedAt: null,
      lastSuccessAt: null,
    });
  });

  it('a failing run is recorded with its error; the next success clears the failure count', async () => {
    const maintenance = new MaintenanceService(
      new MaintenanceRunRepository(api.infra.database.db),
      { 'flaky-job': 3600 },
      api.infra.logger,
    );
    await expect(
      maintenance.track('flaky-job', async () => {
        throw new Error('S3 said no');
      }),
    ).rejects.toThrow('S3 said no');
    await expect(
      maintenance.track('flaky-job', async () => {
        throw new Error('S3 said no again');
      }),
    ).rejects.toThrow();
    let row = (await maintenance.list()).find((r) => r.job === 'flaky-job')!;
    expect(row).toMatchObject({
      outcome: 'failed',
      error: 'S3 said no again',
      consecutiveFailures: 2,
      lastSuccessAt: null,
      overdue: true,
    });
    await maintenance.track('flaky-job', async () => ({ deleted: 0 }));
    row = (await maintenance.list()).find((r) => r.job === 'flaky-job')!;
    expect(row).toMatchObject({
      outcome: 'succeeded',
      error: null,
      consecutiveFailures: 0,
      runs: 3,
      result: { deleted: 0 },
      overdue: false,
    });
  });

  it('job durations per queue and priority reach the Prometheus metrics (recorded by the worker, reported by the API)', async () => {
    const entry = buildJobRegistry(api.infra).find((j) => j.spec.name === 'cleanup')!;
    await timed(
      entry,
      api.infra.jobStats,
      api.infra.logger,
    )({ slot: 'metrics' } as never, { id: 'cleanup:metrics', attempt: 1 });
    const text = await (await fetch(`${api.url}/metrics/prometheus`)).text();
    const count = /job_duration_seconds_count\{[^}]*queue="cleanup"[^}]*\} (\d+)/.exec(text);
    expect(count?.[0]).toMatch(/priority="low"/);
    expect(Number(count?.[1])).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/job_duration_seconds_bucket\{[^}]*queue="cleanup"[^}]*le="\+Inf"[^}]*\} \d+/);
    expect(text).toMatch(/job_duration_seconds_sum\{[^}]*queue="cleanup"/);
    expect(text).toMatch(/queue_jobs\{[^}]*queue="backup"/);
  });
});
