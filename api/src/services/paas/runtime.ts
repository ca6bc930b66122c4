import type { DockerRepository } from '../../repositories/docker.repository.js';
import type { PaasLogRepository } from '../../repositories/paas-log.repository.js';
import type { PaasAppRow, PaasDeploymentRow, PaasRepository } from '../../repositories/paas.repository.js';
import type { Limits } from './container-spec.js';
import { crashReason, DeployLog, PipelineFailure } from './deploy-log.js';
import type { PaasDriver } from './driver.js';

export interface RuntimeSettings {
  limits: Limits;
  healthTimeoutMs: number;
  /** How long the old container keeps serving after the switch (router cache + in-flight requests). */
  drainMs: number;
  workDir: string;
}

/** Runs `fn` while holding the app's lease, waiting for it when another step of the same app holds it. */
export type AppLock = <T>(appId: string, fn: () => Promise<T>) => Promise<T>;

export type ControlAction = 'stop' | 'start' | 'restart';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * App workloads: start a deployment beside the running one (or roll the app's service to it), wait
 * until it answers HTTP, switch the app to it and only then retire the old one (blue-green);
 * stop/start/restart; notice crash loops. Everything engine-side goes through the driver
 * (PAAS_DRIVER: docker containers or Swarm services).
 */
export class PaasRuntime {
  constructor(
    private readonly repo: PaasRepository,
    private readonly driver: PaasDriver,
    /** The local engine's images (builds run there for either driver). */
    private readonly images: Pick<DockerRepository, 'managedImages' | 'removeImage'>,
    private readonly logs: PaasLogRepository,
    private readonly lock: AppLock,
    private readonly settings: RuntimeSettings,
  ) {}

  /** Starts the deployment's image and makes it the app's serving container once healthy. */
  async launch(
    app: PaasAppRow,
    dep: PaasDeploymentRow,
    image: { imageId: string; port: number; detectedType: string },
    log: DeployLog,
  ): Promise<number> {
    const before = await this.repo.findApp(app.id);
    const serving =
      before?.status === 'running' && before.activeDeploymentId !== null && before.activeDeploymentId !== dep.id;
    const containerId = await this.driver.run({ app, deploymentId: dep.id, ...image });
    await this.repo.updateDeployment(dep.id, { containerId });
    log.step(
      `Started ${this.driver.noun} ${containerId.slice(0, 12)}; waiting for HTTP on port ${image.port} (up to ${Math.round(this.settings.healthTimeoutMs / 1000)} s)`,
    );
    const hostPort = await this.driver.waitReady(containerId, dep.id, log, app.healthCheckPath, serving);
    await this.lock(app.id, async () => {
      const fresh = await this.repo.findApp(app.id);
      if (!fresh) {
        await this.driver.remove(containerId);
        throw new PipelineFailure('The app was deleted during the deployment.');
      }
      const previous =
        fresh.activeDeploymentId !== dep.id
          ? { containerId: fresh.containerId, deploymentId: fresh.activeDeploymentId }
          : null;
      await this.repo.updateApp(app.id, {
        status: 'running',
        containerId,
        hostPort,
        imageId: image.imageId,
        containerPort: image.port,
        activeDeploymentId: dep.id,
        detectedType: image.detectedType,
        lastError: null,
      });
      await this.repo.updateDeployment(dep.id, { status: 'running', hostPort });
      if (previous?.containerId) {
        // The swarm driver rolled the same service start-first: Swarm drained the previous task already.
        if (previous.containerId !== containerId) {
          log.step(
            `Switched ${fresh.slug} to the new container; the previous one serves in-flight requests for ${this.settings.drainMs} ms`,
          );
          await sleep(this.settings.drainMs);
          await this.driver.retire(previous.containerId, containerId);
        }
        if (previous.deploymentId)
          await this.repo.transitionDeployment(previous.deploymentId, ['running', 'stopped', 'failed'], {
            status: 'superseded',
          });
      }
    });
    return hostPort;
  }

  async control(appId: string, action: ControlAction): Promise<void> {
    await this.lock(appId, async () => {
      const app = await this.repo.findApp(appId);
      if (!app) return;
      if (action === 'stop') {
        // The status first: the container's death event must read as intended, not as a crash.
        await this.repo.updateApp(appId, { status: 'stopped', lastError: null });
        if (app.containerId) await this.driver.stop(app.containerId);
        if (app.activeDeploymentId)
          await this.repo.transitionDeployment(app.activeDeploymentId, ['running', 'failed'], { status: 'stopped' });
        return;
      }
      const dep = app.activeDeploymentId ? await this.repo.findDeployment(app.activeDeploymentId) : undefined;
      if (!dep?.imageId) {
        await this.repo.updateApp(appId, {
          status: 'failed',
          lastError: 'Nothing to start: the app has no successful deployment. Deploy it.',
        });
        return;
      }
      await this.repo.updateApp(appId, { status: 'starting', lastError: null });
      const log = new DeployLog(this.logs, dep.id);
      log.step(`${action === 'start' ? 'Starting' : 'Restarting'} the app`);
      try {
        let containerId = app.containerId ? (await this.driver.state(app.containerId))?.id : undefined;
        if (containerId && action === 'restart') await this.driver.restart(containerId);
        else if (containerId) await this.driver.start(containerId);
        else {
          log.line(`the ${this.driver.noun} is gone; creating it again from the deployment image`);
          containerId = await this.driver.run({
            app,
            deploymentId: dep.id,
            imageId: dep.imageId,
            port: dep.containerPort ?? app.containerPort ?? 8080,
            detectedType: dep.detectedType ?? 'dockerfile',
          });
        }
        const hostPort = await this.driver.waitReady(containerId, dep.id, log, app.healthCheckPath, false);
        await this.repo.updateApp(appId, { status: 'running', containerId, hostPort, lastError: null });
        await this.repo.updateDeployment(dep.id, { status: 'running', containerId, hostPort });
      } catch (err) {
        const reason =
          err instanceof PipelineFailure ? err.message : `Could not ${action} the app: ${(err as Error).message}`;
        log.line(reason);
        await this.repo.updateApp(appId, {
          status: 'failed',
          lastError: reason.slice(0, 1000),
          containerId: null,
          hostPort: null,
        });
      } finally {
        await log.flush();
      }
    });
  }

  /**
   * A managed container died. While restarts remain Docker restarts it; once it stays down and it is
   * the serving container of a running app, the app and its deployment become failed with the last
   * log lines as the reason. A container stopped by a signal (docker stop, the daemon shutting down)
   * did not crash: it stays `running` here and the caller has the reconciler start it again.
   */
  async onContainerDeath(event: {
    containerId: string;
    appId: string;
    deploymentId: string;
    signalled?: boolean;
  }): Promise<'ignored' | 'restarting' | 'stopped' | 'crashed'> {
    const app = event.appId ? await this.repo.findApp(event.appId) : undefined;
    if (!app || app.status !== 'running' || app.activeDeploymentId !== event.deploymentId || !app.containerId)
      return 'ignored';
    if (!event.containerId.startsWith(app.containerId) && !app.containerId.startsWith(event.containerId))
      return 'ignored';
    const log = new DeployLog(this.logs, event.deploymentId);
    if (event.signalled) {
      // No Docker calls here: the daemon may be on its way down.
      log.line('container stopped by a signal (docker stop, or the Docker daemon stopping); it is started again');
      await log.flush();
      return 'stopped';
    }
    const state = await this.driver.state(app.containerId);
    if (state && (state.running || state.status === 'restarting')) {
      log.line(
        `${this.driver.noun === 'service' ? 'a task' : 'container'} exited (code ${state.exitCode}); ${this.driver.name === 'swarm' ? 'Swarm' : 'Docker'} restarts it (${state.restartCount} of ${this.settings.limits.maxRestarts} restarts used)`,
      );
      await log.flush();
      await this.followRestartPort(app.id, app.containerId, app.hostPort);
      return 'restarting';
    }
    await this.markCrashed(app, event.deploymentId, state ?? null, log);
    return 'crashed';
  }

  async markCrashed(
    app: PaasAppRow,
    deploymentId: string,
    state: { exitCode: number; restartCount: number; oomKilled: boolean } | null,
    log: DeployLog,
  ): Promise<void> {
    const reason = state
      ? crashReason(state, this.settings.limits.maxRestarts, await this.driver.logTail(app.containerId!, 20))
      : 'The app container disappeared (removed outside OmerVision). Deploy or start the app again.';
    log.line(reason);
    await log.flush();
    await this.repo.updateApp(app.id, { status: 'failed', lastError: reason });
    await this.repo.updateDeployment(deploymentId, { status: 'failed', reason, finishedAt: new Date() });
    const all = await this.logs.all(deploymentId).catch(() => null);
    if (all) await this.repo.updateDeployment(deploymentId, { log: all.join('\n') });
  }

  /**
   * A restarted container gets a new 127.0.0.1 port (the binding is ephemeral): once it runs again
   * (bounded wait), the app's row follows, so the router never sends visitors to the old port.
   */
  private async followRestartPort(appId: string, containerId: string, known: number | null): Promise<void> {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(250)) {
      const state = await this.driver.state(containerId);
      if (!state || (!state.running && state.status !== 'restarting')) return;
      if (state.running && state.hostPort) {
        if (state.hostPort !== known) await this.repo.updateApp(appId, { hostPort: state.hostPort });
        return;
      }
    }
  }

  /** Everything the engine holds for an app (after its row was deleted): workloads, images, networks. */
  async destroy(appId: string): Promise<{ containers: number; images: number }> {
    const containers = (await this.driver.managedWorkloads()).filter((c) => c.appId === appId);
    for (const c of containers) await this.driver.remove(c.id);
    const images = (await this.images.managedImages()).filter((i) => i.appId === appId);
    for (const i of images) await this.images.removeImage(i);
    await this.driver.removeAppNetworks(appId);
    return { containers: containers.length, images: images.length };
  }
}
