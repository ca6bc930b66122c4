import type { MediaRepository } from '../../repositories/media.repository.js';
import type { StorageRepository } from '../../repositories/storage.repository.js';
import { MEDIA_PREFIX, shaOfKey } from './image-policy.js';
import type { MediaJobs } from './media.service.js';

export type OrphanStore = Pick<MediaRepository, 'existingShas' | 'stuckProcessing'>;
export type OrphanObjects = Pick<StorageRepository, 'list' | 'deleteMany'>;

export interface OrphanReport {
  /** Objects under `media/` looked at. */
  scanned: number;
  /** Objects whose sha directory has no row, older than the grace period: deleted. */
  deleted: number;
  /** Orphans younger than the grace period (probably an upload in flight): kept for the next run. */
  young: number;
  /** Keys under `media/` that this library did not write (not `media/<sha256>/…`): left alone. */
  foreign: number;
  /** Media still `processing` after the grace period whose variants job was enqueued again. */
  requeued: number;
}

export const ORPHAN_GRACE_MS = 3_600_000;

/**
 * The daily sweep (`media-orphans` job): deletes objects that no media row owns, which only a
 * crash between "object stored" and "row written" (or a failed object delete) can leave behind,
 * and re-enqueues variants jobs that were lost. An upload stores its object before its row, so
 * objects younger than the grace period are never touched.
 */
export class MediaOrphanService {
  constructor(
    private readonly media: OrphanStore,
    private readonly objects: OrphanObjects,
    private readonly jobs: MediaJobs,
    private readonly graceMs = ORPHAN_GRACE_MS,
  ) {}

  async run(now: Date, pageSize = 1000): Promise<OrphanReport> {
    const cutoff = now.getTime() - this.graceMs;
    const report: OrphanReport = { scanned: 0, deleted: 0, young: 0, foreign: 0, requeued: 0 };
    for await (const page of this.objects.list(MEDIA_PREFIX, pageSize)) {
      report.scanned += page.length;
      const shas = [...new Set(page.map((o) => shaOfKey(o.key)).filter((s): s is string => Boolean(s)))];
      const owned = await this.media.existingShas(shas);
      const doomed: string[] = [];
      for (const object of page) {
        const sha = shaOfKey(object.key);
        if (!sha) report.foreign++;
        else if (owned.has(sha)) continue;
        else if (object.lastModified.getTime() > cutoff) report.young++;
        else doomed.push(object.key);
      }
      if (doomed.length) await this.objects.deleteMany(doomed);
      report.deleted += doomed.length;
    }
    for (const id of await this.media.stuckProcessing(new Date(cutoff))) {
      await this.jobs.enqueueVariants(id);
      report.requeued++;
    }
    return report;
  }
}
