import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { MediaVariantsService } from '../services/media/variants.js';
import { Jobs } from './job-spec.js';
import { createMediaVariantsJob, nextOrphanSweep } from './media.jobs.js';

const logger = pino({ level: 'silent' });

describe('media-variants job', () => {
  it('marks the media failed on the last attempt only, and still fails the job', async () => {
    const failed: string[] = [];
    const variants = {
      generate: async () => {
        throw new Error('corrupt');
      },
      markFailed: async (id: string) => void failed.push(id),
    } as unknown as MediaVariantsService;
    const handle = createMediaVariantsJob(variants, logger);
    await expect(handle({ mediaId: 'm1' }, { id: 'm1', attempt: 1 })).rejects.toThrow('corrupt');
    expect(failed).toEqual([]);
    await expect(handle({ mediaId: 'm1' }, { id: 'm1', attempt: Jobs.mediaVariants.retries + 1 })).rejects.toThrow(
      'corrupt',
    );
    expect(failed).toEqual(['m1']);
  });
});

describe('nextOrphanSweep', () => {
  it('is the next 03:30 UTC, the same for every tick before it', () => {
    expect(nextOrphanSweep(new Date('2026-05-01T01:00:00Z')).toISOString()).toBe('2026-05-01T03:30:00.000Z');
    expect(nextOrphanSweep(new Date('2026-05-01T03:29:59Z')).toISOString()).toBe('2026-05-01T03:30:00.000Z');
    expect(nextOrphanSweep(new Date('2026-05-01T03:30:00Z')).toISOString()).toBe('2026-05-02T03:30:00.000Z');
    expect(nextOrphanSweep(new Date('2026-05-01T23:00:00Z')).toISOString()).toBe('2026-05-02T03:30:00.000Z');
  });
});
