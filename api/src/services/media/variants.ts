import type { TransactionRunner, Tx } from '../../repositories/database.js';
import type { MediaRepository, MediaVariant } from '../../repositories/media.repository.js';
import type { OutboxEvent } from '../../repositories/outbox.repository.js';
import type { StorageRepository } from '../../repositories/storage.repository.js';
import { IMMUTABLE_CACHE_CONTROL, plannedVariants, sortVariants, VARIANT_MIME, variantKey } from './image-policy.js';
import { probe, renderVariant } from './image-processing.js';

export type VariantStore = Pick<MediaRepository, 'findById' | 'saveVariants' | 'setStatus'>;
export type VariantObjects = Pick<StorageRepository, 'getBuffer' | 'put'>;
export interface EventWriter {
  add(event: OutboxEvent, tx: Tx): Promise<string>;
}

export interface VariantsResult {
  /** True when the media row no longer exists (deleted before the job ran). */
  gone: boolean;
  made: number;
  total: number;
}

/**
 * Makes the responsive copies of one original (the `media-variants` job). Idempotent: every
 * variant is recorded as soon as it is stored, so a retry makes only the missing ones, and a job
 * for media that is already complete just marks it ready.
 */
export class MediaVariantsService {
  constructor(
    private readonly media: VariantStore,
    private readonly objects: VariantObjects,
    private readonly tx: TransactionRunner,
    private readonly outbox: EventWriter,
    private readonly onReady: () => Promise<unknown> = async () => undefined,
  ) {}

  async generate(mediaId: string): Promise<VariantsResult> {
    const row = await this.media.findById(mediaId);
    if (!row) return { gone: true, made: 0, total: 0 };
    const original = await this.objects.getBuffer(row.storageKey);
    const info = await probe(original);
    const variants: MediaVariant[] = [...(row.variants ?? [])];
    let made = 0;
    for (const planned of plannedVariants(info, variants)) {
      const out = await renderVariant(original, planned.width, planned.format);
      const key = variantKey(row.sha256, planned.width, planned.format);
      await this.objects.put(key, out.data, VARIANT_MIME[planned.format], { cacheControl: IMMUTABLE_CACHE_CONTROL });
      variants.push({ width: out.width, height: out.height, key, format: planned.format, bytes: out.data.length });
      made++;
      if (!(await this.media.saveVariants(mediaId, sortVariants(variants), 'processing')))
        return { gone: true, made, total: variants.length };
    }
    const saved = await this.tx.run(async (tx) => {
      if (!(await this.media.saveVariants(mediaId, sortVariants(variants), 'ready', tx))) return false;
      await this.outbox.add(
        {
          type: 'media.updated',
          aggregateType: 'media',
          aggregateId: mediaId,
          payload: { id: mediaId, fields: ['variants', 'status'], status: 'ready', at: new Date().toISOString() },
        },
        tx,
      );
      // Pages that show the image can now offer the responsive variants: rebuild them.
      if (made > 0) {
        await this.outbox.add(
          {
            type: 'site.changed',
            aggregateType: 'media',
            aggregateId: mediaId,
            payload: { cause: 'media.updated', at: new Date().toISOString() },
          },
          tx,
        );
      }
      return true;
    });
    if (saved && made > 0) await this.onReady();
    return { gone: !saved, made, total: variants.length };
  }

  /** After the last retry: the original stays served, the admin sees `failed`. */
  async markFailed(mediaId: string): Promise<void> {
    await this.media.setStatus(mediaId, 'failed');
  }
}
