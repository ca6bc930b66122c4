import { Jobs } from '../jobs/job-spec.js';
import { AuditRepository } from '../repositories/audit.repository.js';
import type { CacheRepository } from '../repositories/cache.repository.js';
import { TransactionRunner } from '../repositories/database.js';
import { MediaRepository } from '../repositories/media.repository.js';
import { AuditService } from '../services/audit.service.js';
import { ContentChanges } from '../services/content/content-changes.js';
import { CACHE_NS } from '../services/content/events.js';
import { MediaService } from '../services/media/media.service.js';
import { MediaOrphanService } from '../services/media/orphans.js';
import { MediaVariantsService } from '../services/media/variants.js';
import { createOutbox, createReadCache, type Infrastructure } from './infrastructure.js';

/** The media library; shared by the API (uploads) and the worker (variants, orphan sweep). */
export function composeMedia(
  infra: Infrastructure,
  audit = new AuditService(new AuditRepository(infra.database.db)),
  cache: CacheRepository = createReadCache(infra),
) {
  const { database, storage, queues } = infra;
  const repo = new MediaRepository(database.db);
  const outbox = createOutbox(infra);
  const tx = new TransactionRunner(database.db);
  const jobs = {
    enqueueVariants: async (mediaId: string) =>
      void (await queues.enqueue(Jobs.mediaVariants, { mediaId }, { id: mediaId })),
  };
  return {
    service: new MediaService(repo, storage, tx, new ContentChanges(outbox, cache), audit, jobs),
    // Posts and projects embed the variants: new ones make their cached public answers stale.
    variants: new MediaVariantsService(repo, storage, tx, outbox, () =>
      cache.invalidate(CACHE_NS.posts, CACHE_NS.projects, CACHE_NS.pages).catch(() => undefined),
    ),
    orphans: new MediaOrphanService(repo, storage, jobs),
  };
}
