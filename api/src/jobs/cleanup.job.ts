import type { Logger } from 'pino';
import type { CleanupService } from '../services/cleanup.service.js';
import type { CleanupJobData } from './job-spec.js';

export function createCleanupJob(cleanup: CleanupService, logger: Logger) {
  return async (data: CleanupJobData) => {
    const removed = await cleanup.run(new Date());
    logger.info({ slot: data.slot, ...removed }, 'cleanup done');
    return removed;
  };
}
