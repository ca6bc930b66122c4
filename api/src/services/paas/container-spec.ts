import { APP_USER, type RuntimeProfile } from './dockerfile.js';
import { bridgeName } from './egress-policy.js';
import { LABEL, type ContainerSpec } from '../../domain/paas/engine-spec.js';

export { LABEL, type ContainerSpec };

/**
 * The container an app runs in, as a pure function of its inputs (tested without Docker; the Docker
 * repository only hands it to the engine). The defaults are stricter than Coolify's, Dokku's or
 * CapRover's: every capability dropped, no-new-privileges, a pids limit, no swap beyond the memory
 * limit, a read-only root where the app type allows it, capped logs, one network per app, and the
 * port published on 127.0.0.1 only (the app router is the way in).
 */
export interface Limits {
  memoryBytes: number;
  /** Microseconds of CPU per period; 50_000 / 100_000 = half a CPU. */
  cpuQuota: number;
  cpuPeriod: number;
  pidsLimit: number;
  /** on-failure restarts before the app counts as failed. */
  maxRestarts: number;
  tmpfsBytes: number;
  logMaxSize: string;
  logMaxFiles: number;
}

export const DEFAULT_LIMITS: Limits = {
  memoryBytes: 256 * 1024 * 1024,
  cpuQuota: 50_000,
  cpuPeriod: 100_000,
  pidsLimit: 128,
  maxRestarts: 3,
  tmpfsBytes: 64 * 1024 * 1024,
  logMaxSize: '5m',
  logMaxFiles: 2,
};

export interface ContainerInput {
  /** The installation id, value of the `managed` label. */
  instance: string;
  appId: string;
  slug: string;
  deploymentId: string;
  image: string;
  /** The port the app listens on inside the container. */
  port: number;
  /** The app's own variables; PORT is always ours. */
  env: Record<string, string>;
  network: string;
  runtime: RuntimeProfile;
  /** `uid:gid` (or a name) the app runs as, from `containerUser`; never left to the image. */
  user: string;
  /** An OCI runtime registered with the engine (e.g. gVisor's `runsc`, `kata-runtime`); unset = the engine's default (runc). */
  ociRuntime?: string;
  limits?: Limits;
}

export function containerName(slug: string, deploymentId: string): string {
  return `ov-paas-${slug}-${deploymentId.replace(/-/g, '').slice(-12)}`;
}

/** An app's network. (Before the egress policy, `ov-paas-<id>`: reconcile removes those once unused.) */
export function networkName(appId: string): string {
  return `ovp-${appId}`;
}

export function legacyNetworkName(appId: string): string {
  return `ov-paas-${appId}`;
}

export function imageTag(slug: string, deploymentId: string): string {
  return `ov-paas/${slug}:${deploymentId}`;
}

/** `root`, `0`, `0:…` or unset (Docker's default, root). A name is resolved by the image's own /etc/passwd. */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!.trim();
  return name === '' || name === 'root' || /^0+$/.test(name);
}

/**
 * Who the app's container runs as. Generated images run as APP_USER. An image built from the
 * repository's own Dockerfile keeps its own non-root USER; when its USER is root (or unset) it runs as
 * APP_USER too unless the admin allowed root for the app (`runAsRoot`): root in a container turns a
 * kernel or runtime escape, or a writable mount, into root on the host.
 */
export function containerUser(detectedType: string | null, imageUser: string | undefined, runAsRoot: boolean): string {
  if (detectedType !== 'dockerfile' && detectedType !== null) return APP_USER;
  const user = (imageUser ?? '').trim();
  if (!isRootUser(user)) return user;
  return runAsRoot ? user || '0:0' : APP_USER;
}

export function buildContainerSpec(input: ContainerInput): ContainerSpec {
  const limits = input.limits ?? DEFAULT_LIMITS;
  const portKey = `${input.port}/tcp`;
  const env = { ...input.env, PORT: String(input.port) };
  const tmpfsOptions = `rw,noexec,nosuid,nodev,size=${limits.tmpfsBytes},mode=1777`;
  return {
    name: containerName(input.slug, input.deploymentId),
    Image: input.image,
    User: input.user,
    Env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
    Labels: {
      [LABEL.managed]: input.instance,
      [LABEL.app]: input.appId,
      [LABEL.deployment]: input.deploymentId,
      [LABEL.slug]: input.slug,
    },
    ExposedPorts: { [portKey]: {} },
    HostConfig: {
      Memory: limits.memoryBytes,
      // Equal to Memory: no swap on top of the limit (Docker's default would double it).
      MemorySwap: limits.memoryBytes,
      CpuQuota: limits.cpuQuota,
      CpuPeriod: limits.cpuPeriod,
      PidsLimit: limits.pidsLimit,
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: limits.maxRestarts },
      CapDrop: ['ALL'],
      CapAdd: [],
      SecurityOpt: ['no-new-privileges:true'],
      Privileged: false,
      ReadonlyRootfs: input.runtime.readonlyRootfs,
      Tmpfs: Object.fromEntries(input.runtime.tmpfs.map((path) => [path, tmpfsOptions])),
      LogConfig: {
        Type: 'json-file',
        Config: { 'max-size': limits.logMaxSize, 'max-file': String(limits.logMaxFiles) },
      },
      NetworkMode: input.network,
      // HostPort '' = a random free port, bound on loopback only: reachable through the router alone.
      PortBindings: { [portKey]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
      // A tiny init as PID 1 reaps zombies and forwards SIGTERM to apps that ignore being PID 1.
      Init: true,
      IpcMode: 'private',
      ...(input.ociRuntime ? { Runtime: input.ociRuntime } : {}),
    },
    NetworkingConfig: { EndpointsConfig: { [input.network]: { Aliases: [input.slug] } } },
  };
}

/**
 * Options of the per-app bridge network: inter-container traffic off, labelled for cleanup, and a
 * bridge named ovp… so the egress policy (egress-policy.ts) applies to it.
 */
export function networkSpec(appId: string, slug: string, instance: string) {
  return {
    Name: networkName(appId),
    Driver: 'bridge',
    CheckDuplicate: true,
    Internal: false,
    Options: { 'com.docker.network.bridge.enable_icc': 'false', 'com.docker.network.bridge.name': bridgeName(appId) },
    Labels: { [LABEL.managed]: instance, [LABEL.app]: appId, [LABEL.slug]: slug },
  };
}
