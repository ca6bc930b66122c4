import { and, desc, eq, getTableColumns, inArray, lt, ne } from 'drizzle-orm';
import { paasApps, paasDeployments } from '../db/schema.js';
import { mysqlErrorCode, type Db, type DbOrTx } from './database.js';

export type PaasAppRow = typeof paasApps.$inferSelect;
export type PaasDeploymentRow = typeof paasDeployments.$inferSelect;
export type AppStatus = PaasAppRow['status'];
export type DeploymentStatus = PaasDeploymentRow['status'];
export type AppPatch = Partial<Omit<PaasAppRow, 'id' | 'createdAt' | 'updatedAt' | 'createdBy'>>;
export type DeploymentPatch = Partial<
  Omit<PaasDeploymentRow, 'id' | 'appId' | 'createdAt' | 'updatedAt' | 'createdBy'>
>;

/** PaaS apps and their deployments in MySQL. Docker state lives in Docker; this is the intent. */
export class PaasRepository {
  constructor(private readonly db: Db) {}

  /** False when the slug is taken (unique index). */
  async insertApp(row: typeof paasApps.$inferInsert): Promise<boolean> {
    try {
      await this.db.insert(paasApps).values(row);
      return true;
    } catch (err) {
      if (mysqlErrorCode(err) === 'ER_DUP_ENTRY') return false;
      throw err;
    }
  }

  async findApp(id: string): Promise<PaasAppRow | undefined> {
    const [row] = await this.db.select().from(paasApps).where(eq(paasApps.id, id));
    return row;
  }

  async findAppBySlug(slug: string): Promise<PaasAppRow | undefined> {
    const [row] = await this.db.select().from(paasApps).where(eq(paasApps.slug, slug));
    return row;
  }

  async slugTaken(slug: string): Promise<boolean> {
    const [row] = await this.db.select({ id: paasApps.id }).from(paasApps).where(eq(paasApps.slug, slug));
    return row !== undefined;
  }

  /** Newest first; an admin has a handful of apps, so the list is whole. */
  async listApps(): Promise<PaasAppRow[]> {
    return this.db.select().from(paasApps).orderBy(desc(paasApps.createdAt));
  }

  async listAppsByStatus(statuses: AppStatus[]): Promise<PaasAppRow[]> {
    return this.db.select().from(paasApps).where(inArray(paasApps.status, statuses));
  }

  async updateApp(id: string, patch: AppPatch): Promise<void> {
    await this.db.update(paasApps).set(patch).where(eq(paasApps.id, id));
  }

  /** An app's variables, the row locked until `tx` ends when one is given (one-variable edits read, change and write them whole). */
  async lockEnv(id: string, tx: DbOrTx): Promise<Record<string, string> | undefined> {
    const [row] = await tx.select({ env: paasApps.env }).from(paasApps).where(eq(paasApps.id, id)).for('update');
    return row ? (row.env ?? {}) : undefined;
  }

  async writeEnv(id: string, env: Record<string, string>, tx: DbOrTx): Promise<void> {
    await tx.update(paasApps).set({ env }).where(eq(paasApps.id, id));
  }

  /** Deployments go with it (ON DELETE CASCADE). */
  async deleteApp(id: string): Promise<boolean> {
    const [res] = await this.db.delete(paasApps).where(eq(paasApps.id, id));
    return res.affectedRows === 1;
  }

  async insertDeployment(row: typeof paasDeployments.$inferInsert): Promise<void> {
    await this.db.insert(paasDeployments).values(row);
  }

  async findDeployment(id: string): Promise<PaasDeploymentRow | undefined> {
    const [row] = await this.db.select().from(paasDeployments).where(eq(paasDeployments.id, id));
    return row;
  }

  /** Newest first, without the (large) log column. */
  async listDeployments(appId: string, limit: number): Promise<Omit<PaasDeploymentRow, 'log' | 'dockerfile'>[]> {
    const { log: _log, dockerfile: _dockerfile, ...columns } = getTableColumns(paasDeployments);
    return this.db
      .select(columns)
      .from(paasDeployments)
      .where(eq(paasDeployments.appId, appId))
      .orderBy(desc(paasDeployments.createdAt), desc(paasDeployments.id))
      .limit(limit);
  }

  /** The newest deployment of an app still waiting for the worker (the one queued builds coalesce into). */
  async findQueued(appId: string): Promise<PaasDeploymentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(paasDeployments)
      .where(and(eq(paasDeployments.appId, appId), eq(paasDeployments.status, 'queued')))
      .orderBy(desc(paasDeployments.createdAt), desc(paasDeployments.id))
      .limit(1);
    return row;
  }

  async updateDeployment(id: string, patch: DeploymentPatch): Promise<void> {
    await this.db.update(paasDeployments).set(patch).where(eq(paasDeployments.id, id));
  }

  /** Moves a deployment on only while it is in one of `from` (a compare-and-set on the status). */
  async transitionDeployment(id: string, from: DeploymentStatus[], patch: DeploymentPatch): Promise<boolean> {
    const [res] = await this.db
      .update(paasDeployments)
      .set(patch)
      .where(and(eq(paasDeployments.id, id), inArray(paasDeployments.status, from)));
    return res.affectedRows === 1;
  }

  /** Every other queued deployment of the app: coalesced into `keepId`. */
  async supersedeQueued(appId: string, keepId: string, reason: string): Promise<number> {
    const [res] = await this.db
      .update(paasDeployments)
      .set({ status: 'superseded', reason, finishedAt: new Date() })
      .where(
        and(eq(paasDeployments.appId, appId), eq(paasDeployments.status, 'queued'), ne(paasDeployments.id, keepId)),
      );
    return res.affectedRows;
  }

  async listDeploymentsByStatus(statuses: DeploymentStatus[], updatedBefore?: Date): Promise<PaasDeploymentRow[]> {
    const where = updatedBefore
      ? and(inArray(paasDeployments.status, statuses), lt(paasDeployments.updatedAt, updatedBefore))
      : inArray(paasDeployments.status, statuses);
    return this.db.select().from(paasDeployments).where(where);
  }

  async allAppIds(): Promise<Set<string>> {
    return new Set((await this.db.select({ id: paasApps.id }).from(paasApps)).map((r) => r.id));
  }
}
