import type { Readable } from 'node:stream';
import Docker from 'dockerode';
import type { RawStats } from '../domain/paas/app-metrics.js';
import { LABEL } from '../domain/paas/engine-spec.js';
import { demux } from './docker.repository.js';
import { splitLines } from './engine-streams.js';

/** What the swarm driver reads of a service. */
export interface SwarmService {
  id: string;
  name: string;
  version: number;
  labels: Record<string, string>;
  /** Labels of its tasks' containers (deployment, generation). */
  taskLabels: Record<string, string>;
  /** Its tasks' placement constraints. */
  constraints: string[];
  replicas: number;
  /** `updating`, `completed`, `paused`, `rollback_started`, `rollback_paused`, `rollback_completed`; null = never updated. */
  updateState: string | null;
  updateMessage: string | null;
  /** When the last rolling update started (ms since the epoch, the engine's clock). */
  updateStartedAt: number | null;
  created: number;
  /** The body to send back with an update (Swarm replaces the whole spec). */
  spec: Record<string, unknown>;
}

export interface SwarmTask {
  id: string;
  /** new … running, complete, shutdown, failed, rejected, orphaned, remove. */
  state: string;
  desiredState: string;
  labels: Record<string, string>;
  containerId: string | null;
  exitCode: number | null;
  error: string | null;
  created: number;
  nodeId: string;
}

const AUTH = {}; // the registry needs no credentials (127.0.0.1, or a private TLS registry configured on the nodes)

/**
 * Docker Engine's swarm API through dockerode (services, tasks, swarm-scoped networks, the push of
 * a built image to the registry nodes pull from). Holds no rules: the swarm driver does.
 */
export class SwarmRepository {
  constructor(
    readonly instance: string,
    private readonly docker: Docker = new Docker(),
  ) {}

  private get managedFilter(): string {
    return `${LABEL.managed}=${this.instance}`;
  }

  async node(): Promise<{ state: string; manager: boolean; nodeId: string }> {
    const info = (await this.docker.info()) as {
      Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean; NodeID?: string };
    };
    return {
      state: info.Swarm?.LocalNodeState ?? 'inactive',
      manager: info.Swarm?.ControlAvailable === true,
      nodeId: info.Swarm?.NodeID ?? '',
    };
  }

  /** Tags the local image and pushes it; resolves with the manifest digest the registry answered. */
  async push(imageId: string, repository: string, tag: string, timeoutMs: number): Promise<string> {
    await this.docker.getImage(imageId).tag({ repo: repository, tag });
    const stream = (await this.docker
      .getImage(repository)
      .push({ tag, authconfig: AUTH, abortSignal: AbortSignal.timeout(timeoutMs) })) as Readable;
    return new Promise<string>((resolve, reject) => {
      let digest: string | undefined;
      this.docker.modem.followProgress(
        stream,
        (err: Error | null) =>
          err
            ? reject(err)
            : digest
              ? resolve(digest)
              : reject(new Error(`the registry gave no digest for ${repository}:${tag}`)),
        (event: { aux?: { Digest?: string } }) => {
          if (event.aux?.Digest) digest = event.aux.Digest;
        },
      );
    });
  }

  /** Removes the local registry tag (the image keeps its `ov-paas/…` tag; nodes pull by digest). */
  async untag(reference: string): Promise<void> {
    try {
      await this.docker.getImage(reference).remove({ noprune: true });
    } catch (err) {
      if (statusOf(err) !== 404 && statusOf(err) !== 409) throw err;
    }
  }

  async ensureNetwork(spec: { Name: string } & Record<string, unknown>): Promise<void> {
    try {
      await this.docker.getNetwork(spec.Name).inspect();
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      try {
        await this.docker.createNetwork(spec as unknown as Docker.NetworkCreateOptions);
      } catch (createErr) {
        if (statusOf(createErr) !== 409) throw createErr;
      }
    }
  }

  /** True when removed; false when absent or (`ifUnused`) still in use. */
  async removeNetwork(name: string, options: { ifUnused?: boolean } = {}): Promise<boolean> {
    try {
      await this.docker.getNetwork(name).remove();
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      if (options.ifUnused && (statusOf(err) === 403 || statusOf(err) === 409 || statusOf(err) === 500)) return false;
      throw err;
    }
  }

  async networkId(name: string): Promise<string | undefined> {
    try {
      return ((await this.docker.getNetwork(name).inspect()) as { Id: string }).Id;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async managedNetworks(): Promise<{ name: string; appId: string }[]> {
    const list = await this.docker.listNetworks({ filters: { label: [this.managedFilter] } });
    return list.map((n) => ({ name: n.Name, appId: n.Labels?.[LABEL.app] ?? '' }));
  }

  /** Joins a container to an attachable network (no-op when it is already joined). */
  async connectContainer(network: string, container: string): Promise<void> {
    try {
      await this.docker.getNetwork(network).connect({ Container: container });
    } catch (err) {
      if ((statusOf(err) === 403 || statusOf(err) === 409) && /already (exists|attached)/i.test((err as Error).message))
        return;
      throw err;
    }
  }

  async disconnectContainer(network: string, container: string): Promise<void> {
    try {
      await this.docker.getNetwork(network).disconnect({ Container: container, Force: true });
    } catch (err) {
      if (statusOf(err) !== 404 && statusOf(err) !== 403 && statusOf(err) !== 500) throw err;
    }
  }

  async service(idOrName: string): Promise<SwarmService | undefined> {
    try {
      return toService((await this.docker.getService(idOrName).inspect()) as RawService);
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async managedServices(): Promise<SwarmService[]> {
    const list = (await this.docker.listServices({
      filters: { label: [this.managedFilter] },
    })) as unknown as RawService[];
    return list.map(toService);
  }

  async createService(spec: object): Promise<string> {
    const created = (await this.docker.createService(spec as Docker.CreateServiceOptions)) as unknown as {
      id?: string;
      ID?: string;
    };
    return created.id ?? created.ID ?? '';
  }

  /** Replaces the service's spec (optimistic: `version` must be the one read). `rollback`: back to the previous spec. */
  async updateService(id: string, version: number, spec: object, options: { rollback?: boolean } = {}): Promise<void> {
    await this.docker
      .getService(id)
      .update({ _query: { version, ...(options.rollback ? { rollback: 'previous' } : {}) }, _body: spec } as never);
  }

  async removeService(id: string): Promise<void> {
    try {
      await this.docker.getService(id).remove();
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
  }

  /** Tasks of the services (a service removed meanwhile has none). */
  async tasks(serviceIds: string[]): Promise<(SwarmTask & { serviceId: string })[]> {
    if (serviceIds.length === 0) return [];
    let list: RawTask[];
    try {
      list = (await this.docker.listTasks({ filters: { service: serviceIds } })) as unknown as RawTask[];
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      if (serviceIds.length === 1) return [];
      return (await Promise.all(serviceIds.map((id) => this.tasks([id])))).flat();
    }
    return list.map((t) => ({
      id: t.ID,
      serviceId: t.ServiceID,
      state: t.Status?.State ?? 'new',
      desiredState: t.DesiredState ?? 'running',
      labels: t.Spec?.ContainerSpec?.Labels ?? {},
      containerId: t.Status?.ContainerStatus?.ContainerID || null,
      exitCode: t.Status?.ContainerStatus?.ExitCode ?? null,
      error: t.Status?.Err || null,
      created: Date.parse(t.CreatedAt ?? '') || 0,
      nodeId: t.NodeID ?? '',
    }));
  }

  /** The last lines of one task (any node: the manager fetches them). */
  async taskLogs(taskId: string, lines: number): Promise<string[]> {
    try {
      const path = `/tasks/${taskId}/logs?stdout=1&stderr=1&tail=${lines}`;
      const raw = await new Promise<Buffer>((resolve, reject) => {
        this.docker.modem.dial(
          {
            path,
            method: 'GET',
            statusCodes: { 200: true, 404: 'no such task', 500: 'server error', 503: 'not a swarm' },
          },
          (err, data) => (err ? reject(err) : resolve(Buffer.isBuffer(data) ? data : Buffer.from(String(data ?? '')))),
        );
      });
      return splitLines(demux(raw))
        .filter((l) => l.length > 0)
        .slice(-lines);
    } catch (err) {
      if (statusOf(err) === 404) return [];
      throw err;
    }
  }

  /** `docker service logs --follow --timestamps`: every task's output, tasks started later included. */
  async serviceLogs(
    id: string,
    from: { since?: string; tail?: number },
    signal: AbortSignal,
  ): Promise<Readable | undefined> {
    try {
      return (await this.docker.getService(id).logs({
        follow: true,
        stdout: true,
        stderr: true,
        timestamps: true,
        abortSignal: signal,
        ...(from.since !== undefined ? { since: from.since } : {}),
        ...(from.tail !== undefined ? { tail: from.tail } : {}),
      } as Docker.ContainerLogsOptions & { follow: true })) as unknown as Readable;
    } catch (err) {
      if (statusOf(err) === 404 || signal.aborted) return undefined;
      throw err;
    }
  }

  /** Containers of a service's tasks on this node (Swarm removes them a moment after the service). */
  async serviceContainers(
    serviceId: string,
  ): Promise<{ id: string; running: boolean; labels: Record<string, string> }[]> {
    const list = await this.docker.listContainers({
      all: true,
      filters: { label: [`com.docker.swarm.service.id=${serviceId}`] },
    });
    return list.map((c) => ({ id: c.Id, running: c.State === 'running', labels: c.Labels ?? {} }));
  }

  async removeContainer(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).remove({ v: true });
    } catch (err) {
      if (statusOf(err) !== 404 && statusOf(err) !== 409) throw err;
    }
  }

  /** A container of this node (undefined when it is not here). */
  async container(id: string): Promise<{ oomKilled: boolean; running: boolean } | undefined> {
    try {
      const info = await this.docker.getContainer(id).inspect();
      return { oomKilled: info.State.OOMKilled, running: info.State.Running };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async containerStats(id: string, timeoutMs = 10_000): Promise<RawStats | undefined> {
    try {
      const options = { stream: false, abortSignal: AbortSignal.timeout(timeoutMs) } as { stream: false };
      return (await this.docker.getContainer(id).stats(options)) as unknown as RawStats;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }
}

interface RawService {
  ID: string;
  Version?: { Index?: number };
  CreatedAt?: string;
  Spec: {
    Name: string;
    Labels?: Record<string, string>;
    Mode?: { Replicated?: { Replicas?: number } };
    TaskTemplate?: { ContainerSpec?: { Labels?: Record<string, string> }; Placement?: { Constraints?: string[] } };
  } & Record<string, unknown>;
  UpdateStatus?: { State?: string; Message?: string; StartedAt?: string };
}

interface RawTask {
  ID: string;
  ServiceID: string;
  NodeID?: string;
  CreatedAt?: string;
  DesiredState?: string;
  Spec?: { ContainerSpec?: { Labels?: Record<string, string> } };
  Status?: { State?: string; Err?: string; ContainerStatus?: { ContainerID?: string; ExitCode?: number } };
}

function toService(s: RawService): SwarmService {
  return {
    id: s.ID,
    name: s.Spec.Name,
    version: s.Version?.Index ?? 0,
    labels: s.Spec.Labels ?? {},
    taskLabels: s.Spec.TaskTemplate?.ContainerSpec?.Labels ?? {},
    constraints: s.Spec.TaskTemplate?.Placement?.Constraints ?? [],
    replicas: s.Spec.Mode?.Replicated?.Replicas ?? 0,
    updateState: s.UpdateStatus?.State ?? null,
    updateMessage: s.UpdateStatus?.Message ?? null,
    updateStartedAt: s.UpdateStatus?.StartedAt ? Date.parse(s.UpdateStatus.StartedAt) : null,
    created: Date.parse(s.CreatedAt ?? '') / 1000 || 0,
    spec: s.Spec,
  };
}

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number }).statusCode;
}
