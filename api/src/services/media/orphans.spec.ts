import { describe, expect, it } from 'vitest';
import type { StoredObject } from '../../repositories/storage.repository.js';
import { MediaOrphanService, type OrphanObjects, type OrphanStore } from './orphans.js';

const NOW = new Date('2026-05-01T12:00:00Z');
const sha = (c: string) => c.repeat(64);
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

class FakeObjects implements OrphanObjects {
  constructor(public objects: StoredObject[]) {}
  async *list(_prefix: string, pageSize = 1000) {
    const sorted = [...this.objects].sort((a, b) => a.key.localeCompare(b.key));
    for (let i = 0; i < sorted.length; i += pageSize) yield sorted.slice(i, i + pageSize);
  }
  async deleteMany(keys: string[]) {
    this.objects = this.objects.filter((o) => !keys.includes(o.key));
  }
}

function setup(objects: StoredObject[], owned: string[], stuck: string[] = []) {
  const store: OrphanStore = {
    existingShas: async (shas) => new Set(shas.filter((s) => owned.includes(s))),
    stuckProcessing: async () => stuck,
  };
  const storage = new FakeObjects(objects);
  const requeued: string[] = [];
  const service = new MediaOrphanService(store, storage, { enqueueVariants: async (id) => void requeued.push(id) });
  return { storage, requeued, service };
}

describe('MediaOrphanService', () => {
  it('deletes only old objects of sha directories without a row, across pages', async () => {
    const { service, storage } = setup(
      [
        { key: `media/${sha('a')}/photo.jpg`, size: 1, lastModified: ago(600) },
        { key: `media/${sha('a')}/w320.webp`, size: 1, lastModified: ago(600) },
        { key: `media/${sha('b')}/lost.png`, size: 1, lastModified: ago(61) },
        { key: `media/${sha('b')}/w320.webp`, size: 1, lastModified: ago(61) },
        { key: `media/${sha('c')}/uploading.png`, size: 1, lastModified: ago(5) },
        { key: 'media/readme.txt', size: 1, lastModified: ago(6000) },
      ],
      [sha('a')],
    );
    const report = await service.run(NOW, 2);
    expect(report).toEqual({ scanned: 6, deleted: 2, young: 1, foreign: 1, requeued: 0 });
    expect(storage.objects.map((o) => o.key).sort()).toEqual([
      `media/${sha('a')}/photo.jpg`,
      `media/${sha('a')}/w320.webp`,
      `media/${sha('c')}/uploading.png`,
      'media/readme.txt',
    ]);
  });

  it('re-enqueues the variants of media stuck in processing', async () => {
    const { service, requeued } = setup([], [], ['m1', 'm2']);
    expect((await service.run(NOW)).requeued).toBe(2);
    expect(requeued).toEqual(['m1', 'm2']);
  });
});
