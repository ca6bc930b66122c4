/**
 * What the engine will clone, checked before anything runs. The git URL field of a PaaS is a remote
 * code-execution surface (Coolify CVE-2025-59157: a URL that became shell; Dokploy: a branch name that
 * became a `git clone` option), so both inputs are validated here and only ever handed to git as
 * single array arguments after `--` or in `--branch=<ref>` form (repositories/git.repository.ts).
 */
export interface RepoSource {
  /** The normalised URL handed to git (`ssh://user@host[:port]/path` or `user@host:path` for ssh). */
  url: string;
  kind: 'https' | 'ssh' | 'file';
  /**
   * For https and ssh: the addresses validated now. git is told to use exactly these
   * (`http.curloptResolve`; ssh's `HostName`), so a name that answers public now and private at
   * clone time (DNS rebinding) cannot redirect it.
   */
  pin?: { host: string; port: number; addresses: { address: string; family: 4 | 6 }[] };
}

/** The `http.curloptResolve` value that pins a host to the validated addresses (`host:port:a,b`). */
export function curlResolveEntry(pin: NonNullable<RepoSource['pin']>): string {
  const list = pin.addresses.map((a) => (a.family === 6 ? `[${a.address}]` : a.address)).join(',');
  return `${pin.host}:${pin.port}:${list}`;
}
