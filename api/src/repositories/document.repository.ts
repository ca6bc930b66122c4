import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { pages, projects } from '../db/schema.js';
import type { Db, DbOrTx } from './database.js';

/** The tables of slugged, publishable documents: portfolio projects and stand-alone pages. */
export type DocumentTable = typeof projects | typeof pages;
export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type PageRow = typeof pages.$inferSelect;
export type NewPage = typeof pages.$inferInsert;

export interface DocumentListQuery {
  publishedOnly: boolean;
  /** Only for a table with a `featured` column (projects); ignored otherwise. */
  featured?: boolean;
  updatedSince?: Date;
}

/**
 * One table of slugged documents (id, unique slug, draft/published status, updatedAt). The columns
 * every such table has are read through `shared`; the rows keep the table's own type.
 */
export class DocumentRepository<T extends DocumentTable> {
  /** The columns both tables have, typed once (drizzle cannot build queries over a union of tables). */
  private readonly shared: typeof pages;

  constructor(
    private readonly db: Db,
    readonly table: T,
    /** Display order of `list`. */
    private readonly order: SQL[],
  ) {
    this.shared = table as unknown as typeof pages;
  }

  async insert(row: T['$inferInsert'] & { id: string }, tx: DbOrTx = this.db): Promise<void> {
    await tx.insert(this.shared).values(row as NewPage);
  }
  /** `updatedAt` is now unless given (an import keeps the file's). */
  async update(
    id: string,
    patch: Partial<T['$inferInsert']>,
    tx: DbOrTx = this.db,
    updatedAt = new Date(),
  ): Promise<void> {
    await tx
      .update(this.shared)
      .set({ ...(patch as Partial<NewPage>), updatedAt })
      .where(eq(this.shared.id, id));
  }
  async delete(id: string, tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(this.shared).where(eq(this.shared.id, id));
  }
  async findById(id: string): Promise<T['$inferSelect'] | undefined> {
    const [row] = await this.db.select().from(this.shared).where(eq(this.shared.id, id));
    return row as T['$inferSelect'] | undefined;
  }
  async findBySlug(slug: string): Promise<T['$inferSelect'] | undefined> {
    const [row] = await this.db.select().from(this.shared).where(eq(this.shared.slug, slug));
    return row as T['$inferSelect'] | undefined;
  }
  async slugTaken(slug: string, exceptId?: string): Promise<boolean> {
    const { id, slug: column } = this.shared;
    const [row] = await this.db
      .select({ id })
      .from(this.shared)
      .where(exceptId ? and(eq(column, slug), sql`${id} <> ${exceptId}`) : eq(column, slug))
      .limit(1);
    return Boolean(row);
  }
  /** Admin: everything in display order. Public: published only, optionally featured or changed since. */
  async list(q: DocumentListQuery): Promise<T['$inferSelect'][]> {
    const where: SQL[] = [];
    if (q.publishedOnly) where.push(eq(this.shared.status, 'published'));
    if (q.featured !== undefined && 'featured' in this.table) where.push(eq(this.table.featured, q.featured));
    if (q.updatedSince) where.push(gt(this.shared.updatedAt, q.updatedSince));
    const rows = await this.db
      .select()
      .from(this.shared)
      .where(and(...where))
      .orderBy(...this.order)
      .limit(500);
    return rows as T['$inferSelect'][];
  }
}

export type ProjectRepository = DocumentRepository<typeof projects>;
export type PageRepository = DocumentRepository<typeof pages>;

/** Portfolio projects, in display order. */
export const projectRepository = (db: Db): ProjectRepository =>
  new DocumentRepository(db, projects, [asc(projects.sortOrder), asc(projects.title)]);

/** Stand-alone pages (about, uses, now, ...), by slug. */
export const pageRepository = (db: Db): PageRepository => new DocumentRepository(db, pages, [asc(pages.slug)]);
