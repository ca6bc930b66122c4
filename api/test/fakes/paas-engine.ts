import type { DockerRepository } from '../../src/repositories/docker.repository.js';
import type { GitRepository } from '../../src/repositories/git.repository.js';
import type { PaasLogRepository } from '../../src/repositories/paas-log.repository.js';
import type { PaasRepository } from '../../src/repositories/paas.repository.js';
import { SecretBox } from '../../src/services/auth/secret-box.js';
import { BaseImageResolver } from '../../src/services/paas/base-images.js';
import { DEFAULT_LIMITS } from '../../src/services/paas/container-spec.js';
import { DeployPipeline, type PipelineSettings } from '../../src/services/paas/pipeline.js';
import { PaasReconciler, type ReconcileSettings } from '../../src/services/paas/reconcile.js';
import { REPO_CREDENTIALS_PURPOSE, RepoAccess } from '../../src/services/paas/repo-access.js';
import { PaasRuntime } from '../../src/services/paas/runtime.js';
import type { PaasSandbox } from '../../src/services/paas/sandbox.js';
import { FakeAppLock } from './fake-app-lock.js';
import { FakeDockerRepository } from './fake-docker.repository.js';
import { FakeGitRepository } from './fake-git.repository.js';
import { FakePaasDriver } from './fake-paas-driver.js';
import { FakePaasLogRepository } from './fake-paas-log.repository.js';
import { FakePaasSandbox } from './fake-paas-sandbox.js';
import { FakePaasRepository } from './fake-paas.repository.js';
import { inject, injectSome } from './port.js';

export const REPO_URL = 'file:///srv/repos/app';
export const COMMIT = 'a'.repeat(40);
/** A repository with its own Dockerfile (the policy admits it; no base image resolution). */
export const DOCKERFILE_REPO = {
  Dockerfile: 'FROM node:22-alpine\nCOPY . /app\nEXPOSE 3000\nCMD ["node", "/app/server.js"]\n',
  'server.js': 'require("http").createServer((q, s) => s.end("ok")).listen(3000)\n',
};

/**
 * The PaaS worker's services (pipeline, runtime, reconciler) wired as the worker wires them, over
 * in-memory fakes of MySQL, Redis, git, the build engine and the runtime driver.
 */
export function fakePaasEngine(
  options: {
    workDir?: string;
    pipeline?: Partial<PipelineSettings>;
    reconcile?: Partial<ReconcileSettings>;
    lockWaitMs?: number;
  } = {},
) {
  const repo = new FakePaasRepository();
  const driver = new FakePaasDriver();
  const docker = new FakeDockerRepository();
  const git = new FakeGitRepository();
  const logs = new FakePaasLogRepository();
  const sandbox = new FakePaasSandbox();
  const lease = new FakeAppLock(options.lockWaitMs ?? 1000);
  const requeued: string[] = [];
  const internalErrors: { err: Error; deploymentId: string }[] = [];
  const workDir = options.workDir ?? '/nonexistent/paas-work';
  git.repos.set(REPO_URL, { commitSha: COMMIT, branch: 'main', files: DOCKERFILE_REPO });

  const paasRepo = inject<PaasRepository>(repo);
  const paasLogs = inject<PaasLogRepository>(logs);
  const dockerRepo = injectSome<
    DockerRepository,
    'instance' | 'build' | 'imageInfo' | 'removeImage' | 'managedImages' | 'pull'
  >(docker);
  const runtime = new PaasRuntime(paasRepo, driver, dockerRepo, paasLogs, lease.lock, {
    limits: DEFAULT_LIMITS,
    healthTimeoutMs: 1000,
    drainMs: 0,
    workDir,
  });
  const pipeline = new DeployPipeline(
    paasRepo,
    inject<GitRepository>(git),
    new RepoAccess(paasRepo, new SecretBox('s'.repeat(40), REPO_CREDENTIALS_PURPOSE)),
    dockerRepo,
    paasLogs,
    new BaseImageResolver(dockerRepo, {
      node: 'node:22-alpine',
      nodeBuild: 'node:22',
      static: 'nginx:alpine',
      python: 'python:3.12-slim',
    }),
    runtime,
    injectSome<PaasSandbox, 'ensure' | 'admitDockerfile' | 'slot'>(sandbox),
    {},
    {
      workDir,
      allowLocalRepos: true,
      cloneTimeoutMs: 1000,
      maxRepoBytes: 10_000_000,
      buildTimeoutMs: 1000,
      buildLimits: { memoryBytes: 1e9, cpuQuota: 100_000 },
      maxContextBytes: 10_000_000,
      maxImageBytes: 500 * 1024 * 1024,
      maxLogBytes: 1_000_000,
      limits: DEFAULT_LIMITS,
      ...options.pipeline,
    },
    (err, deploymentId) => internalErrors.push({ err, deploymentId }),
  );
  const reconciler = new PaasReconciler(
    paasRepo,
    driver,
    dockerRepo,
    inject<GitRepository>(git),
    paasLogs,
    runtime,
    async (id) => void requeued.push(id),
    {
      workDir,
      keepImages: 2,
      staleAfterMs: 60 * 60_000,
      maxRestarts: DEFAULT_LIMITS.maxRestarts,
      ...options.reconcile,
    },
  );
  return { repo, driver, docker, git, logs, sandbox, lease, requeued, internalErrors, runtime, pipeline, reconciler };
}

export type FakePaasEngine = ReturnType<typeof fakePaasEngine>;
