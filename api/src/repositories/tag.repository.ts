import { and, asc, eq, sql } from 'drizzle-orm';
import { posts, postTags, tags } from '../db/schema.js';
import type { Db } from './database.js';
import { TermRepository, type TagRow } from './term.repository.js';

/** Post tags: the term table, and how many published posts carry each. */
export class TagRepository extends TermRepository<typeof tags> {
  constructor(db: Db) {
    super(db, tags, [asc(tags.name)]);
  }

  /** Every tag with the number of published posts carrying it. */
  async withCounts(): Promise<(TagRow & { postCount: number })[]> {
    // Spelled out: drizzle leaves columns unqualified in a single-table select, which a correlated subquery cannot use.
    const count = sql<number>`(SELECT COUNT(*) FROM post_tags pt INNER JOIN posts p ON p.id = pt.post_id WHERE pt.tag_id = tags.id AND p.status = 'published')`;
    const rows = await this.db.select({ tag: tags, postCount: count }).from(tags).orderBy(asc(tags.name));
    return rows.map((r) => ({ ...r.tag, postCount: Number(r.postCount) }));
  }
  /** Whether any published post carries the tag (so changing or removing it changes the public site). */
  async isPublic(id: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: postTags.postId })
      .from(postTags)
      .innerJoin(posts, eq(posts.id, postTags.postId))
      .where(and(eq(postTags.tagId, id), eq(posts.status, 'published')))
      .limit(1);
    return Boolean(row);
  }
}
