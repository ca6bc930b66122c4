/** A backup archive on the configured target. */
export interface BackupView {
  /** e.g. `omervision-2025-06-01T02-00-00-000Z.tar.gz` (`.enc` when encrypted). */
  name: string;
  /** Folder or `s3://bucket/prefix` the archive is in. */
  location: string;
  sizeBytes: number;
  /** ISO 8601: when the backup was taken. */
  createdAt: string;
  encrypted: boolean;
  /** SHA-256 of the archive file, when its summary is present. */
  sha256: string | null;
  appVersion: string | null;
  /** Tag of the latest migration applied to the database that was backed up. */
  migration: string | null;
  tables: number | null;
  rows: number | null;
  objects: number | null;
}

export interface BackupRequested {
  /** The worker job that takes the backup; its outcome shows in `GET /api/v1/admin/maintenance` (job `backup`). */
  jobId: string;
  status: 'queued';
}

/** The last run of one periodic job. */
export interface MaintenanceRunView {
  /** Job name: `cleanup`, `media-orphans`, `backup`, `post-publish-due`, … */
  job: string;
  /** `never`: scheduled, but no run recorded yet. */
  outcome: 'running' | 'succeeded' | 'failed' | 'never';
  /** ISO 8601. */
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  /** What the run did, e.g. rows removed per table or the archive written. */
  result: MaintenanceResult | null;
  error: string | null;
  lastSuccessAt: string | null;
  runs: number;
  /** Failed runs since the last success: 0 when healthy. */
  consecutiveFailures: number;
  /** How often the job is meant to run, in seconds (for "overdue" alerts); null when on demand. */
  expectedEverySeconds: number | null;
  /** True when the last success is older than twice the expected interval (or there was none). */
  overdue: boolean;
}

/** What a maintenance run reports; the keys depend on the job (e.g. rows removed per table). */
export interface MaintenanceResult {
  [key: string]: unknown;
}
