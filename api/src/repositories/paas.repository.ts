import { and, desc, eq, getTableColumns, inArray, lt, ne } from 'drizzle-orm';
import { paasApps, paasDeployments } from '../db/schema.js';
import {
  AppEnv,
  EnvUnreadable,
  isSealedEnv,
  storedEnvNames,
  type EnvSealer,
  type StoredEnv,
} from '../domain/paas/app-env.js';
import { mysqlErrorCode, type Db, type DbOrTx } from './database.js';

type AppColumns = typeof paasApps.$inferSelect;
/** An app row; `env` lists the names and opens the values only when asked (domain/paas/app-env.ts). */
export type PaasAppRow = Omit<AppColumns, 'env'> & { env: AppEnv };
export type PaasDeploymentRow = typeof paasDeployments.$inferSelect;
export type AppStatus = PaasAppRow['status'];
export type DeploymentStatus = PaasDeploymentRow['status'];
/** Variables are written in plaintext here and sealed by the repository. */
export type AppPatch = Partial<
  Omit<AppColumns, 'id' | 'env' | 'createdAt' | 'updatedAt' | 'createdBy'> & { env: Record<string, string> }
>;
export type AppInsert = Omit<typeof paasApps.$inferInsert, 'id' | 'env'> & { id: string; env: Record<string, string> };
export type DeploymentPatch = Partial<
  Omit<PaasDeploymentRow, 'id' | 'appId' | 'createdAt' | 'updatedAt' | 'createdBy'>
>;

/**
 * PaaS apps and their deployments in MySQL. Docker state lives in Docker; this is the intent.
 *
 * App variables are sealed here and nowhere else: every write of `env` goes through `envSealer`,
 * every row read hands out an AppEnv that opens them on demand. Built without a sealer (the app
 * router, which has no JWT_SECRET by design; the public demo lookup) it still lists names, but
 * cannot open sealed values or write variables.
 */
export class PaasRepository {
  constructor(
    private readonly db: Db,
    private readonly envSealer?: EnvSealer,
  ) {}

  /** False when the slug is taken (unique index). */
  async insertApp(row: AppInsert): Promise<boolean> {
    try {
      await this.db.insert(paasApps).values({ ...row, env: this.seal(row.id, row.env) });
      return true;
    } catch (err) {
      if (mysqlErrorCode(err) === 'ER_DUP_ENTRY') return false;
      throw err;
    }
  }

  async findApp(id: string): Promise<PaasAppRow | undefined> {
    const [row] = await this.db.select().from(paasApps).where(eq(paasApps.id, id));
    return row && this.toRow(row);
  }

  async findAppBySlug(slug: string): Promise<PaasAppRow | undefined> {
    const [row] = await this.db.select().from(paasApps).where(eq(paasApps.slug, slug));
    return row && this.toRow(row);
  }

  async slugTaken(slug: string): Promise<boolean> {
    const [row] = await this.db.select({ id: paasApps.id }).from(paasApps).where(eq(paasApps.slug, slug));
    return row !== undefined;
  }

  /** Newest first; an admin has a handful of apps, so the list is whole. */
  async listApps(): Promise<PaasAppRow[]> {
    return (await this.db.select().from(paasApps).orderBy(desc(paasApps.createdAt))).map((r) => this.toRow(r));
  }

  async listAppsByStatus(statuses: AppStatus[]): Promise<PaasAppRow[]> {
    return (await this.db.select().from(paasApps).where(inArray(paasApps.status, statuses))).map((r) => this.toRow(r));
  }

  async updateApp(id: string, patch: AppPatch): Promise<void> {
    const { env, ...rest } = patch;
    await this.db
      .update(paasApps)
      .set(env === undefined ? rest : { ...rest, env: this.seal(id, env) })
      .where(eq(paasApps.id, id));
  }

  /**
   * An app's variables in plaintext, the row locked until `tx` ends when one is given (one-variable
   * edits read, change and write them whole). Throws EnvUnreadable when a value does not open.
   */
  async lockEnv(id: string, tx: DbOrTx): Promise<Record<string, string> | undefined> {
    const [row] = await tx.select({ env: paasApps.env }).from(paasApps).where(eq(paasApps.id, id)).for('update');
    return row ? this.open(id, row.env) : undefined;
  }

  async writeEnv(id: string, env: Record<string, string>, tx: DbOrTx): Promise<void> {
    await tx
      .update(paasApps)
      .set({ env: this.seal(id, env) })
      .where(eq(paasApps.id, id));
  }

  /**
   * Seals the variables of rows written before they were sealed (a plain map), each row locked
   * while it is rewritten and its updated_at kept. Idempotent: sealed rows are left alone.
   * Returns how many rows it sealed.
   */
  async sealPlainEnvs(): Promise<number> {
    const rows = await this.db.select({ id: paasApps.id, env: paasApps.env }).from(paasApps);
    let sealed = 0;
    for (const { id, env } of rows) {
      if (env && isSealedEnv(env)) continue;
      const done = await this.db.transaction(async (tx) => {
        const [row] = await tx
          .select({ env: paasApps.env, updatedAt: paasApps.updatedAt })
          .from(paasApps)
          .where(eq(paasApps.id, id))
          .for('update');
        if (!row || (row.env && isSealedEnv(row.env))) return false;
        await tx
          .update(paasApps)
          .set({ env: this.seal(id, row.env ?? {}), updatedAt: row.updatedAt })
          .where(eq(paasApps.id, id));
        return true;
      });
      if (done) sealed++;
    }
    return sealed;
  }

  private toRow(row: AppColumns): PaasAppRow {
    const stored = row.env;
    return { ...row, env: new AppEnv(storedEnvNames(stored), () => this.open(row.id, stored)) };
  }

  private open(appId: string, stored: StoredEnv | null): Record<string, string> {
    if (!stored) return {};
    if (!isSealedEnv(stored)) return { ...stored };
    if (!this.envSealer)
      throw new EnvUnreadable("The app's variables are sealed; only the API and the worker (JWT_SECRET) open them.");
    return this.envSealer.open(appId, stored);
  }

  private seal(appId: string, env: Record<string, string>): StoredEnv {
    if (!this.envSealer) throw new Error('PaasRepository without an env sealer cannot write app variables');
    return this.envSealer.seal(appId, env);
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
