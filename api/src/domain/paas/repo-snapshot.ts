/** A checkout as detection sees it: file paths plus the contents of the few files it reads (repositories/git.repository.ts makes it). */
export interface RepoSnapshot {
  /** Every regular file, relative to the repository root, `/`-separated (no .git, no symlinks). */
  paths: string[];
  /** Contents of the files `wantsContent` asked for (missing when too large or unreadable). */
  contents: Record<string, string>;
}
