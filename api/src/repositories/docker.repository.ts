import { sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import Docker from 'dockerode';
import tar from 'tar-fs';
import { LineSplitter, readFrames, splitLines } from './engine-streams.js';
import type { RawStats } from '../domain/paas/app-metrics.js';
import { LABEL, type ContainerSpec } from '../domain/paas/engine-spec.js';

/** Engine stream parsing lives in engine-streams.ts; the Swarm driver takes readFrames from here. */
export { readFrames } from './engine-streams.js';

/** What the engine needs to know about a container. */
export interface ContainerState {
  id: string;
  running: boolean;
  /** Docker's status: created, running, restarting, exited, dead, paused. */
  status: string;
  restartCount: number;
  exitCode: number;
  /** The 127.0.0.1 port published for the app's port, when running. */
  hostPort: number | null;
  oomKilled: boolean;
}

export interface ManagedObject {
  id: string;
  appId: string;
  deploymentId?: string;
  created: number;
}

export interface ManagedImage {
  id: string;
  appId: string;
  /** Deployments whose tag points at this image (several after unchanged redeploys). */
  deploymentIds: string[];
  tags: string[];
  created: number;
}

export class BuildFailure extends Error {}

export interface ImageInfo {
  id: string;
  /** Exposed TCP ports. */
  ports: number[];
  /** The image's USER ('' = root). */
  user: string;
  /** ONBUILD triggers a build FROM this image would run. */
  onBuild: string[];
  size: number;
}

export interface BuildOptions {
  tag: string;
  labels: Record<string, string>;
  timeoutMs: number;
  limits: { memoryBytes: number; cpuQuota: number };
  /** The network RUN steps use (the sandboxed build network). */
  networkMode?: string;
  /** A cgroup above every RUN container (pids cap). */
  cgroupParent?: string;
  maxContextBytes?: number;
  signal?: AbortSignal;
  /** Build every step afresh (the retry after a cache parent vanished). */
  noCache?: boolean;
  /** Build args (the proxy settings: predefined args, not kept in the image). */
  buildArgs?: Record<string, string>;
}

/** What the sandbox needs to know about the engine. */
export interface EngineInfo {
  cgroupDriver: string;
  cgroupVersion: '1' | '2';
  rootDir: string;
}

/** A managed container exited; `signalled`: a kill signal sent through Docker came first (a stop, not a crash). */
export interface DeathEvent {
  containerId: string;
  appId: string;
  deploymentId: string;
  signalled: boolean;
}

/**
 * Docker Engine through dockerode: the only code that talks to Docker. Never a shell string; builds
 * get a tar stream of the context and stream their output back line by line.
 */
export class DockerRepository {
  /** `instance`: this installation's id; only objects labelled with it are listed or watched. */
  constructor(
    readonly instance: string,
    private readonly docker: Docker = new Docker(),
  ) {}

  private get managedFilter(): string {
    return `${LABEL.managed}=${this.instance}`;
  }

  async ping(): Promise<void> {
    await this.docker.ping();
  }

  /** Bytes a container has written to its writable layer (`docker ps --size`), or undefined when it is gone. */
  async writableBytes(id: string): Promise<number | undefined> {
    try {
      const info = (await this.docker.getContainer(id).inspect({ size: true } as Docker.ContainerInspectOptions)) as {
        SizeRw?: number;
      };
      return info.SizeRw ?? 0;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async engineInfo(): Promise<EngineInfo> {
    const info = (await this.docker.info()) as {
      CgroupDriver?: string;
      CgroupVersion?: string;
      DockerRootDir?: string;
    };
    return {
      cgroupDriver: info.CgroupDriver ?? 'cgroupfs',
      cgroupVersion: info.CgroupVersion === '2' ? '2' : '1',
      rootDir: info.DockerRootDir ?? '/var/lib/docker',
    };
  }

  async imageInfo(ref: string): Promise<ImageInfo | undefined> {
    try {
      const info = await this.docker.getImage(ref).inspect();
      const ports = Object.keys(info.Config?.ExposedPorts ?? {})
        .filter((p) => p.endsWith('/tcp'))
        .map((p) => Number.parseInt(p, 10))
        .filter((p) => Number.isInteger(p));
      return {
        id: info.Id,
        ports,
        user: info.Config?.User ?? '',
        onBuild: info.Config?.OnBuild ?? [],
        size: info.Size,
      };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** Pulls an image; rejects on a registry error or after `timeoutMs`. */
  async pull(ref: string, timeoutMs: number): Promise<void> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const stream = (await this.docker.pull(ref, { abortSignal: abort.signal })) as Readable;
      await new Promise<void>((resolve, reject) => {
        this.docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve()));
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Builds `dockerfile` in `contextDir` (sent as a tar stream without any `.git` directory) and tags
   * it, with the classic builder: its RUN steps are containers on `networkMode`, under
   * `cgroupParent` when given. Every output line goes to `onLine`; the build is cancelled after
   * `timeoutMs`, when the context grows past `maxContextBytes`, or when `signal` aborts (its reason's
   * message becomes the failure).
   */
  async build(contextDir: string, options: BuildOptions, onLine: (line: string) => void): Promise<string> {
    const abort = new AbortController();
    const stop = (message: string) => {
      if (!abort.signal.aborted) abort.abort(new BuildFailure(message));
    };
    const timer = setTimeout(
      () => stop(`the build took longer than ${Math.round(options.timeoutMs / 1000)} s and was cancelled`),
      options.timeoutMs,
    );
    const onExternal = () => stop((options.signal?.reason as Error | undefined)?.message ?? 'the build was cancelled');
    options.signal?.addEventListener('abort', onExternal, { once: true });
    let sent = 0;
    const context = tar.pack(contextDir, { ignore: (name) => name.split(sep).includes('.git') });
    const counted = context.pipe(
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          sent += chunk.length;
          if (options.maxContextBytes !== undefined && sent > options.maxContextBytes) {
            stop(
              `the build context is larger than ${Math.round(options.maxContextBytes / 1024 / 1024)} MB (add a .dockerignore, or raise PAAS_BUILD_CONTEXT_MB)`,
            );
            done();
            return;
          }
          done(null, chunk);
        },
      }),
    );
    let imageId: string | undefined;
    let failure: string | undefined;
    const output = new LineSplitter();
    const emit = (text: string) => {
      for (const line of output.push(text)) onLine(line);
    };
    try {
      const stream = (await this.docker.buildImage(
        counted as unknown as NodeJS.ReadableStream,
        {
          t: options.tag,
          labels: options.labels,
          rm: true,
          forcerm: true,
          pull: false,
          memory: options.limits.memoryBytes,
          memswap: options.limits.memoryBytes,
          cpuquota: options.limits.cpuQuota,
          cpuperiod: 100_000,
          ...(options.networkMode ? { networkmode: options.networkMode } : {}),
          ...(options.cgroupParent ? { cgroupparent: options.cgroupParent } : {}),
          ...(options.noCache ? { nocache: true } : {}),
          ...(options.buildArgs && Object.keys(options.buildArgs).length ? { buildargs: options.buildArgs } : {}),
          abortSignal: abort.signal,
        } as Docker.ImageBuildOptions,
      )) as Readable;
      await new Promise<void>((resolve, reject) => {
        const ndjson = new LineSplitter();
        abort.signal.addEventListener('abort', () => stream.destroy(), { once: true });
        stream.on('data', (chunk: Buffer) => {
          for (const line of ndjson.push(chunk)) {
            const raw = line.trim();
            if (!raw) continue;
            let msg: { stream?: string; error?: string; aux?: { ID?: string }; status?: string };
            try {
              msg = JSON.parse(raw) as typeof msg;
            } catch {
              emit(`${raw}\n`);
              continue;
            }
            if (msg.stream) emit(msg.stream);
            if (msg.status) emit(`${msg.status}\n`);
            if (msg.aux?.ID) imageId = msg.aux.ID;
            if (msg.error) failure = msg.error.trim();
          }
        });
        stream.on('end', resolve);
        stream.on('close', resolve);
        stream.on('error', reject);
      });
    } catch (err) {
      if (abort.signal.aborted) throw abort.signal.reason as BuildFailure;
      throw err;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onExternal);
      for (const line of output.end()) onLine(line);
    }
    if (abort.signal.aborted) throw abort.signal.reason as BuildFailure;
    if (failure) throw new BuildFailure(failure);
    imageId ??= (await this.imageInfo(options.tag))?.id;
    if (!imageId) throw new BuildFailure('the build finished without producing an image');
    return imageId;
  }

  async ensureNetwork(spec: { Name: string } & Record<string, unknown>): Promise<void> {
    try {
      await this.docker.getNetwork(spec.Name).inspect();
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      try {
        await this.docker.createNetwork(spec as unknown as Docker.NetworkCreateOptions);
      } catch (createErr) {
        if (statusOf(createErr) !== 409) throw createErr; // created concurrently
      }
    }
  }

  /** Removes a network; `ifUnused`: one still in use by a container stays. True when it was removed. */
  async removeNetwork(name: string, options: { ifUnused?: boolean } = {}): Promise<boolean> {
    try {
      await this.docker.getNetwork(name).remove();
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      if (options.ifUnused && (statusOf(err) === 403 || statusOf(err) === 409)) return false;
      throw err;
    }
  }

  /** Creates and starts a container; resolves once Docker reports it started. */
  async run(spec: ContainerSpec): Promise<string> {
    const container = await this.docker.createContainer(spec as unknown as Docker.ContainerCreateOptions);
    try {
      await container.start();
    } catch (err) {
      await ignoreMissing(container.remove({ force: true }));
      throw err;
    }
    return container.id;
  }

  async state(id: string): Promise<ContainerState | undefined> {
    try {
      const info = await this.docker.getContainer(id).inspect();
      const binding = Object.values(info.NetworkSettings?.Ports ?? {})
        .flat()
        .find((b) => b?.HostIp === '127.0.0.1' || b?.HostIp === '');
      return {
        id: info.Id,
        running: info.State.Running,
        status: info.State.Status,
        restartCount: info.RestartCount ?? 0,
        exitCode: info.State.ExitCode,
        hostPort: binding?.HostPort ? Number(binding.HostPort) : null,
        oomKilled: info.State.OOMKilled,
      };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** The last `lines` lines of stdout and stderr, interleaved as Docker stored them. */
  async logTail(id: string, lines: number): Promise<string[]> {
    try {
      const raw = (await this.docker
        .getContainer(id)
        .logs({ stdout: true, stderr: true, tail: lines, follow: false })) as unknown as Buffer;
      return splitLines(demux(raw))
        .filter((l) => l.length > 0)
        .slice(-lines);
    } catch (err) {
      if (statusOf(err) === 404) return [];
      throw err;
    }
  }

  async start(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).start();
    } catch (err) {
      if (statusOf(err) !== 304) throw err; // already running
    }
  }

  async stop(id: string, graceSeconds = 10): Promise<void> {
    try {
      await this.docker.getContainer(id).stop({ t: graceSeconds });
    } catch (err) {
      if (statusOf(err) !== 304 && statusOf(err) !== 404) throw err;
    }
  }

  async restart(id: string): Promise<void> {
    await this.docker.getContainer(id).restart({ t: 10 });
  }

  async remove(id: string): Promise<void> {
    await ignoreMissing(this.docker.getContainer(id).remove({ force: true, v: true }));
  }

  /**
   * Removes an image by untagging each of its tags (an unchanged redeploy reuses the previous image
   * under a second tag; removing by id would refuse an image with several tags), then by id. An
   * image a container still uses stays (409). Parent layers are kept (`noprune`): a build running
   * now may have just taken them from the cache for another app, and the reconcile run prunes them
   * once dangling for a day. Only the untagged parents carrying this app's label (the builder's
   * LABEL steps, which no other app's build can reuse) go with the image.
   */
  async removeImage(image: Pick<ManagedImage, 'id' | 'tags' | 'appId'>): Promise<void> {
    const parentOf = async (ref: string) => {
      try {
        return (await this.docker.getImage(ref).inspect()).Parent || undefined;
      } catch (err) {
        if (statusOf(err) === 404) return undefined;
        throw err;
      }
    };
    let parent = await parentOf(image.id);
    for (const ref of [...image.tags, image.id]) {
      if (!(await this.removeRef(ref))) return; // still used by a container, or by another tag
    }
    while (parent) {
      const info = await this.docker
        .getImage(parent)
        .inspect()
        .catch(() => undefined);
      if (
        !info ||
        (info.RepoTags ?? []).some((t) => t !== '<none>:<none>') ||
        info.Config?.Labels?.[LABEL.app] !== image.appId
      )
        return;
      const next = info.Parent || undefined;
      if (!(await this.removeRef(info.Id))) return;
      parent = next;
    }
  }

  /** Deletes one image reference without its parents; false when the engine keeps it (in use: 409). */
  private async removeRef(ref: string): Promise<boolean> {
    try {
      await this.docker.getImage(ref).remove({ force: false, noprune: true });
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return true;
      if (statusOf(err) === 409) return false;
      throw err;
    }
  }

  /**
   * Removes dangling images older than `hours` — with the classic builder, the layers failed or
   * cancelled builds leave — and BuildKit's cache of the same age. Returns the bytes reclaimed.
   */
  async pruneBuildCache(hours: number): Promise<number> {
    const images = await this.docker.pruneImages({
      filters: { dangling: { true: true }, until: { [`${hours}h`]: true } },
    });
    const builder = await this.docker
      .pruneBuilder({ filters: { until: [`${hours}h`] } } as Docker.PruneBuilderOptions)
      .catch(() => ({ SpaceReclaimed: 0 })); // BuildKit unused or absent
    return (images.SpaceReclaimed ?? 0) + ((builder as { SpaceReclaimed?: number }).SpaceReclaimed ?? 0);
  }

  async managedContainers(): Promise<(ManagedObject & { state: string })[]> {
    const list = await this.docker.listContainers({ all: true, filters: { label: [this.managedFilter] } });
    return list.map((c) => ({
      id: c.Id,
      appId: c.Labels[LABEL.app] ?? '',
      deploymentId: c.Labels[LABEL.deployment],
      created: c.Created,
      state: c.State,
    }));
  }

  /**
   * Images this instance built. Which deployments use one comes from its tags (`ov-paas/<slug>:<deployment id>`):
   * images carry no per-deployment label, so an unchanged redeploy is served entirely from the
   * build cache and shares the previous image. (Images built before that still carry the label.)
   */
  async managedImages(): Promise<ManagedImage[]> {
    const list = await this.docker.listImages({ filters: { label: [this.managedFilter] } });
    return list.map((i) => {
      // `ov-paas/<slug>:<deployment>`, and the swarm driver's `<registry>/ov-paas/<slug>:<deployment>` when one is left.
      const tags = (i.RepoTags ?? []).filter((t) => t.startsWith('ov-paas/') || t.includes('/ov-paas/'));
      const fromTags = tags.map((t) => t.slice(t.lastIndexOf(':') + 1)).filter((d) => /^[0-9a-f-]{36}$/.test(d));
      const legacy = i.Labels?.[LABEL.deployment];
      return {
        id: i.Id,
        appId: i.Labels?.[LABEL.app] ?? '',
        deploymentIds: [...new Set([...fromTags, ...(legacy ? [legacy] : [])])],
        tags,
        created: i.Created,
      };
    });
  }

  async managedNetworks(): Promise<{ name: string; appId: string }[]> {
    const list = await this.docker.listNetworks({ filters: { label: [this.managedFilter] } });
    return list.map((n) => ({ name: n.Name, appId: n.Labels?.[LABEL.app] ?? '' }));
  }

  /**
   * Calls `onDie` whenever a managed container exits (crash, OOM kill, stop), with `signalled` when a
   * kill signal sent through Docker preceded the exit (docker stop/kill, or the daemon stopping every
   * container on its way down): a stop, not a crash. Reports a break of the event stream to
   * `onError`, reconnects and calls `onConnected(true)` once it is back (the engine may have
   * restarted meanwhile); returns a function that stops watching.
   */
  watchDeaths(
    onDie: (event: DeathEvent) => void,
    onError: (err: Error) => void,
    onConnected: (reconnected: boolean) => void = () => undefined,
  ): () => void {
    let stopped = false;
    let connections = 0;
    let current: Readable | undefined;
    let retry: NodeJS.Timeout | undefined;
    const killed = new Map<string, number>();
    const connect = async () => {
      try {
        const stream = (await this.docker.getEvents({
          filters: { type: ['container'], event: ['kill', 'die'], label: [this.managedFilter] },
        })) as unknown as Readable;
        if (stopped) return stream.destroy();
        current = stream;
        onConnected(connections++ > 0);
        const ndjson = new LineSplitter();
        stream.on('data', (chunk: Buffer) => {
          for (const raw of ndjson.push(chunk)) {
            try {
              const evt = JSON.parse(raw) as {
                id: string;
                Action?: string;
                status?: string;
                Actor?: { Attributes?: Record<string, string> };
              };
              const action = evt.Action ?? evt.status;
              const now = Date.now();
              for (const [id, at] of killed) if (now - at > 60_000) killed.delete(id);
              if (action === 'kill') {
                killed.set(evt.id, now);
                continue;
              }
              const attrs = evt.Actor?.Attributes ?? {};
              const signalled = killed.delete(evt.id);
              onDie({
                containerId: evt.id,
                appId: attrs[LABEL.app] ?? '',
                deploymentId: attrs[LABEL.deployment] ?? '',
                signalled,
              });
            } catch {
              // a partial or foreign line: nothing to act on
            }
          }
        });
        let broken = false;
        const broke = (err: Error) => {
          if (stopped || broken) return; // 'error' and 'end' may both come: one reconnection
          broken = true;
          onError(err);
          retry = setTimeout(() => void connect(), 2000);
        };
        stream.on('end', () => broke(new Error('the event stream ended')));
        stream.on('error', broke);
      } catch (err) {
        onError(err as Error);
        if (!stopped) retry = setTimeout(() => void connect(), 5000);
      }
    };
    void connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      current?.destroy();
    };
  }

  /**
   * Follows a container's output like `docker logs --follow --timestamps` until the container stops,
   * `signal` aborts or the connection breaks, handing each log message (one frame of the multiplexed
   * stream, with its timestamp prefix) to `onMessage` with the stream it came from. `since`
   * (seconds.nanoseconds) or `tail` choose where it starts. A missing container ends it at once.
   */
  async followLogs(
    id: string,
    from: { since?: string; tail?: number },
    onMessage: (stream: 'stdout' | 'stderr', message: string) => void,
    signal: AbortSignal,
  ): Promise<void> {
    let stream: Readable;
    try {
      stream = (await this.docker.getContainer(id).logs({
        follow: true,
        stdout: true,
        stderr: true,
        timestamps: true,
        abortSignal: signal,
        ...(from.since !== undefined ? { since: from.since } : {}),
        ...(from.tail !== undefined ? { tail: from.tail } : {}),
      })) as unknown as Readable;
    } catch (err) {
      if (statusOf(err) === 404 || signal.aborted) return;
      throw err;
    }
    await readFrames(stream, onMessage, signal);
  }

  /**
   * One stats reading of a container (`docker stats --no-stream`: includes the previous CPU reading);
   * undefined when it is gone. Given up after `timeoutMs` (a container exiting meanwhile can leave it unanswered).
   */
  async stats(id: string, timeoutMs = 10_000): Promise<RawStats | undefined> {
    try {
      const options = { stream: false, abortSignal: AbortSignal.timeout(timeoutMs) } as { stream: false };
      return (await this.docker.getContainer(id).stats(options)) as unknown as RawStats;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }
}

/** Docker's multiplexed log format: 8-byte frame headers (stream, 0, 0, 0, size BE32) before each payload. */
export function demux(raw: Buffer | string): string {
  if (typeof raw === 'string') return raw;
  const out: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= raw.length) {
    const size = raw.readUInt32BE(offset + 4);
    if (raw[offset]! > 2 || raw[offset + 1] !== 0) return raw.toString('utf8'); // not multiplexed (TTY)
    out.push(raw.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(out).toString('utf8');
}

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number }).statusCode;
}

async function ignoreMissing(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
}
