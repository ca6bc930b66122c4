import type { CloneLimits, GitRepository } from '../../src/repositories/git.repository.js';
import { CloneFailure } from '../../src/repositories/git.repository.js';
import type { RepoSnapshot } from '../../src/services/paas/detect.js';
import type { CloneAuth } from '../../src/domain/paas/git-access.js';
import type { RepoSource } from '../../src/services/paas/git-source.js';
import type { Port } from './port.js';

/**
 * Git and the build workspace without git or a disk: repositories are file lists by URL, a clone
 * "checks out" one into a directory key, and the workspace records what was written and removed.
 */
export class FakeGitRepository implements Port<GitRepository> {
  /** What a clone of each URL finds (files and their contents). */
  repos = new Map<string, { commitSha: string; branch: string; files: Record<string, string> }>();
  /** Directories that exist in the workspace, with their files. */
  dirs = new Map<string, Record<string, string>>();
  clones: { url: string; branch: string | null; auth: CloneAuth['kind'] }[] = [];
  removed: string[] = [];
  /** The next clone fails with this message (a host that refuses, a timeout, a repository too large). */
  cloneFailure: string | undefined;

  async clone(
    source: RepoSource,
    branch: string | null,
    dir: string,
    _limits: CloneLimits,
    auth: CloneAuth = { kind: 'none' },
  ): Promise<{ commitSha: string; branch: string }> {
    this.clones.push({ url: source.url, branch, auth: auth.kind });
    const failure = this.cloneFailure;
    this.cloneFailure = undefined;
    if (failure) throw new CloneFailure(failure);
    const repo = this.repos.get(source.url);
    if (!repo) throw new CloneFailure('the repository does not exist or is not reachable');
    if (branch !== null && branch !== repo.branch) throw new CloneFailure(`the branch ${branch} does not exist`);
    this.dirs.set(dir, { ...repo.files });
    return { commitSha: repo.commitSha, branch: repo.branch };
  }

  async snapshot(dir: string, wantsContent: (path: string) => boolean): Promise<RepoSnapshot> {
    const files = this.dirs.get(dir);
    if (!files) throw new Error(`ENOENT: no such directory ${dir}`);
    const paths = Object.keys(files).sort();
    return { paths, contents: Object.fromEntries(paths.filter(wantsContent).map((p) => [p, files[p]!])) };
  }

  async writeFiles(dir: string, files: Record<string, string>): Promise<void> {
    this.dirs.set(dir, { ...(this.dirs.get(dir) ?? {}), ...files });
  }

  async remove(dir: string): Promise<void> {
    this.removed.push(dir);
    for (const key of [...this.dirs.keys()]) if (key === dir || key.startsWith(`${dir}/`)) this.dirs.delete(key);
  }
}
