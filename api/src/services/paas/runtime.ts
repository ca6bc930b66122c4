import type { DockerRepository } from '../../repositories/docker.repository.js';
import type { HttpProbe } from '../../repositories/http-probe.repository.js';
import type { PaasLogRepository } from '../../repositories/paas-log.repository.js';
import type { PaasAppRow, PaasDeploymentRow, PaasRepository } from '../../repositories/paas.repository.js';
import { buildContainerSpec, containerUser, legacyNetworkName, networkName, networkSpec, type Limits } from './container-spec.js';
import { crashReason, DeployLog, PipelineFailure, withTail } from './deploy-log.js';
import { runtimeFor } from './dockerfile.js';
import { proxyRuntimeEnv, type BuildNetwork } from './build-network.js';

export interface RuntimeSettings {
  limits: Limits;
  healthTimeoutMs: number;
  /** How long the old container keeps serving after the switch (router cache + in-flight requests). */
  drainMs: number;
  workDir: string;
  /** PAAS_CONTAINER_RUNTIME: apps under gVisor (`runsc`) or Kata when the engine has it. */
  ociRuntime?: string;
  /** The operator's proxy, passed to apps (their own variables win). */
  network?: BuildNetwork;
}

/** Runs `fn` while holding the app's lease, waiting for it when another step of the same app holds it. */
export type AppLock = <T>(appId: string, fn: () => Promise<T>) => Promise<T>;

export type ControlAction = 'stop' | 'start' | 'restart';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * App containers: start a deployment beside the running one, wait until it answers HTTP, switch
 * the app to it and only then remove the old one (blue-green); stop/start/restart; notice crash
 * loops. Everything Docker-side goes through the Docker repository.
 */
export class PaasRuntime {
  constructor(
    private readonly repo: PaasRepository,
    private readonly docker: DockerRepository,
    private readonly probe: HttpProbe,
    private readonly logs: PaasLogRepository,
    private readonly lock: AppLock,
    private readonly settings: RuntimeSettings,
  ) {}

  /** Starts the deployment's image and makes it the app's serving container once healthy. */
  async launch(app: PaasAppRow, dep: PaasDeploymentRow, image: { imageId: string; port: number; detectedType: string }, log: DeployLog): Promise<number> {
    const containerId = await this.createContainer(app, dep.id, image.imageId, image.port, image.detectedType);
    await this.repo.updateDeployment(dep.id, { containerId });
    log.step(`Started container ${containerId.slice(0, 12)}; waiting for HTTP on port ${image.port} (up to ${Math.round(this.settings.healthTimeoutMs / 1000)} s)`);
    const hostPort = await this.waitHealthy(containerId, log, app.healthCheckPath);
    await this.lock(app.id, async () => {
      const fresh = await this.repo.findApp(app.id);
      if (!fresh) {
        await this.docker.remove(containerId);
        throw new PipelineFailure('The app was deleted during the deployment.');
      }
      const previous = fresh.activeDeploymentId !== dep.id ? { containerId: fresh.containerId, deploymentId: fresh.activeDeploymentId } : null;
      await this.repo.updateApp(app.id, {
        status: 'running', containerId, hostPort, imageId: image.imageId, containerPort: image.port, activeDeploymentId: dep.id,
        detectedType: image.detectedType, lastError: null,
      });
      await this.repo.updateDeployment(dep.id, { status: 'running', hostPort });
      if (previous?.containerId && previous.containerId !== containerId) {
        log.step(`Switched ${fresh.slug} to the new container; the previous one serves in-flight requests for ${this.settings.drainMs} ms`);
        await sleep(this.settings.drainMs);
        await this.docker.stop(previous.containerId, 5);
        await this.docker.remove(previous.containerId);
        if (previous.deploymentId) await this.repo.transitionDeployment(previous.deploymentId, ['running', 'stopped', 'failed'], { status: 'superseded' });
      }
    });
    return hostPort;
  }

  /**
   * Polls until the container answers HTTP — any status on `/`, a 2xx/3xx on the app's health-check
   * path when it has one; throws with its last log lines when it dies or never answers.
   */
  async waitHealthy(containerId: string, log: DeployLog, healthPath: string | null = null): Promise<number> {
    const max = this.settings.limits.maxRestarts;
    const deadline = Date.now() + this.settings.healthTimeoutMs;
    let restarts = 0;
    let runningSince: number | undefined;
    let lastStatus: number | null = null;
    try {
      while (Date.now() < deadline) {
        const state = await this.docker.state(containerId);
        if (!state) throw new PipelineFailure('The container disappeared while starting.');
        if (state.restartCount > restarts) {
          restarts = state.restartCount;
          log.line(`container exited (code ${state.exitCode}); restart ${restarts} of ${max}`);
        }
        if (!state.running && state.status !== 'restarting' && state.status !== 'created') {
          throw new PipelineFailure(crashReason(state, max, await this.docker.logTail(containerId, 20)));
        }
        if (state.running && state.hostPort) {
          const status = await this.probe.status(state.hostPort, 2000, healthPath ?? '/');
          if (status !== null && (healthPath === null || status < 400)) {
            log.line(`answered HTTP ${status}${healthPath ? ` on ${healthPath}` : ''}`);
            return state.hostPort;
          }
          if (status !== null && status !== lastStatus) log.line(`answered HTTP ${status} on ${healthPath}; waiting for a 2xx or 3xx`);
          lastStatus = status ?? lastStatus;
          // Most apps listen within a few seconds of starting: look often then (a refused connect
          // costs next to nothing), then settle to every 250 ms.
          runningSince ??= Date.now();
        }
        await sleep(runningSince !== undefined && Date.now() - runningSince < 5000 ? 50 : 250);
      }
      const waited = Math.round(this.settings.healthTimeoutMs / 1000);
      const why = lastStatus !== null
        ? `The app answered HTTP ${lastStatus} on its health-check path ${healthPath}, not a 2xx or 3xx, for ${waited} s.`
        : `The app did not answer HTTP within ${waited} s (it must listen on 0.0.0.0:$PORT).`;
      throw new PipelineFailure(withTail(why, await this.docker.logTail(containerId, 20)));
    } catch (err) {
      await this.docker.remove(containerId).catch(() => undefined);
      throw err;
    }
  }

  async control(appId: string, action: ControlAction): Promise<void> {
    await this.lock(appId, async () => {
      const app = await this.repo.findApp(appId);
      if (!app) return;
      if (action === 'stop') {
        // The status first: the container's death event must read as intended, not as a crash.
        await this.repo.updateApp(appId, { status: 'stopped', lastError: null });
        if (app.containerId) await this.docker.stop(app.containerId);
        if (app.activeDeploymentId) await this.repo.transitionDeployment(app.activeDeploymentId, ['running', 'failed'], { status: 'stopped' });
        return;
      }
      const dep = app.activeDeploymentId ? await this.repo.findDeployment(app.activeDeploymentId) : undefined;
      if (!dep?.imageId) {
        await this.repo.updateApp(appId, { status: 'failed', lastError: 'Nothing to start: the app has no successful deployment. Deploy it.' });
        return;
      }
      await this.repo.updateApp(appId, { status: 'starting', lastError: null });
      const log = new DeployLog(this.logs, dep.id);
      log.step(`${action === 'start' ? 'Starting' : 'Restarting'} the app`);
      try {
        let containerId = app.containerId ? (await this.docker.state(app.containerId))?.id : undefined;
        if (containerId && action === 'restart') await this.docker.restart(containerId);
        else if (containerId) await this.docker.start(containerId);
        else {
          log.line('the container is gone; creating it again from the deployment image');
          containerId = await this.createContainer(app, dep.id, dep.imageId, dep.containerPort ?? app.containerPort ?? 8080, dep.detectedType ?? 'dockerfile');
        }
        const hostPort = await this.waitHealthy(containerId, log, app.healthCheckPath);
        await this.repo.updateApp(appId, { status: 'running', containerId, hostPort, lastError: null });
        await this.repo.updateDeployment(dep.id, { status: 'running', containerId, hostPort });
      } catch (err) {
        const reason = err instanceof PipelineFailure ? err.message : `Could not ${action} the app: ${(err as Error).message}`;
        log.line(reason);
        await this.repo.updateApp(appId, { status: 'failed', lastError: reason.slice(0, 1000), containerId: null, hostPort: null });
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
  async onContainerDeath(event: { containerId: string; appId: string; deploymentId: string; signalled?: boolean }): Promise<'ignored' | 'restarting' | 'stopped' | 'crashed'> {
    const app = event.appId ? await this.repo.findApp(event.appId) : undefined;
    if (!app || app.status !== 'running' || app.activeDeploymentId !== event.deploymentId || !app.containerId) return 'ignored';
    if (!event.containerId.startsWith(app.containerId) && !app.containerId.startsWith(event.containerId)) return 'ignored';
    const log = new DeployLog(this.logs, event.deploymentId);
    if (event.signalled) {
      // No Docker calls here: the daemon may be on its way down.
      log.line('container stopped by a signal (docker stop, or the Docker daemon stopping); it is started again');
      await log.flush();
      return 'stopped';
    }
    const state = await this.docker.state(app.containerId);
    if (state && (state.running || state.status === 'restarting')) {
      log.line(`container exited (code ${state.exitCode}); Docker restarts it (${state.restartCount} of ${this.settings.limits.maxRestarts} restarts used)`);
      await log.flush();
      await this.followRestartPort(app.id, app.containerId, app.hostPort);
      return 'restarting';
    }
    await this.markCrashed(app, event.deploymentId, state ?? null, log);
    return 'crashed';
  }

  async markCrashed(app: PaasAppRow, deploymentId: string, state: { exitCode: number; restartCount: number; oomKilled: boolean } | null, log: DeployLog): Promise<void> {
    const reason = state
      ? crashReason(state, this.settings.limits.maxRestarts, await this.docker.logTail(app.containerId!, 20))
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
      const state = await this.docker.state(containerId);
      if (!state || (!state.running && state.status !== 'restarting')) return;
      if (state.running && state.hostPort) {
        if (state.hostPort !== known) await this.repo.updateApp(appId, { hostPort: state.hostPort });
        return;
      }
    }
  }

  /** Everything Docker holds for an app (after its row was deleted): containers, images, network. */
  async destroy(appId: string): Promise<{ containers: number; images: number }> {
    const containers = (await this.docker.managedContainers()).filter((c) => c.appId === appId);
    for (const c of containers) await this.docker.remove(c.id);
    const images = (await this.docker.managedImages()).filter((i) => i.appId === appId);
    for (const i of images) await this.docker.removeImage(i);
    await this.docker.removeNetwork(networkName(appId));
    await this.docker.removeNetwork(legacyNetworkName(appId));
    return { containers: containers.length, images: images.length };
  }

  private async createContainer(app: PaasAppRow, deploymentId: string, image: string, port: number, detectedType: string): Promise<string> {
    await this.docker.ensureNetwork(networkSpec(app.id, app.slug, this.docker.instance));
    // Only an own Dockerfile's image may ask for root; read its USER (generated images set APP_USER).
    const imageUser = detectedType === 'dockerfile' ? (await this.docker.imageInfo(image))?.user : undefined;
    const spec = buildContainerSpec({
      instance: this.docker.instance, appId: app.id, slug: app.slug, deploymentId, image, port, env: proxyRuntimeEnv(this.settings.network ?? {}, app.env ?? {}), network: networkName(app.id),
      runtime: runtimeFor(detectedType), user: containerUser(detectedType, imageUser, app.runAsRoot), limits: this.settings.limits,
      ...(this.settings.ociRuntime ? { ociRuntime: this.settings.ociRuntime } : {}),
    });
    // A leftover of an earlier attempt of this same deployment (a worker that died mid-start).
    const leftover = (await this.docker.managedContainers()).filter((c) => c.deploymentId === deploymentId && c.appId === app.id);
    for (const c of leftover) await this.docker.remove(c.id);
    return this.docker.run(spec);
  }
}

