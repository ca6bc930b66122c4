import type { MaintenanceRunView } from '../../dtos/ops.dto.js';
import type { MaintenanceRunRepository } from '../../repositories/maintenance-run.repository.js';
import type { ProgressLog } from './backup.service.js';

export type MaintenanceRuns = Pick<MaintenanceRunRepository, 'started' | 'finished' | 'list'>;

/**
 * Records each periodic job's last run (start, duration, outcome, what it did) so the admin and
 * monitoring can see that maintenance happens. Bookkeeping trouble is logged, never fails the job.
 */
export class MaintenanceService {
  constructor(
    private readonly runs: MaintenanceRuns,
    /** Job name → expected interval in seconds (null = on demand). */
    private readonly schedule: Record<string, number | null>,
    private readonly log: ProgressLog,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async track<T>(job: string, run: () => Promise<T>): Promise<T> {
    const started = this.clock();
    await this.runs
      .started(job, started)
      .catch((err: Error) =>
        this.log.warn({ job, err: err.message }, 'could not record the start of a maintenance run'),
      );
    const finish = async (outcome: 'succeeded' | 'failed', result: unknown, error: string | null) => {
      const finishedAt = this.clock();
      const durationMs = finishedAt.getTime() - started.getTime();
      const details =
        result && typeof result === 'object' && !Array.isArray(result)
          ? (result as Record<string, unknown>)
          : result === undefined
            ? null
            : { value: result };
      await this.runs
        .finished(job, { outcome, finishedAt, durationMs, result: details, error: error?.slice(0, 1000) ?? null })
        .catch((err: Error) =>
          this.log.warn({ job, err: err.message }, 'could not record the end of a maintenance run'),
        );
      this.log.info({ job, outcome, durationMs }, 'maintenance run recorded');
    };
    try {
      const result = await run();
      await finish('succeeded', result, null);
      return result;
    } catch (err) {
      await finish('failed', undefined, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }

  async list(): Promise<MaintenanceRunView[]> {
    const now = this.clock().getTime();
    const rows = new Map((await this.runs.list()).map((r) => [r.job, r]));
    const jobs = [...new Set([...Object.keys(this.schedule), ...rows.keys()])].sort();
    return jobs.map((job) => {
      const r = rows.get(job);
      const every = this.schedule[job] ?? null;
      const lastSuccess = r?.lastSuccessAt?.getTime();
      return {
        job,
        outcome: r?.outcome ?? 'never',
        startedAt: r?.startedAt.toISOString() ?? null,
        finishedAt: r?.finishedAt?.toISOString() ?? null,
        durationMs: r?.durationMs ?? null,
        result: r?.result ?? null,
        error: r?.error ?? null,
        lastSuccessAt: r?.lastSuccessAt?.toISOString() ?? null,
        runs: r?.runs ?? 0,
        consecutiveFailures: r?.consecutiveFailures ?? 0,
        expectedEverySeconds: every,
        overdue: every !== null && (lastSuccess === undefined || now - lastSuccess > 2 * every * 1000),
      };
    });
  }
}
