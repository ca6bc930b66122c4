import { and, asc, desc, eq, gt, inArray, lte, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  media,
  postRevisions,
  posts,
  postTags,
  slugRedirects,
  tags,
  users,
  type PendingPostChanges,
} from '../db/schema.js';
import type { Db, DbOrTx } from './database.js';

export type PostRow = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type TagRow = typeof tags.$inferSelect;
export type RevisionRow = typeof postRevisions.$inferSelect;
export type PostStatus = PostRow['status'];

export interface PostWithAuthor extends PostRow {
  authorName: string;
}

/** What lists need: everything but the heavy body columns. */
export type PostSummaryRow = Omit<PostWithAuthor, 'content' | 'html' | 'plainText' | 'toc' | 'pendingChanges'> & {
  /** 1 when a published post has pending changes (MySQL answers booleans as numbers). */
  hasPendingChanges?: number;
};

export interface PublicListQuery {
  limit: number;
  after?: { publishedAt: Date; id: string };
  tag?: string;
  featured?: boolean;
  updatedSince?: Date;
  afterUpdated?: { updatedAt: Date; id: string };
}

export interface SearchQuery {
  q: string;
  limit: number;
  after?: { score: number; id: string };
}

/** Posts, their tags, revisions and old slugs. Rules live in the post services. */
export class PostRepository {
  constructor(private readonly db: Db) {}

  async insert(row: NewPost & { id: string }, tx: DbOrTx = this.db): Promise<void> {
    await tx.insert(posts).values(row);
  }

  /** Applies the patch and bumps the version; with `expectedVersion`, only if nobody saved in between. */
  async update(id: string, patch: Partial<NewPost>, tx: DbOrTx = this.db, expectedVersion?: number): Promise<boolean> {
    const where =
      expectedVersion === undefined ? eq(posts.id, id) : and(eq(posts.id, id), eq(posts.version, expectedVersion));
    const [res] = await tx
      .update(posts)
      .set({ ...patch, version: sql`${posts.version} + 1`, updatedAt: new Date() })
      .where(where);
    return res.affectedRows === 1;
  }

  /** Sets or clears a published post's pending changes; the live columns, version and updatedAt stay. */
  async setPending(
    id: string,
    pending: PendingPostChanges | null,
    keepUpdatedAt: Date,
    tx: DbOrTx = this.db,
  ): Promise<void> {
    await tx.update(posts).set({ pendingChanges: pending, updatedAt: keepUpdatedAt }).where(eq(posts.id, id));
  }

  async delete(id: string, tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(slugRedirects).where(and(eq(slugRedirects.entityType, 'post'), eq(slugRedirects.entityId, id)));
    await tx.delete(posts).where(eq(posts.id, id));
  }

  async findById(id: string, tx: DbOrTx = this.db): Promise<PostWithAuthor | undefined> {
    const [row] = await tx
      .select(this.cols())
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(eq(posts.id, id));
    return row as PostWithAuthor | undefined;
  }

  async findBySlug(slug: string): Promise<PostWithAuthor | undefined> {
    const [row] = await this.db
      .select(this.cols())
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(eq(posts.slug, slug));
    return row as PostWithAuthor | undefined;
  }

  async slugTaken(slug: string, exceptId?: string): Promise<boolean> {
    const where = exceptId ? and(eq(posts.slug, slug), sql`${posts.id} <> ${exceptId}`) : eq(posts.slug, slug);
    const [row] = await this.db.select({ id: posts.id }).from(posts).where(where).limit(1);
    return Boolean(row);
  }

  /** The post an old slug now points to. */
  async redirectTarget(oldSlug: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ slug: posts.slug })
      .from(slugRedirects)
      .innerJoin(posts, eq(posts.id, slugRedirects.entityId))
      .where(and(eq(slugRedirects.entityType, 'post'), eq(slugRedirects.oldSlug, oldSlug)));
    return row?.slug;
  }

  async addRedirect(postId: string, oldSlug: string, tx: DbOrTx = this.db): Promise<void> {
    await tx
      .insert(slugRedirects)
      .values({ entityType: 'post', entityId: postId, oldSlug })
      .onDuplicateKeyUpdate({ set: { entityId: postId } });
  }

  async removeRedirect(slug: string, tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(slugRedirects).where(and(eq(slugRedirects.entityType, 'post'), eq(slugRedirects.oldSlug, slug)));
  }

  // ------------------------------------------------------------ tags
  /** Creates missing tags (by slug) and returns all of them in the given order. */
  async ensureTags(wanted: { name: string; slug: string; id: string }[], tx: DbOrTx = this.db): Promise<TagRow[]> {
    if (!wanted.length) return [];
    await tx.insert(tags).ignore().values(wanted);
    const rows = await tx
      .select()
      .from(tags)
      .where(
        inArray(
          tags.slug,
          wanted.map((w) => w.slug),
        ),
      );
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    return wanted.map((w) => bySlug.get(w.slug)!).filter(Boolean);
  }

  async setTags(postId: string, tagIds: string[], tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(postTags).where(eq(postTags.postId, postId));
    if (tagIds.length) await tx.insert(postTags).values(tagIds.map((tagId, position) => ({ postId, tagId, position })));
  }

  async tagsFor(postIds: string[]): Promise<Map<string, TagRow[]>> {
    const out = new Map<string, TagRow[]>();
    if (!postIds.length) return out;
    const rows = await this.db
      .select({ postId: postTags.postId, tag: tags })
      .from(postTags)
      .innerJoin(tags, eq(tags.id, postTags.tagId))
      .where(inArray(postTags.postId, postIds))
      .orderBy(asc(postTags.position));
    for (const r of rows) out.set(r.postId, [...(out.get(r.postId) ?? []), r.tag]);
    return out;
  }

  // ------------------------------------------------------------ revisions
  async addRevision(row: Omit<RevisionRow, 'createdAt' | 'revision'>, tx: DbOrTx = this.db): Promise<number> {
    const [[last]] = (await tx.execute(
      sql`SELECT COALESCE(MAX(revision), 0) AS n FROM post_revisions WHERE post_id = ${row.postId} FOR UPDATE`,
    )) as unknown as [{ n: number }[]];
    const revision = Number(last?.n ?? 0) + 1;
    await tx.insert(postRevisions).values({ ...row, revision });
    return revision;
  }

  /** The newest revision, locked until the transaction ends (an edit burst may amend it). */
  async latestRevision(postId: string, tx: DbOrTx = this.db): Promise<RevisionRow | undefined> {
    const [row] = await tx
      .select()
      .from(postRevisions)
      .where(eq(postRevisions.postId, postId))
      .orderBy(desc(postRevisions.revision))
      .limit(1)
      .for('update');
    return row;
  }

  async amendRevision(
    id: string,
    patch: Pick<RevisionRow, 'title' | 'excerpt' | 'content'>,
    tx: DbOrTx = this.db,
  ): Promise<void> {
    await tx
      .update(postRevisions)
      .set({ ...patch, createdAt: new Date() })
      .where(eq(postRevisions.id, id));
  }

  async revisions(postId: string): Promise<RevisionRow[]> {
    return this.db
      .select()
      .from(postRevisions)
      .where(eq(postRevisions.postId, postId))
      .orderBy(desc(postRevisions.revision));
  }

  async revision(postId: string, revisionId: string): Promise<RevisionRow | undefined> {
    const [row] = await this.db
      .select()
      .from(postRevisions)
      .where(and(eq(postRevisions.postId, postId), eq(postRevisions.id, revisionId)));
    return row;
  }

  // ------------------------------------------------------------ lists
  async listAdmin(q: {
    limit: number;
    status?: PostStatus;
    authorId?: string;
    tag?: string;
    search?: string;
    after?: { updatedAt: Date; id: string };
  }): Promise<PostSummaryRow[]> {
    const where: SQL[] = [];
    if (q.status) where.push(eq(posts.status, q.status));
    if (q.authorId) where.push(eq(posts.authorId, q.authorId));
    if (q.tag) where.push(this.hasTag(q.tag));
    if (q.search) where.push(sql`(${posts.title} LIKE ${`%${q.search}%`} OR ${posts.slug} LIKE ${`%${q.search}%`})`);
    if (q.after)
      where.push(
        or(
          lt(posts.updatedAt, q.after.updatedAt),
          and(eq(posts.updatedAt, q.after.updatedAt), lt(posts.id, q.after.id)),
        )!,
      );
    const rows = await this.db
      .select(summaryColumns)
      .from(posts)
      .where(and(...where))
      .orderBy(desc(posts.updatedAt), desc(posts.id))
      .limit(q.limit);
    return this.withAuthors(rows);
  }

  /** Published posts, newest first; or, with `updatedSince`, oldest change first (sync order). */
  async listPublished(q: PublicListQuery): Promise<PostSummaryRow[]> {
    const where: SQL[] = [eq(posts.status, 'published')];
    if (q.tag) where.push(this.hasTag(q.tag));
    if (q.featured !== undefined) where.push(eq(posts.featured, q.featured));
    if (q.updatedSince) {
      where.push(gt(posts.updatedAt, q.updatedSince));
      if (q.afterUpdated)
        where.push(
          or(
            gt(posts.updatedAt, q.afterUpdated.updatedAt),
            and(eq(posts.updatedAt, q.afterUpdated.updatedAt), gt(posts.id, q.afterUpdated.id)),
          )!,
        );
      const rows = await this.db
        .select(summaryColumns)
        .from(posts)
        .where(and(...where))
        .orderBy(asc(posts.updatedAt), asc(posts.id))
        .limit(q.limit);
      return this.withAuthors(rows);
    }
    if (q.after)
      where.push(
        or(
          lt(posts.publishedAt, q.after.publishedAt),
          and(eq(posts.publishedAt, q.after.publishedAt), lt(posts.id, q.after.id)),
        )!,
      );
    // Posts alone, in index order (status, published_at, id); joining users here made the optimizer
    // drive from the one-row users table and sort every post in a temporary table.
    const rows = await this.db
      .select(summaryColumns)
      .from(posts)
      .where(and(...where))
      .orderBy(desc(posts.publishedAt), desc(posts.id))
      .limit(q.limit);
    return this.withAuthors(rows);
  }

  /** FULLTEXT search over published posts, ranked; the cursor is (score, id). */
  async search(q: SearchQuery): Promise<(PostSummaryRow & { score: number })[]> {
    const score = sql<number>`MATCH(${posts.title}, ${posts.excerpt}, ${posts.plainText}) AGAINST (${q.q} IN NATURAL LANGUAGE MODE)`;
    // MATCH alone in WHERE lets the optimizer drive from the FULLTEXT index (`> 0` would not).
    const where: SQL[] = [
      sql`MATCH(${posts.title}, ${posts.excerpt}, ${posts.plainText}) AGAINST (${q.q} IN NATURAL LANGUAGE MODE)`,
      eq(posts.status, 'published'),
    ];
    if (q.after)
      where.push(sql`(${score} < ${q.after.score} OR (${score} = ${q.after.score} AND ${posts.id} < ${q.after.id}))`);
    const rows = await this.db
      .select({ ...summaryColumns, score })
      .from(posts)
      .where(and(...where))
      .orderBy(desc(score), desc(posts.id))
      .limit(q.limit);
    return this.withAuthors(rows);
  }

  private async withAuthors<R extends { authorId: string }>(rows: R[]): Promise<(R & { authorName: string })[]> {
    const ids = [...new Set(rows.map((r) => r.authorId))];
    const names = ids.length
      ? await this.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))
      : [];
    const byId = new Map(names.map((n) => [n.id, n.name]));
    return rows.map((r) => ({ ...r, authorName: byId.get(r.authorId) ?? '' }));
  }

  async dueScheduled(now: Date): Promise<{ id: string; scheduledAt: Date }[]> {
    const rows = await this.db
      .select({ id: posts.id, scheduledAt: posts.scheduledAt })
      .from(posts)
      .where(and(eq(posts.status, 'scheduled'), lte(posts.scheduledAt, now)));
    return rows as { id: string; scheduledAt: Date }[];
  }

  private hasTag(tagSlug: string): SQL {
    return sql`EXISTS (SELECT 1 FROM ${postTags} INNER JOIN ${tags} ON ${tags.id} = ${postTags.tagId} WHERE ${postTags.postId} = ${posts.id} AND ${tags.slug} = ${tagSlug})`;
  }

  /** Ids of the library media with these content hashes (images a body shows by URL), in the order asked. */
  async mediaIdsBySha(shas: string[]): Promise<string[]> {
    if (shas.length === 0) return [];
    const rows = await this.db
      .select({ id: media.id, sha256: media.sha256 })
      .from(media)
      .where(inArray(media.sha256, shas));
    const bySha = new Map(rows.map((r) => [r.sha256, r.id]));
    return shas.map((s) => bySha.get(s)).filter((id): id is string => Boolean(id));
  }

  private cols() {
    return { ...postColumns, authorName: users.name };
  }
}

const summaryColumns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  excerpt: posts.excerpt,
  readingTimeMinutes: posts.readingTimeMinutes,
  coverMediaId: posts.coverMediaId,
  authorId: posts.authorId,
  seoTitle: posts.seoTitle,
  seoDescription: posts.seoDescription,
  canonicalUrl: posts.canonicalUrl,
  ogImageMediaId: posts.ogImageMediaId,
  featured: posts.featured,
  language: posts.language,
  status: posts.status,
  publishedAt: posts.publishedAt,
  scheduledAt: posts.scheduledAt,
  version: posts.version,
  createdAt: posts.createdAt,
  updatedAt: posts.updatedAt,
  hasPendingChanges: sql<number>`(${posts.pendingChanges} IS NOT NULL)`,
};

const postColumns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  excerpt: posts.excerpt,
  content: posts.content,
  html: posts.html,
  plainText: posts.plainText,
  readingTimeMinutes: posts.readingTimeMinutes,
  toc: posts.toc,
  coverMediaId: posts.coverMediaId,
  authorId: posts.authorId,
  seoTitle: posts.seoTitle,
  seoDescription: posts.seoDescription,
  canonicalUrl: posts.canonicalUrl,
  ogImageMediaId: posts.ogImageMediaId,
  featured: posts.featured,
  language: posts.language,
  status: posts.status,
  publishedAt: posts.publishedAt,
  scheduledAt: posts.scheduledAt,
  version: posts.version,
  pendingChanges: posts.pendingChanges,
  createdAt: posts.createdAt,
  updatedAt: posts.updatedAt,
};
