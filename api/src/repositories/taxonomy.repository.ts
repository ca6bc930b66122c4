import { and, asc, eq, sql } from 'drizzle-orm';
import { posts, postTags, siteSettings, skills, tags } from '../db/schema.js';
import { mysqlErrorCode, type Db, type DbOrTx } from './database.js';

export type SkillRow = typeof skills.$inferSelect;
export type TagRow = typeof tags.$inferSelect;

/** Skills, tags and the key/value site settings. */
export class TaxonomyRepository {
  constructor(private readonly db: Db) {}

  // ------------------------------------------------------------ skills
  async skills(): Promise<SkillRow[]> {
    return this.db.select().from(skills).orderBy(asc(skills.category), asc(skills.sortOrder), asc(skills.name));
  }
  async skill(id: string): Promise<SkillRow | undefined> {
    const [row] = await this.db.select().from(skills).where(eq(skills.id, id));
    return row;
  }
  /** False on a duplicate (name, category). */
  async insertSkill(row: typeof skills.$inferInsert & { id: string }, tx: DbOrTx = this.db): Promise<boolean> {
    return dupToFalse(() => tx.insert(skills).values(row));
  }
  async updateSkill(id: string, patch: Partial<typeof skills.$inferInsert>, tx: DbOrTx = this.db): Promise<boolean> {
    return dupToFalse(() =>
      tx
        .update(skills)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(skills.id, id)),
    );
  }
  async deleteSkill(id: string, tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(skills).where(eq(skills.id, id));
  }

  // ------------------------------------------------------------ tags
  /** Every tag with the number of published posts carrying it. */
  async tagsWithCounts(): Promise<(TagRow & { postCount: number })[]> {
    // Spelled out: drizzle leaves columns unqualified in a single-table select, which a correlated subquery cannot use.
    const count = sql<number>`(SELECT COUNT(*) FROM post_tags pt INNER JOIN posts p ON p.id = pt.post_id WHERE pt.tag_id = tags.id AND p.status = 'published')`;
    const rows = await this.db.select({ tag: tags, postCount: count }).from(tags).orderBy(asc(tags.name));
    return rows.map((r) => ({ ...r.tag, postCount: Number(r.postCount) }));
  }
  async tag(id: string): Promise<TagRow | undefined> {
    const [row] = await this.db.select().from(tags).where(eq(tags.id, id));
    return row;
  }
  async insertTag(row: typeof tags.$inferInsert & { id: string }, tx: DbOrTx = this.db): Promise<boolean> {
    return dupToFalse(() => tx.insert(tags).values(row));
  }
  async updateTag(id: string, patch: Partial<typeof tags.$inferInsert>, tx: DbOrTx = this.db): Promise<boolean> {
    return dupToFalse(() =>
      tx
        .update(tags)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(tags.id, id)),
    );
  }
  async deleteTag(id: string, tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(tags).where(eq(tags.id, id));
  }
  /** Whether any published post carries the tag (so removing it changes the public site). */
  async tagIsPublic(id: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: postTags.postId })
      .from(postTags)
      .innerJoin(posts, eq(posts.id, postTags.postId))
      .where(and(eq(postTags.tagId, id), eq(posts.status, 'published')))
      .limit(1);
    return Boolean(row);
  }

  // ------------------------------------------------------------ settings
  async settings(): Promise<Record<string, unknown>> {
    const rows = await this.db.select().from(siteSettings);
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }
  async putSettings(values: Record<string, unknown>, updatedBy: string | null, tx: DbOrTx = this.db): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      await tx
        .insert(siteSettings)
        .values({ key, value, updatedBy })
        .onDuplicateKeyUpdate({ set: { value, updatedBy, updatedAt: new Date() } });
    }
  }
}

async function dupToFalse(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    if (mysqlErrorCode(err) === 'ER_DUP_ENTRY') return false;
    throw err;
  }
}
