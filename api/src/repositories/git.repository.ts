import { lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { simpleGit } from 'simple-git';
import { curlResolveEntry, type RepoSource } from '../services/paas/git-source.js';
import type { RepoSnapshot } from '../services/paas/detect.js';

export interface CloneLimits {
  timeoutMs: number;
  maxBytes: number;
}

export class CloneFailure extends Error {}

const SNAPSHOT_MAX_FILES = 20_000;
const SNAPSHOT_MAX_READ = 256 * 1024;
const SKIP_DIRS = new Set(['.git', 'node_modules']);

/**
 * Git checkouts and the build workspace on disk. Clones are shallow, single-branch, without
 * submodules, tags or LFS payloads, bounded in time and size, and the URL and branch reach git only
 * as separate array arguments (`--branch=<ref>`, then `--`, then the URL): nothing is ever parsed as
 * an option or by a shell. Redirects are off and https hosts are pinned to the addresses validated
 * by services/paas/git-source.ts, so a clone cannot be steered to an internal address.
 */
export class GitRepository {
  /** Clones `branch`, or the repository's default branch (its HEAD) when null; returns the commit and the branch cloned. */
  async clone(source: RepoSource, branch: string | null, dir: string, limits: CloneLimits): Promise<{ commitSha: string; branch: string }> {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dirname(dir), { recursive: true });
    const abort = new AbortController();
    let why: string | undefined;
    const stop = (reason: string) => {
      why ??= reason;
      abort.abort();
    };
    const deadline = setTimeout(() => stop(`the clone took longer than ${Math.round(limits.timeoutMs / 1000)} s`), limits.timeoutMs);
    // The size cap is watched while git writes, so a huge repository is cut off, not downloaded.
    const watcher = setInterval(() => {
      void dirSize(dir, limits.maxBytes).then((size) => {
        if (size > limits.maxBytes) stop(`the repository is larger than ${Math.round(limits.maxBytes / 1048576)} MB`);
      });
    }, 250);
    const config = ['http.followRedirects=false', 'transfer.fsckObjects=true', 'core.symlinks=true', 'advice.detachedHead=false'];
    if (source.pin) config.push(`http.curloptResolve=${curlResolveEntry(source.pin)}`);
    const git = simpleGit({
      abort: abort.signal,
      timeout: { block: limits.timeoutMs },
      config,
      allowEnvironment: ['GIT_TERMINAL_PROMPT', 'GIT_ALLOW_PROTOCOL', 'GIT_CONFIG_NOSYSTEM', 'GIT_LFS_SKIP_SMUDGE'],
    }).env({
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      // No user or system git config applies (url.insteadOf rewrites, credential helpers): HOME is ours.
      HOME: dirname(dir),
      GIT_TERMINAL_PROMPT: '0',
      GIT_ALLOW_PROTOCOL: source.kind === 'file' ? 'file' : 'https',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_LFS_SKIP_SMUDGE: '1',
    });
    try {
      await git.raw([
        'clone', '--depth=1', '--single-branch', '--no-tags', '--no-recurse-submodules', ...(branch === null ? [] : [`--branch=${branch}`]),
        '--', source.url, dir,
      ]);
      const size = await dirSize(dir, limits.maxBytes);
      if (size > limits.maxBytes) stop(`the repository is larger than ${Math.round(limits.maxBytes / 1048576)} MB`);
      if (why) throw new CloneFailure(why);
      const local = simpleGit({ baseDir: dir, config: [] }).env({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dirname(dir) });
      const commitSha = (await local.revparse(['HEAD'])).trim();
      return { commitSha, branch: branch ?? (await local.raw(['symbolic-ref', '--short', 'HEAD'])).trim() };
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      if (err instanceof CloneFailure) throw err;
      throw new CloneFailure(why ?? cleanGitError(err as Error, branch ?? 'HEAD'));
    } finally {
      clearTimeout(deadline);
      clearInterval(watcher);
    }
  }

  /** Paths of regular files (no symlinks, no .git or node_modules) and the contents detection asks for. */
  async snapshot(dir: string, wantsContent: (path: string) => boolean): Promise<RepoSnapshot> {
    const paths: string[] = [];
    const contents: Record<string, string> = {};
    const walk = async (current: string): Promise<void> => {
      for (const entry of await readdir(current, { withFileTypes: true })) {
        if (paths.length >= SNAPSHOT_MAX_FILES) return;
        const full = join(current, entry.name);
        if (entry.isDirectory()) {
          if (!SKIP_DIRS.has(entry.name)) await walk(full);
        } else if (entry.isFile()) {
          const rel = relative(dir, full).split(sep).join('/');
          paths.push(rel);
          if (wantsContent(rel)) {
            const info = await lstat(full);
            if (info.size <= SNAPSHOT_MAX_READ) contents[rel] = await readFile(full, 'utf8');
          }
        }
      }
    };
    await walk(dir);
    return { paths: paths.sort(), contents };
  }

  /** Writes generated files (Dockerfile, support files) into a build context. */
  async writeFiles(dir: string, files: Record<string, string>): Promise<void> {
    for (const [path, body] of Object.entries(files)) {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, body, { mode: 0o644 });
    }
  }

  async remove(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Total size of regular files under `dir`, walking no further once `stopAbove` is passed. */
async function dirSize(dir: string, stopAbove: number): Promise<number> {
  let total = 0;
  const walk = async (current: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return; // not there yet, or removed under us
    }
    for (const entry of entries) {
      if (total > stopAbove) return;
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) total += await lstat(full).then((s) => s.size, () => 0);
    }
  };
  await walk(dir);
  return total;
}

/** git's own message, minus noise, with a hint for the common case of a missing branch. */
function cleanGitError(err: Error, branch: string): string {
  const text = err.message.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('Cloning into')).join(' ').slice(0, 600);
  if (/Remote branch .* not found|couldn't find remote ref/i.test(text)) return `branch "${branch}" does not exist in the repository`;
  return `git clone failed: ${text || 'unknown error'}`;
}
