import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Env } from '../config/env.js';
import { DockerRepository } from '../repositories/docker.repository.js';
import { GitRepository } from '../repositories/git.repository.js';
import { HostSandboxRepository } from '../repositories/host-sandbox.repository.js';
import { HttpProbe } from '../repositories/http-probe.repository.js';
import { LockRepository } from '../repositories/lock.repository.js';
import { PaasLogRepository } from '../repositories/paas-log.repository.js';
import { PaasMetricsRepository } from '../repositories/paas-metrics.repository.js';
import { SwarmRepository } from '../repositories/swarm.repository.js';
import { SecretBox } from '../services/auth/secret-box.js';
import { AppWatcher } from '../services/paas/app-watcher.js';
import { BaseImageResolver } from '../services/paas/base-images.js';
import { buildNetworkFrom, proxyEndpoints, type BuildNetwork } from '../services/paas/build-network.js';
import { DEFAULT_LIMITS, type Limits } from '../services/paas/container-spec.js';
import { DockerDriver } from '../services/paas/docker-driver.js';
import type { PaasDriver } from '../services/paas/driver.js';
import { DeployPipeline } from '../services/paas/pipeline.js';
import { PaasReconciler } from '../services/paas/reconcile.js';
import { RepoAccess, REPO_CREDENTIALS_PURPOSE } from '../services/paas/repo-access.js';
import { PaasRuntime, type AppLock } from '../services/paas/runtime.js';
import { EGRESS_STAMP_FILE, PaasSandbox } from '../services/paas/sandbox.js';
import { SwarmDriver } from '../services/paas/swarm-driver.js';
import type { Infrastructure } from './infrastructure.js';
import { appLogRepository, paasJobs, paasRepository } from './paas.js';

// The worker's side of the PaaS: pipeline, runtime and reconciler over Docker, git, MySQL and Redis.
// Only the worker (and tests standing in for it) import this module.

/** Leases renewed while held: how long a killed holder blocks the others. */
const APP_LEASE_MS = 30_000;
/** One worker follows a container's output; after a kill -9 another takes over within this. */
const APP_LOG_LEASE_MS = 15_000;

export function paasWorkDir(env: Pick<Env, 'PAAS_WORK_DIR' | 'DATA_DIR'>): string {
  return resolve(env.PAAS_WORK_DIR ?? `${env.DATA_DIR}/paas`);
}

/**
 * This installation's id on a shared Docker Engine: PAAS_INSTANCE, else derived from the database
 * and Redis prefix it uses (so parallel test runs with their own database stay apart too).
 */
export function paasInstance(env: Pick<Env, 'PAAS_INSTANCE' | 'DATABASE_URL' | 'REDIS_KEY_PREFIX'>): string {
  if (env.PAAS_INSTANCE) return env.PAAS_INSTANCE;
  const db = new URL(env.DATABASE_URL);
  return createHash('sha256').update(`${db.host}${db.pathname}|${env.REDIS_KEY_PREFIX}`).digest('hex').slice(0, 12);
}

export interface PaasEngineOptions {
  limits?: Limits;
  drainMs?: number;
}

/** The worker side: pipeline, runtime and reconciler over Docker, git, MySQL and Redis. */
export function composePaasEngine(infra: Infrastructure, options: PaasEngineOptions = {}) {
  const { env } = infra;
  const repo = paasRepository(infra);
  const docker = new DockerRepository(paasInstance(env));
  const git = new GitRepository();
  const logs = new PaasLogRepository(infra.redis, env.REDIS_KEY_PREFIX);
  const leases = new LockRepository(infra.redis, env.REDIS_KEY_PREFIX);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const workDir = paasWorkDir(env);
  const appLock: AppLock = async (appId, fn) => {
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      // Renewed while held: a worker killed inside a step (kill -9, OOM) blocks the app for 30 s, not 10 minutes.
      const held = await leases.withLock(`paas-app:${appId}`, APP_LEASE_MS, fn, { renew: true });
      if (held.ran) return held.value;
      if (Date.now() > deadline) throw new Error(`app ${appId} stayed locked by another step for 5 minutes`);
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const network = buildNetworkFrom(
    env,
    process.env,
    readCaBundle(env, process.env, (m) => infra.logger.warn(m)),
  );
  const driver = createDriver(env, docker, limits, network, (m) => infra.logger.warn(m));
  const runtime = new PaasRuntime(repo, driver, docker, logs, appLock, {
    limits,
    healthTimeoutMs: env.PAAS_HEALTH_TIMEOUT_MS,
    drainMs: options.drainMs ?? 2000,
    workDir,
  });
  const MB = 1024 * 1024;
  const sandbox = new PaasSandbox(
    new HostSandboxRepository(),
    docker,
    {
      egress: env.PAAS_EGRESS_POLICY,
      stampFile: EGRESS_STAMP_FILE,
      egressAllow: env.PAAS_EGRESS_ALLOW,
      proxies: proxyEndpoints(network),
      allowedRegistries: env.PAAS_ALLOWED_REGISTRIES,
      buildPidsLimit: env.PAAS_BUILD_PIDS_LIMIT,
      buildDiskBytes: env.PAAS_BUILD_DISK_MB * MB,
      minFreeBytes: 1024 * MB,
      pullTimeoutMs: 120_000,
    },
    (message) => infra.logger.warn(message),
  );
  const pipeline = new DeployPipeline(
    repo,
    git,
    new RepoAccess(repo, new SecretBox(env.JWT_SECRET, REPO_CREDENTIALS_PURPOSE)),
    docker,
    logs,
    new BaseImageResolver(docker, {
      node: env.PAAS_IMAGE_NODE,
      nodeBuild: env.PAAS_IMAGE_NODE_BUILD,
      static: env.PAAS_IMAGE_STATIC,
      python: env.PAAS_IMAGE_PYTHON,
    }),
    runtime,
    sandbox,
    network,
    {
      workDir,
      allowLocalRepos: env.PAAS_ALLOW_LOCAL_REPOS,
      cloneTimeoutMs: env.PAAS_CLONE_TIMEOUT_MS,
      maxRepoBytes: env.PAAS_REPO_MAX_MB * MB,
      buildTimeoutMs: env.PAAS_BUILD_TIMEOUT_MS,
      buildLimits: { memoryBytes: env.PAAS_BUILD_MEMORY_MB * MB, cpuQuota: 100_000 },
      maxContextBytes: env.PAAS_BUILD_CONTEXT_MB * MB,
      maxImageBytes: env.PAAS_IMAGE_MAX_MB * MB,
      maxLogBytes: env.PAAS_BUILD_LOG_MAX_KB * 1024,
      limits,
    },
    (err, deploymentId) => infra.logger.error({ err, deploymentId }, 'paas deployment: internal error'),
  );
  const reconciler = new PaasReconciler(repo, driver, docker, git, logs, runtime, paasJobs(infra).deploy, {
    workDir,
    keepImages: env.PAAS_KEEP_IMAGES,
    maxRestarts: limits.maxRestarts,
    staleAfterMs: env.PAAS_CLONE_TIMEOUT_MS + env.PAAS_BUILD_TIMEOUT_MS + env.PAAS_HEALTH_TIMEOUT_MS + 5 * 60_000,
  });
  const appLogs = appLogRepository(infra, false);
  const metrics = new PaasMetricsRepository(infra.redis, env.REDIS_KEY_PREFIX);
  const watcher = new AppWatcher(
    repo,
    driver,
    appLogs,
    metrics,
    leases,
    {
      pollMs: 2000,
      metricsMs: env.PAAS_APP_METRICS_INTERVAL_MS,
      leaseMs: APP_LOG_LEASE_MS,
      firstTail: env.PAAS_APP_LOG_MAX_LINES,
      maxLine: 4000,
      cpuLimitPercent:
        limits.cpuQuota > 0 && limits.cpuPeriod > 0 ? Math.round((limits.cpuQuota / limits.cpuPeriod) * 100) : null,
      graceMs: 15_000,
    },
    (err, context) => infra.logger.warn({ err: err.message, ...context }, 'paas: runtime log/metrics follower'),
  );
  return { repo, docker, driver, git, logs, runtime, pipeline, reconciler, leases, sandbox, appLogs, metrics, watcher };
}

/** PAAS_DRIVER: where apps run. Either way builds run on this engine (`docker`). */
function createDriver(
  env: Env,
  docker: DockerRepository,
  limits: Limits,
  network: BuildNetwork,
  warn: (message: string) => void,
): PaasDriver {
  if (env.PAAS_DRIVER === 'swarm') {
    if (env.PAAS_CONTAINER_RUNTIME)
      warn(
        `paas: PAAS_CONTAINER_RUNTIME=${env.PAAS_CONTAINER_RUNTIME} has no effect with PAAS_DRIVER=swarm (a service cannot choose its OCI runtime): make it the nodes' default-runtime`,
      );
    const router = env.PAAS_SWARM_ROUTER
      ? {
          kind: env.PAAS_SWARM_ROUTER.startsWith('service:') ? ('service' as const) : ('container' as const),
          name: env.PAAS_SWARM_ROUTER.replace(/^\w+:/, ''),
        }
      : undefined;
    return new SwarmDriver(
      new SwarmRepository(docker.instance),
      docker,
      {
        limits,
        healthTimeoutMs: env.PAAS_HEALTH_TIMEOUT_MS,
        registry: env.PAAS_REGISTRY,
        constraints: env.PAAS_SWARM_CONSTRAINTS,
        network,
        ...(router ? { router } : {}),
      },
      (message) => warn(`paas: ${message}`),
    );
  }
  return new DockerDriver(docker, new HttpProbe(), {
    limits,
    healthTimeoutMs: env.PAAS_HEALTH_TIMEOUT_MS,
    network,
    ...(env.PAAS_CONTAINER_RUNTIME ? { ociRuntime: env.PAAS_CONTAINER_RUNTIME } : {}),
  });
}

export type PaasEngine = ReturnType<typeof composePaasEngine>;

/** The CA bundle builds and apps trust: PAAS_BUILD_CA_FILE, else the worker's own NODE_EXTRA_CA_CERTS / SSL_CERT_FILE. */
function readCaBundle(
  env: Pick<Env, 'PAAS_BUILD_CA_FILE'>,
  host: Record<string, string | undefined>,
  warn: (message: string) => void,
): string | undefined {
  const file = env.PAAS_BUILD_CA_FILE ?? host.NODE_EXTRA_CA_CERTS ?? host.SSL_CERT_FILE;
  if (!file || file === 'none') return undefined;
  try {
    const pem = readFileSync(file, 'utf8');
    if (pem.includes('-----BEGIN CERTIFICATE-----')) return pem;
    warn(`paas: ${file} holds no PEM certificate; builds get no extra CA bundle`);
  } catch (err) {
    if (env.PAAS_BUILD_CA_FILE)
      warn(
        `paas: PAAS_BUILD_CA_FILE ${file} cannot be read (${(err as Error).message}); builds get no extra CA bundle`,
      );
  }
  return undefined;
}
