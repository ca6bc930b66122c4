import Docker from 'dockerode';
import { LABEL } from '../../src/services/paas/container-spec.js';
import { testDatabaseUrl, testEnv } from '../env.js';
import { eventually, exitOf, spawnEntry } from '../harness.js';

/**
 * Worker processes for the crash tests: real `src/worker.ts` children (kill -9 needs a process of
 * its own), all on one Redis prefix so the in-process API produces the jobs they consume.
 */
export type WorkerProcess = ReturnType<typeof spawnEntry>;

export const PAAS_STATIC_IMAGE = 'omervision/paas-static:local';

export function crashWorkers(label: string, settings: Record<string, string> = {}) {
  const env = testEnv();
  const prefix = `${env.REDIS_KEY_PREFIX}${label}${Date.now()}:`;
  const children: WorkerProcess[] = [];
  const base = () => ({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    REDIS_KEY_PREFIX: prefix,
    LOG_LEVEL: 'info',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    QUEUE_STALL_INTERVAL_MS: '1000',
    ...settings,
  });
  return {
    prefix,
    /** The API's overrides: the same prefix (its queues are the workers') and the same settings. */
    apiOverrides: { REDIS_KEY_PREFIX: prefix, ...settings },
    async start(extra: Record<string, string> = {}): Promise<WorkerProcess> {
      const child = spawnEntry('worker', { ...base(), ...extra });
      children.push(child);
      await eventually(
        async () => {
          if (child.exitCode !== null)
            throw new Error(`worker exited with ${child.exitCode}:\n${child.output().slice(-2000)}`);
          return child.output().includes('worker started');
        },
        30_000,
        100,
      );
      return child;
    },
    async kill9(child: WorkerProcess): Promise<void> {
      child.kill('SIGKILL');
      await exitOf(child);
    },
    /** A clean stop (SIGTERM); resolves with the exit code. */
    async stop(child: WorkerProcess): Promise<number | null> {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exitOf(child, 30_000);
    },
    alive: () => children.filter((c) => c.exitCode === null && c.signalCode === null),
    killAll() {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    },
  };
}

/** What Docker holds for one app of one installation (containers with their state, images). */
export async function dockerTruth(docker: Docker, instance: string, appId: string) {
  const label = [`${LABEL.managed}=${instance}`, `${LABEL.app}=${appId}`];
  const containers = await docker.listContainers({ all: true, filters: { label } });
  const images = await docker.listImages({ filters: { label } });
  return {
    containers: containers.map((c) => ({ id: c.Id, state: c.State, deploymentId: c.Labels[LABEL.deployment] ?? '' })),
    // An image names its deployments in its tags (ov-paas/<slug>:<deployment id>); an unchanged redeploy adds a tag.
    images: images.map((i) => ({
      id: i.Id,
      deploymentIds: (i.RepoTags ?? [])
        .filter((t) => t.startsWith('ov-paas/'))
        .map((t) => t.slice(t.lastIndexOf(':') + 1)),
      tags: i.RepoTags ?? [],
    })),
  };
}

/** Removes everything labelled with this installation id (cleanup when the product could not). */
export async function removeInstance(docker: Docker, instance: string): Promise<number> {
  const label = [`${LABEL.managed}=${instance}`];
  let removed = 0;
  for (const c of await docker.listContainers({ all: true, filters: { label } })) {
    await docker
      .getContainer(c.Id)
      .remove({ force: true })
      .catch(() => undefined);
    removed++;
  }
  for (const i of await docker.listImages({ filters: { label } })) {
    await docker
      .getImage(i.Id)
      .remove({ force: true })
      .catch(() => undefined);
    removed++;
  }
  for (const n of await docker.listNetworks({ filters: { label } })) {
    await docker
      .getNetwork(n.Id)
      .remove()
      .catch(() => undefined);
    removed++;
  }
  return removed;
}

/** The published 127.0.0.1 port of a running container, from Docker itself. */
export async function publishedPort(docker: Docker, containerId: string): Promise<number | null> {
  const info = await docker.getContainer(containerId).inspect();
  const binding = Object.values(info.NetworkSettings?.Ports ?? {})
    .flat()
    .find((b) => b?.HostIp === '127.0.0.1');
  return binding?.HostPort ? Number(binding.HostPort) : null;
}
