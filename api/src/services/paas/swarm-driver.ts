import { randomBytes } from 'node:crypto';
import { readFrames, type DeathEvent, type DockerRepository } from '../../repositories/docker.repository.js';
import type { SwarmRepository, SwarmTask } from '../../repositories/swarm.repository.js';
import type { RawStats } from '../../domain/paas/app-metrics.js';
import { proxyRuntimeEnv, type BuildNetwork } from './build-network.js';
import { containerUser, legacyNetworkName, networkName, type Limits } from './container-spec.js';
import { crashReason, PipelineFailure, withTail, type DeployLog } from './deploy-log.js';
import { runtimeFor } from './dockerfile.js';
import type { ManagedWorkload, PaasDriver, WorkloadInput, WorkloadState } from './driver.js';
import {
  buildServiceSpec,
  egressConfigSpec,
  egressNetworkSpec,
  GENERATION_LABEL,
  healthCheck,
  overlayName,
  overlaySpec,
  PORT_LABEL,
  registryRepository,
  serviceName,
} from './service-spec.js';
import { LABEL } from './container-spec.js';

export interface SwarmDriverSettings {
  limits: Limits;
  healthTimeoutMs: number;
  /** PAAS_REGISTRY: where images are pushed for the nodes to pull. */
  registry: string;
  /** PAAS_SWARM_ROUTER: joined to every app's overlay so it can resolve and reach the app's tasks. */
  router?: { kind: 'service' | 'container'; name: string };
  constraints: string[];
  network?: BuildNetwork;
  pushTimeoutMs?: number;
  /** How often tasks are read for exits (watchDeaths). */
  pollMs?: number;
}

const TERMINAL = new Set(['complete', 'shutdown', 'failed', 'rejected', 'orphaned', 'remove']);
const FAILED_UPDATE = new Set(['paused', 'rollback_started', 'rollback_paused', 'rollback_completed']);
/** How long every task may wait for a node that meets the constraints before the deployment fails (a node may be joining). */
const UNPLACED_GRACE_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PAAS_DRIVER=swarm: each app is one Swarm service (DNS round-robin endpoint) on an internal overlay
 * network of its own that the app router joins, leaving the node only through the swarm-scoped
 * egress bridge the sandbox policy covers. A deployment pushes the locally built image to the
 * registry and rolls the service start-first, gated on a health check inside the task; a failed
 * update rolls back to the deployment that served. Restarts, logs and exits come from the service
 * and task API (any node); stats only for tasks on this node.
 */
export class SwarmDriver implements PaasDriver {
  readonly name = 'swarm' as const;
  readonly noun = 'service';
  private prepared: Promise<void> | undefined;

  constructor(
    private readonly swarm: SwarmRepository,
    private readonly docker: Pick<DockerRepository, 'ping' | 'imageInfo'>,
    private readonly settings: SwarmDriverSettings,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  get instance(): string {
    return this.swarm.instance;
  }

  ping(): Promise<void> {
    return this.docker.ping();
  }

  /** A manager node (the worker drives services from here), the egress network, the registry. */
  prepare(): Promise<void> {
    this.prepared ??= this.check().catch((err: unknown) => {
      this.prepared = undefined;
      throw err;
    });
    return this.prepared;
  }

  private async check(): Promise<void> {
    const node = await this.swarm.node();
    if (node.state !== 'active') {
      throw new PipelineFailure(
        'PAAS_DRIVER=swarm, but this Docker Engine is in no swarm: run `docker swarm init` (or join one as a manager), or set PAAS_DRIVER=docker.',
      );
    }
    if (!node.manager) {
      throw new PipelineFailure(
        'PAAS_DRIVER=swarm, but this node is not a swarm manager: the worker drives services and must run on a manager (constraint node.role==manager).',
      );
    }
    await this.swarm.ensureNetwork(egressConfigSpec());
    await this.swarm.ensureNetwork(egressNetworkSpec());
    // Seen from here; the engine, which pushes and pulls, may see it elsewhere (the worker in a container).
    const host = this.settings.registry.split('/')[0]!;
    try {
      const res = await fetch(`${/^(127\.|localhost[:]?)/.test(host) ? 'http' : 'https'}://${host}/v2/`, {
        signal: AbortSignal.timeout(3000),
      });
      if (res.status !== 200 && res.status !== 401) throw new Error(`HTTP ${res.status}`);
    } catch (err) {
      this.warn(
        `the registry PAAS_REGISTRY=${this.settings.registry} does not answer from the worker (${(err as Error).message}); pushes will fail unless the engine reaches it (scripts/registry.sh start runs one on 127.0.0.1:5000)`,
      );
    }
  }

  async run(input: WorkloadInput): Promise<string> {
    const { app, deploymentId, imageId, port, detectedType } = input;
    await this.prepare();
    await this.swarm.ensureNetwork(overlaySpec(app.id, app.slug, this.instance));
    await this.attachRouter(overlayName(app.id));
    const info = await this.docker.imageInfo(imageId);
    const repository = registryRepository(this.settings.registry, app.slug);
    let digest: string;
    try {
      digest = await this.swarm.push(imageId, repository, deploymentId, this.settings.pushTimeoutMs ?? 120_000);
    } catch (err) {
      throw new PipelineFailure(
        `The image could not be pushed to ${this.settings.registry}: ${(err as Error).message.split('\n')[0]}`,
      );
    } finally {
      await this.swarm.untag(`${repository}:${deploymentId}`);
    }
    const spec = buildServiceSpec({
      instance: this.instance,
      appId: app.id,
      slug: app.slug,
      deploymentId,
      generation: generation(),
      image: `${repository}:${deploymentId}@${digest}`,
      port,
      env: proxyRuntimeEnv(this.settings.network ?? {}, app.env.values()),
      runtime: runtimeFor(detectedType),
      user: containerUser(detectedType, detectedType === 'dockerfile' ? info?.user : undefined, app.runAsRoot),
      limits: this.settings.limits,
      health: healthCheck(detectedType, app.healthCheckPath),
      startPeriodMs: this.settings.healthTimeoutMs,
      // The installation's constraints, then the app's own (Swarm requires every one).
      constraints: [...new Set([...this.settings.constraints, ...(app.placement ?? [])])],
    });
    const existing = await this.swarm.service(serviceName(app.id));
    if (!existing) return this.swarm.createService(spec);
    await this.swarm.updateService(existing.id, existing.version, spec);
    return existing.id;
  }

  async waitReady(
    id: string,
    deploymentId: string,
    log: DeployLog,
    healthPath: string | null,
    serving: boolean,
  ): Promise<number> {
    // The image pull on the node comes first; the health timeout is the app's own share.
    const deadline = Date.now() + this.settings.healthTimeoutMs + 30_000;
    const max = this.settings.limits.maxRestarts;
    let reported = 0;
    let lastError: string | null = null;
    let unplacedSince: number | null = null;
    try {
      while (Date.now() < deadline) {
        const service = await this.swarm.service(id);
        if (!service) throw new PipelineFailure('The service disappeared while starting.');
        // This deployment's newest generation (after a rollback the service's spec names the previous one).
        const mine = (await this.swarm.tasks([id]))
          .filter((t) => t.labels[LABEL.deployment] === deploymentId)
          .sort((a, b) => a.created - b.created);
        const generationNow =
          service.taskLabels[LABEL.deployment] === deploymentId
            ? (service.taskLabels[GENERATION_LABEL] ?? '')
            : (mine.at(-1)?.labels[GENERATION_LABEL] ?? '');
        const since = generationTime(generationNow);
        const ours = mine.filter((t) => t.labels[GENERATION_LABEL] === generationNow);
        const failed = ours.filter((t) => t.state === 'failed' || t.state === 'rejected');
        for (const [i, t] of failed.entries()) {
          if (i < reported) continue;
          log.line(
            `task exited (${t.error ?? `code ${t.exitCode}`}); ${i < max ? `restart ${i + 1} of ${max}` : 'no restarts left'}`,
          );
        }
        reported = failed.length;
        lastError = ours.findLast((t) => t.error)?.error ?? lastError;
        const updating = service.updateState !== null && (service.updateStartedAt ?? 0) >= since - 1000;
        if (updating && FAILED_UPDATE.has(service.updateState!)) {
          const swarmSays = `Swarm rolled the service back to the deployment that served (${service.updateMessage ?? service.updateState}).`;
          throw new PipelineFailure(
            `${swarmSays} ${crashReason(await this.lastExit(ours), max, await this.tail(ours))}`,
          );
        }
        const live = ours.filter(upcoming);
        if (live.some((t) => t.state === 'running') && (!updating || service.updateState === 'completed')) {
          await this.pruneHistory(id, generationNow).catch(() => undefined);
          log.line(
            `task running${healthPath ? ` and answering HTTP 2xx/3xx on ${healthPath}` : ''}; ${updating ? 'the update completed (start-first: the previous task stopped after this one was healthy)' : 'ready'}`,
          );
          return Number(service.labels[PORT_LABEL]);
        }
        // Nothing can start while no node meets the constraints: say so instead of waiting for HTTP.
        const unplaced =
          live.length > 0 && live.every((t) => t.state === 'pending' && /no suitable node/i.test(t.error ?? ''));
        unplacedSince = unplaced ? (unplacedSince ?? Date.now()) : null;
        if (unplacedSince !== null && Date.now() - unplacedSince >= UNPLACED_GRACE_MS) {
          const constraints = service.constraints.length ? service.constraints.join(', ') : 'none';
          throw new PipelineFailure(
            `No node can run the app: Swarm says "${live[0]!.error}". Placement constraints: ${constraints} (the installation's PAAS_SWARM_CONSTRAINTS and the app's own); check the node labels (docker node inspect) or the app's placement.`,
          );
        }
        if (live.length === 0 && failed.length > max) {
          throw new PipelineFailure(crashReason(await this.lastExit(ours), max, await this.tail(ours)));
        }
        if (live.length === 0 && ours.some((t) => t.state === 'complete')) {
          throw new PipelineFailure(
            crashReason({ exitCode: 0, restartCount: failed.length, oomKilled: false }, max, await this.tail(ours)),
          );
        }
        await sleep(250);
      }
      const waited = Math.round(this.settings.healthTimeoutMs / 1000);
      const service = await this.swarm.service(id);
      const ours = service
        ? (await this.swarm.tasks([id])).filter(
            (t) => t.labels[GENERATION_LABEL] === service.taskLabels[GENERATION_LABEL],
          )
        : [];
      const why = `The app did not answer HTTP within ${waited} s (it must listen on 0.0.0.0:$PORT${healthPath ? ` and answer 2xx/3xx on ${healthPath}` : ''})${lastError ? `; Swarm says: ${lastError}` : ''}.`;
      throw new PipelineFailure(withTail(why, await this.tail(ours)));
    } catch (err) {
      await this.undo(id, deploymentId, serving).catch(() => undefined);
      throw err;
    }
  }

  /**
   * Swarm keeps the stopped containers of replaced tasks as history (the cluster's task retention
   * limit, 5 by default); on this node, those of earlier generations go once a new one serves, like
   * the docker driver's replaced containers, so their images can be pruned. The current generation's
   * exited tasks stay: their logs explain restarts.
   */
  private async pruneHistory(id: string, current: string): Promise<void> {
    for (const c of await this.swarm.serviceContainers(id)) {
      if (!c.running && c.labels[GENERATION_LABEL] !== current) await this.swarm.removeContainer(c.id);
    }
  }

  /** After a failed start: back to the deployment that served (start-first kept it running), or nothing left at all. */
  private async undo(id: string, deploymentId: string, serving: boolean): Promise<void> {
    const service = await this.swarm.service(id);
    if (!service) return;
    if (!serving) return this.remove(id);
    if (service.taskLabels[LABEL.deployment] === deploymentId && !(service.updateState ?? '').startsWith('rollback')) {
      await this.swarm.updateService(service.id, service.version, service.spec, { rollback: true });
    }
  }

  async retire(id: string, current: string): Promise<void> {
    if (id !== current) await this.remove(id);
  }

  async state(id: string): Promise<WorkloadState | undefined> {
    const service = await this.swarm.service(id);
    if (!service) return undefined;
    const generationNow = service.taskLabels[GENERATION_LABEL];
    const all = await this.swarm.tasks([service.id]);
    const ours = all.filter((t) => t.labels[GENERATION_LABEL] === generationNow).sort((a, b) => a.created - b.created);
    // Any task serving counts (during a start-first update the previous generation still serves).
    const running = all.some((t) => t.state === 'running' && t.desiredState === 'running');
    const pending = all.some(upcoming);
    const exit = await this.lastExit(ours);
    return {
      id: service.id,
      running,
      // Swarm makes the replacement of a failed task a moment after the failure: attempts left count as restarting.
      status: running
        ? 'running'
        : service.replicas > 0 && (pending || this.restartsLeft(ours))
          ? 'restarting'
          : 'exited',
      restartCount: exit.restartCount,
      exitCode: exit.exitCode,
      hostPort: running ? Number(service.labels[PORT_LABEL]) || null : null,
      oomKilled: exit.oomKilled,
    };
  }

  /** Whether Swarm restarts the generation's last task (on-failure: a non-zero exit, attempts left). */
  private restartsLeft(ours: SwarmTask[]): boolean {
    const failed = ours.filter((t) => t.state === 'failed' || t.state === 'rejected');
    const last = ours.at(-1);
    return (
      last !== undefined &&
      (last.state === 'failed' || last.state === 'rejected') &&
      failed.length <= this.settings.limits.maxRestarts
    );
  }

  /** Of one generation's tasks: restarts so far, and how the last one that ended ended. */
  private async lastExit(ours: SwarmTask[]): Promise<{ exitCode: number; restartCount: number; oomKilled: boolean }> {
    const ended = ours.filter((t) => t.state === 'failed' || t.state === 'complete' || t.state === 'rejected');
    const last = ended.at(-1);
    const local = last?.containerId ? await this.swarm.container(last.containerId) : undefined;
    return {
      exitCode: last?.exitCode ?? 0,
      restartCount: Math.max(0, ours.length - 1),
      oomKilled: local?.oomKilled ?? false,
    };
  }

  private async tail(ours: SwarmTask[], lines = 20): Promise<string[]> {
    const last = [...ours].reverse().find((t) => t.containerId);
    return last ? this.swarm.taskLogs(last.id, lines) : [];
  }

  async logTail(id: string, lines: number): Promise<string[]> {
    const service = await this.swarm.service(id);
    if (!service) return [];
    const ours = (await this.swarm.tasks([service.id]))
      .filter((t) => t.labels[GENERATION_LABEL] === service.taskLabels[GENERATION_LABEL])
      .sort((a, b) => a.created - b.created);
    return this.tail(ours, lines);
  }

  /** Scales back to one task with a new generation (its restart attempts counted afresh); a running service is left alone. */
  async start(id: string): Promise<void> {
    const state = await this.state(id);
    if (state?.running) return;
    await this.respec(id, (spec) => ({ ...spec, Mode: { Replicated: { Replicas: 1 } } }));
  }

  async stop(id: string): Promise<void> {
    await this.respec(id, (spec) => ({ ...spec, Mode: { Replicated: { Replicas: 0 } } }), false);
  }

  /** A rolling restart: a new generation, started first. */
  async restart(id: string): Promise<void> {
    await this.respec(id, (spec) => spec);
  }

  private async respec(
    id: string,
    change: (spec: Record<string, unknown>) => Record<string, unknown>,
    newGeneration = true,
  ): Promise<void> {
    const service = await this.swarm.service(id);
    if (!service) throw new Error(`service ${id} does not exist`);
    const spec = change(structuredClone(service.spec));
    if (newGeneration) {
      const container = (spec.TaskTemplate as { ContainerSpec: { Labels?: Record<string, string> } }).ContainerSpec;
      container.Labels = { ...container.Labels, [GENERATION_LABEL]: generation() };
    }
    await this.swarm.updateService(service.id, service.version, spec);
  }

  /**
   * Removes the service and waits (bounded) until its tasks' containers on this node are gone, so
   * their images (built here) and the app's network can go too. Other nodes clean up on their own.
   */
  async remove(id: string): Promise<void> {
    await this.swarm.removeService(id);
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(250)) {
      if ((await this.swarm.serviceContainers(id)).length === 0) return;
    }
  }

  async managedWorkloads(): Promise<ManagedWorkload[]> {
    return (await this.swarm.managedServices()).map((s) => ({
      id: s.id,
      appId: s.labels[LABEL.app] ?? '',
      deploymentId: s.labels[LABEL.deployment],
      created: s.created,
      state: s.replicas > 0 ? 'running' : 'stopped',
    }));
  }

  managedNetworks() {
    return this.swarm.managedNetworks();
  }

  /** The app's overlay; a bridge of the docker driver (before a switch of drivers) goes once unused. */
  networkRole(name: string, appId: string): 'current' | 'legacy' | null {
    if (name === overlayName(appId)) return 'current';
    return name === networkName(appId) || name === legacyNetworkName(appId) ? 'legacy' : null;
  }

  removeNetwork(name: string, options?: { ifUnused?: boolean }) {
    return this.swarm.removeNetwork(name, options);
  }

  async removeAppNetworks(appId: string): Promise<void> {
    const overlay = overlayName(appId);
    await this.detachRouter(overlay);
    // The service's tasks leave the network a moment after the service is removed.
    for (const deadline = Date.now() + 30_000; ; await sleep(500)) {
      if (await this.swarm.removeNetwork(overlay, { ifUnused: true })) break;
      if (!(await this.swarm.managedNetworks()).some((n) => n.name === overlay) || Date.now() > deadline) break;
    }
    await this.swarm.removeNetwork(networkName(appId), { ifUnused: true });
    await this.swarm.removeNetwork(legacyNetworkName(appId), { ifUnused: true });
  }

  async followLogs(
    id: string,
    from: { since?: string; tail?: number },
    onMessage: (stream: 'stdout' | 'stderr', message: string) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const stream = await this.swarm.serviceLogs(id, from, signal);
    if (stream) await readFrames(stream, onMessage, signal);
  }

  /** Docker's stats of the running task, when it runs on this node (Swarm has no service stats). */
  async stats(id: string): Promise<RawStats | undefined> {
    const service = await this.swarm.service(id);
    if (!service) return undefined;
    const task = (await this.swarm.tasks([service.id])).find(
      (t) =>
        t.state === 'running' &&
        t.desiredState === 'running' &&
        t.labels[GENERATION_LABEL] === service.taskLabels[GENERATION_LABEL],
    );
    return task?.containerId ? this.swarm.containerStats(task.containerId) : undefined;
  }

  /**
   * Reads the managed services' tasks every `pollMs` (task exits happen on any node; container
   * events only on this one) and reports each task that failed or exited while meant to run.
   * Exits seen at the first read are history, not news.
   */
  watchDeaths(
    onDie: (event: DeathEvent) => void,
    onError: (err: Error) => void,
    onConnected: (reconnected: boolean) => void = () => undefined,
  ): () => void {
    let stopped = false;
    let first = true;
    let broken = false;
    const seen = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    const poll = async () => {
      try {
        const services = await this.swarm.managedServices();
        const byId = new Map(services.map((s) => [s.id, s]));
        const tasks = await this.swarm.tasks(services.map((s) => s.id));
        if (broken) onConnected(true);
        else if (first) onConnected(false);
        broken = false;
        for (const t of tasks) {
          const exited =
            t.state === 'failed' || t.state === 'rejected' || (t.state === 'complete' && t.desiredState !== 'shutdown');
          if (!exited || seen.has(t.id)) continue;
          seen.add(t.id);
          const service = byId.get(t.serviceId);
          if (!first && service)
            onDie({
              containerId: service.id,
              appId: service.labels[LABEL.app] ?? '',
              deploymentId: t.labels[LABEL.deployment] ?? '',
              signalled: false,
            });
        }
        if (seen.size > 10_000) for (const id of [...seen].slice(0, 5000)) seen.delete(id);
        first = false;
      } catch (err) {
        if (!broken) onError(err as Error);
        broken = true;
      }
      if (!stopped) timer = setTimeout(() => void poll(), this.settings.pollMs ?? 2000);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  /** The router joins the overlays (a router service: one update for all of them, which rolls its tasks start-first). */
  private async attachRouter(...overlays: string[]): Promise<void> {
    const router = this.settings.router;
    if (!router || overlays.length === 0) return;
    if (router.kind === 'container') {
      for (const overlay of overlays) await this.swarm.connectContainer(overlay, router.name);
      return;
    }
    const service = await this.swarm.service(router.name);
    if (!service)
      throw new PipelineFailure(`PAAS_SWARM_ROUTER names the service ${router.name}, which does not exist.`);
    const template = service.spec.TaskTemplate as { Networks?: { Target: string }[] };
    const networks = template.Networks ?? [];
    const missing: string[] = [];
    for (const overlay of overlays) {
      const id = await this.swarm.networkId(overlay);
      if (id && !networks.some((n) => n.Target === overlay || n.Target === id)) missing.push(id);
    }
    if (missing.length === 0) return;
    template.Networks = [...networks, ...missing.map((Target) => ({ Target }))];
    await this.swarm.updateService(service.id, service.version, service.spec);
  }

  /**
   * Every app overlay joined by the router again: a `docker stack deploy` resets the router service
   * to the networks of the compose file. Run by the reconcile (worker start, every ten minutes).
   */
  async heal(): Promise<void> {
    const overlays = (await this.swarm.managedNetworks())
      .filter((n) => n.name === overlayName(n.appId))
      .map((n) => n.name);
    await this.attachRouter(...overlays);
  }

  private async detachRouter(overlay: string): Promise<void> {
    const router = this.settings.router;
    if (!router) return;
    if (router.kind === 'container') return this.swarm.disconnectContainer(overlay, router.name);
    const service = await this.swarm.service(router.name);
    const id = await this.swarm.networkId(overlay);
    const template = service?.spec.TaskTemplate as { Networks?: { Target: string }[] } | undefined;
    const joined = (n: { Target: string }) => n.Target === overlay || n.Target === id;
    if (!service || !template?.Networks?.some(joined)) return;
    template.Networks = template.Networks.filter((n) => !joined(n));
    await this.swarm.updateService(service.id, service.version, service.spec);
  }
}

/** A task meant to run: a replacement after a failure waits out the restart delay with the desired state `ready`. */
function upcoming(t: SwarmTask): boolean {
  return (t.desiredState === 'running' || t.desiredState === 'ready') && !TERMINAL.has(t.state);
}

/** `<ms since epoch>-<random>`: new for every spec change that must start a new task. */
function generation(): string {
  return `${Date.now()}-${randomBytes(3).toString('hex')}`;
}

function generationTime(value: string): number {
  return Number(value.split('-')[0]) || 0;
}
