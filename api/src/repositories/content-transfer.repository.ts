import { asc, eq, inArray, sql } from 'drizzle-orm';
import { media, pages, posts, postTags, projects, siteSettings, skills, tags, users } from '../db/schema.js';
import type { Db, DbOrTx } from './database.js';

export type FullPostRow = typeof posts.$inferSelect;
export type SettingRow = typeof siteSettings.$inferSelect;
export type MediaRefRow = Pick<
  typeof media.$inferSelect,
  'id' | 'sha256' | 'storageKey' | 'filename' | 'alt' | 'mimeType'
>;

/**
 * Whole-table reads for the content export, the look-ups an import matches by, and the updates it
 * makes. Unlike the editors' updates these keep the file's `updated_at`: an imported copy is as old
 * as its source, so a later export of the source (newer) updates it and a re-import (same) does not.
 */
export class ContentTransferRepository {
  constructor(private readonly db: Db) {}

  async posts(): Promise<FullPostRow[]> {
    return this.db.select().from(posts).orderBy(asc(posts.slug));
  }

  /** Tag slugs of every post, in display order. */
  async postTagSlugs(): Promise<Map<string, string[]>> {
    const rows = await this.db
      .select({ postId: postTags.postId, slug: tags.slug })
      .from(postTags)
      .innerJoin(tags, eq(tags.id, postTags.tagId))
      .orderBy(asc(postTags.postId), asc(postTags.position));
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.postId, [...(out.get(r.postId) ?? []), r.slug]);
    return out;
  }

  async latestRevisions(): Promise<Map<string, number>> {
    const [rows] = (await this.db.execute(
      sql`SELECT post_id AS postId, MAX(revision) AS n FROM post_revisions GROUP BY post_id`,
    )) as unknown as [{ postId: string; n: number }[]];
    return new Map(rows.map((r) => [r.postId, Number(r.n)]));
  }

  async usersById(ids: string[]): Promise<Map<string, { email: string; name: string }>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(inArray(users.id, ids));
    return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name }]));
  }

  async userIdsByEmail(emails: string[]): Promise<Map<string, string>> {
    if (!emails.length) return new Map();
    const rows = await this.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, emails));
    return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
  }

  async tags() {
    return this.db.select().from(tags).orderBy(asc(tags.slug));
  }

  async projects() {
    return this.db.select().from(projects).orderBy(asc(projects.slug));
  }

  async pages() {
    return this.db.select().from(pages).orderBy(asc(pages.slug));
  }

  async skills() {
    return this.db.select().from(skills).orderBy(asc(skills.category), asc(skills.name));
  }

  async settings(): Promise<SettingRow[]> {
    return this.db.select().from(siteSettings).orderBy(asc(siteSettings.key));
  }

  async media(): Promise<MediaRefRow[]> {
    return this.db
      .select({
        id: media.id,
        sha256: media.sha256,
        storageKey: media.storageKey,
        filename: media.filename,
        alt: media.alt,
        mimeType: media.mimeType,
      })
      .from(media)
      .orderBy(asc(media.id));
  }

  /** Local media ids by the sha256 of their bytes (content-addressed, so the same file everywhere). */
  async mediaIdsBySha(shas: string[]): Promise<Map<string, string>> {
    if (!shas.length) return new Map();
    const rows = await this.db
      .select({ id: media.id, sha256: media.sha256 })
      .from(media)
      .where(inArray(media.sha256, shas));
    return new Map(rows.map((r) => [r.sha256, r.id]));
  }

  async updatePost(
    id: string,
    patch: Partial<typeof posts.$inferInsert>,
    updatedAt: Date,
    tx: DbOrTx = this.db,
  ): Promise<void> {
    await tx
      .update(posts)
      .set({ ...patch, version: sql`${posts.version} + 1`, updatedAt })
      .where(eq(posts.id, id));
  }

  async updateTag(
    id: string,
    patch: Partial<typeof tags.$inferInsert>,
    updatedAt: Date,
    tx: DbOrTx = this.db,
  ): Promise<void> {
    await tx
      .update(tags)
      .set({ ...patch, updatedAt })
      .where(eq(tags.id, id));
  }

  async updateSkill(
    id: string,
    patch: Partial<typeof skills.$inferInsert>,
    updatedAt: Date,
    tx: DbOrTx = this.db,
  ): Promise<void> {
    await tx
      .update(skills)
      .set({ ...patch, updatedAt })
      .where(eq(skills.id, id));
  }

  async putSetting(
    key: string,
    value: unknown,
    updatedBy: string | null,
    updatedAt: Date,
    tx: DbOrTx = this.db,
  ): Promise<void> {
    await tx
      .insert(siteSettings)
      .values({ key, value, updatedBy, updatedAt })
      .onDuplicateKeyUpdate({ set: { value, updatedBy, updatedAt } });
  }
}
