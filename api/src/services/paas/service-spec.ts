import type { Limits } from './container-spec.js';
import { LABEL } from './container-spec.js';
import type { RuntimeProfile } from './dockerfile.js';
import { SWARM_EGRESS_BRIDGE } from './egress-policy.js';

/**
 * The Swarm service an app runs as (PAAS_DRIVER=swarm), as pure functions of their inputs like
 * container-spec.ts. The same limits as a container where Swarm (API 1.41, Engine 20.10) can express
 * them; what it cannot is listed in README ("Swarm driver") with what compensates:
 *   - MemorySwap = Memory: not expressible (swarm sets no swap limit: up to the memory again in swap
 *     where the node has swap; nodes for apps should have none, as this machine);
 *   - no-new-privileges: not expressible before API 1.44 (set `"no-new-privileges": true` in the
 *     nodes' daemon.json; meanwhile every capability is dropped and the app runs as a non-root user);
 *   - the OCI runtime (gVisor): not per service (the nodes' `default-runtime`, and a placement constraint);
 *   - the tmpfs noexec/nosuid/nodev flags: the engine's defaults for tmpfs mounts (checked by the tests).
 */

/** The swarm-scoped bridge every app task leaves through; on each node its bridge is named ovp… (egress policy). */
export const SWARM_EGRESS_NETWORK = 'ov-paas-egress';
/** The node-local configuration that network takes its options from (made on each node by its worker or `ops`). */
export const SWARM_EGRESS_CONFIG = 'ov-paas-egress-config';
export { SWARM_EGRESS_BRIDGE };

/** Label with a value new at every run, start and restart: counts restarts (tasks of one generation) and forces a new task. */
export const GENERATION_LABEL = 'dev.omervision.paas.generation';
/** The app's port, so a service alone says where the router dials. */
export const PORT_LABEL = 'dev.omervision.paas.port';

/** The service of an app: also its DNS name on the app's overlay, where the router resolves it. */
export function serviceName(appId: string): string {
  return `ov-app-${appId}`;
}

export function overlayName(appId: string): string {
  return `ov-app-${appId}-net`;
}

/** Where the deployment's image is pushed (`<registry>/ov-paas/<slug>`, tagged with the deployment id). */
export function registryRepository(registry: string, slug: string): string {
  return `${registry}/ov-paas/${slug}`;
}

export interface ServiceInput {
  instance: string;
  appId: string;
  slug: string;
  deploymentId: string;
  generation: string;
  /** A digest-pinned reference in the registry, so every node runs the same bytes. */
  image: string;
  port: number;
  env: Record<string, string>;
  runtime: RuntimeProfile;
  user: string;
  limits: Limits;
  /** From healthCheck(); null = the image's own HEALTHCHECK, or none. */
  health: string[] | null;
  /** How long a task may take to answer before its failed checks count (the health timeout). */
  startPeriodMs: number;
  constraints: string[];
}

const SECOND = 1_000_000_000;

/** The body of `POST /services/create` (and of an update, with the same name). */
export function buildServiceSpec(input: ServiceInput) {
  const { limits } = input;
  const labels = {
    [LABEL.managed]: input.instance,
    [LABEL.app]: input.appId,
    [LABEL.deployment]: input.deploymentId,
    [LABEL.slug]: input.slug,
    [PORT_LABEL]: String(input.port),
  };
  const env = { ...input.env, PORT: String(input.port) };
  return {
    Name: serviceName(input.appId),
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: input.image,
        User: input.user,
        Env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
        Labels: { ...labels, [GENERATION_LABEL]: input.generation },
        Init: true,
        ReadOnly: input.runtime.readonlyRootfs,
        Mounts: input.runtime.tmpfs.map((target) => ({
          Type: 'tmpfs',
          Target: target,
          TmpfsOptions: { SizeBytes: limits.tmpfsBytes, Mode: 0o1777 },
        })),
        CapabilityDrop: ['ALL'],
        ...(input.health
          ? {
              Healthcheck: {
                Test: input.health,
                Interval: 2 * SECOND,
                Timeout: 2 * SECOND,
                Retries: 3,
                StartPeriod: input.startPeriodMs * 1_000_000,
              },
            }
          : {}),
        StopGracePeriod: 10 * SECOND,
      },
      Resources: {
        Limits: {
          MemoryBytes: limits.memoryBytes,
          NanoCPUs: Math.round((limits.cpuQuota / limits.cpuPeriod) * SECOND),
          Pids: limits.pidsLimit,
        },
      },
      // Window 0: the attempts count from the last change of the service (a deployment, a start, a restart), as Docker's on-failure:3 does.
      RestartPolicy: { Condition: 'on-failure', MaxAttempts: limits.maxRestarts, Delay: SECOND, Window: 0 },
      Placement: { Constraints: input.constraints },
      // The app's own overlay (internal: no way out there) and the egress bridge (the only way out, under the policy).
      Networks: [{ Target: overlayName(input.appId), Aliases: [input.slug] }, { Target: SWARM_EGRESS_NETWORK }],
      LogDriver: {
        Name: 'json-file',
        Options: { 'max-size': limits.logMaxSize, 'max-file': String(limits.logMaxFiles) },
      },
    },
    Mode: { Replicated: { Replicas: 1 } },
    // Start-first: the new task runs (healthy, when it has a check) before the old one is stopped; a
    // task failing within the monitor window rolls the service back to the deployment that served.
    UpdateConfig: {
      Parallelism: 1,
      Delay: 0,
      FailureAction: 'rollback',
      Monitor: 2 * SECOND,
      MaxFailureRatio: 0,
      Order: 'start-first',
    },
    RollbackConfig: {
      Parallelism: 1,
      Delay: 0,
      FailureAction: 'pause',
      Monitor: 2 * SECOND,
      MaxFailureRatio: 0,
      Order: 'start-first',
    },
    // DNS round-robin, not a virtual IP: the VIP needs IPVS in every node's kernel (absent on some,
    // this machine's included); the router resolves the service name to its tasks itself.
    EndpointSpec: { Mode: 'dnsrr' },
  };
}

export type ServiceSpec = ReturnType<typeof buildServiceSpec>;

/**
 * The check Swarm gates a task on (it reports `running`, and a start-first update moves on, only once
 * healthy): an HTTP request from inside the task with the interpreter its image has — any answer on
 * `/`, a 2xx/3xx on the app's health-check path — bypassing any proxy the app is given. An image
 * from the repository's own Dockerfile has an unknown userland: its own HEALTHCHECK applies, else
 * none (Swarm then counts it ready once started).
 */
export function healthCheck(detectedType: string, path: string | null): string[] | null {
  const target = path ?? '/';
  const strict = path !== null;
  if (detectedType === 'python') {
    const script = [
      'import os, sys, urllib.error, urllib.request as u',
      'o = u.build_opener(u.ProxyHandler({}))',
      'try:',
      `    c = o.open('http://127.0.0.1:%s%s' % (os.environ['PORT'], ${JSON.stringify(target)}), timeout=1.5).status`,
      'except urllib.error.HTTPError as e:',
      '    c = e.code',
      'except Exception:',
      '    sys.exit(1)',
      `sys.exit(1 if ${strict ? 'True' : 'False'} and c >= 400 else 0)`,
    ].join('\n');
    return ['CMD', 'python3', '-c', script];
  }
  if (detectedType === 'dockerfile') return null;
  const script =
    `require('http').get({host:'127.0.0.1',port:process.env.PORT,path:${JSON.stringify(target)},agent:false,timeout:1500},` +
    `(r)=>{r.resume();process.exit(${strict}&&r.statusCode>=400?1:0)}).on('error',()=>process.exit(1)).on('timeout',()=>process.exit(1))`;
  return ['CMD', 'node', '-e', script];
}

/** The app's overlay: internal (tasks get no docker_gwbridge leg), attachable so the router container can join it. */
export function overlaySpec(appId: string, slug: string, instance: string) {
  return {
    Name: overlayName(appId),
    Driver: 'overlay',
    CheckDuplicate: true,
    Internal: true,
    Attachable: true,
    Labels: { [LABEL.managed]: instance, [LABEL.app]: appId, [LABEL.slug]: slug },
  };
}

/** The node-local options of the egress network: a bridge named ovp… (egress policy), no traffic between tasks. */
export function egressConfigSpec() {
  return {
    Name: SWARM_EGRESS_CONFIG,
    ConfigOnly: true,
    Options: { 'com.docker.network.bridge.name': SWARM_EGRESS_BRIDGE, 'com.docker.network.bridge.enable_icc': 'false' },
  };
}

/**
 * The swarm-scoped bridge network: one network name for the service specs, instantiated on each node
 * from that node's configuration network — a node without it cannot start app tasks (fails closed).
 * Such a network takes no labels or options of its own.
 */
export function egressNetworkSpec() {
  return {
    Name: SWARM_EGRESS_NETWORK,
    Driver: 'bridge',
    Scope: 'swarm',
    ConfigFrom: { Network: SWARM_EGRESS_CONFIG },
    CheckDuplicate: true,
  };
}
