import ipaddr from 'ipaddr.js';
import { rangeOf, systemResolver, type ResolvedAddress, type Resolver } from '../webhooks/url-guard.js';
import { curlResolveEntry, type RepoSource } from '../../domain/paas/repo-source.js';

export { curlResolveEntry, type RepoSource };

export type SourceCheck = { ok: true; source: RepoSource } | { ok: false; reason: string };

export interface SourceOptions {
  /**
   * PAAS_ALLOW_LOCAL_REPOS (tests and local development only): true accepts file:// URLs;
   * `loopback` also https and ssh hosts on loopback addresses (127.0.0.0/8, ::1). Other private
   * ranges stay refused either way.
   */
  allowLocal: boolean | 'loopback';
  /** ssh URLs: only for an app with a deploy key (there is no anonymous ssh). */
  allowSsh?: boolean;
  resolve?: Resolver;
  resolveTimeoutMs?: number;
}

const MAX_URL = 2048;

/** An ssh user or DNS name, conservatively: never starting with `-` (it would reach ssh as an option). */
const SSH_USER = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;
const DNS_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/;
/** A repository path on an ssh host: git quotes it for the remote shell, but nothing exotic is needed. */
const SSH_PATH = /^[A-Za-z0-9._~/+@-]+$/;
/** `user@host:path` (git's scp-like syntax); IPv6 hosts need the ssh:// form. */
const SCP_LIKE = /^([^@/:]+)@([^@/:[\]]+):(.*)$/;

export async function checkRepoUrl(raw: string, options: SourceOptions): Promise<SourceCheck> {
  const input = raw.trim();
  if (input.length === 0 || input.length > MAX_URL) return refuse(`must be 1–${MAX_URL} characters`);
  // Control characters and whitespace never belong in a URL; WHATWG parsing would silently strip some.
  if (/\s/.test(input) || hasControl(input)) return refuse('must not contain whitespace or control characters');
  const scp = SCP_LIKE.exec(input);
  if (scp && !input.includes('://')) return checkSsh(options, scp[1]!, scp[2]!, null, scp[3]!, 'scp');
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return refuse('is not an absolute URL (use https://host/owner/repo.git)');
  }
  if (url.protocol === 'file:') {
    if (!options.allowLocal) return refuse('uses file://, which is only allowed with PAAS_ALLOW_LOCAL_REPOS=1');
    if (url.host) return refuse('must be file:///absolute/path (no host)');
    if (!url.pathname.startsWith('/') || url.pathname === '/')
      return refuse('must name an absolute path to a repository');
    return { ok: true, source: { url: url.toString(), kind: 'file' } };
  }
  if (url.protocol === 'ssh:') {
    if (url.password) return refuse("must not contain a password; the app's deploy key signs in");
    if (url.search || url.hash) return refuse('must not have a query or fragment');
    return checkSsh(
      options,
      decodeURIComponent(url.username),
      url.hostname,
      url.port ? Number(url.port) : null,
      url.pathname,
      'url',
    );
  }
  if (url.protocol !== 'https:') {
    return refuse(
      `uses ${url.protocol.replace(/:$/, '')}; only https:// git URLs are accepted${options.allowSsh ? ' (or ssh)' : ''}${options.allowLocal ? ' (or file://)' : ''}`,
    );
  }
  if (url.username || url.password)
    return refuse('must not contain credentials; set an access token for the app instead');
  if (!url.hostname) return refuse('has no host');
  if (url.pathname === '/' || url.pathname === '') return refuse('has no repository path');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port ? Number(url.port) : 443;
  const addresses = await resolveAllowed(host, options);
  if (typeof addresses === 'string') return refuse(addresses);
  return { ok: true, source: { url: url.toString(), kind: 'https', pin: { host, port, addresses } } };
}

async function checkSsh(
  options: SourceOptions,
  user: string,
  rawHost: string,
  port: number | null,
  path: string,
  form: 'scp' | 'url',
): Promise<SourceCheck> {
  if (!options.allowSsh) {
    return refuse(
      `uses ssh, which needs the app's deploy key (turn on "Use a deploy key"); only https:// git URLs are accepted otherwise`,
    );
  }
  if (!user) return refuse('must name the ssh user (git@host:owner/repo.git or ssh://git@host/owner/repo.git)');
  if (!SSH_USER.test(user))
    return refuse('has an ssh user with characters other than letters, digits, ".", "_" and "-"');
  const host = rawHost.replace(/^\[(.*)\]$/, '$1');
  if (!(ipaddr.isValid(host) || DNS_NAME.test(host)))
    return refuse('has an ssh host that is not a DNS name or an IP address');
  if (port !== null && (port < 1 || port > 65535)) return refuse('has an invalid port');
  if (!path || path === '/' || path.startsWith('-') || !SSH_PATH.test(path)) {
    return refuse('needs a repository path of letters, digits and . _ ~ / + @ - (not starting with "-")');
  }
  const addresses = await resolveAllowed(host, options);
  if (typeof addresses === 'string') return refuse(addresses);
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const url =
    form === 'scp' ? `${user}@${host}:${path}` : `ssh://${user}@${hostInUrl}${port === null ? '' : `:${port}`}${path}`;
  return { ok: true, source: { url, kind: 'ssh', pin: { host, port: port ?? 22, addresses } } };
}

/** The host's addresses when every one is public (or loopback, with allowLocal 'loopback'); else why not. */
async function resolveAllowed(host: string, options: SourceOptions): Promise<ResolvedAddress[] | string> {
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      addresses = await withTimeout((options.resolve ?? systemResolver)(host), options.resolveTimeoutMs ?? 5000);
    } catch (err) {
      return `host ${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    }
    if (addresses.length === 0) return `host ${host} has no addresses`;
  }
  // Every address must be public: one private answer among public ones is refused too.
  for (const { address } of addresses) {
    const range = rangeOf(address);
    if (range === 'unicast' || (range === 'loopback' && options.allowLocal === 'loopback')) continue;
    return `points to ${address}, a ${range} address; only public hosts are allowed`;
  }
  return addresses;
}

/**
 * A branch name as `git check-ref-format --branch` accepts it, plus: never starting with `-` (so it
 * cannot read as an option even where a caller forgets `--branch=`), at most 255 bytes, printable.
 * Returns the problem, or null when the name is fine.
 */
export function branchProblem(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (Buffer.byteLength(name) > 255) return 'must be at most 255 bytes';
  if (name.startsWith('-')) return 'must not start with "-"';
  if (name === '@' || name === 'HEAD') return `"${name}" is not a branch name`;
  if (hasControl(name) || /[ ~^:?*[\\]/.test(name))
    return 'must not contain spaces, control characters or any of ~ ^ : ? * [ \\';
  if (name.includes('..')) return 'must not contain ".."';
  if (name.includes('@{')) return 'must not contain "@{"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return 'must not start or end with "/" or contain "//"';
  if (name.endsWith('.')) return 'must not end with "."';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return 'no path component may start with "."';
    if (part.endsWith('.lock')) return 'no path component may end with ".lock"';
  }
  return null;
}

/** The branch a GitHub push event is about (`refs/heads/<branch>`), or null for tags and others. */
export function pushedBranch(ref: unknown): string | null {
  if (typeof ref !== 'string' || !ref.startsWith('refs/heads/')) return null;
  return ref.slice('refs/heads/'.length);
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function refuse(reason: string): SourceCheck {
  return { ok: false, reason: `The repository URL ${reason}.` };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
