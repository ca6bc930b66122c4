import type { DockerRepository } from '../../repositories/docker.repository.js';
import type { HttpProbe } from '../../repositories/http-probe.repository.js';
import { proxyRuntimeEnv, type BuildNetwork } from './build-network.js';
import {
  buildContainerSpec,
  containerUser,
  legacyNetworkName,
  networkName,
  networkSpec,
  type Limits,
} from './container-spec.js';
import { crashReason, PipelineFailure, withTail, type DeployLog } from './deploy-log.js';
import { runtimeFor } from './dockerfile.js';
import type { PaasDriver, WorkloadInput } from './driver.js';

export interface DockerDriverSettings {
  limits: Limits;
  healthTimeoutMs: number;
  /** PAAS_CONTAINER_RUNTIME: apps under gVisor (`runsc`) or Kata when the engine has it. */
  ociRuntime?: string;
  /** The operator's proxy, passed to apps (their own variables win). */
  network?: BuildNetwork;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PAAS_DRIVER=docker: one container per deployment on this machine's engine, on a bridge per app,
 * its port published on 127.0.0.1 for the app router; a new deployment starts beside the serving one
 * (blue-green, switched by the runtime). Health is probed from here over that port.
 */
export class DockerDriver implements PaasDriver {
  readonly name = 'docker' as const;
  readonly noun = 'container';

  constructor(
    private readonly docker: DockerRepository,
    private readonly probe: HttpProbe,
    private readonly settings: DockerDriverSettings,
  ) {}

  get instance(): string {
    return this.docker.instance;
  }

  ping(): Promise<void> {
    return this.docker.ping();
  }

  async prepare(): Promise<void> {}

  async heal(): Promise<void> {}

  async run(input: WorkloadInput): Promise<string> {
    const { app, deploymentId, imageId: image, port, detectedType } = input;
    await this.docker.ensureNetwork(networkSpec(app.id, app.slug, this.docker.instance));
    // Only an own Dockerfile's image may ask for root; read its USER (generated images set APP_USER).
    const imageUser = detectedType === 'dockerfile' ? (await this.docker.imageInfo(image))?.user : undefined;
    const spec = buildContainerSpec({
      instance: this.docker.instance,
      appId: app.id,
      slug: app.slug,
      deploymentId,
      image,
      port,
      env: proxyRuntimeEnv(this.settings.network ?? {}, app.env.values()),
      network: networkName(app.id),
      runtime: runtimeFor(detectedType),
      user: containerUser(detectedType, imageUser, app.runAsRoot),
      limits: this.settings.limits,
      ...(this.settings.ociRuntime ? { ociRuntime: this.settings.ociRuntime } : {}),
    });
    // A leftover of an earlier attempt of this same deployment (a worker that died mid-start).
    const leftover = (await this.docker.managedContainers()).filter(
      (c) => c.deploymentId === deploymentId && c.appId === app.id,
    );
    for (const c of leftover) await this.docker.remove(c.id);
    return this.docker.run(spec);
  }

  /**
   * Polls until the container answers HTTP — any status on `/`, a 2xx/3xx on the app's health-check
   * path when it has one; throws with its last log lines when it dies or never answers (and removes it).
   */
  async waitReady(
    containerId: string,
    _deploymentId: string,
    log: DeployLog,
    healthPath: string | null = null,
  ): Promise<number> {
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
          if (status !== null && status !== lastStatus)
            log.line(`answered HTTP ${status} on ${healthPath}; waiting for a 2xx or 3xx`);
          lastStatus = status ?? lastStatus;
          // Most apps listen within a few seconds of starting: look often then (a refused connect
          // costs next to nothing), then settle to every 250 ms.
          runningSince ??= Date.now();
        }
        await sleep(runningSince !== undefined && Date.now() - runningSince < 5000 ? 50 : 250);
      }
      const waited = Math.round(this.settings.healthTimeoutMs / 1000);
      const why =
        lastStatus !== null
          ? `The app answered HTTP ${lastStatus} on its health-check path ${healthPath}, not a 2xx or 3xx, for ${waited} s.`
          : `The app did not answer HTTP within ${waited} s (it must listen on 0.0.0.0:$PORT).`;
      throw new PipelineFailure(withTail(why, await this.docker.logTail(containerId, 20)));
    } catch (err) {
      await this.docker.remove(containerId).catch(() => undefined);
      throw err;
    }
  }

  async retire(id: string): Promise<void> {
    await this.docker.stop(id, 5);
    await this.docker.remove(id);
  }

  state(id: string) {
    return this.docker.state(id);
  }

  logTail(id: string, lines: number) {
    return this.docker.logTail(id, lines);
  }

  start(id: string) {
    return this.docker.start(id);
  }

  stop(id: string, graceSeconds?: number) {
    return this.docker.stop(id, graceSeconds);
  }

  restart(id: string) {
    return this.docker.restart(id);
  }

  remove(id: string) {
    return this.docker.remove(id);
  }

  managedWorkloads() {
    return this.docker.managedContainers();
  }

  managedNetworks() {
    return this.docker.managedNetworks();
  }

  networkRole(name: string, appId: string): 'current' | 'legacy' | null {
    return name === networkName(appId) ? 'current' : name === legacyNetworkName(appId) ? 'legacy' : null;
  }

  removeNetwork(name: string, options?: { ifUnused?: boolean }) {
    return this.docker.removeNetwork(name, options);
  }

  async removeAppNetworks(appId: string): Promise<void> {
    await this.docker.removeNetwork(networkName(appId));
    await this.docker.removeNetwork(legacyNetworkName(appId));
  }

  followLogs(...args: Parameters<DockerRepository['followLogs']>) {
    return this.docker.followLogs(...args);
  }

  stats(id: string) {
    return this.docker.stats(id);
  }

  watchDeaths(...args: Parameters<DockerRepository['watchDeaths']>) {
    return this.docker.watchDeaths(...args);
  }
}
