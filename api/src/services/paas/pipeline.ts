import { join } from 'node:path';
import { BuildFailure, type DockerRepository } from '../../repositories/docker.repository.js';
import { CloneFailure, type GitRepository } from '../../repositories/git.repository.js';
import { EnvUnreadable } from '../../domain/paas/app-env.js';
import type { PaasLogRepository } from '../../repositories/paas-log.repository.js';
import type { AppStatus, DeploymentStatus, PaasRepository } from '../../repositories/paas.repository.js';
import type { BaseImageResolver } from './base-images.js';
import { imageTag, LABEL, type Limits } from './container-spec.js';
import { DeployLog, PipelineFailure } from './deploy-log.js';
import { detect, settingsOf, wantsContent } from './detect.js';
import { APP_PORT, generateDockerfile, SOURCE_DIR } from './dockerfile.js';
import { branchProblem, checkRepoUrl } from './git-source.js';
import { LOG_FINAL } from './log-follow.js';
import type { PaasRuntime } from './runtime.js';
import type { PaasSandbox } from './sandbox.js';
import type { RepoAccess } from './repo-access.js';
import { CA_IN_CONTEXT, proxyBuildArgs, withBuildNetwork, type BuildNetwork } from './build-network.js';

/** The classic builder's errors when a cache parent it picked was deleted during the build. */
const LOST_CACHE_PARENT = /unknown parent image ID|failed to set parent|failed to export image|No such image: sha256:/i;

export interface PipelineSettings {
  workDir: string;
  allowLocalRepos: boolean | 'loopback';
  cloneTimeoutMs: number;
  maxRepoBytes: number;
  buildTimeoutMs: number;
  /** Memory and CPU of the build's RUN steps. */
  buildLimits: { memoryBytes: number; cpuQuota: number };
  maxContextBytes: number;
  maxImageBytes: number;
  maxLogBytes: number;
  limits: Limits;
}

export interface PipelineOutcome {
  deploymentId: string;
  status: DeploymentStatus | 'missing';
  reason?: string | null;
}

/**
 * One deployment, start to end: clone → detect → Dockerfile → build → start beside the running
 * version → health → switch. Each step moves the typed status on; any failure ends in `failed`
 * with a reason the admin can act on. Idempotent per deployment: a finished one is left alone, one
 * interrupted by a dying worker starts over from the clone.
 */
export class DeployPipeline {
  constructor(
    private readonly repo: PaasRepository,
    private readonly git: GitRepository,
    private readonly access: RepoAccess,
    private readonly docker: DockerRepository,
    private readonly logs: PaasLogRepository,
    private readonly images: BaseImageResolver,
    private readonly runtime: PaasRuntime,
    private readonly sandbox: PaasSandbox,
    private readonly network: BuildNetwork,
    private readonly settings: PipelineSettings,
    private readonly onInternalError: (err: Error, deploymentId: string) => void = () => undefined,
  ) {}

  async run(deploymentId: string): Promise<PipelineOutcome> {
    const dep = await this.repo.findDeployment(deploymentId);
    if (!dep) return { deploymentId, status: 'missing' };
    if (LOG_FINAL.includes(dep.status)) return { deploymentId, status: dep.status, reason: dep.reason };
    const app = await this.repo.findApp(dep.appId);
    if (!app) return { deploymentId, status: 'missing' };
    await this.repo.supersedeQueued(app.id, dep.id, 'Coalesced into a newer deployment of the same app.');

    const log = new DeployLog(this.logs, dep.id, (err) => this.onInternalError(err, dep.id), this.settings.maxLogBytes);
    const started = Date.now();
    const workDir = join(this.settings.workDir, app.id, dep.id);
    const sourceDir = join(workDir, SOURCE_DIR);
    // While another deployment serves the app, the app stays `running`; only the deployment moves.
    const serving = app.status === 'running' && app.activeDeploymentId !== null;
    const move = async (
      status: DeploymentStatus & AppStatus,
      patch: Parameters<PaasRepository['updateDeployment']>[1] = {},
    ) => {
      await this.repo.updateDeployment(dep.id, { status, ...patch });
      if (!serving) await this.repo.updateApp(app.id, { status });
    };
    let final: DeploymentStatus = 'failed';
    let reason: string | null = null;
    try {
      if (dep.status !== 'queued') log.step('Starting over: the previous attempt was interrupted');
      await move('cloning', { startedAt: new Date(), branch: app.branch, reason: null });
      log.step(
        `Deployment ${dep.id} of ${app.name}: ${app.repoUrl} (${app.branch === null ? 'the default branch' : `branch ${app.branch}`})`,
      );
      // No untrusted code runs unless the egress policy is in place.
      await this.sandbox.ensure();
      const check = await checkRepoUrl(app.repoUrl, {
        allowLocal: this.settings.allowLocalRepos,
        allowSsh: app.deployKey !== null,
      });
      if (!check.ok) throw new PipelineFailure(check.reason);
      const bad = app.branch === null ? null : branchProblem(app.branch);
      if (bad) throw new PipelineFailure(`The branch name ${bad}.`);
      // The variables are opened when the container starts; a value that does not open fails here, before the build.
      app.env.values();
      const { commitSha, branch } = await this.git.clone(
        check.source,
        app.branch,
        sourceDir,
        {
          timeoutMs: this.settings.cloneTimeoutMs,
          maxBytes: this.settings.maxRepoBytes,
        },
        this.access.forClone(app, check.source, (l) => log.line(l)),
      );
      log.line(`cloned ${commitSha} (${branch})`);

      await move('detecting', { commitSha, branch });
      const snapshot = await this.git.snapshot(sourceDir, wantsContent);
      const detection = detect(snapshot, settingsOf(app)); // issue 18 (detection): the app's build settings
      if (!detection.ok) throw new PipelineFailure(detection.reason);
      const plan = detection.plan;
      log.step(`Detected ${detection.summary}`);
      for (const reason of detection.reasons) log.line(`  ${reason}`); // issue 18 (detection): each decision and its file
      if (plan.kind === 'dockerfile') {
        const own = snapshot.contents.Dockerfile;
        if (own === undefined)
          throw new PipelineFailure(
            'The Dockerfile could not be read for checking (a symbolic link, or larger than the checker reads); make it a plain file.',
          );
        await this.sandbox.admitDockerfile(own, (l) => log.line(l));
        log.line(
          'Dockerfile checked: no remote ADD, no registry outside PAAS_ALLOWED_REGISTRIES, no RUN flag leaving the sandbox',
        );
      }

      await move('building', { detectedType: plan.kind });
      let contextDir = sourceDir;
      let port = APP_PORT;
      if (plan.kind !== 'dockerfile') {
        const generated = generateDockerfile(
          plan,
          await this.images.forPlan(plan, (l) => log.line(l)),
          detection.summary,
        );
        const dockerfile = withBuildNetwork(generated.dockerfile, this.network);
        await this.git.writeFiles(workDir, {
          Dockerfile: dockerfile,
          ...generated.files,
          ...(this.network.caBundle ? { [CA_IN_CONTEXT]: this.network.caBundle } : {}),
        });
        await this.repo.updateDeployment(dep.id, { dockerfile });
        log.step('Generated Dockerfile');
        for (const line of dockerfile.trimEnd().split('\n')) log.line(`  ${line}`);
        contextDir = workDir;
        port = generated.port;
      }
      // An own Dockerfile may COPY the operator's CA bundle from here; it is never rewritten.
      if (plan.kind === 'dockerfile' && this.network.caBundle)
        await this.git.writeFiles(sourceDir, { [`.${CA_IN_CONTEXT}`]: this.network.caBundle });
      log.step(
        'Building the image (sandboxed: build network under the egress policy, pids, memory, CPU, disk and time limits)',
      );
      const slot = await this.sandbox.slot(dep.id);
      let imageId: string;
      try {
        const build = (noCache: boolean) =>
          this.docker.build(
            contextDir,
            {
              tag: imageTag(app.slug, dep.id),
              // No per-deployment label: it would be a build step that never hits the cache. The tag names the deployment.
              labels: { [LABEL.managed]: this.docker.instance, [LABEL.app]: app.id, [LABEL.slug]: app.slug },
              timeoutMs: this.settings.buildTimeoutMs,
              limits: this.settings.buildLimits,
              networkMode: slot.networkMode,
              ...(slot.cgroupParent ? { cgroupParent: slot.cgroupParent } : {}),
              maxContextBytes: this.settings.maxContextBytes,
              signal: slot.signal,
              noCache,
              buildArgs: proxyBuildArgs(this.network),
            },
            (line) => log.line(line),
          );
        try {
          imageId = await build(false);
        } catch (err) {
          if (!(err instanceof BuildFailure) || !LOST_CACHE_PARENT.test(err.message)) throw err;
          log.step(
            'A cached layer this build used was removed meanwhile (another app deleted or pruned); building again without the cache',
          );
          imageId = await build(true);
        }
      } finally {
        await slot.release();
      }
      const built = await this.docker.imageInfo(imageId);
      if (built && built.size > this.settings.maxImageBytes) {
        await this.docker.removeImage({ id: imageId, tags: [imageTag(app.slug, dep.id)], appId: app.id });
        const mb = (b: number) => Math.round(b / 1024 / 1024);
        throw new BuildFailure(
          `the image is ${mb(built.size)} MB, more than the ${mb(this.settings.maxImageBytes)} MB allowed (PAAS_IMAGE_MAX_MB)`,
        );
      }
      if (plan.kind === 'dockerfile') port = built?.ports[0] ?? APP_PORT;
      await this.git.remove(workDir);
      log.step(`Built ${imageId.slice(0, 19)}`);

      await move('starting', { imageId, containerPort: port });
      const hostPort = await this.runtime.launch(
        app,
        { ...dep, status: 'starting' },
        { imageId, port, detectedType: plan.kind },
        log,
      );
      log.step(
        `Running: answers on 127.0.0.1:${hostPort} behind the app router (${Math.round((Date.now() - started) / 100) / 10} s)`,
      );
      final = 'running';
    } catch (err) {
      if (
        err instanceof PipelineFailure ||
        err instanceof CloneFailure ||
        err instanceof BuildFailure ||
        err instanceof EnvUnreadable
      ) {
        reason =
          err instanceof BuildFailure
            ? `The build failed: ${err.message}`
            : err instanceof CloneFailure
              ? `Could not clone the repository: ${err.message}`
              : err.message;
      } else {
        this.onInternalError(err as Error, dep.id);
        reason = `Internal error while deploying: ${(err as Error).message}`.slice(0, 1000);
      }
      log.step(`Failed: ${reason}`);
      await this.repo.updateDeployment(dep.id, { status: 'failed', reason: reason.slice(0, 1000) });
      const now = await this.repo.findApp(app.id);
      if (now && !(now.status === 'running' && now.activeDeploymentId && now.activeDeploymentId !== dep.id)) {
        await this.repo.updateApp(app.id, { status: 'failed', lastError: reason.slice(0, 1000) });
      } else if (now) {
        await this.repo.updateApp(app.id, {
          lastError: `The latest deployment failed; the previous one still serves. ${reason}`.slice(0, 1000),
        });
      }
    } finally {
      await this.git.remove(workDir).catch(() => undefined);
      await log.flush();
      const all = await this.logs.all(dep.id).catch(() => null);
      await this.repo.updateDeployment(dep.id, {
        finishedAt: new Date(),
        durationMs: Date.now() - started,
        ...(all ? { log: all.join('\n') } : {}),
      });
      await this.logs.end(dep.id, final).catch(() => undefined);
    }
    return { deploymentId: dep.id, status: final, reason };
  }
}
