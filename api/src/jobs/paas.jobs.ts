import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Infrastructure } from '../container.js';
import type { Env } from '../config/env.js';
import { DockerRepository } from '../repositories/docker.repository.js';
import { GitRepository } from '../repositories/git.repository.js';
import { HttpProbe } from '../repositories/http-probe.repository.js';
import { LockRepository } from '../repositories/lock.repository.js';
import { PaasLogRepository } from '../repositories/paas-log.repository.js';
import { PaasRepository } from '../repositories/paas.repository.js';
import type { AuditService } from '../services/audit.service.js';
import { SecretBox } from '../services/auth/secret-box.js';
import { BaseImageResolver } from '../services/paas/base-images.js';
import { DEFAULT_LIMITS, type Limits } from '../services/paas/container-spec.js';
import { PaasService, type PaasJobs } from '../services/paas/paas.service.js';
import { DeployPipeline } from '../services/paas/pipeline.js';
import { PaasReconciler } from '../services/paas/reconcile.js';
import { PaasRuntime, type AppLock } from '../services/paas/runtime.js';
import { paasUrls } from '../services/paas/views.js';
import { Jobs, type PaasControlJobData, type PaasDeployJobData } from './job-spec.js';

export const PAAS_HOOK_SECRET_PURPOSE = 'paas-hook-secret';
const RECONCILE_EVERY_MS = 10 * 60_000;
/** Leases renewed while held: how long a killed holder blocks the others. */
const APP_LEASE_MS = 30_000;
const RECONCILE_LEASE_MS = 60_000;
/** After a signalled stop of a serving container, how long to wait for the event stream to break (daemon going down) before reconciling. */
const STOPPED_RECONCILE_MS = 5000;

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

/** The producer side: the API queues, the worker builds and runs. */
export function paasJobs(infra: Infrastructure): PaasJobs {
  return {
    deploy: async (deploymentId) => void (await infra.queues.enqueue(Jobs.paasDeploy, { deploymentId }, { id: `paas-deploy:${deploymentId}` })),
    control: async (data) => void (await infra.queues.enqueue(Jobs.paasControl, data)),
  };
}

export function createPaasService(infra: Infrastructure, audit: AuditService): PaasService {
  const { env } = infra;
  return new PaasService(
    new PaasRepository(infra.database.db), new PaasLogRepository(infra.redis, env.REDIS_KEY_PREFIX, infra.pubsub), paasJobs(infra), audit,
    new SecretBox(env.JWT_SECRET, PAAS_HOOK_SECRET_PURPOSE), paasUrls(env), { allowLocalRepos: env.PAAS_ALLOW_LOCAL_REPOS },
  );
}

export interface PaasEngineOptions {
  limits?: Limits;
  drainMs?: number;
}

/** The worker side: pipeline, runtime and reconciler over Docker, git, MySQL and Redis. */
export function composePaasEngine(infra: Infrastructure, options: PaasEngineOptions = {}) {
  const { env } = infra;
  const repo = new PaasRepository(infra.database.db);
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
  const runtime = new PaasRuntime(repo, docker, new HttpProbe(), logs, appLock, {
    limits, healthTimeoutMs: env.PAAS_HEALTH_TIMEOUT_MS, drainMs: options.drainMs ?? 2000, workDir,
  });
  const pipeline = new DeployPipeline(
    repo, git, docker, logs,
    new BaseImageResolver(docker, { node: env.PAAS_IMAGE_NODE, static: env.PAAS_IMAGE_STATIC, python: env.PAAS_IMAGE_PYTHON }),
    runtime,
    {
      workDir, allowLocalRepos: env.PAAS_ALLOW_LOCAL_REPOS, cloneTimeoutMs: env.PAAS_CLONE_TIMEOUT_MS,
      maxRepoBytes: env.PAAS_REPO_MAX_MB * 1024 * 1024, buildTimeoutMs: env.PAAS_BUILD_TIMEOUT_MS,
      buildLimits: { memoryBytes: 2 * 1024 * 1024 * 1024, cpuQuota: 100_000 }, limits,
    },
    (err, deploymentId) => infra.logger.error({ err, deploymentId }, 'paas deployment: internal error'),
  );
  const reconciler = new PaasReconciler(repo, docker, git, logs, runtime, paasJobs(infra).deploy, {
    workDir, keepImages: env.PAAS_KEEP_IMAGES, maxRestarts: limits.maxRestarts,
    staleAfterMs: env.PAAS_CLONE_TIMEOUT_MS + env.PAAS_BUILD_TIMEOUT_MS + env.PAAS_HEALTH_TIMEOUT_MS + 5 * 60_000,
  });
  return { repo, docker, git, logs, runtime, pipeline, reconciler, leases };
}

export type PaasEngine = ReturnType<typeof composePaasEngine>;

/** The two PaaS job handlers, for the registry (and for tests, with an engine of their own). */
export function createPaasJobs(infra: Infrastructure, engine: PaasEngine = composePaasEngine(infra)) {
  const log = infra.logger;
  return {
    engine,
    deploy: async (data: PaasDeployJobData) => {
      const outcome = await engine.pipeline.run(data.deploymentId);
      log[outcome.status === 'failed' ? 'warn' : 'info']({ ...outcome }, `paas deployment ${outcome.status}`);
      return outcome;
    },
    control: async (data: PaasControlJobData) => {
      if (data.action === 'delete') {
        const removed = await engine.runtime.destroy(data.appId);
        await engine.git.remove(`${paasWorkDir(infra.env)}/${data.appId}`);
        await engine.logs.remove(data.deploymentIds);
        log.info({ appId: data.appId, ...removed }, 'paas app removed');
        return removed;
      }
      await engine.runtime.control(data.appId, data.action);
      return { appId: data.appId, action: data.action };
    },
  };
}

/**
 * Worker start: reconcile Docker with the database (once now, then every ten minutes, one worker
 * at a time) and watch managed containers die, so crash loops become `failed` with their last log
 * lines. A reconcile also runs when the Docker event stream comes back after a break (the daemon
 * restarted: its containers were stopped) and a few seconds after a serving container was stopped
 * by a signal while the daemon stayed up (docker stop by hand). Without a Docker engine the worker
 * still runs its other jobs; this logs why PaaS is off.
 */
export function startPaasWorker(infra: Infrastructure, engine: PaasEngine = composePaasEngine(infra)): () => void {
  const log = infra.logger;
  let stopWatching: (() => void) | undefined;
  /** Bumped whenever the event stream breaks or comes back. */
  let streamEpoch = 0;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  };
  const reconcile = async () => {
    // At boot the Redis client may still be connecting (its offline queue is off).
    for (let i = 0; i < 50 && !infra.redis.isReady; i++) await new Promise((r) => setTimeout(r, 200));
    try {
      await engine.docker.ping();
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'paas: no Docker engine answers; deployments will fail until one does');
      return;
    }
    stopWatching ??= engine.docker.watchDeaths(
      (event) => void engine.runtime.onContainerDeath(event).then(
        (verdict) => {
          if (verdict !== 'stopped') return;
          // When the daemon is going down the stream breaks meanwhile and the reconnection reconciles.
          const seen = streamEpoch;
          later(STOPPED_RECONCILE_MS, () => void (seen === streamEpoch && reconcile()));
        },
        (err: Error) => log.warn({ err: err.message, ...event }, 'paas: could not handle a container exit'),
      ),
      (err) => {
        streamEpoch++;
        log.warn({ err: err.message }, 'paas: Docker event stream broke; reconnecting');
      },
      (reconnected) => {
        streamEpoch++;
        if (reconnected) {
          log.info('paas: Docker event stream is back; reconciling');
          void reconcile();
        }
      },
    );
    const result = await engine.leases.withLock('paas-reconcile', RECONCILE_LEASE_MS, () => engine.reconciler.run(), { renew: true }).catch((err: Error) => {
      log.error({ err }, 'paas: reconcile failed');
      return { ran: false as const };
    });
    if (result.ran) log.info(result.value, 'paas: reconciled Docker with the database');
  };
  void reconcile();
  const timer = setInterval(() => void reconcile(), RECONCILE_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const t of timers) clearTimeout(t);
    stopWatching?.();
  };
}
