import { readdir } from 'node:fs/promises';
import type { DockerRepository, ManagedImage } from '../../repositories/docker.repository.js';
import type { GitRepository } from '../../repositories/git.repository.js';
import type { PaasLogRepository } from '../../repositories/paas-log.repository.js';
import type { PaasRepository } from '../../repositories/paas.repository.js';
import { DeployLog } from './deploy-log.js';
import type { PaasDriver } from './driver.js';
import type { PaasRuntime } from './runtime.js';

export interface ReconcileSettings {
  workDir: string;
  /** Images kept per app (the serving one always among them). */
  keepImages: number;
  /** A deployment in a working state for longer than this was abandoned by a dead worker. */
  staleAfterMs: number;
  maxRestarts: number;
}

export interface ReconcileReport {
  failedStale: number;
  /** Deployments still marked running that no app serves (a worker died during the switch). */
  superseded: number;
  requeued: number;
  restarted: number;
  crashed: number;
  portsFixed: number;
  removedContainers: number;
  removedImages: number;
  removedNetworks: number;
  removedCheckouts: number;
}

const WORKING = ['cloning', 'detecting', 'building', 'starting'] as const;

/**
 * Makes the engine match the database after a worker start (a reboot, a crash, someone using the
 * docker CLI): serving workloads that vanished or stopped, deployments a dead worker left half-done,
 * workloads, networks and checkouts of deleted apps, and images beyond the newest few per app.
 */
export class PaasReconciler {
  constructor(
    private readonly repo: PaasRepository,
    private readonly driver: PaasDriver,
    /** The local engine, where builds leave their images (either driver). */
    private readonly docker: Pick<DockerRepository, 'managedImages' | 'removeImage'>,
    private readonly git: GitRepository,
    private readonly logs: PaasLogRepository,
    private readonly runtime: PaasRuntime,
    private readonly requeue: (deploymentId: string) => Promise<void>,
    private readonly settings: ReconcileSettings,
  ) {}

  async run(): Promise<ReconcileReport> {
    const report: ReconcileReport = {
      failedStale: 0,
      superseded: 0,
      requeued: 0,
      restarted: 0,
      crashed: 0,
      portsFixed: 0,
      removedContainers: 0,
      removedImages: 0,
      removedNetworks: 0,
      removedCheckouts: 0,
    };
    const cutoff = new Date(Date.now() - this.settings.staleAfterMs);
    for (const dep of await this.repo.listDeploymentsByStatus([...WORKING], cutoff)) {
      const reason = 'The worker stopped during this deployment; deploy again.';
      await this.repo.updateDeployment(dep.id, { status: 'failed', reason, finishedAt: new Date() });
      const app = await this.repo.findApp(dep.appId);
      if (app && app.activeDeploymentId !== dep.id && app.status !== 'running')
        await this.repo.updateApp(app.id, { status: 'failed', lastError: reason });
      await this.logs.end(dep.id, 'failed').catch(() => undefined);
      report.failedStale++;
    }
    // A queued deployment whose job was lost (Redis flushed, producer crashed after the insert).
    for (const dep of await this.repo.listDeploymentsByStatus(['queued'], new Date(Date.now() - 60_000))) {
      await this.requeue(dep.id);
      report.requeued++;
    }

    // The switch marks the app first and the replaced deployment last (after the drain): a worker
    // killed in between leaves two deployments `running`; the one the app no longer points at is not.
    const serving = new Map((await this.repo.listApps()).map((a) => [a.id, a.activeDeploymentId]));
    for (const dep of await this.repo.listDeploymentsByStatus(['running'])) {
      if (
        serving.has(dep.appId) &&
        serving.get(dep.appId) !== dep.id &&
        (await this.repo.transitionDeployment(dep.id, ['running'], { status: 'superseded' }))
      )
        report.superseded++;
    }

    for (const app of await this.repo.listAppsByStatus(['running'])) {
      if (!app.containerId || !app.activeDeploymentId) continue;
      const state = await this.driver.state(app.containerId);
      const max = this.settings.maxRestarts;
      if (state?.running) {
        if (state.hostPort && state.hostPort !== app.hostPort) {
          await this.repo.updateApp(app.id, { hostPort: state.hostPort });
          report.portsFixed++;
        }
        continue;
      }
      if (state?.status === 'restarting') continue;
      if (state && state.restartCount < max && !state.oomKilled) {
        // Stopped without exhausting its restarts (daemon restart, reboot, docker stop by hand).
        await this.runtime.control(app.id, 'start');
        report.restarted++;
        continue;
      }
      await this.runtime.markCrashed(
        app,
        app.activeDeploymentId,
        state ?? null,
        new DeployLog(this.logs, app.activeDeploymentId),
      );
      report.crashed++;
    }

    // What the engine and the disk hold is read before the database: an app, its deployment and then
    // its workload or checkout are made in that order, so nothing seen here can be newer than the rows
    // read next (read the other way round, a deployment starting meanwhile lost its checkout).
    const workloads = await this.driver.managedWorkloads();
    const checkouts = await readdir(this.settings.workDir).catch(() => [] as string[]);
    const apps = await this.repo.listApps();
    const appIds = new Set(apps.map((a) => a.id));
    const active = new Set(apps.map((a) => a.activeDeploymentId).filter(Boolean));
    const working = new Set((await this.repo.listDeploymentsByStatus([...WORKING, 'queued'])).map((d) => d.id));
    for (const c of workloads) {
      const keep = appIds.has(c.appId) && c.deploymentId && (active.has(c.deploymentId) || working.has(c.deploymentId));
      if (!keep) {
        await this.driver.remove(c.id);
        report.removedContainers++;
      }
    }
    const byApp = new Map<string, ManagedImage[]>();
    for (const image of await this.docker.managedImages()) {
      if (!appIds.has(image.appId)) {
        await this.docker.removeImage(image);
        report.removedImages++;
        continue;
      }
      byApp.set(image.appId, [...(byApp.get(image.appId) ?? []), image]);
    }
    for (const images of byApp.values()) {
      const newestFirst = images.sort((a, b) => b.created - a.created);
      const serving = newestFirst.filter((i) => i.deploymentIds.some((d) => active.has(d) || working.has(d)));
      const kept = new Set(
        [...serving, ...newestFirst].slice(0, Math.max(this.settings.keepImages, serving.length)).map((i) => i.id),
      );
      for (const image of newestFirst) {
        if (kept.has(image.id)) continue;
        await this.docker.removeImage(image);
        report.removedImages++;
      }
    }
    for (const network of await this.driver.managedNetworks()) {
      const role = this.driver.networkRole(network.name, network.appId);
      if (role === null) continue;
      const legacy = role === 'legacy';
      // A network from before the egress policy is replaced at the app's next deployment; removed once unused.
      if (
        (!appIds.has(network.appId) || legacy) &&
        (await this.driver.removeNetwork(network.name, { ifUnused: legacy }))
      )
        report.removedNetworks++;
    }
    for (const dir of checkouts) {
      if (!appIds.has(dir) && /^[0-9a-f-]{36}$/.test(dir)) {
        await this.git.remove(`${this.settings.workDir}/${dir}`);
        report.removedCheckouts++;
      }
    }
    await this.driver.heal();
    return report;
  }
}
