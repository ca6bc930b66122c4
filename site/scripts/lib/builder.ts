import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BuildRecords } from './build-records.ts';
import { changedPaths, exists, processRelease, type ReleaseManifest } from './release-files.ts';
import type { ReleaseStore } from './releases.ts';
import { ResidentRenderer } from './resident/client.ts';
import type { RenderResult } from './resident/protocol.ts';

export interface BuilderOptions {
  siteRoot: string;
  releases: ReleaseStore;
  records: BuildRecords;
  /** SITE_URL, PUBLIC_API_URL, SITE_API_URL… for astro build. */
  buildEnv: Record<string, string>;
  builderKey: () => string | undefined;
  purge?: { url: string; token?: string };
  timeoutMs: number;
  /**
   * Keep a resident renderer (scripts/renderer.ts) between builds: the first build is a full astro
   * build, later ones render only the changed pages and patch the live release. Off: one `astro build`
   * child per build.
   */
  resident?: { maxRssMb: number };
  /** Called after `current` points at a new release (the server reloads its manifest). */
  onLive: (id: string) => Promise<void>;
  log: (line: string) => void;
}

export interface BuildOutcome {
  status: 'succeeded' | 'failed';
  release: string | null;
  buildId: string | null;
  durationMs: number;
  pagesBuilt: number;
  pagesSkipped: number;
  error?: string;
}

const MAX_LOG = 900_000;
// eslint-disable-next-line no-control-regex -- terminal colour codes are what this strips
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * One build: astro build into staging → hash, precompress, manifest → rename into releases/<id> →
 * share hashed assets → swap `current` → purge the CDN → prune → record. Anything failing before
 * the swap leaves the live release untouched; the record says why.
 */
export class Builder {
  private child: ChildProcess | null = null;
  private resident: ResidentRenderer | null = null;
  /** The release the resident renderer's memory matches; a warm build patches only that one. */
  private residentRelease: string | null = null;
  /** The newest modification time among the site's sources when the renderer's bundle was built. */
  private residentSources = 0;
  last: BuildOutcome | null = null;
  private building = false;

  constructor(private readonly o: BuilderOptions) {}

  get statePath(): string {
    return join(this.o.releases.root, '.building.json');
  }

  get childPid(): number | null {
    return this.child?.pid ?? (this.building ? this.resident?.pid : null) ?? null;
  }

  /** The resident renderer, when there is one: its pid, whether its next build is warm, its size after the last build. */
  get renderer(): { pid: number | null; warm: boolean; rssMb: number; release: string | null } | null {
    if (!this.o.resident) return null;
    return {
      pid: this.resident?.pid ?? null,
      warm: this.resident?.warm ?? false,
      rssMb: this.resident?.lastRssMb ?? 0,
      release: this.residentRelease,
    };
  }

  /** After a crash mid-build: the orphaned astro process goes, its record is closed as failed. */
  async recover(): Promise<void> {
    const state = await readFile(this.statePath, 'utf8').then(
      (t) => JSON.parse(t) as { buildId: string | null; pid?: number; live?: string },
      () => null,
    );
    if (state) {
      // Only our own orphan: the pid must still be an `astro build` (pids are reused).
      const cmdline = state.pid ? await readFile(`/proc/${state.pid}/cmdline`, 'utf8').catch(() => '') : '';
      if (state.pid && cmdline.includes('astro.mjs') && cmdline.includes('build')) {
        try {
          process.kill(state.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await this.o.records.update(
        state.buildId,
        state.live
          ? {
              status: 'succeeded',
              release: state.live,
              error: 'The builder stopped after this release went live; the log is incomplete.',
            }
          : { status: 'failed', error: 'The builder stopped during this build; the previous release stayed live.' },
      );
      await rm(this.statePath, { force: true });
    }
    await rm(this.o.releases.staging, { recursive: true, force: true });
  }

  async build(triggers: string[]): Promise<BuildOutcome> {
    const started = Date.now();
    const lines: string[] = [];
    const note = (m: string) => {
      lines.push(`[builder] ${m}`);
      this.o.log(m);
    };
    const trigger =
      triggers.length === 1 ? triggers[0]! : triggers.length ? `${triggers[0]}+${triggers.length - 1}` : 'webhook';
    const buildId = await this.o.records.open(trigger);
    const { releases } = this.o;
    const id = releases.newId();
    let outcome: BuildOutcome;
    note(`build ${id} (${triggers.join(', ') || 'webhook'})`);
    try {
      await rm(releases.staging, { recursive: true, force: true });
      let pagesBuilt: number;
      let pagesSkipped: number;
      let patch: { removed: string[] } | undefined;
      if (this.o.resident) {
        // A rebuild asked for by hand starts from nothing: a fresh renderer and a full build.
        const result = await this.runResident(lines, buildId, note, triggers.includes('manual'));
        pagesBuilt = result.pagesBuilt;
        pagesSkipped = result.pagesSkipped;
        if (result.mode === 'warm') patch = { removed: result.removed };
      } else {
        const astro = await this.runAstro(lines, buildId);
        pagesSkipped = (astro.match(/\((?:cached|restored)\)/g) ?? []).length;
        pagesBuilt = (astro.match(/├─/g) ?? []).length - pagesSkipped;
      }
      if (!patch)
        for (const required of ['index.html', '404.html']) {
          if (!(await exists(join(releases.staging, required)))) throw new Error(`astro build produced no ${required}`);
        }
      const liveId = await releases.current();
      const previous = liveId ? await releases.manifest(liveId) : null;
      const t1 = Date.now();
      const { manifest, stats } = await processRelease(
        releases.staging,
        id,
        previous && liveId ? { dir: releases.dir(liveId), manifest: previous } : null,
        patch,
      );
      if (patch) {
        for (const required of ['/index.html', '/404.html'])
          if (!manifest.files[required]) throw new Error(`the release would have no ${required.slice(1)}`);
        note(
          `${stats.files} files rendered: ${stats.compressed} compressed, ${stats.reused} identical; ${stats.carried} carried from ${liveId}, ${patch.removed.length} removed; in ${Date.now() - t1} ms`,
        );
      } else
        note(
          `${stats.files} files: ${stats.compressed} compressed (br+gzip), ${stats.reused} unchanged and linked from ${liveId ?? '-'} in ${Date.now() - t1} ms`,
        );
      await releases.adopt(id);
      await releases.shareAssets(id);
      await releases.activate(id);
      if (this.o.resident) this.residentRelease = id;
      await writeFile(this.statePath, JSON.stringify({ buildId, live: id }));
      await this.o.onLive(id);
      note(`live: current → ${id}`);
      await this.purge(changedPaths(previous, manifest), note);
      const removed = await releases.prune();
      if (removed.length) note(`pruned ${removed.join(', ')}`);
      outcome = {
        status: 'succeeded',
        release: id,
        buildId,
        durationMs: Date.now() - started,
        pagesBuilt,
        pagesSkipped,
      };
      note(`succeeded in ${outcome.durationMs} ms: ${outcome.pagesBuilt} pages built, ${pagesSkipped} skipped`);
    } catch (err) {
      await rm(releases.staging, { recursive: true, force: true }).catch(() => undefined);
      const error = (err as Error).message.slice(0, 1000);
      note(`failed: ${error} (the live release is unchanged)`);
      outcome = {
        status: 'failed',
        release: null,
        buildId,
        durationMs: Date.now() - started,
        pagesBuilt: 0,
        pagesSkipped: 0,
        error,
      };
    }
    let log = lines.join('\n');
    if (log.length > MAX_LOG) log = `…(${log.length - MAX_LOG} characters cut)\n${log.slice(-MAX_LOG)}`;
    await this.o.records.update(buildId, {
      status: outcome.status,
      durationMs: outcome.durationMs,
      pagesBuilt: outcome.pagesBuilt,
      pagesSkipped: outcome.pagesSkipped,
      log,
      ...(outcome.release ? { release: outcome.release } : {}),
      ...(outcome.error ? { error: outcome.error } : {}),
    });
    await rm(this.statePath, { force: true });
    this.last = outcome;
    return outcome;
  }

  /**
   * The resident renderer's part of a build. Warm (only the changed pages into staging) when its memory
   * matches the live release; otherwise, or when a warm build fails, a fresh renderer and a full build.
   */
  private async runResident(
    lines: string[],
    buildId: string | null,
    note: (m: string) => void,
    full: boolean,
  ): Promise<RenderResult> {
    const staging = this.o.releases.staging;
    this.resident ??= new ResidentRenderer({
      siteRoot: this.o.siteRoot,
      cwd: await this.workDir(),
      env: {
        ...this.o.buildEnv,
        SITE_OUT_DIR: staging,
        // Its own content-layer cache: the resident build reads no content through Astro.
        SITE_CACHE_DIR: join(this.o.releases.cacheDir, 'resident'),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        NODE_ENV: 'production',
        SITE_OFFLINE_BUILD: '',
      },
      timeoutMs: this.o.timeoutMs,
      maxRssMb: this.o.resident!.maxRssMb,
    });
    const renderer = this.resident;
    const live = await this.o.releases.current();
    const sources = await newestSource(this.o.siteRoot);
    const edited = sources > this.residentSources;
    const warm = !full && !edited && renderer.warm && live !== null && live === this.residentRelease;
    if (full) note('full build (asked for by hand)');
    else if (renderer.warm && edited) note('the site sources changed since the renderer was built: full build');
    else if (!warm && renderer.warm) note(`the live release (${live ?? '-'}) is not the renderer's: full build`);
    if (warm && renderer.lastRssMb > this.o.resident!.maxRssMb)
      note(`renderer at ${renderer.lastRssMb} MB (limit ${this.o.resident!.maxRssMb}): replaced, full build`);
    // From here until the new release is live the renderer's memory is ahead of `current`.
    this.residentRelease = null;
    await writeFile(this.statePath, JSON.stringify({ buildId, startedAt: new Date().toISOString() }));
    const attempt = async (fresh: boolean) => {
      await rm(staging, { recursive: true, force: true });
      await mkdir(staging, { recursive: true });
      const { result, output } = await renderer.build({ fresh, apiKey: this.o.builderKey() });
      lines.push(...output.split('\n').filter(Boolean));
      if (result.mode === 'cold') {
        // Astro's own incremental cache may have restored some pages of a full build.
        const restored = (output.match(/\((?:cached|restored)\)/g) ?? []).length;
        result.pagesSkipped = restored;
        result.pagesBuilt -= restored;
      }
      const t = Object.entries(result.timingsMs)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ');
      note(
        `renderer (${result.mode}): ${result.pagesBuilt} pages rendered, ${result.pagesSkipped} unchanged; ${t}; ` +
          `content: ${Object.entries(result.content)
            .map(([k, v]) => `${k} ${v}`)
            .join('; ')}; rss ${result.memory.rssMb} MB, heap ${result.memory.heapUsedMb} MB`,
      );
      return result;
    };
    this.building = true;
    if (!warm) this.residentSources = sources;
    try {
      return await attempt(!warm);
    } catch (err) {
      const output = (err as { output?: string }).output;
      if (output) lines.push(...output.split('\n').filter(Boolean));
      if (!warm) throw err;
      note(`warm render failed (${(err as Error).message}); a fresh renderer builds everything`);
      this.residentSources = sources;
      return await attempt(true);
    } finally {
      this.building = false;
    }
  }

  /** Runs `astro build` as a child (killable, memory returned after each build); resolves with its output. */
  private async runAstro(lines: string[], buildId: string | null): Promise<string> {
    const astroBin = join(
      dirname(createRequire(join(this.o.siteRoot, 'package.json')).resolve('astro/package.json')),
      'bin',
      'astro.mjs',
    );
    const key = this.o.builderKey();
    const cwd = await this.workDir();
    const child = spawn(process.execPath, [astroBin, 'build', '--root', this.o.siteRoot], {
      cwd,
      env: {
        ...process.env,
        ...this.o.buildEnv,
        SITE_OUT_DIR: this.o.releases.staging,
        SITE_CACHE_DIR: this.o.releases.cacheDir,
        ...(key ? { SITE_BUILDER_KEY: key } : {}),
        ASTRO_TELEMETRY_DISABLED: '1',
        ASTRO_DEV_BACKGROUND: '0',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        // A release is a production build whatever the server runs under (a test runner's NODE_ENV=test
        // made Vite bundle React's development build: 98 KB instead of 56 KB on the contact page).
        NODE_ENV: 'production',
        // A release is never built without its content.
        SITE_OFFLINE_BUILD: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await writeFile(this.statePath, JSON.stringify({ buildId, pid: child.pid, startedAt: new Date().toISOString() }));
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8').replace(ANSI, '');
      if (output.length > 4 * MAX_LOG) output = output.slice(-2 * MAX_LOG);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), this.o.timeoutMs);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
      child.on('error', (err) => {
        output += `\n${err.message}`;
        resolve([1, null]);
      });
      child.on('close', (c, s) => resolve([c, s]));
    }).finally(() => {
      clearTimeout(timer);
      this.child = null;
    });
    await rm(cwd, { recursive: true, force: true });
    lines.push(...output.split('\n'));
    if (code !== 0)
      throw new Error(
        signal ? `astro build was killed (${signal})` : `astro build exited with code ${code}: ${lastError(output)}`,
      );
    return output;
  }

  /**
   * Astro writes its prerender bundle to <cwd>/.astro/ when outDir is outside cwd, and that bundle
   * must sit inside the repository (it imports from node_modules). Every builder therefore gets its
   * own cwd under site/.releases/.work/: two builders of one checkout (make dev and the browser
   * tests) never overwrite each other's bundle mid-build.
   */
  private async workDir(): Promise<string> {
    const dir = join(
      this.o.siteRoot,
      '.releases',
      '.work',
      createHash('sha256').update(this.o.releases.root).digest('hex').slice(0, 12),
    );
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /** Stops a running build (shutdown): it fails and the live release stays. */
  stop(): void {
    this.child?.kill('SIGTERM');
    this.resident?.stop();
  }

  private async purge(paths: string[], note: (m: string) => void): Promise<void> {
    if (!this.o.purge || paths.length === 0) return;
    try {
      const res = await fetch(this.o.purge.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.o.purge.token ? { authorization: `Bearer ${this.o.purge.token}` } : {}),
        },
        body: JSON.stringify({ paths }),
        signal: AbortSignal.timeout(10_000),
      });
      note(`CDN purge of ${paths.length} paths: HTTP ${res.status}`);
    } catch (err) {
      // The release is live already; a CDN that missed the purge catches up after s-maxage.
      note(`CDN purge failed: ${(err as Error).message}`);
    }
  }

  /** Paths that differ between two releases (a rollback purges them too). */
  static diff(before: ReleaseManifest | null, after: ReleaseManifest): string[] {
    return changedPaths(before, after);
  }

  purgePaths(paths: string[], note: (m: string) => void): Promise<void> {
    return this.purge(paths, note);
  }
}

/**
 * The newest modification time among the site's sources (src/, astro.config.mjs, package.json): a
 * developer editing a template under `make dev` gets a full build instead of the bundle the resident
 * renderer loaded before the edit. ~200 stats, a few milliseconds.
 */
async function newestSource(siteRoot: string): Promise<number> {
  let newest = 0;
  const visit = async (path: string): Promise<void> => {
    const s = await stat(path).catch(() => null);
    if (!s) return;
    newest = Math.max(newest, s.mtimeMs);
    if (s.isDirectory())
      await Promise.all((await readdir(path).catch(() => [] as string[])).map((n) => visit(join(path, n))));
  };
  await Promise.all(['src', 'astro.config.mjs', 'package.json'].map((p) => visit(join(siteRoot, p))));
  return newest;
}

function lastError(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const error = lines.findLast((l) => /error/i.test(l)) ?? lines.at(-1) ?? 'no output';
  return error.slice(0, 500);
}
