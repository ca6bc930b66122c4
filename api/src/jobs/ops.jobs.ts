import type { JobHandler } from '../repositories/queue.repository.js';
import type { BackupService } from '../services/ops/backup.service.js';
import type { MaintenanceService } from '../services/ops/maintenance.service.js';
import { Jobs, type BackupJobData } from './job-spec.js';
import type { RegisteredJob } from './registered-job.js';

const DAY_S = 86_400;

/** Periodic jobs whose last run the admin sees (`GET /api/v1/admin/maintenance`), with their intervals in seconds. */
export const PERIODIC_JOBS: Record<string, number | null> = {
  [Jobs.cleanup.name]: 3600,
  [Jobs.mediaOrphans.name]: DAY_S,
  [Jobs.backup.name]: DAY_S,
  [Jobs.publishDue.name]: 60,
};

/** The backup job: one archive per run (scheduled daily, or queued by an admin). */
export function createBackupJob(backup: Pick<BackupService, 'run'>): JobHandler<BackupJobData> {
  return (data) => backup.run(data.trigger);
}

/** Wraps the handlers of periodic jobs so every run's start, duration and outcome are recorded. */
export function recordPeriodicRuns(
  maintenance: Pick<MaintenanceService, 'track'>,
  entries: RegisteredJob<never>[],
): RegisteredJob<never>[] {
  return entries.map((entry) => {
    if (!(entry.spec.name in PERIODIC_JOBS)) return entry;
    const handle: JobHandler<never> = (data, job) => maintenance.track(entry.spec.name, () => entry.handle(data, job));
    return { ...entry, handle };
  });
}
