import { asc, eq, type SQL } from 'drizzle-orm';
import { skills, tags } from '../db/schema.js';
import { mysqlErrorCode, type Db, type DbOrTx } from './database.js';

/** Small named lists the site shows: skills (unique per category and name) and post tags (unique slug). */
export type TermTable = typeof skills | typeof tags;
export type SkillRow = typeof skills.$inferSelect;
export type TagRow = typeof tags.$inferSelect;

/** One table of terms; writes report a duplicate (the table's unique key) as `false`. */
export class TermRepository<T extends TermTable> {
  /** The columns both tables have, typed once (drizzle cannot build queries over a union of tables). */
  protected readonly shared: typeof tags;

  constructor(
    protected readonly db: Db,
    readonly table: T,
    /** Display order of `list`. */
    private readonly order: SQL[],
  ) {
    this.shared = table as unknown as typeof tags;
  }

  async list(): Promise<T['$inferSelect'][]> {
    return (await this.db
      .select()
      .from(this.shared)
      .orderBy(...this.order)) as T['$inferSelect'][];
  }
  async find(id: string): Promise<T['$inferSelect'] | undefined> {
    const [row] = await this.db.select().from(this.shared).where(eq(this.shared.id, id));
    return row as T['$inferSelect'] | undefined;
  }
  /** False on a duplicate. */
  async insert(row: T['$inferInsert'] & { id: string }, tx: DbOrTx = this.db): Promise<boolean> {
    return dupToFalse(() => tx.insert(this.shared).values(row as typeof tags.$inferInsert));
  }
  /** False on a duplicate. */
  async update(id: string, patch: Partial<T['$inferInsert']>, tx: DbOrTx = this.db): Promise<boolean> {
    return dupToFalse(() =>
      tx
        .update(this.shared)
        .set({ ...(patch as Partial<typeof tags.$inferInsert>), updatedAt: new Date() })
        .where(eq(this.shared.id, id)),
    );
  }
  async delete(id: string, tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(this.shared).where(eq(this.shared.id, id));
  }
}

export type SkillRepository = TermRepository<typeof skills>;

/** Skills, grouped by category in display order. */
export const skillRepository = (db: Db): SkillRepository =>
  new TermRepository(db, skills, [asc(skills.category), asc(skills.sortOrder), asc(skills.name)]);

async function dupToFalse(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    if (mysqlErrorCode(err) === 'ER_DUP_ENTRY') return false;
    throw err;
  }
}
