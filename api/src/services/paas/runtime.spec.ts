import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakePaasEngine, REPO_URL, type FakePaasEngine } from '../../../test/fakes/paas-engine.js';

let e: FakePaasEngine;

beforeEach(() => {
  e = fakePaasEngine({ lockWaitMs: 200 });
});

async function servingApp(engine = e) {
  const app = engine.repo.addApp({ repoUrl: REPO_URL });
  const dep = engine.repo.addDeployment(app.id);
  expect((await engine.pipeline.run(dep.id)).status).toBe('running');
  return { app: engine.repo.app(app.id), dep: engine.repo.deployment(dep.id) };
}

describe('PaasRuntime.control', () => {
  it('stop marks the app stopped before stopping the container (so its death reads as intended)', async () => {
    const { app, dep } = await servingApp();
    await e.runtime.control(app.id, 'stop');
    expect(e.repo.app(app.id)).toMatchObject({ status: 'stopped', lastError: null });
    expect(e.driver.workloads.get(app.containerId!)!.state.running).toBe(false);
    expect(e.repo.deployment(dep.id).status).toBe('stopped');
    expect(
      await e.runtime.onContainerDeath({ containerId: app.containerId!, appId: app.id, deploymentId: dep.id }),
    ).toBe('ignored');
  });

  it('start of an app that never deployed fails it with what to do', async () => {
    const app = e.repo.addApp();
    await e.runtime.control(app.id, 'start');
    expect(e.repo.app(app.id)).toMatchObject({
      status: 'failed',
      lastError: 'Nothing to start: the app has no successful deployment. Deploy it.',
    });
    expect(e.driver.calls.filter((c) => c.startsWith('run'))).toEqual([]);
  });

  it('start of an app whose container vanished creates it again from the deployment image', async () => {
    const { app, dep } = await servingApp();
    e.driver.workloads.clear();
    await e.runtime.control(app.id, 'start');
    const now = e.repo.app(app.id);
    expect(now.status).toBe('running');
    expect(now.containerId).not.toBe(app.containerId);
    expect(e.driver.workloads.get(now.containerId!)).toMatchObject({ deploymentId: dep.id, imageId: dep.imageId });
    expect(e.logs.text(dep.id)).toContain('the container is gone; creating it again from the deployment image');
  });

  it('restart with the engine unreachable fails the app with the cause and forgets its container', async () => {
    const { app } = await servingApp();
    e.driver.unreachable = true;
    await e.runtime.control(app.id, 'restart');
    expect(e.repo.app(app.id)).toMatchObject({
      status: 'failed',
      lastError: 'Could not restart the app: connect ENOENT /var/run/docker.sock',
      containerId: null,
      hostPort: null,
    });
  });

  it('start whose container crashes again fails the app with the crash reason', async () => {
    const { app, dep } = await servingApp();
    await e.runtime.control(app.id, 'stop');
    e.driver.readiness.set(dep.id, { kind: 'crashes', exitCode: 137, logs: ['Killed'] });
    await e.runtime.control(app.id, 'start');
    const now = e.repo.app(app.id);
    expect(now.status).toBe('failed');
    expect(now.lastError).toMatch(
      /^The app exited with code 137 and was restarted 3 times without staying up\. Last log lines:\nKilled$/,
    );
  });

  it('waits while another worker holds the app’s lease and touches nothing until it is released', async () => {
    const { app } = await servingApp();
    const release = e.lease.holdByOther(app.id);
    const calls = e.driver.calls.length;
    const stopping = e.runtime.control(app.id, 'stop');
    await new Promise((r) => setTimeout(r, 30));
    expect(e.driver.calls.length).toBe(calls);
    expect(e.repo.app(app.id).status).toBe('running');
    release();
    await stopping;
    expect(e.repo.app(app.id).status).toBe('stopped');
    expect(e.lease.waits).toBeGreaterThan(0);
  });

  it('gives up when the lease is never released, having changed nothing', async () => {
    const { app } = await servingApp();
    e.lease.holdByOther(app.id);
    await expect(e.runtime.control(app.id, 'stop')).rejects.toThrow(/stayed locked by another step/);
    expect(e.repo.app(app.id).status).toBe('running');
    expect(e.driver.workloads.get(app.containerId!)!.state.running).toBe(true);
  });

  it('a control for a deleted app does nothing', async () => {
    await e.runtime.control('00000000-0000-7000-8000-0000000fffff', 'start');
    expect(e.driver.calls).toEqual([]);
  });
});

describe('PaasRuntime.onContainerDeath', () => {
  it('a crash of the serving container with its restarts used up fails the app and the deployment with the last log lines', async () => {
    const { app, dep } = await servingApp();
    const event = e.driver.kill(app.containerId!, { exitCode: 1, logs: ['TypeError: x is not a function'] });
    expect(await e.runtime.onContainerDeath(event)).toBe('crashed');
    const reason =
      'The app exited with code 1 and was restarted 3 times without staying up. Last log lines:\nTypeError: x is not a function';
    expect(e.repo.app(app.id)).toMatchObject({ status: 'failed', lastError: reason });
    expect(e.repo.deployment(dep.id)).toMatchObject({ status: 'failed', reason });
    expect(e.repo.deployment(dep.id).log).toContain(reason);
  });

  it('an out-of-memory kill says so', async () => {
    const { app } = await servingApp();
    const event = e.driver.kill(app.containerId!, { exitCode: 137, oomKilled: true });
    await e.runtime.onContainerDeath(event);
    expect(e.repo.app(app.id).lastError).toMatch(
      /^The app was killed for using more than its memory limit \(exit code 137\)/,
    );
  });

  it('a container Docker is restarting stays running and its new port is followed', async () => {
    const { app } = await servingApp();
    const event = e.driver.kill(app.containerId!, { exitCode: 1, restarting: true });
    setTimeout(() => void e.driver.start(app.containerId!), 20);
    expect(await e.runtime.onContainerDeath(event)).toBe('restarting');
    const now = e.repo.app(app.id);
    expect(now.status).toBe('running');
    expect(now.hostPort).toBe(e.driver.workloads.get(app.containerId!)!.state.hostPort);
    expect(now.hostPort).not.toBe(app.hostPort);
  });

  it('a container stopped by a signal is not a crash, and the engine is not asked (it may be going down)', async () => {
    const { app } = await servingApp();
    const event = e.driver.kill(app.containerId!, { exitCode: 143, signalled: true });
    e.driver.unreachable = true;
    expect(await e.runtime.onContainerDeath(event)).toBe('stopped');
    expect(e.repo.app(app.id).status).toBe('running');
  });

  it('the death of a container that no longer serves (a retired one, another deployment) is ignored', async () => {
    const first = await servingApp();
    const next = e.repo.addDeployment(first.app.id);
    await e.pipeline.run(next.id);
    expect(
      await e.runtime.onContainerDeath({
        containerId: first.app.containerId!,
        appId: first.app.id,
        deploymentId: first.dep.id,
      }),
    ).toBe('ignored');
    expect(e.repo.app(first.app.id).status).toBe('running');
  });
});

describe('PaasRuntime.destroy', () => {
  it('removes the app’s workloads, images and networks and nothing of another app', async () => {
    const mine = await servingApp();
    const theirs = await servingApp();
    e.driver.networks.push(
      { name: 'ov-a', appId: mine.app.id, role: 'current', inUse: true },
      { name: 'ov-b', appId: theirs.app.id, role: 'current', inUse: true },
    );
    const removed = await e.runtime.destroy(mine.app.id);
    expect(removed).toEqual({ containers: 1, images: 1 });
    expect([...e.driver.workloads.keys()]).toEqual([theirs.app.containerId]);
    expect([...e.docker.images.values()].map((i) => i.appId)).toEqual([theirs.app.id]);
    expect(e.driver.networks.map((n) => n.name)).toEqual(['ov-b']);
  });
});

describe('PaasReconciler', () => {
  let workDir: string;

  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'ov-reconcile-'));
    e = fakePaasEngine({ workDir, reconcile: { staleAfterMs: 60_000 } });
  });

  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  const old = (ms: number) => new Date(Date.now() - ms);

  it('fails deployments a dead worker abandoned; the app fails only when nothing else serves it', async () => {
    const lonely = e.repo.addApp({ status: 'building' });
    const staleA = e.repo.addDeployment(lonely.id, { status: 'building', updatedAt: old(120_000) });
    const served = await servingApp();
    const staleB = e.repo.addDeployment(served.app.id, { status: 'cloning', updatedAt: old(120_000) });
    const fresh = e.repo.addDeployment(served.app.id, { status: 'detecting' });
    const report = await e.reconciler.run();
    expect(report.failedStale).toBe(2);
    expect(e.repo.deployment(staleA.id)).toMatchObject({
      status: 'failed',
      reason: 'The worker stopped during this deployment; deploy again.',
    });
    expect(e.repo.app(lonely.id)).toMatchObject({
      status: 'failed',
      lastError: 'The worker stopped during this deployment; deploy again.',
    });
    expect(e.repo.deployment(staleB.id).status).toBe('failed');
    expect(e.repo.app(served.app.id).status).toBe('running');
    expect(e.repo.deployment(fresh.id).status).toBe('detecting');
    expect(e.logs.ended.get(staleA.id)).toBe('failed');
  });

  it('requeues queued deployments whose job was lost (older than a minute), not fresh ones', async () => {
    const app = e.repo.addApp();
    const lost = e.repo.addDeployment(app.id, { updatedAt: old(120_000) });
    e.repo.addDeployment(app.id);
    expect((await e.reconciler.run()).requeued).toBe(1);
    expect(e.requeued).toEqual([lost.id]);
  });

  it('supersedes a deployment still marked running that the app no longer points at (worker died during the switch)', async () => {
    const { app, dep } = await servingApp();
    const leftover = e.repo.addDeployment(app.id, { status: 'running' });
    expect((await e.reconciler.run()).superseded).toBe(1);
    expect(e.repo.deployment(leftover.id).status).toBe('superseded');
    expect(e.repo.deployment(dep.id).status).toBe('running');
  });

  it('marks an app whose container vanished as failed, naming the cause', async () => {
    const { app, dep } = await servingApp();
    e.driver.workloads.delete(app.containerId!);
    expect((await e.reconciler.run()).crashed).toBe(1);
    const reason = 'The app container disappeared (removed outside OmerVision). Deploy or start the app again.';
    expect(e.repo.app(app.id)).toMatchObject({ status: 'failed', lastError: reason });
    expect(e.repo.deployment(dep.id)).toMatchObject({ status: 'failed', reason });
  });

  it('starts a container stopped with restarts left (daemon restart, docker stop by hand)', async () => {
    const { app } = await servingApp();
    await e.driver.stop(app.containerId!);
    e.driver.workloads.get(app.containerId!)!.state.restartCount = 0;
    expect((await e.reconciler.run()).restarted).toBe(1);
    const now = e.repo.app(app.id);
    expect(now.status).toBe('running');
    expect(e.driver.workloads.get(now.containerId!)!.state.running).toBe(true);
  });

  it('fails a container that exited with its restarts used up, and fixes a port that moved', async () => {
    const crashed = await servingApp();
    const moved = await servingApp();
    e.driver.kill(crashed.app.containerId!, { exitCode: 2 });
    e.driver.workloads.get(moved.app.containerId!)!.state.hostPort = 49_999;
    const report = await e.reconciler.run();
    expect(report).toMatchObject({ crashed: 1, portsFixed: 1 });
    expect(e.repo.app(crashed.app.id).lastError).toMatch(/^The app exited with code 2/);
    expect(e.repo.app(moved.app.id).hostPort).toBe(49_999);
  });

  it('an unreachable engine is not a vanished container: the run fails and no app is marked crashed', async () => {
    const { app, dep } = await servingApp();
    e.driver.unreachable = true;
    await expect(e.reconciler.run()).rejects.toThrow(/ENOENT/);
    expect(e.repo.app(app.id)).toMatchObject({ status: 'running', lastError: null });
    expect(e.repo.deployment(dep.id).status).toBe('running');
  });

  it('removes workloads, images, networks and checkouts of deleted apps; keeps a working deployment’s and the newest images', async () => {
    const { app, dep } = await servingApp();
    const gone = await servingApp();
    const working = e.repo.addDeployment(app.id, { status: 'building' });
    await e.repo.deleteApp(gone.app.id);
    // A container of a live app that nothing uses any more (its retire never ran) and one of a deployment still building.
    const leftover = await e.driver.run({
      app,
      deploymentId: '00000000-0000-7000-8000-00000000dead',
      imageId: 'x',
      port: 8080,
      detectedType: 'node',
    });
    const building = await e.driver.run({
      app,
      deploymentId: working.id,
      imageId: 'y',
      port: 8080,
      detectedType: 'node',
    });
    const oldImages = [1, 2, 3].map((n) => e.docker.addImage(app.id, `old-${n}`, n));
    const workingImage = e.docker.addImage(app.id, working.id, 0);
    e.driver.networks.push(
      { name: 'ov-gone', appId: gone.app.id, role: 'current', inUse: false },
      { name: 'ov-legacy-busy', appId: app.id, role: 'legacy', inUse: true },
      { name: 'ov-legacy-free', appId: app.id, role: 'legacy', inUse: false },
      { name: 'not-ours', appId: gone.app.id, role: 'current', inUse: false },
    );
    e.driver.networkRole = (name) =>
      name === 'not-ours' ? null : (e.driver.networks.find((n) => n.name === name)?.role ?? null);
    await mkdir(join(workDir, gone.app.id));
    await mkdir(join(workDir, app.id));
    await mkdir(join(workDir, 'tmp-not-an-app'));
    e.git.removed = [];
    const report = await e.reconciler.run();
    expect(report.removedContainers).toBe(2);
    expect([...e.driver.workloads.keys()].sort()).toEqual([app.containerId, building].sort());
    expect(e.driver.workloads.has(leftover)).toBe(false);
    // keepImages = 2: the serving image and the working one stay (both in use), older ones and the deleted app's go.
    expect(e.docker.images.has(dep.imageId!)).toBe(true);
    expect(e.docker.images.has(workingImage)).toBe(true);
    for (const id of oldImages) expect(e.docker.images.has(id)).toBe(false);
    expect([...e.docker.images.values()].some((i) => i.appId === gone.app.id)).toBe(false);
    expect(e.driver.networks.map((n) => n.name).sort()).toEqual(['not-ours', 'ov-legacy-busy']);
    expect(e.git.removed).toEqual([`${workDir}/${gone.app.id}`]);
    expect(e.driver.healed).toBe(1);
  });
});
