import type { Infrastructure } from '../composition/infrastructure.js';
import { Jobs } from '../jobs/job-spec.js';
import { nextOrphanSweep } from '../jobs/media.jobs.js';

// What the worker enqueues on a clock. Every tick uses a fixed job id per period, so several workers
// ticking together still produce one job per period.

const DAY_MS = 86_400_000;

/** The next daily backup time; its ISO form is the job id, so every worker's tick means one job. */
export function nextDailyBackup(now: Date, hourUtc: number): Date {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS + hourUtc * 3_600_000;
  return new Date(today > now.getTime() ? today : today + DAY_MS);
}

/** Enqueues the next daily backup (called from the worker's recurring tick). */
export function scheduleDailyBackup(infra: Infrastructure): void {
  const at = nextDailyBackup(new Date(), infra.env.BACKUP_HOUR_UTC);
  const slot = at.toISOString();
  infra.queues
    .enqueue(
      Jobs.backup,
      { slot, trigger: 'scheduled' },
      { id: `backup:${slot}`, runAt: at, onceForMs: at.getTime() - Date.now() + 3_600_000 },
    )
    .catch((err: Error) => infra.logger.warn({ err: err.message }, 'could not schedule the daily backup'));
}

const HOUR = 3_600_000;

/**
 * Periodic jobs. Each worker enqueues the current slot with a fixed job id, and the id is remembered
 * for the slot (`onceForMs`: bee-queue forgets ids of succeeded jobs), so with several workers
 * ticking every 15 minutes the slot still runs once.
 */
export function scheduleRecurring(infra: Infrastructure): () => void {
  const tick = () => {
    const slot = new Date(Math.floor(Date.now() / HOUR) * HOUR).toISOString();
    infra.queues
      .enqueue(Jobs.cleanup, { slot }, { id: `cleanup:${slot}`, onceForMs: 2 * HOUR })
      .catch((err: Error) => infra.logger.warn({ err: err.message }, 'could not schedule cleanup'));
    const sweep = nextOrphanSweep(new Date());
    infra.queues
      .enqueue(
        Jobs.mediaOrphans,
        { slot: sweep.toISOString() },
        { id: `media-orphans:${sweep.toISOString()}`, runAt: sweep, onceForMs: sweep.getTime() - Date.now() + HOUR },
      )
      .catch((err: Error) => infra.logger.warn({ err: err.message }, 'could not schedule the media orphan sweep'));
    scheduleDailyBackup(infra);
  };
  tick();
  const timer = setInterval(tick, HOUR / 4);
  const minute = setInterval(() => {
    const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    infra.queues
      .enqueue(Jobs.publishDue, { slot }, { id: `publish-due:${slot}`, onceForMs: 120_000 })
      .catch(() => undefined);
  }, 60_000);
  return () => {
    clearInterval(timer);
    clearInterval(minute);
  };
}

/**
 * Outbox dispatch every second. Each worker enqueues the current second with a fixed job id, so
 * workers ticking together produce one job; a Redis lease inside the job (services/webhooks/dispatcher.ts, via composition/webhooks.ts)
 * keeps passes from overlapping when one runs long or two workers' seconds straddle.
 */
export function scheduleOutboxDispatch(infra: Infrastructure, everyMs = 1000): () => void {
  const timer = setInterval(() => {
    const tick = new Date(Math.floor(Date.now() / everyMs) * everyMs).toISOString();
    infra.queues
      .enqueue(Jobs.outboxDispatch, { tick }, { id: `outbox-dispatch:${tick}`, onceForMs: 2 * everyMs })
      .catch((err: Error) => infra.logger.warn({ err: err.message }, 'could not schedule outbox dispatch'));
  }, everyMs);
  return () => clearInterval(timer);
}
