import type { Logger } from 'pino';
import type { MediaOrphanService } from '../services/media/orphans.js';
import type { MediaVariantsService } from '../services/media/variants.js';
import { Jobs, type MediaOrphansJobData, type MediaVariantsJobData } from './job-spec.js';

/** `media-variants` (job id = media id). The last failed attempt marks the media `failed`. */
export function createMediaVariantsJob(variants: MediaVariantsService, logger: Logger) {
  return async (data: MediaVariantsJobData, job: { id: string; attempt: number }) => {
    try {
      const result = await variants.generate(data.mediaId);
      logger.info(
        { jobId: job.id, mediaId: data.mediaId, ...result },
        result.gone ? 'media gone; variants skipped' : 'media variants done',
      );
      return result;
    } catch (err) {
      if (job.attempt > Jobs.mediaVariants.retries) {
        await variants
          .markFailed(data.mediaId)
          .catch((e: Error) => logger.warn({ mediaId: data.mediaId, err: e.message }, 'could not mark media failed'));
      }
      throw err;
    }
  };
}

/** `media-orphans`, daily: deletes objects no media row owns; logs and returns the counts. */
export function createMediaOrphansJob(orphans: MediaOrphanService, logger: Logger) {
  return async (data: MediaOrphansJobData) => {
    const report = await orphans.run(new Date());
    logger.info({ slot: data.slot, ...report }, 'media orphan sweep done');
    return report;
  };
}

const DAY = 86_400_000;
const SWEEP_AT_MS = 3.5 * 3_600_000; // 03:30 UTC, away from midnight's scheduled posts

/**
 * The next daily sweep time. Enqueued as a delayed job with this time in its id, so every tick
 * before it refers to the same job, and it runs once a day however many workers tick.
 */
export function nextOrphanSweep(now: Date): Date {
  const today = Math.floor(now.getTime() / DAY) * DAY + SWEEP_AT_MS;
  return new Date(today > now.getTime() ? today : today + DAY);
}
