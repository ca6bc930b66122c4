import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { MediaPage, MediaView, UpdateMediaRequest } from '../../dtos/media.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { TransactionRunner } from '../../repositories/database.js';
import {
  CLEARABLE_USAGE_FIELDS,
  type MediaRepository,
  type MediaRow,
  type MediaUsage,
} from '../../repositories/media.repository.js';
import type { StorageRepository } from '../../repositories/storage.repository.js';
import { changes, type AuditService } from '../audit.service.js';
import { actorUserId, type Actor } from '../auth/principal.js';
import type { ContentChanges } from '../content/content-changes.js';
import { clampLimit, decodeCursor, encodeCursor } from '../content/cursor.js';
import { CACHE_NS } from '../content/events.js';
import { detectImageType, IMMUTABLE_CACHE_CONTROL, originalKey } from './image-policy.js';
import { normalizeOriginal } from './image-processing.js';
import { mediaView, objectKeys } from './media-views.js';

/** What multer hands over (memory storage). */
export interface UploadedImage {
  buffer: Buffer;
  originalname: string;
  size: number;
}

export interface MediaJobs {
  enqueueVariants(mediaId: string): Promise<void>;
}

export type MediaStore = Pick<
  MediaRepository,
  'insert' | 'findById' | 'findBySha' | 'list' | 'update' | 'delete' | 'usages' | 'clearUsages'
>;
export type MediaObjects = Pick<StorageRepository, 'put' | 'deleteMany' | 'publicUrl'>;

const ALT_MAX = 500;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const text = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();

/**
 * The media library. An upload stores the object first and then the row, and undoes the object
 * when the row cannot be written, so a failure leaves neither a row without an object nor an
 * object without a row (the daily orphan sweep catches the one case this cannot: a process killed
 * between the two steps).
 */
export class MediaService {
  constructor(
    private readonly media: MediaStore,
    private readonly objects: MediaObjects,
    private readonly tx: TransactionRunner,
    private readonly changes: ContentChanges,
    private readonly audit: AuditService,
    private readonly jobs: MediaJobs,
  ) {}

  /** `created` is false when these exact bytes are already in the library (that item is returned). */
  async upload(
    actor: Actor,
    file: UploadedImage | undefined,
    altInput?: string,
  ): Promise<{ media: MediaView; created: boolean }> {
    if (!file || !file.size) {
      throw Errors.validation('Attach the image as the multipart field "file".', [
        { field: 'file', message: 'required' },
      ]);
    }
    const alt = text(altInput ?? '');
    if (alt.length > ALT_MAX)
      throw Errors.validation('The alt text is too long.', [
        { field: 'alt', message: `at most ${ALT_MAX} characters` },
      ]);
    const type = await detectImageType(file.buffer);
    const image = await normalizeOriginal(file.buffer, type);
    const sha256 = createHash('sha256').update(image.data).digest('hex');
    const existing = await this.media.findBySha(sha256);
    if (existing) return { media: this.view(existing), created: false };

    const filename = text(file.originalname.replace(/^.*[\\/]/, '')).slice(0, 255) || `image.${type.ext}`;
    const key = originalKey(sha256, filename, type.ext);
    try {
      await this.objects.put(key, image.data, type.mime, { cacheControl: IMMUTABLE_CACHE_CONTROL });
    } catch {
      throw Errors.storageUnavailable(
        'The media store could not be reached, so nothing was saved. Try again shortly.',
        undefined,
        { 'Retry-After': '30' },
      );
    }
    const id = uuidv7();
    try {
      await this.tx.run(async (tx) => {
        await this.media.insert(
          {
            id,
            storageKey: key,
            filename,
            mimeType: type.mime,
            sizeBytes: image.data.length,
            width: image.width,
            height: image.height,
            alt,
            sha256,
            status: 'processing',
            variants: [],
            uploadedBy: actorUserId(actor),
          },
          tx,
        );
        await this.changes.emit(
          tx,
          'media.created',
          { type: 'media', id },
          { id, filename, mimeType: type.mime },
          false,
        );
      });
    } catch (err) {
      const raced = await this.media.findBySha(sha256).catch(() => undefined);
      // The same bytes were uploaded concurrently and that row won: it owns the sha directory.
      if (raced?.storageKey === key) return { media: this.view(raced), created: false };
      await this.objects.deleteMany([key]).catch(() => undefined);
      if (raced) return { media: this.view(raced), created: false };
      throw err;
    }
    await this.audit.record(
      actor,
      'media.upload',
      { type: 'media', id },
      { filename, mimeType: type.mime, sizeBytes: image.data.length },
    );
    // Committed first, then enqueued: the job must find the row. A lost enqueue is retried by the sweep.
    await this.jobs.enqueueVariants(id).catch(() => undefined);
    return { media: this.view(await this.require(id)), created: true };
  }

  async get(id: string): Promise<MediaView> {
    return this.view(await this.require(id));
  }

  async list(q: { limit?: number; cursor?: string; q?: string }): Promise<MediaPage> {
    const limit = clampLimit(q.limit, 50, 100);
    const before = decodeCursor(q.cursor, ['string'])?.[0] as string | undefined;
    const rows = await this.media.list({ limit: limit + 1, before, search: q.q?.trim() || undefined });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => this.view(r)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
    };
  }

  async update(actor: Actor, id: string, input: UpdateMediaRequest): Promise<MediaView> {
    const row = await this.require(id);
    this.assertCanModify(actor, row);
    const patch: Partial<Pick<MediaRow, 'alt' | 'focalX' | 'focalY'>> = {};
    if (input.alt !== undefined) patch.alt = text(input.alt);
    if (input.focalX !== undefined) patch.focalX = input.focalX;
    if (input.focalY !== undefined) patch.focalY = input.focalY;
    const focalX = patch.focalX !== undefined ? patch.focalX : row.focalX;
    const focalY = patch.focalY !== undefined ? patch.focalY : row.focalY;
    if ((focalX === null) !== (focalY === null)) {
      const missing = focalX === null ? 'body.focalX' : 'body.focalY';
      throw Errors.validation('A focal point needs both coordinates (or neither).', [
        { field: missing, message: 'set focalX and focalY together' },
      ]);
    }
    const diff = changes({ alt: row.alt, focalX: row.focalX, focalY: row.focalY }, patch);
    if (!Object.keys(diff).length) return this.view(row);
    const used = await this.tx.run(async (tx) => {
      await this.media.update(id, patch, tx);
      // Alt text and crop show on the public site wherever the image is used.
      const inUse = (await this.media.usages(row, tx)).length > 0;
      await this.changes.emit(tx, 'media.updated', { type: 'media', id }, { id, fields: Object.keys(diff) }, inUse);
      return inUse;
    });
    // Public posts and projects embed the image (alt, focal point): their cached answers are stale now.
    if (used) await this.changes.invalidate(CACHE_NS.posts, CACHE_NS.projects);
    await this.audit.record(actor, 'media.update', { type: 'media', id }, diff);
    return this.get(id);
  }

  /**
   * Refuses (409) while anything shows the media. `force` clears the reference fields (covers, OG
   * images, galleries) in the same transaction; an image inside a text or the settings is never
   * cut out behind the writer's back, so while one exists the answer stays 409. Objects go after
   * the commit; if that fails they are orphans without a row, which the sweep deletes.
   */
  async delete(actor: Actor, id: string, force = false): Promise<void> {
    const { row, cleared, shared } = await this.tx.run(async (tx) => {
      const found = await this.media.findById(id, tx, true);
      if (!found) throw Errors.notFound('Media not found.');
      this.assertCanModify(actor, found);
      const usages = await this.media.usages(found, tx, true);
      const inText = usages.filter((u) => !CLEARABLE_USAGE_FIELDS.has(u.field));
      if (inText.length || (usages.length && !force)) throw inUse(usages, inText.length > 0);
      if (usages.length) await this.media.clearUsages(id, tx);
      await this.media.delete(id, tx);
      await this.changes.emit(
        tx,
        'media.deleted',
        { type: 'media', id },
        { id, clearedFrom: usages.map((u) => ({ type: u.type, id: u.id, field: u.field })) },
        usages.length > 0,
      );
      // Two rows can share a sha directory only after a concurrent duplicate upload; keep its objects.
      return { row: found, cleared: usages, shared: Boolean(await this.media.findBySha(found.sha256, tx)) };
    });
    if (cleared.length) await this.changes.invalidate(CACHE_NS.posts, CACHE_NS.projects);
    if (!shared) await this.objects.deleteMany(objectKeys(row)).catch(() => undefined);
    await this.audit.record(
      actor,
      'media.delete',
      { type: 'media', id },
      {
        filename: row.filename,
        force,
        clearedFrom: cleared.map((u) => `${u.type}:${u.id}:${u.field}`),
      },
    );
  }

  private async require(id: string): Promise<MediaRow> {
    const row = await this.media.findById(id);
    if (!row) throw Errors.notFound('Media not found.');
    return row;
  }

  /** Authors manage the files they uploaded; editors and admins (and API keys with media:write) all. */
  private assertCanModify(actor: Actor, row: MediaRow): void {
    const p = actor.principal;
    if (p.kind === 'user' && p.role === 'author' && row.uploadedBy !== p.userId) {
      throw Errors.forbidden('Authors can change or delete only the media they uploaded.');
    }
  }

  private view(row: MediaRow): MediaView {
    return mediaView(row, (key) => this.objects.publicUrl(key));
  }
}

const PLACE: Record<MediaUsage['field'], string> = {
  coverMediaId: 'cover image',
  ogImageMediaId: 'social image',
  imageIds: 'gallery',
  content: 'text',
  body: 'description',
  pendingChanges: 'unpublished changes',
  value: 'value',
};

/** The 409: each place as an error (`field`, a readable `message`, the usage as `value` with `clearable`). */
function inUse(usages: MediaUsage[], inText: boolean) {
  const detail = inText
    ? `The media is shown inside ${usages.filter((u) => !CLEARABLE_USAGE_FIELDS.has(u.field)).length} text(s) or setting(s). Remove it from there first; it cannot be deleted while a text shows it.`
    : `The media is used in ${usages.length} place(s). Remove it there first, or delete with ?force=true to clear those references.`;
  return Errors.mediaInUse(
    detail,
    usages.map((u) => ({
      field: u.field,
      message: u.type === 'settings' ? `site settings: ${u.title}` : `${u.type} "${u.title}" (${PLACE[u.field]})`,
      value: { ...u, clearable: CLEARABLE_USAGE_FIELDS.has(u.field) },
    })),
  );
}
