import type { DeathEvent } from '../../repositories/docker.repository.js';
import type { PaasAppRow } from '../../repositories/paas.repository.js';
import type { RawStats } from '../../domain/paas/app-metrics.js';
import type { DeployLog } from './deploy-log.js';

/** PAAS_DRIVER: how apps run. Builds always use the local engine's classic builder. */
export type DriverName = 'docker' | 'swarm';

/**
 * What serves an app: a container (docker driver, one per deployment) or a Swarm service (swarm
 * driver, one per app, rolled from deployment to deployment). Its id is what `paas_apps.container_id`
 * and `paas_deployments.container_id` hold.
 */
export interface WorkloadState {
  id: string;
  running: boolean;
  /** Docker's vocabulary: created, running, restarting, exited, dead, paused. */
  status: string;
  restartCount: number;
  exitCode: number;
  /** The port the app router dials while it runs (docker: the 127.0.0.1 port; swarm: the app's own port). */
  hostPort: number | null;
  oomKilled: boolean;
}

export interface ManagedWorkload {
  id: string;
  appId: string;
  deploymentId?: string;
  created: number;
  state: string;
}

/** One deployment to run: the app's settings that shape the workload and the deployment's image. */
export interface WorkloadInput {
  app: Pick<PaasAppRow, 'id' | 'slug' | 'env' | 'runAsRoot' | 'healthCheckPath' | 'placement'>;
  deploymentId: string;
  imageId: string;
  port: number;
  detectedType: string;
}

/**
 * The engine side of the PaaS runtime, chosen at boot (PAAS_DRIVER). The runtime keeps the rules —
 * the app lock, the database switch, crash verdicts — and asks the driver to run, watch and remove
 * workloads. Every workload and network a driver makes carries this installation's labels.
 */
export interface PaasDriver {
  readonly name: DriverName;
  /** This installation's id (PAAS_INSTANCE): only workloads labelled with it are listed or watched. */
  readonly instance: string;
  /** How logs name a workload: `container` or `service`. */
  readonly noun: string;
  ping(): Promise<void>;
  /** Engine checks and shared objects, before the first deployment (swarm: a manager node, the egress network, the registry). */
  prepare(): Promise<void>;
  /** Repairs what the engine may have lost between reconciles (swarm: the router joined to every app overlay). */
  heal(): Promise<void>;
  /**
   * Starts the deployment: a new container beside the serving one (docker), or the app's service
   * rolled to it start-first (swarm). Returns the workload id.
   */
  run(input: WorkloadInput): Promise<string>;
  /**
   * Waits until the workload serves the deployment (HTTP answers; a 2xx/3xx on `healthPath` when set)
   * and returns the port the router dials. Throws a PipelineFailure with the last log lines when it
   * crashes or never answers; the failed attempt is then undone (`serving`: another deployment of the
   * app still serves and must keep serving).
   */
  waitReady(
    id: string,
    deploymentId: string,
    log: DeployLog,
    healthPath: string | null,
    serving: boolean,
  ): Promise<number>;
  /** The workload a switch replaced, after the drain (docker: stopped and removed; swarm: the same service, nothing to do). */
  retire(id: string, current: string): Promise<void>;
  state(id: string): Promise<WorkloadState | undefined>;
  logTail(id: string, lines: number): Promise<string[]>;
  start(id: string): Promise<void>;
  stop(id: string, graceSeconds?: number): Promise<void>;
  restart(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  managedWorkloads(): Promise<ManagedWorkload[]>;
  managedNetworks(): Promise<{ name: string; appId: string }[]>;
  /** Whether a labelled network is the app's current network, one from before the egress policy, or neither. */
  networkRole(name: string, appId: string): 'current' | 'legacy' | null;
  removeNetwork(name: string, options?: { ifUnused?: boolean }): Promise<boolean>;
  /** Every network of an app (after its workloads are gone). */
  removeAppNetworks(appId: string): Promise<void>;
  followLogs(
    id: string,
    from: { since?: string; tail?: number },
    onMessage: (stream: 'stdout' | 'stderr', message: string) => void,
    signal: AbortSignal,
  ): Promise<void>;
  /** One stats reading (undefined when it cannot be read: gone, or on another node). */
  stats(id: string): Promise<RawStats | undefined>;
  /** Calls `onDie` when a managed workload's process exits; see DockerRepository.watchDeaths. */
  watchDeaths(
    onDie: (event: DeathEvent) => void,
    onError: (err: Error) => void,
    onConnected?: (reconnected: boolean) => void,
  ): () => void;
}
