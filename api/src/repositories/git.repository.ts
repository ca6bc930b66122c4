import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { simpleGit } from 'simple-git';
import {
  explainCloneFailure,
  hostKeyAlias,
  learnedHostKey,
  scrub,
  secretsOf,
  sshCommand,
  tokenEnv,
  type CloneAuth,
} from '../domain/paas/git-access.js';
import { curlResolveEntry, type RepoSource } from '../domain/paas/repo-source.js';
import type { RepoSnapshot } from '../domain/paas/repo-snapshot.js';

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
 * by services/paas/git-source.ts, so a clone cannot be steered to an internal address. A private
 * repository's token travels in git's environment, its deploy key in a 0600 file outside the
 * build context that is removed after the clone (domain/paas/git-access.ts).
 */
export class GitRepository {
  /** `caFile`: git's own GIT_SSL_CAINFO of the worker, passed on (a private git host's CA). */
  constructor(private readonly options: { caFile?: string } = { caFile: process.env.GIT_SSL_CAINFO }) {}

  /** Clones `branch`, or the repository's default branch (its HEAD) when null; returns the commit and the branch cloned. */
  async clone(
    source: RepoSource,
    branch: string | null,
    dir: string,
    limits: CloneLimits,
    auth: CloneAuth = { kind: 'none' },
  ): Promise<{ commitSha: string; branch: string }> {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dirname(dir), { recursive: true });
    const access = await this.access(source, auth);
    const abort = new AbortController();
    let why: string | undefined;
    const stop = (reason: string) => {
      why ??= reason;
      abort.abort();
    };
    const deadline = setTimeout(
      () => stop(`the clone took longer than ${Math.round(limits.timeoutMs / 1000)} s`),
      limits.timeoutMs,
    );
    // The size cap is watched while git writes, so a huge repository is cut off, not downloaded.
    const watcher = setInterval(() => {
      void dirSize(dir, limits.maxBytes).then((size) => {
        if (size > limits.maxBytes) stop(`the repository is larger than ${Math.round(limits.maxBytes / 1048576)} MB`);
      });
    }, 250);
    const config = [
      'http.followRedirects=false',
      'transfer.fsckObjects=true',
      'core.symlinks=true',
      'advice.detachedHead=false',
    ];
    if (source.kind === 'https' && source.pin) config.push(`http.curloptResolve=${curlResolveEntry(source.pin)}`);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      // No user or system git config applies (url.insteadOf rewrites, credential helpers): HOME is ours.
      HOME: dirname(dir),
      GIT_TERMINAL_PROMPT: '0',
      GIT_ALLOW_PROTOCOL: source.kind,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_LFS_SKIP_SMUDGE: '1',
      ...(this.options.caFile ? { GIT_SSL_CAINFO: this.options.caFile } : {}),
      ...access.env,
    };
    try {
      const git = simpleGit({
        abort: abort.signal,
        timeout: { block: limits.timeoutMs },
        config,
        allowEnvironment: Object.keys(env),
        // Only for what this class writes itself: the token's config in the environment, the ssh command.
        unsafe: { allowUnsafeConfigEnvCount: auth.kind === 'token', allowUnsafeSshCommand: auth.kind === 'ssh' },
      }).env(env);
      await git.raw([
        'clone',
        '--depth=1',
        '--single-branch',
        '--no-tags',
        '--no-recurse-submodules',
        ...(branch === null ? [] : [`--branch=${branch}`]),
        '--',
        source.url,
        dir,
      ]);
      const size = await dirSize(dir, limits.maxBytes);
      if (size > limits.maxBytes) stop(`the repository is larger than ${Math.round(limits.maxBytes / 1048576)} MB`);
      if (why) throw new CloneFailure(why);
      const local = simpleGit({ baseDir: dir, config: [] }).env({
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: dirname(dir),
      });
      const commitSha = (await local.revparse(['HEAD'])).trim();
      return { commitSha, branch: branch ?? (await local.raw(['symbolic-ref', '--short', 'HEAD'])).trim() };
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      if (err instanceof CloneFailure) throw err;
      const secrets = secretsOf(auth);
      const text = scrub((err as Error).message, secrets);
      throw new CloneFailure(why ?? explainCloneFailure(text, source, auth) ?? cleanGitError(text, branch ?? 'HEAD'));
    } finally {
      clearTimeout(deadline);
      clearInterval(watcher);
      await access.done();
    }
  }

  /** The environment a private repository needs, and what to do once the clone has ended. */
  private async access(
    source: RepoSource,
    auth: CloneAuth,
  ): Promise<{ env: Record<string, string>; done: () => Promise<void> }> {
    if (auth.kind === 'token' && source.kind === 'https')
      return { env: tokenEnv(auth.username, auth.token), done: async () => undefined };
    if (auth.kind !== 'ssh' || source.kind !== 'ssh' || !source.pin) return { env: {}, done: async () => undefined };
    // Outside the deployment's directory: that becomes the build context.
    const keyDir = await mkdtemp(join(tmpdir(), 'ov-git-ssh-'));
    const files = { identity: join(keyDir, 'deploy_key'), knownHosts: join(keyDir, 'known_hosts') };
    try {
      await writeFile(files.identity, auth.privateKey, { mode: 0o600 });
      await writeFile(files.knownHosts, auth.knownHost ? `${auth.knownHost}\n` : '', { mode: 0o600 });
    } catch (err) {
      await rm(keyDir, { recursive: true, force: true });
      throw err;
    }
    const pin = source.pin;
    return {
      env: { GIT_SSH_COMMAND: sshCommand(pin, files, auth.knownHost !== null), GIT_SSH_VARIANT: 'ssh' },
      done: async () => {
        try {
          // First use: ssh wrote the key it accepted (also when the deploy key was then refused).
          if (auth.knownHost === null && auth.onHostKey) {
            const learned = learnedHostKey(await readFile(files.knownHosts, 'utf8').catch(() => ''), hostKeyAlias(pin));
            if (learned) await auth.onHostKey(learned);
          }
        } finally {
          await rm(keyDir, { recursive: true, force: true });
        }
      },
    };
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
      else if (entry.isFile())
        total += await lstat(full).then(
          (s) => s.size,
          () => 0,
        );
    }
  };
  await walk(dir);
  return total;
}

/** git's own message, minus noise, with a hint for the common case of a missing branch. */
function cleanGitError(message: string, branch: string): string {
  const text = message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('Cloning into'))
    .join(' ')
    .slice(0, 600);
  if (/Remote branch .* not found|couldn't find remote ref/i.test(text))
    return `branch "${branch}" does not exist in the repository`;
  return `git clone failed: ${text || 'unknown error'}`;
}
