/**
 * How urgent a job type is. Every type has its own bee-queue (nothing waits behind another type);
 * the priority sets that queue's concurrency in the worker (WORKER_CONCURRENCY_HIGH, WORKER_CONCURRENCY,
 * WORKER_CONCURRENCY_LOW) and labels its metrics: a backup runs alone in the background while
 * password-reset e-mails go out several at a time.
 */
export type JobPriority = 'high' | 'default' | 'low';

/** What the producer and the worker agree on for one job type. */
export interface JobSpec<TData> {
  readonly name: string;
  readonly priority: JobPriority;
  readonly retries: number;
  /** First retry delay; doubles each attempt (bee-queue 'exponential'). */
  readonly backoffMs: number;
  readonly timeoutMs: number;
  /** Type-only marker so `enqueue(spec, data)` checks the payload. */
  readonly _data?: TData;
}

export function defineJob<TData>(
  spec: Omit<JobSpec<TData>, '_data' | 'priority'> & { priority?: JobPriority },
): JobSpec<TData> {
  return Object.freeze({ ...spec, priority: spec.priority ?? 'default' });
}

export interface EmailJobData {
  /** Idempotency key: the same key is enqueued and sent at most once. */
  key: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Reply-To address (e.g. the visitor who wrote through the contact form). */
  replyTo?: string;
}

export interface PasswordResetJobData {
  /** Made by the HTTP handler: part of the job id and the e-mail's idempotency key (one mail per request). */
  requestId: string;
  /** Normalized; only the job looks the account up. */
  email: string;
  /** The requester, for the audit log. */
  ip: string;
  userAgent: string;
}

export interface CleanupJobData {
  /** Hour bucket, so several workers scheduling the same run produce one job. */
  slot: string;
}

export interface PostPublishJobData {
  postId: string;
  /** The scheduled time this job was made for; a re-scheduled post ignores stale jobs. */
  at: string;
}

export interface OutboxDispatchJobData {
  /** The second this tick belongs to: workers ticking together enqueue one job. */
  tick: string;
}

export interface WebhookDeliverJobData {
  deliveryId: string;
  /** The delivery's next_attempt_at (epoch ms) this try was scheduled for; a stale job does nothing. */
  due: number;
}

export interface MediaVariantsJobData {
  /** Also the job id: one variants job per media item at a time. */
  mediaId: string;
}

export interface MediaOrphansJobData {
  /** The run's scheduled time (daily), so several workers scheduling it produce one job. */
  slot: string;
}

export interface PaasDeployJobData {
  /** Also the job id (`paas-deploy:<id>`): the pipeline is idempotent per deployment. */
  deploymentId: string;
}

export type PaasControlJobData =
  | { appId: string; action: 'stop' | 'start' | 'restart'; requestedAt: number }
  | { appId: string; action: 'delete'; requestedAt: number; deploymentIds: string[] };

export interface BackupJobData {
  /** The scheduled day (ISO time) or `manual:<uuid>`; also in the job id, so a slot runs once. */
  slot: string;
  trigger: 'scheduled' | 'manual';
  requestedBy?: string | null;
}

export const Jobs = {
  email: defineJob<EmailJobData>({ name: 'email', priority: 'high', retries: 6, backoffMs: 2000, timeoutMs: 30_000 }),
  /** Looks the account up, makes the token and enqueues the e-mail; the HTTP answer waited for none of it. */
  passwordReset: defineJob<PasswordResetJobData>({
    name: 'password-reset',
    priority: 'high',
    retries: 5,
    backoffMs: 2000,
    timeoutMs: 30_000,
  }),
  postPublish: defineJob<PostPublishJobData>({
    name: 'post-publish',
    priority: 'high',
    retries: 5,
    backoffMs: 5000,
    timeoutMs: 60_000,
  }),
  /** Minute sweep for overdue scheduled posts (a lost job, a worker that was down). */
  publishDue: defineJob<{ slot: string }>({ name: 'post-publish-due', retries: 2, backoffMs: 5000, timeoutMs: 60_000 }),
  cleanup: defineJob<CleanupJobData>({
    name: 'cleanup',
    priority: 'low',
    retries: 3,
    backoffMs: 10_000,
    timeoutMs: 120_000,
  }),
  mediaVariants: defineJob<MediaVariantsJobData>({
    name: 'media-variants',
    retries: 3,
    backoffMs: 5000,
    timeoutMs: 180_000,
  }),
  mediaOrphans: defineJob<MediaOrphansJobData>({
    name: 'media-orphans',
    priority: 'low',
    retries: 2,
    backoffMs: 60_000,
    timeoutMs: 600_000,
  }),
  /** No bee-queue retries: the next tick (1 s later) is the retry. */
  outboxDispatch: defineJob<OutboxDispatchJobData>({
    name: 'outbox-dispatch',
    priority: 'high',
    retries: 0,
    backoffMs: 1000,
    timeoutMs: 60_000,
  }),
  /** No bee-queue retries: the delivery service schedules its own (services/webhooks/delivery.ts). */
  webhookDeliver: defineJob<WebhookDeliverJobData>({
    name: 'webhook-deliver',
    priority: 'high',
    retries: 0,
    backoffMs: 1000,
    timeoutMs: 30_000,
  }),
  /** No retries: a failed build is the user's to fix; a worker dying mid-build re-runs it (stall). */
  paasDeploy: defineJob<PaasDeployJobData>({
    name: 'paas-deploy',
    retries: 0,
    backoffMs: 5000,
    timeoutMs: 30 * 60_000,
  }),
  paasControl: defineJob<PaasControlJobData>({
    name: 'paas-control',
    retries: 3,
    backoffMs: 2000,
    timeoutMs: 5 * 60_000,
  }),
  /** One retry after 5 minutes: a backup failing twice needs a person (disk full, S3 down); tomorrow's run comes anyway. */
  backup: defineJob<BackupJobData>({
    name: 'backup',
    priority: 'low',
    retries: 1,
    backoffMs: 5 * 60_000,
    timeoutMs: 3 * 3_600_000,
  }),
} as const;
