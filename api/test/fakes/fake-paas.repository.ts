import type { paasDeployments } from '../../src/db/schema.js';
import { AppEnv } from '../../src/domain/paas/app-env.js';
import type {
  AppInsert,
  AppPatch,
  AppStatus,
  DeploymentPatch,
  DeploymentStatus,
  PaasAppRow,
  PaasDeploymentRow,
  PaasRepository,
} from '../../src/repositories/paas.repository.js';
import type { DbOrTx } from '../../src/repositories/database.js';
import type { Port } from './port.js';

let seq = 0;
/** UUID-shaped ids that sort by creation (what uuidv7 gives the real tables). */
export function fakeId(): string {
  seq++;
  return `00000000-0000-7000-8000-${seq.toString(16).padStart(12, '0')}`;
}

/** PaaS apps and deployments in memory, with the real repository's compare-and-set semantics. */
export class FakePaasRepository implements Port<PaasRepository> {
  apps = new Map<string, PaasAppRow>();
  deployments = new Map<string, PaasDeploymentRow>();

  /** A new app row with the table's defaults. */
  addApp(row: Partial<PaasAppRow> = {}): PaasAppRow {
    const id = row.id ?? fakeId();
    const now = new Date();
    const app: PaasAppRow = {
      id,
      slug: `app-${id.slice(-4)}`,
      name: 'App',
      repoUrl: 'file:///srv/repos/app',
      branch: null,
      env: AppEnv.plain({}),
      status: 'created',
      isPublic: false,
      runAsRoot: false,
      rootDir: null,
      buildCommand: null,
      startCommand: null,
      outputDir: null,
      listenPort: null,
      healthCheckPath: null,
      placement: null,
      detectedType: null,
      containerId: null,
      imageId: null,
      hostPort: null,
      url: null,
      lastError: null,
      containerPort: null,
      activeDeploymentId: null,
      hookSecret: null,
      gitToken: null,
      gitUsername: null,
      deployKey: null,
      deployKeyPublic: null,
      sshKnownHost: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
      ...row,
    };
    this.apps.set(id, app);
    return app;
  }

  /** A new deployment row with the table's defaults. */
  addDeployment(appId: string, row: Partial<PaasDeploymentRow> = {}): PaasDeploymentRow {
    const id = row.id ?? fakeId();
    const now = new Date();
    const dep: PaasDeploymentRow = {
      id,
      appId,
      status: 'queued',
      commitSha: null,
      reason: null,
      log: null,
      trigger: 'manual',
      branch: null,
      detectedType: null,
      dockerfile: null,
      imageId: null,
      containerId: null,
      hostPort: null,
      containerPort: null,
      createdBy: null,
      startedAt: null,
      finishedAt: null,
      durationMs: null,
      createdAt: now,
      updatedAt: now,
      ...row,
    };
    this.deployments.set(id, dep);
    return dep;
  }

  app(id: string): PaasAppRow {
    const app = this.apps.get(id);
    if (!app) throw new Error(`no app ${id}`);
    return app;
  }

  deployment(id: string): PaasDeploymentRow {
    const dep = this.deployments.get(id);
    if (!dep) throw new Error(`no deployment ${id}`);
    return dep;
  }

  async insertApp(row: AppInsert): Promise<boolean> {
    if (await this.slugTaken(row.slug)) return false;
    this.addApp({ ...(row as Partial<Omit<PaasAppRow, 'env'>>), env: AppEnv.plain(row.env) });
    return true;
  }

  async findApp(id: string): Promise<PaasAppRow | undefined> {
    const app = this.apps.get(id);
    return app && cloneApp(app);
  }

  async findAppBySlug(slug: string): Promise<PaasAppRow | undefined> {
    const app = [...this.apps.values()].find((a) => a.slug === slug);
    return app && cloneApp(app);
  }

  async slugTaken(slug: string): Promise<boolean> {
    return [...this.apps.values()].some((a) => a.slug === slug);
  }

  async listApps(): Promise<PaasAppRow[]> {
    return [...this.apps.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map(cloneApp);
  }

  async listAppsByStatus(statuses: AppStatus[]): Promise<PaasAppRow[]> {
    return [...this.apps.values()].filter((a) => statuses.includes(a.status)).map(cloneApp);
  }

  async updateApp(id: string, patch: AppPatch): Promise<void> {
    const app = this.apps.get(id);
    if (!app) return;
    const { env, ...rest } = structuredClone(patch);
    this.apps.set(id, { ...app, ...rest, ...(env ? { env: AppEnv.plain(env) } : {}), updatedAt: new Date() });
  }

  async lockEnv(id: string, _tx: DbOrTx): Promise<Record<string, string> | undefined> {
    const app = this.apps.get(id);
    return app ? app.env.values() : undefined;
  }

  async writeEnv(id: string, env: Record<string, string>, _tx: DbOrTx): Promise<void> {
    await this.updateApp(id, { env });
  }

  /** Variables here are plaintext in memory: there is nothing to seal. */
  async sealPlainEnvs(): Promise<number> {
    return 0;
  }

  async deleteApp(id: string): Promise<boolean> {
    for (const [depId, dep] of this.deployments) if (dep.appId === id) this.deployments.delete(depId);
    return this.apps.delete(id);
  }

  async insertDeployment(row: typeof paasDeployments.$inferInsert): Promise<void> {
    this.addDeployment(row.appId, row as Partial<PaasDeploymentRow>);
  }

  async findDeployment(id: string): Promise<PaasDeploymentRow | undefined> {
    const dep = this.deployments.get(id);
    return dep && structuredClone(dep);
  }

  async listDeployments(appId: string, limit: number): Promise<Omit<PaasDeploymentRow, 'log' | 'dockerfile'>[]> {
    return [...this.deployments.values()]
      .filter((d) => d.appId === appId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .slice(0, limit)
      .map(({ log: _l, dockerfile: _d, ...rest }) => structuredClone(rest));
  }

  async findQueued(appId: string): Promise<PaasDeploymentRow | undefined> {
    const dep = [...this.deployments.values()]
      .filter((d) => d.appId === appId && d.status === 'queued')
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))[0];
    return dep && structuredClone(dep);
  }

  async updateDeployment(id: string, patch: DeploymentPatch): Promise<void> {
    const dep = this.deployments.get(id);
    if (dep) this.deployments.set(id, { ...dep, ...structuredClone(patch), updatedAt: new Date() });
  }

  async transitionDeployment(id: string, from: DeploymentStatus[], patch: DeploymentPatch): Promise<boolean> {
    const dep = this.deployments.get(id);
    if (!dep || !from.includes(dep.status)) return false;
    await this.updateDeployment(id, patch);
    return true;
  }

  async supersedeQueued(appId: string, keepId: string, reason: string): Promise<number> {
    let n = 0;
    for (const dep of this.deployments.values()) {
      if (dep.appId === appId && dep.status === 'queued' && dep.id !== keepId) {
        await this.updateDeployment(dep.id, { status: 'superseded', reason, finishedAt: new Date() });
        n++;
      }
    }
    return n;
  }

  async listDeploymentsByStatus(statuses: DeploymentStatus[], updatedBefore?: Date): Promise<PaasDeploymentRow[]> {
    return [...this.deployments.values()]
      .filter((d) => statuses.includes(d.status) && (!updatedBefore || d.updatedAt < updatedBefore))
      .map((d) => structuredClone(d));
  }

  async allAppIds(): Promise<Set<string>> {
    return new Set(this.apps.keys());
  }
}

/** A copy callers may change; the variables (immutable, and not cloneable: they open on demand) are shared. */
function cloneApp(app: PaasAppRow): PaasAppRow {
  const { env, ...rest } = app;
  return { ...structuredClone(rest), env };
}
