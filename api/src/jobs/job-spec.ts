/** What the producer and the worker agree on for one job type. */
export interface JobSpec<TData> {
  readonly name: string;
  readonly retries: number;
  /** First retry delay; doubles each attempt (bee-queue 'exponential'). */
  readonly backoffMs: number;
  readonly timeoutMs: number;
  /** Type-only marker so `enqueue(spec, data)` checks the payload. */
  readonly _data?: TData;
}

export function defineJob<TData>(spec: Omit<JobSpec<TData>, '_data'>): JobSpec<TData> {
  return Object.freeze(spec);
}

export interface EmailJobData {
  /** Idempotency key: the same key is enqueued and sent at most once. */
  key: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface CleanupJobData {
  /** Hour bucket, so several workers scheduling the same run produce one job. */
  slot: string;
}

export const Jobs = {
  email: defineJob<EmailJobData>({ name: 'email', retries: 6, backoffMs: 2000, timeoutMs: 30_000 }),
  cleanup: defineJob<CleanupJobData>({ name: 'cleanup', retries: 3, backoffMs: 10_000, timeoutMs: 120_000 }),
} as const;
