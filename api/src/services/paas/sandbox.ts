import type { DockerRepository, EngineInfo } from '../../repositories/docker.repository.js';
import type { HostSandboxRepository } from '../../repositories/host-sandbox.repository.js';
import { checkDockerfile, checkOnBuildTriggers } from './dockerfile-policy.js';
import { PipelineFailure } from './deploy-log.js';
import {
  bridgeName,
  EGRESS_CHAIN,
  egressRules,
  hostSubnetsOf,
  resolversOf,
  type EgressRules,
} from './egress-policy.js';

export interface SandboxSettings {
  /**
   * `enforce`: no deployment without the egress policy in place (installed here); `agent`: the node's
   * egress agent installs it and stamps `stampFile`, and no deployment runs without a fresh stamp (a
   * worker outside the host's network namespace, Swarm); `off`: the operator filters egress elsewhere.
   */
  egress: 'enforce' | 'agent' | 'off';
  /** Where the egress agent records each verification (egress-agent.ts), and `agent` mode reads it. */
  stampFile?: string;
  egressAllow: string[];
  /** The operator's proxies: allowed through the policy even on private addresses. */
  proxies: { host: string; port: number }[];
  allowedRegistries: string[];
  buildPidsLimit: number;
  /** How much the engine's disk may fill during one build. */
  buildDiskBytes: number;
  /** Free space a build must leave on the engine's disk. */
  minFreeBytes: number;
  pullTimeoutMs: number;
}

/** The network every build's RUN steps use; not an app's, not labelled as one (reconcile leaves it alone). */
export const BUILD_NETWORK = 'ov-paas-build';
const BUILD_BRIDGE = bridgeName('build');
const VERIFY_EVERY_MS = 15_000;
/** The node's egress agent re-verifies every 15 s; a stamp older than this means it stopped doing so. */
export const STAMP_MAX_AGE_MS = 60_000;
/** The stamp's place in the egress agent's and the workers' containers (a volume local to the node). */
export const EGRESS_STAMP_FILE = '/run/omervision-egress/policy.json';
const DISK_POLL_MS = 1000;
/** A build cgroup untouched this long belongs to no running build (builds time out long before). */
const STALE_CGROUP_MS = 6 * 60 * 60_000;

export interface BuildSlot {
  networkMode: string;
  cgroupParent?: string;
  /** Aborts when the build fills the disk past its cap; its reason is the failure message. */
  signal: AbortSignal;
  release(): Promise<void>;
}

/**
 * The build and run sandbox of untrusted repositories (see SECURITY.md): the egress policy on every
 * PaaS network (installed and verified here, refused deployments when it cannot be), the build
 * network, per-build pids cgroups and a disk watch, and the checks on a repository's own Dockerfile
 * and the base images it names. The Docker repository and the host repository do the I/O.
 */
export class PaasSandbox {
  private verifiedAt = 0;
  private engine: EngineInfo | undefined;

  constructor(
    private readonly host: HostSandboxRepository,
    private readonly docker: Pick<
      DockerRepository,
      'engineInfo' | 'ensureNetwork' | 'imageInfo' | 'pull' | 'writableBytes'
    >,
    private readonly settings: SandboxSettings,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  async rules(): Promise<EgressRules> {
    const proxies = (
      await Promise.all(
        this.settings.proxies.map(async (p) => (await this.host.resolve(p.host)).map((ip) => `${ip}:${p.port}`)),
      )
    ).flat();
    return egressRules({
      resolvers: resolversOf(await this.host.resolvConf()),
      allow: [...this.settings.egressAllow, ...proxies],
      hostSubnets: hostSubnetsOf(this.host.interfaces()),
    });
  }

  /**
   * Installs the egress policy (idempotent: our chains are replaced atomically, the jumps added once)
   * and the build network. Throws a PipelineFailure saying how to fix it when it cannot.
   */
  async install(): Promise<void> {
    await this.docker.ensureNetwork(buildNetworkSpec());
    this.engine ??= await this.docker.engineInfo();
    if (this.engine.cgroupDriver === 'cgroupfs') {
      const version = this.engine.cgroupVersion;
      for (const name of await this.host.staleBuildCgroups(version, STALE_CGROUP_MS))
        await this.host.removeCgroup(name, version);
    }
    if (this.settings.egress === 'off') return;
    if (this.settings.egress === 'agent') {
      await this.verifyStamp(true);
      return;
    }
    const rules = await this.rules();
    try {
      await this.host.applyRules(4, rules.v4, rules.jumps);
    } catch (err) {
      throw new PipelineFailure(
        `The PaaS egress policy could not be installed, so nothing is deployed (untrusted code would reach the host, the LAN and the metadata address): ${(err as Error).message}. ` +
          'The worker needs root (or CAP_NET_ADMIN in the host network namespace) and iptables, with Docker managing iptables (DOCKER-USER chain). ' +
          'If another firewall already confines the PaaS networks (bridges named ovp*), set PAAS_EGRESS_POLICY=off.',
      );
    }
    try {
      // Docker leaves ip6tables alone by default: the IPv6 jump goes into FORWARD itself.
      await this.host.applyRules(
        6,
        rules.v6,
        rules.jumps.map((j) => ({ ...j, chain: j.chain === 'DOCKER-USER' ? 'FORWARD' : j.chain })),
      );
    } catch (err) {
      this.warn(
        `the IPv6 part of the PaaS egress policy could not be installed (${(err as Error).message}); PaaS networks have no IPv6 addresses, but services listening on the host's IPv6 link-local address stay reachable`,
      );
    }
    await this.verify(true);
  }

  /** Checks the rules are still in place (cheap; at most every 15 s) and re-installs them when not. */
  async ensure(): Promise<void> {
    if (this.settings.egress === 'off') {
      this.warn(
        'PAAS_EGRESS_POLICY=off: builds and apps are not confined by OmerVision; an outside firewall must do it',
      );
      await this.docker.ensureNetwork(buildNetworkSpec());
      return;
    }
    if (Date.now() - this.verifiedAt < VERIFY_EVERY_MS) return;
    if (this.settings.egress === 'agent') {
      await this.verifyStamp(true);
      return;
    }
    if (!(await this.verify(false))) await this.install();
  }

  /**
   * The egress agent, after each successful install or verification: records when, for the workers
   * of this node (`agent` mode). `unstamp` when it fails, so they refuse deployments at once.
   */
  async stamp(node: string): Promise<void> {
    if (!this.settings.stampFile) return;
    const rules = await this.rules();
    await this.host.writeStamp(this.settings.stampFile, {
      node,
      at: Date.now(),
      rules: rules.counts.v4[EGRESS_CHAIN]!,
    });
  }

  async unstamp(): Promise<void> {
    if (this.settings.stampFile) await this.host.removeStamp(this.settings.stampFile);
  }

  private async verifyStamp(throwing: boolean): Promise<boolean> {
    const file = this.settings.stampFile ?? '(no stamp file)';
    const stamp = this.settings.stampFile ? await this.host.readStamp(this.settings.stampFile) : undefined;
    const age = stamp ? Date.now() - stamp.at : undefined;
    const ok = age !== undefined && age < STAMP_MAX_AGE_MS;
    if (ok) this.verifiedAt = Date.now();
    else if (throwing)
      throw new PipelineFailure(
        `PAAS_EGRESS_POLICY=agent, but this node's egress agent has not confirmed the PaaS egress policy (${file}: ${age === undefined ? 'missing' : `last confirmed ${Math.round(age / 1000)} s ago`}), so nothing is deployed. ` +
          'Run the egress-agent service on every node (deploy/swarm/stack.yaml: mode global, the host network, NET_ADMIN) with its volume mounted here, and read its log.',
      );
    return ok;
  }

  private async verify(throwing: boolean): Promise<boolean> {
    const rules = await this.rules();
    const v4 = await this.host.inspect(4, EGRESS_CHAIN, rules.jumps);
    const ok = v4 !== undefined && v4.jumpsPresent && v4.rules === rules.counts.v4[EGRESS_CHAIN];
    if (ok) this.verifiedAt = Date.now();
    else if (throwing)
      throw new PipelineFailure(
        `The PaaS egress policy did not verify after installation (chain ${EGRESS_CHAIN}: ${v4 ? `${v4.rules} rules, jumps ${v4.jumpsPresent ? 'present' : 'missing'}` : 'missing'}).`,
      );
    return ok;
  }

  /**
   * Checks a repository's own Dockerfile and makes sure every image it names is present, pulling it
   * ourselves from an allowed registry, so the build itself never pulls; ONBUILD triggers of those
   * images are checked like the file's own lines.
   */
  async admitDockerfile(text: string, log: (line: string) => void): Promise<void> {
    const verdict = checkDockerfile(text, this.settings.allowedRegistries);
    if (!verdict.ok) throw new PipelineFailure(verdict.reason);
    for (const image of verdict.images) {
      let info = await this.docker.imageInfo(image);
      if (!info) {
        log(`pulling ${image}`);
        try {
          await this.docker.pull(image, this.settings.pullTimeoutMs);
        } catch (err) {
          throw new PipelineFailure(
            `The base image ${image} could not be pulled: ${(err as Error).message.split('\n')[0]}`,
          );
        }
        info = await this.docker.imageInfo(image);
        if (!info) throw new PipelineFailure(`The base image ${image} could not be pulled.`);
      }
      const trigger = checkOnBuildTriggers(image, info.onBuild, this.settings.allowedRegistries);
      if (trigger) throw new PipelineFailure(trigger);
    }
  }

  /**
   * Resources of one build: the build network, a cgroup capping its processes (cgroupfs driver) and
   * a watch on the engine's disk. `release` must be called when the build ends.
   */
  async slot(
    buildId: string,
    freeBytes: (path: string) => Promise<number | undefined> = (p) => this.host.freeBytes(p),
  ): Promise<BuildSlot> {
    this.engine ??= await this.docker.engineInfo();
    const engine = this.engine;
    const abort = new AbortController();
    let cgroupParent: string | undefined;
    const name = `ov-paas-build-${buildId.replace(/[^a-z0-9]/gi, '').slice(-16)}`;
    if (engine.cgroupDriver === 'cgroupfs') {
      try {
        await this.host.createPidsCgroup(name, engine.cgroupVersion, this.settings.buildPidsLimit);
        cgroupParent = `/${name}`;
      } catch (err) {
        throw new PipelineFailure(
          `The build's process limit could not be set up (cgroup ${name}: ${(err as Error).message}); the worker needs root on the engine's host.`,
        );
      }
    } else {
      this.warn(
        `the engine uses the ${engine.cgroupDriver} cgroup driver: build steps have no pids limit of their own (apps do)`,
      );
    }
    // Disk: what the running step's container has written (its writable layer, found through the
    // build's cgroup), and a floor of free space on the engine's disk for everything else.
    let timer: NodeJS.Timeout | undefined;
    const mb = (b: number) => Math.round(b / 1024 / 1024);
    const stop = (why: string) => abort.abort(new Error(why));
    const poll = async () => {
      try {
        if (cgroupParent) {
          let written = 0;
          for (const id of await this.host.cgroupContainers(name, engine.cgroupVersion))
            written += (await this.docker.writableBytes(id)) ?? 0;
          if (written > this.settings.buildDiskBytes) {
            return stop(
              `a build step wrote more than ${mb(this.settings.buildDiskBytes)} MB to disk and was stopped; raise PAAS_BUILD_DISK_MB if the project really needs it`,
            );
          }
        }
        const free = await freeBytes(engine.rootDir);
        if (free !== undefined && free < this.settings.minFreeBytes) {
          return stop(
            `the engine's disk has less than ${mb(this.settings.minFreeBytes)} MB free, so the build was stopped; free some space (old images: make the reconcile run, docker image prune)`,
          );
        }
      } catch (err) {
        this.warn(`build disk watch: ${(err as Error).message}`);
      }
      timer = setTimeout(() => void poll(), DISK_POLL_MS);
    };
    timer = setTimeout(() => void poll(), DISK_POLL_MS);
    if (!cgroupParent)
      this.warn('build steps are not watched for disk use (no build cgroup); only the free-space floor applies');
    return {
      networkMode: BUILD_NETWORK,
      ...(cgroupParent ? { cgroupParent } : {}),
      signal: abort.signal,
      release: async () => {
        clearTimeout(timer);
        if (!cgroupParent) return;
        // Docker removes the last step's cgroup shortly after the container: try again a little later.
        if (!(await this.host.removeCgroup(name, engine.cgroupVersion))) {
          setTimeout(() => void this.host.removeCgroup(name, engine.cgroupVersion), 10_000).unref();
        }
      },
    };
  }
}

/** The build network: a bridge named ovp…, so the egress policy covers it; no traffic between builds. */
export function buildNetworkSpec() {
  return {
    Name: BUILD_NETWORK,
    Driver: 'bridge',
    CheckDuplicate: true,
    Options: { 'com.docker.network.bridge.enable_icc': 'false', 'com.docker.network.bridge.name': BUILD_BRIDGE },
    Labels: { 'dev.omervision.paas.build': 'true' },
  };
}
