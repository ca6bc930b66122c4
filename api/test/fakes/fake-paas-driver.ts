import type { DeathEvent } from '../../src/repositories/docker.repository.js';
import type { RawStats } from '../../src/domain/paas/app-metrics.js';
import { crashReason, type DeployLog, PipelineFailure, withTail } from '../../src/services/paas/deploy-log.js';
import type {
  DriverName,
  ManagedWorkload,
  PaasDriver,
  WorkloadInput,
  WorkloadState,
} from '../../src/services/paas/driver.js';

export interface FakeWorkload {
  id: string;
  appId: string;
  deploymentId: string;
  imageId: string;
  port: number;
  created: number;
  state: WorkloadState;
  logs: string[];
}

/** How a deployment's workload behaves when the runtime waits for it. */
export type Readiness =
  | { kind: 'healthy' }
  /** Exits at once with this code; restarts used up. */
  | { kind: 'crashes'; exitCode: number; logs?: string[] }
  /** Runs but never answers HTTP (or answers this status on the health path). */
  | { kind: 'silent'; status?: number };

/**
 * A container engine in memory behind the PaasDriver interface: workloads with states and log
 * tails, networks, death events, and switches for an engine that does not answer and for how each
 * deployment's workload behaves on start. `waitReady` keeps the real drivers' contract: a failed
 * attempt throws a PipelineFailure with the last log lines and is removed.
 */
export class FakePaasDriver implements PaasDriver {
  readonly name: DriverName = 'docker';
  readonly noun = 'container';
  workloads = new Map<string, FakeWorkload>();
  networks: { name: string; appId: string; role: 'current' | 'legacy'; inUse: boolean }[] = [];
  readiness = new Map<string, Readiness>();
  /** Every engine call fails as when the socket is gone. */
  unreachable = false;
  /** `run` fails (an image that cannot be started, a port clash). */
  runFailure: Error | undefined;
  calls: string[] = [];
  prepared = 0;
  healed = 0;
  private nextPort = 40_000;
  private seq = 0;
  private deathListeners = new Set<(event: DeathEvent) => void>();

  constructor(readonly instance = 'spec') {}

  async ping(): Promise<void> {
    this.engine('ping');
  }

  async prepare(): Promise<void> {
    this.engine('prepare');
    this.prepared++;
  }

  async heal(): Promise<void> {
    this.engine('heal');
    this.healed++;
  }

  async run(input: WorkloadInput): Promise<string> {
    this.engine(`run ${input.deploymentId}`);
    if (this.runFailure) throw this.runFailure;
    const id = `c${(++this.seq).toString(16).padStart(11, '0')}${'0'.repeat(52)}`;
    this.workloads.set(id, {
      id,
      appId: input.app.id,
      deploymentId: input.deploymentId,
      imageId: input.imageId,
      port: input.port,
      created: Date.now(),
      logs: [],
      state: {
        id,
        running: true,
        status: 'running',
        restartCount: 0,
        exitCode: 0,
        hostPort: this.nextPort++,
        oomKilled: false,
      },
    });
    return id;
  }

  async waitReady(
    id: string,
    deploymentId: string,
    log: DeployLog,
    healthPath: string | null,
    _serving: boolean,
  ): Promise<number> {
    this.engine(`waitReady ${deploymentId}`);
    const w = this.workloads.get(id);
    try {
      if (!w) throw new PipelineFailure('The container disappeared while starting.');
      const how = this.readiness.get(deploymentId) ?? { kind: 'healthy' };
      if (how.kind === 'crashes') {
        w.logs.push(...(how.logs ?? []));
        w.state = { ...w.state, running: false, status: 'exited', exitCode: how.exitCode, restartCount: 3 };
        throw new PipelineFailure(crashReason(w.state, 3, w.logs.slice(-20)));
      }
      if (how.kind === 'silent') {
        const why =
          how.status !== undefined
            ? `The app answered HTTP ${how.status} on its health-check path ${healthPath}, not a 2xx or 3xx, for 1 s.`
            : 'The app did not answer HTTP within 1 s (it must listen on 0.0.0.0:$PORT).';
        throw new PipelineFailure(withTail(why, w.logs.slice(-20)));
      }
      log.line('answered HTTP 200');
      return w.state.hostPort!;
    } catch (err) {
      this.workloads.delete(id);
      throw err;
    }
  }

  async retire(id: string, _current: string): Promise<void> {
    this.engine(`retire ${id}`);
    this.workloads.delete(id);
  }

  async state(id: string): Promise<WorkloadState | undefined> {
    this.engine(`state ${id}`);
    const w = this.workloads.get(id);
    return w && { ...w.state };
  }

  async logTail(id: string, lines: number): Promise<string[]> {
    this.engine(`logTail ${id}`);
    return (this.workloads.get(id)?.logs ?? []).slice(-lines);
  }

  async start(id: string): Promise<void> {
    this.engine(`start ${id}`);
    const w = this.require(id);
    w.state = { ...w.state, running: true, status: 'running', hostPort: this.nextPort++ };
  }

  async stop(id: string, _graceSeconds?: number): Promise<void> {
    this.engine(`stop ${id}`);
    const w = this.require(id);
    w.state = { ...w.state, running: false, status: 'exited', exitCode: 143, hostPort: null };
  }

  async restart(id: string): Promise<void> {
    this.engine(`restart ${id}`);
    const w = this.require(id);
    w.state = { ...w.state, running: true, status: 'running', hostPort: this.nextPort++ };
  }

  async remove(id: string): Promise<void> {
    this.engine(`remove ${id}`);
    this.workloads.delete(id);
  }

  async managedWorkloads(): Promise<ManagedWorkload[]> {
    this.engine('managedWorkloads');
    return [...this.workloads.values()].map((w) => ({
      id: w.id,
      appId: w.appId,
      deploymentId: w.deploymentId,
      created: w.created,
      state: w.state.status,
    }));
  }

  async managedNetworks(): Promise<{ name: string; appId: string }[]> {
    this.engine('managedNetworks');
    return this.networks.map(({ name, appId }) => ({ name, appId }));
  }

  networkRole(name: string, _appId: string): 'current' | 'legacy' | null {
    return this.networks.find((n) => n.name === name)?.role ?? null;
  }

  async removeNetwork(name: string, options: { ifUnused?: boolean } = {}): Promise<boolean> {
    this.engine(`removeNetwork ${name}`);
    const n = this.networks.find((x) => x.name === name);
    if (!n || (options.ifUnused && n.inUse)) return false;
    this.networks = this.networks.filter((x) => x !== n);
    return true;
  }

  async removeAppNetworks(appId: string): Promise<void> {
    this.engine(`removeAppNetworks ${appId}`);
    this.networks = this.networks.filter((n) => n.appId !== appId);
  }

  async followLogs(
    id: string,
    from: { since?: string; tail?: number },
    onMessage: (stream: 'stdout' | 'stderr', message: string) => void,
    _signal: AbortSignal,
  ): Promise<void> {
    this.engine(`followLogs ${id}`);
    for (const line of (this.workloads.get(id)?.logs ?? []).slice(-(from.tail ?? 0) || 0)) onMessage('stdout', line);
  }

  async stats(id: string): Promise<RawStats | undefined> {
    this.engine(`stats ${id}`);
    return undefined;
  }

  watchDeaths(
    onDie: (event: DeathEvent) => void,
    _onError: (err: Error) => void,
    onConnected?: (reconnected: boolean) => void,
  ): () => void {
    this.deathListeners.add(onDie);
    onConnected?.(false);
    return () => void this.deathListeners.delete(onDie);
  }

  /** The workload's process exits (its restarts used up unless `restarting`). */
  kill(
    id: string,
    how: { exitCode: number; restarting?: boolean; oomKilled?: boolean; logs?: string[]; signalled?: boolean } = {
      exitCode: 1,
    },
  ): DeathEvent {
    const w = this.require(id);
    w.logs.push(...(how.logs ?? []));
    w.state = how.restarting
      ? {
          ...w.state,
          running: false,
          status: 'restarting',
          exitCode: how.exitCode,
          restartCount: w.state.restartCount + 1,
          oomKilled: how.oomKilled ?? false,
        }
      : {
          ...w.state,
          running: false,
          status: 'exited',
          exitCode: how.exitCode,
          restartCount: 3,
          hostPort: null,
          oomKilled: how.oomKilled ?? false,
        };
    const event = { containerId: id, appId: w.appId, deploymentId: w.deploymentId, signalled: how.signalled ?? false };
    for (const l of this.deathListeners) l(event);
    return event;
  }

  private require(id: string): FakeWorkload {
    const w = this.workloads.get(id);
    if (!w)
      throw Object.assign(new Error(`(HTTP code 404) no such container - No such container: ${id}`), {
        statusCode: 404,
      });
    return w;
  }

  private engine(call: string): void {
    this.calls.push(call);
    if (this.unreachable) throw Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' });
  }
}
