import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.js';
import type { AuditRepository } from '../../repositories/audit.repository.js';
import type { TransactionRunner, Tx } from '../../repositories/database.js';
import type { MediaRow, MediaUsage, NewMedia } from '../../repositories/media.repository.js';
import type { OutboxEvent } from '../../repositories/outbox.repository.js';
import { AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import { ContentChanges } from '../content/content-changes.js';
import { MediaService, type MediaObjects, type MediaStore } from './media.service.js';

const actor: Actor = {
  principal: {
    kind: 'user',
    userId: 'u1',
    role: 'editor',
    sessionFamilyId: 'f',
    jti: 'j',
    tokenExpiresAt: 0,
    via: 'bearer',
  },
  ip: '127.0.0.1',
  userAgent: 'spec',
};

/** In-memory rows; a failing insert simulates the database refusing the row. */
class FakeStore implements MediaStore {
  rows = new Map<string, MediaRow>();
  usageList: MediaUsage[] = [];
  failInsert = false;
  cleared = 0;
  async insert(row: NewMedia) {
    if (this.failInsert) throw new Error('db down');
    const now = new Date();
    this.rows.set(row.id, {
      width: null,
      height: null,
      alt: '',
      focalX: null,
      focalY: null,
      variants: null,
      status: 'processing',
      uploadedBy: null,
      createdAt: now,
      updatedAt: now,
      ...row,
    } as MediaRow);
  }
  async findById(id: string) {
    return this.rows.get(id);
  }
  async findBySha(sha: string) {
    return [...this.rows.values()].find((r) => r.sha256 === sha);
  }
  async list() {
    return [...this.rows.values()];
  }
  async update(id: string, patch: Partial<MediaRow>) {
    Object.assign(this.rows.get(id)!, patch);
  }
  async delete(id: string) {
    this.rows.delete(id);
  }
  async usages() {
    return this.usageList;
  }
  async clearUsages() {
    this.cleared++;
    this.usageList = [];
  }
}

class FakeObjects implements MediaObjects {
  objects = new Map<string, { contentType: string; cacheControl?: string }>();
  failPut = false;
  async put(key: string, _body: Buffer | Uint8Array, contentType: string, options: { cacheControl?: string } = {}) {
    if (this.failPut) throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    this.objects.set(key, { contentType, cacheControl: options.cacheControl });
  }
  async deleteMany(keys: string[]) {
    for (const k of keys) this.objects.delete(k);
  }
  publicUrl(key: string) {
    return `https://cdn.test/${key}`;
  }
}

function setup() {
  const store = new FakeStore();
  const objects = new FakeObjects();
  const events: OutboxEvent[] = [];
  const enqueued: string[] = [];
  const tx = { run: (fn: (tx: Tx) => Promise<unknown>) => fn({} as Tx) } as unknown as TransactionRunner;
  const changes = new ContentChanges({ add: async (e) => (events.push(e), 'id') }, { invalidate: async () => {} });
  const audit = new AuditService({ insert: async () => {} } as unknown as AuditRepository);
  const service = new MediaService(store, objects, tx, changes, audit, {
    enqueueVariants: async (id) => void enqueued.push(id),
  });
  return { store, objects, events, enqueued, service };
}

const png = (color = '#c33') =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
    .png()
    .toBuffer();
const file = async (buffer?: Buffer, name = 'Kırmızı.png') => {
  const b = buffer ?? (await png());
  return { buffer: b, originalname: name, size: b.length };
};
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as AppError,
  );

describe('MediaService.upload', () => {
  it('stores the object with immutable caching, then the row and its event, then enqueues the variants', async () => {
    const { service, store, objects, events, enqueued } = setup();
    const { media, created } = await service.upload(actor, await file(), ' Bir kare ');
    expect(created).toBe(true);
    expect(media).toMatchObject({
      filename: 'Kırmızı.png',
      mimeType: 'image/png',
      width: 40,
      height: 30,
      alt: 'Bir kare',
      status: 'processing',
    });
    expect(media.url).toBe(`https://cdn.test/media/${media.sha256}/kirmizi.png`);
    expect([...objects.objects.values()][0]).toEqual({
      contentType: 'image/png',
      cacheControl: 'public, max-age=31536000, immutable',
    });
    expect(store.rows.size).toBe(1);
    expect(events.map((e) => e.type)).toEqual(['media.created']);
    expect(enqueued).toEqual([media.id]);
  });

  it('when S3 fails: 503 STORAGE_UNAVAILABLE and no row', async () => {
    const { service, store, objects } = setup();
    objects.failPut = true;
    const err = await failure(service.upload(actor, await file()));
    expect(err.code).toBe('STORAGE_UNAVAILABLE');
    expect(err.status).toBe(503);
    expect(store.rows.size).toBe(0);
  });

  it('when the row cannot be written: the stored object is deleted again', async () => {
    const { service, store, objects } = setup();
    store.failInsert = true;
    await expect(service.upload(actor, await file())).rejects.toThrow('db down');
    expect(objects.objects.size).toBe(0);
    expect(store.rows.size).toBe(0);
  });

  it('returns the existing item for bytes already in the library', async () => {
    const { service, store } = setup();
    const first = await service.upload(actor, await file());
    const again = await service.upload(actor, await file(undefined, 'other-name.png'));
    expect(again).toEqual({ media: first.media, created: false });
    expect(store.rows.size).toBe(1);
  });

  it('refuses a missing file, non-images and overlong alt text before touching storage', async () => {
    const { service, objects } = setup();
    expect((await failure(service.upload(actor, undefined))).errors?.[0]?.field).toBe('file');
    expect(
      (
        await failure(
          service.upload(actor, await file(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.png')),
        )
      ).status,
    ).toBe(415);
    expect((await failure(service.upload(actor, await file(), 'a'.repeat(501)))).errors?.[0]?.field).toBe('alt');
    const truncated = (await png()).subarray(0, 60);
    expect((await failure(service.upload(actor, await file(truncated)))).status).toBe(422);
    expect(objects.objects.size).toBe(0);
  });
});

describe('MediaService.update and delete', () => {
  it('needs both focal coordinates', async () => {
    const { service } = setup();
    const { media } = await service.upload(actor, await file());
    const err = await failure(service.update(actor, media.id, { focalX: 30 }));
    expect(err.errors?.[0]?.field).toBe('body.focalY');
    expect(await service.update(actor, media.id, { focalX: 30, focalY: 70, alt: 'Yeni' })).toMatchObject({
      focalX: 30,
      focalY: 70,
      alt: 'Yeni',
    });
  });

  it('refuses to delete media in use (409 listing the places), and force clears them', async () => {
    const { service, store, objects, events } = setup();
    const { media } = await service.upload(actor, await file());
    store.usageList = [{ type: 'post', id: 'p1', title: 'Merhaba', slug: 'merhaba', field: 'coverMediaId' }];
    const err = await failure(service.delete(actor, media.id));
    expect(err.code).toBe('MEDIA_IN_USE');
    expect(err.errors?.[0]).toMatchObject({ field: 'coverMediaId', value: { type: 'post', id: 'p1' } });
    expect(store.rows.size).toBe(1);

    await service.delete(actor, media.id, true);
    expect(store.cleared).toBe(1);
    expect(store.rows.size).toBe(0);
    expect(objects.objects.size).toBe(0);
    expect(events.map((e) => e.type)).toEqual(['media.created', 'media.deleted', 'site.changed']);
  });

  it('never deletes media a text shows, even with force (the text would show a broken image)', async () => {
    const { service, store } = setup();
    const { media } = await service.upload(actor, await file());
    store.usageList = [
      { type: 'post', id: 'p1', title: 'Merhaba', slug: 'merhaba', field: 'coverMediaId' },
      { type: 'page', id: 'g1', title: 'Hakkımda', slug: 'about', field: 'content' },
    ];
    const err = await failure(service.delete(actor, media.id, true));
    expect(err.code).toBe('MEDIA_IN_USE');
    expect(err.errors?.map((e) => e.value)).toEqual([
      expect.objectContaining({ type: 'post', clearable: true }),
      expect.objectContaining({ type: 'page', field: 'content', clearable: false }),
    ]);
    expect(store.cleared).toBe(0);
    expect(store.rows.size).toBe(1);
  });

  it('lets authors change only their own uploads', async () => {
    const { service } = setup();
    const { media } = await service.upload(actor, await file());
    const author: Actor = {
      ...actor,
      principal: { ...actor.principal, userId: 'u2', role: 'author' } as Actor['principal'],
    };
    expect((await failure(service.delete(author, media.id))).status).toBe(403);
  });
});
