import { and, desc, eq, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { media, pages, posts, projects, siteSettings } from '../db/schema.js';
import type { Db, DbOrTx } from './database.js';

export type MediaRow = typeof media.$inferSelect;
export type NewMedia = typeof media.$inferInsert & { id: string };
export type MediaStatus = MediaRow['status'];
export type MediaVariant = NonNullable<MediaRow['variants']>[number];

/**
 * One place a media item is shown. A reference field (a post's cover or OG image, a project's
 * gallery) can be cleared; an image inside a text (post, page or project body, a post's pending
 * changes) or a settings value can only be removed by editing that text.
 */
export interface MediaUsage {
  type: 'post' | 'page' | 'project' | 'settings';
  id: string;
  title: string;
  slug: string;
  field: 'coverMediaId' | 'ogImageMediaId' | 'imageIds' | 'content' | 'body' | 'pendingChanges' | 'value';
}

export const CLEARABLE_USAGE_FIELDS: ReadonlySet<MediaUsage['field']> = new Set([
  'coverMediaId',
  'ogImageMediaId',
  'imageIds',
]);

/** `%` and `_` are LIKE wildcards; a search for "50%" must find the literal text. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Media rows and the rows that point at them. Rules live in services/media. */
export class MediaRepository {
  constructor(private readonly db: Db) {}

  async insert(row: NewMedia, tx: DbOrTx = this.db): Promise<void> {
    await tx.insert(media).values(row);
  }

  /** With `lock`, the row stays locked (FOR UPDATE) until the caller's transaction ends. */
  async findById(id: string, tx: DbOrTx = this.db, lock = false): Promise<MediaRow | undefined> {
    const query = tx.select().from(media).where(eq(media.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  }

  /**
   * A row holding these exact bytes. Keys are `media/<sha>/…`, so a prefix match on the unique
   * storage-key index finds it without a sha256 index.
   */
  async findByIds(ids: string[]): Promise<MediaRow[]> {
    if (!ids.length) return [];
    return this.db.select().from(media).where(inArray(media.id, ids));
  }

  async findBySha(sha256: string, tx: DbOrTx = this.db): Promise<MediaRow | undefined> {
    const [row] = await tx
      .select()
      .from(media)
      .where(like(media.storageKey, `media/${sha256}/%`))
      .limit(1);
    return row;
  }

  /** Which of these sha directories still belong to a row. */
  async existingShas(shas: string[]): Promise<Set<string>> {
    if (!shas.length) return new Set();
    const rows = await this.db.select({ sha: media.sha256 }).from(media).where(inArray(media.sha256, shas));
    return new Set(rows.map((r) => r.sha));
  }

  /** Newest first (UUIDv7 ids are time-ordered); `before` is the last id of the previous page. */
  async list(opts: { limit: number; before?: string; search?: string }): Promise<MediaRow[]> {
    const where: SQL[] = [];
    if (opts.before) where.push(lt(media.id, opts.before));
    if (opts.search) {
      const pattern = `%${escapeLike(opts.search)}%`;
      where.push(or(like(media.filename, pattern), like(media.alt, pattern))!);
    }
    return this.db
      .select()
      .from(media)
      .where(and(...where))
      .orderBy(desc(media.id))
      .limit(opts.limit);
  }

  async update(
    id: string,
    patch: Partial<Pick<MediaRow, 'alt' | 'focalX' | 'focalY'>>,
    tx: DbOrTx = this.db,
  ): Promise<void> {
    await tx
      .update(media)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(media.id, id));
  }

  async saveVariants(
    id: string,
    variants: MediaVariant[],
    status: MediaStatus,
    tx: DbOrTx = this.db,
  ): Promise<boolean> {
    const [res] = await tx.update(media).set({ variants, status, updatedAt: new Date() }).where(eq(media.id, id));
    return res.affectedRows === 1;
  }

  async setStatus(id: string, status: MediaStatus): Promise<void> {
    await this.db.update(media).set({ status, updatedAt: new Date() }).where(eq(media.id, id));
  }

  /** Rows whose variants job never finished (lost enqueue, worker gone): created before `before`. */
  async stuckProcessing(before: Date, limit = 500): Promise<string[]> {
    const rows = await this.db
      .select({ id: media.id })
      .from(media)
      .where(and(eq(media.status, 'processing'), lt(media.createdAt, before)))
      .limit(limit);
    return rows.map((r) => r.id);
  }

  async delete(id: string, tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(media).where(eq(media.id, id));
  }

  /**
   * Every place showing the media: reference fields by id, texts and settings by the storage
   * directory its URLs share (`media/<sha>/`, the original and every variant). Inside a
   * transaction the referencing rows are locked, so no reference can appear or vanish between this
   * check and the delete.
   */
  async usages(item: Pick<MediaRow, 'id' | 'sha256'>, tx: DbOrTx = this.db, lock = false): Promise<MediaUsage[]> {
    const { id } = item;
    const inText = `%${escapeLike(`media/${item.sha256}/`)}%`;
    const postQuery = tx
      .select({
        id: posts.id,
        title: posts.title,
        slug: posts.slug,
        cover: posts.coverMediaId,
        og: posts.ogImageMediaId,
        inBody: sql<number>`${posts.html} LIKE ${inText}`,
        inPending: sql<number>`COALESCE(CAST(${posts.pendingChanges} AS CHAR) LIKE ${inText} OR CAST(${posts.pendingChanges} AS CHAR) LIKE ${`%${id}%`}, 0)`,
      })
      .from(posts)
      .where(
        or(
          eq(posts.coverMediaId, id),
          eq(posts.ogImageMediaId, id),
          like(posts.html, inText),
          sql`CAST(${posts.pendingChanges} AS CHAR) LIKE ${inText}`,
          sql`CAST(${posts.pendingChanges} AS CHAR) LIKE ${`%${id}%`}`,
        ),
      );
    const inGallery = sql<number>`JSON_CONTAINS(${projects.imageIds}, JSON_QUOTE(${id}))`;
    const projectQuery = tx
      .select({
        id: projects.id,
        title: projects.title,
        slug: projects.slug,
        inGallery,
        inBody: sql<number>`${projects.html} LIKE ${inText}`,
      })
      .from(projects)
      .where(or(inGallery, like(projects.html, inText)));
    const pageQuery = tx
      .select({ id: pages.id, title: pages.title, slug: pages.slug })
      .from(pages)
      .where(like(pages.html, inText));
    // Settings hold media by URL (texts) or by id (the author's photo, `author.avatarId`).
    const settingsQuery = tx
      .select({ key: siteSettings.key })
      .from(siteSettings)
      .where(
        sql`CAST(${siteSettings.value} AS CHAR) LIKE ${inText} OR CAST(${siteSettings.value} AS CHAR) LIKE ${`%${escapeLike(JSON.stringify(id))}%`}`,
      );
    const [postRows, projectRows, pageRows, settingRows] = lock
      ? [
          await postQuery.for('update'),
          await projectQuery.for('update'),
          await pageQuery.for('update'),
          await settingsQuery.for('update'),
        ]
      : [await postQuery, await projectQuery, await pageQuery, await settingsQuery];
    const out: MediaUsage[] = [];
    for (const p of postRows) {
      const at = (field: MediaUsage['field']) =>
        out.push({ type: 'post', id: p.id, title: p.title, slug: p.slug, field });
      if (p.cover === id) at('coverMediaId');
      if (p.og === id) at('ogImageMediaId');
      if (Number(p.inBody)) at('content');
      if (Number(p.inPending)) at('pendingChanges');
    }
    for (const p of projectRows) {
      if (Number(p.inGallery)) out.push({ type: 'project', id: p.id, title: p.title, slug: p.slug, field: 'imageIds' });
      if (Number(p.inBody)) out.push({ type: 'project', id: p.id, title: p.title, slug: p.slug, field: 'body' });
    }
    for (const p of pageRows) out.push({ type: 'page', id: p.id, title: p.title, slug: p.slug, field: 'content' });
    for (const s of settingRows) out.push({ type: 'settings', id: s.key, title: s.key, slug: s.key, field: 'value' });
    return out;
  }

  /** Removes the media from every post (set null) and project gallery (dropped from the array). */
  async clearUsages(id: string, tx: DbOrTx): Promise<void> {
    const now = new Date();
    await tx.update(posts).set({ coverMediaId: null, updatedAt: now }).where(eq(posts.coverMediaId, id));
    await tx.update(posts).set({ ogImageMediaId: null, updatedAt: now }).where(eq(posts.ogImageMediaId, id));
    const galleries = await tx
      .select({ id: projects.id, imageIds: projects.imageIds })
      .from(projects)
      .where(sql`JSON_CONTAINS(${projects.imageIds}, JSON_QUOTE(${id}))`)
      .for('update');
    for (const g of galleries) {
      await tx
        .update(projects)
        .set({ imageIds: g.imageIds.filter((x) => x !== id), updatedAt: now })
        .where(eq(projects.id, g.id));
    }
  }
}
