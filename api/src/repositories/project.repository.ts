import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { pages, projects } from '../db/schema.js';
import type { Db, DbOrTx } from './database.js';

export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type PageRow = typeof pages.$inferSelect;
export type NewPage = typeof pages.$inferInsert;

/** Portfolio projects. */
export class ProjectRepository {
  constructor(private readonly db: Db) {}

  async insert(row: NewProject & { id: string }, tx: DbOrTx = this.db): Promise<void> {
    await tx.insert(projects).values(row);
  }
  async update(id: string, patch: Partial<NewProject>, tx: DbOrTx = this.db): Promise<void> {
    await tx
      .update(projects)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(projects.id, id));
  }
  async delete(id: string, tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(projects).where(eq(projects.id, id));
  }
  async findById(id: string): Promise<ProjectRow | undefined> {
    const [row] = await this.db.select().from(projects).where(eq(projects.id, id));
    return row;
  }
  async findBySlug(slug: string): Promise<ProjectRow | undefined> {
    const [row] = await this.db.select().from(projects).where(eq(projects.slug, slug));
    return row;
  }
  async slugTaken(slug: string, exceptId?: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: projects.id })
      .from(projects)
      .where(exceptId ? and(eq(projects.slug, slug), sql`${projects.id} <> ${exceptId}`) : eq(projects.slug, slug))
      .limit(1);
    return Boolean(row);
  }
  /** Admin: everything in display order. Public: published only, optionally changed since. */
  async list(q: { publishedOnly: boolean; featured?: boolean; updatedSince?: Date }): Promise<ProjectRow[]> {
    const where: SQL[] = [];
    if (q.publishedOnly) where.push(eq(projects.status, 'published'));
    if (q.featured !== undefined) where.push(eq(projects.featured, q.featured));
    if (q.updatedSince) where.push(gt(projects.updatedAt, q.updatedSince));
    return this.db
      .select()
      .from(projects)
      .where(and(...where))
      .orderBy(asc(projects.sortOrder), asc(projects.title))
      .limit(500);
  }
}

/** Stand-alone pages (about, uses, now, ...). */
export class PageRepository {
  constructor(private readonly db: Db) {}

  async insert(row: NewPage & { id: string }, tx: DbOrTx = this.db): Promise<void> {
    await tx.insert(pages).values(row);
  }
  async update(id: string, patch: Partial<NewPage>, tx: DbOrTx = this.db): Promise<void> {
    await tx
      .update(pages)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(pages.id, id));
  }
  async delete(id: string, tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(pages).where(eq(pages.id, id));
  }
  async findById(id: string): Promise<PageRow | undefined> {
    const [row] = await this.db.select().from(pages).where(eq(pages.id, id));
    return row;
  }
  async findBySlug(slug: string): Promise<PageRow | undefined> {
    const [row] = await this.db.select().from(pages).where(eq(pages.slug, slug));
    return row;
  }
  async slugTaken(slug: string, exceptId?: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: pages.id })
      .from(pages)
      .where(exceptId ? and(eq(pages.slug, slug), sql`${pages.id} <> ${exceptId}`) : eq(pages.slug, slug))
      .limit(1);
    return Boolean(row);
  }
  async list(publishedOnly: boolean): Promise<PageRow[]> {
    return this.db
      .select()
      .from(pages)
      .where(publishedOnly ? eq(pages.status, 'published') : undefined)
      .orderBy(asc(pages.slug))
      .limit(500);
  }
}
