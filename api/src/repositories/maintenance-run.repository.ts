import { asc, eq, sql } from 'drizzle-orm';
import { maintenanceRuns } from '../db/schema.js';
import type { Db } from './database.js';

export type MaintenanceRunRow = typeof maintenanceRuns.$inferSelect;

export interface RunOutcome {
  outcome: 'succeeded' | 'failed';
  finishedAt: Date;
  durationMs: number;
  result: Record<string, unknown> | null;
  error: string | null;
}

/** One row per periodic job: its latest run (and the last success), upserted by the worker. */
export class MaintenanceRunRepository {
  constructor(private readonly db: Db) {}

  async started(job: string, at: Date): Promise<void> {
    await this.db
      .insert(maintenanceRuns)
      .values({ job, outcome: 'running', startedAt: at, runs: 1 })
      .onDuplicateKeyUpdate({
        set: {
          outcome: 'running',
          startedAt: at,
          finishedAt: null,
          durationMs: null,
          error: null,
          runs: sql`${maintenanceRuns.runs} + 1`,
          updatedAt: new Date(),
        },
      });
  }

  async finished(job: string, run: RunOutcome): Promise<void> {
    const ok = run.outcome === 'succeeded';
    await this.db
      .update(maintenanceRuns)
      .set({
        outcome: run.outcome,
        finishedAt: run.finishedAt,
        durationMs: run.durationMs,
        result: run.result,
        error: run.error,
        ...(ok
          ? { lastSuccessAt: run.finishedAt, consecutiveFailures: 0 }
          : { consecutiveFailures: sql`${maintenanceRuns.consecutiveFailures} + 1` }),
        updatedAt: new Date(),
      })
      .where(eq(maintenanceRuns.job, job));
  }

  async list(): Promise<MaintenanceRunRow[]> {
    return this.db.select().from(maintenanceRuns).orderBy(asc(maintenanceRuns.job));
  }
}
