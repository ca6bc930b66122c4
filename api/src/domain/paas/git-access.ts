import { publicKeyFingerprint } from './deploy-key.js';
import type { RepoSource } from './repo-source.js';

/**
 * How a clone signs in to a private repository, and the pieces of git's environment that carry it.
 * Secrets reach git only through its environment (readable by the worker's own user, unlike argv)
 * or a 0600 file, never through argv or a log line; git's error output is scrubbed of them.
 */
export type CloneAuth =
  | { kind: 'none' }
  /** https: HTTP Basic `username:token` in an `Authorization` header. */
  | { kind: 'token'; username: string; token: string }
  /**
   * ssh with the app's deploy key. `knownHost` is the pinned host key (then the clone requires it);
   * null = first use: whatever key the host presents is accepted and handed to `onHostKey`.
   */
  | { kind: 'ssh'; privateKey: string; knownHost: string | null; onHostKey?: (key: PinnedHostKey) => Promise<void> };

export interface PinnedHostKey {
  /** The known_hosts line ssh wrote (`<alias> <type> <base64>`). */
  line: string;
  host: string;
  type: string;
  fingerprint: string;
}

/** The user name git hosts expect with an access token, by host. */
export function defaultGitUsername(host: string): string {
  const h = host.toLowerCase();
  if (h === 'gitlab.com' || h.startsWith('gitlab.')) return 'oauth2';
  if (h === 'bitbucket.org') return 'x-token-auth';
  return 'x-access-token';
}

/**
 * The token as git config in the environment (`GIT_CONFIG_COUNT/KEY/VALUE`, git ≥ 2.31), so it
 * never appears in argv: `http.extraHeader: Authorization: Basic …` on every request of this clone
 * (redirects are off, so only to the validated host).
 */
export function tokenEnv(username: string, token: string): Record<string, string> {
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.extraHeader',
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic(username, token)}`,
  };
}

/** Every form in which a secret could show up in git's output. */
export function secretsOf(auth: CloneAuth): string[] {
  if (auth.kind === 'token')
    return [auth.token, basic(auth.username, auth.token), encodeURIComponent(auth.token)].filter((s) => s.length >= 4);
  if (auth.kind === 'ssh') return auth.privateKey.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'));
  return [];
}

export function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

/** The name ssh files and looks up the host key under: the URL's host (and port unless 22). */
export function hostKeyAlias(pin: NonNullable<RepoSource['pin']>): string {
  return pin.port === 22 ? pin.host : `[${pin.host}]:${pin.port}`;
}

/**
 * `GIT_SSH_COMMAND` (git runs it through `sh -c`, so every value is quoted): the validated address
 * as `HostName` with the URL's host as `HostKeyAlias` (DNS is not asked again), no config file
 * (`-F /dev/null`: no ProxyCommand, ProxyJump, Match exec), no agent, only the deploy key, no
 * password or keyboard prompts, and the app's own known_hosts: `accept-new` on first use, `yes`
 * (refuse a changed key) once one is pinned.
 */
export function sshCommand(
  pin: NonNullable<RepoSource['pin']>,
  files: { identity: string; knownHosts: string },
  pinned: boolean,
  connectTimeoutS = 20,
): string {
  const options: Record<string, string> = {
    HostName: pin.addresses[0]!.address,
    HostKeyAlias: hostKeyAlias(pin),
    StrictHostKeyChecking: pinned ? 'yes' : 'accept-new',
    UserKnownHostsFile: files.knownHosts,
    GlobalKnownHostsFile: '/dev/null',
    CheckHostIP: 'no',
    UpdateHostKeys: 'no',
    HashKnownHosts: 'no',
    IdentityFile: files.identity,
    IdentitiesOnly: 'yes',
    IdentityAgent: 'none',
    PreferredAuthentications: 'publickey',
    PasswordAuthentication: 'no',
    KbdInteractiveAuthentication: 'no',
    BatchMode: 'yes',
    ProxyCommand: 'none',
    ProxyJump: 'none',
    ControlMaster: 'no',
    ControlPath: 'none',
    PermitLocalCommand: 'no',
    ForwardAgent: 'no',
    ForwardX11: 'no',
    ClearAllForwardings: 'yes',
    ConnectTimeout: String(connectTimeoutS),
    ServerAliveInterval: '15',
    LogLevel: 'ERROR',
  };
  const args = ['ssh', '-F', '/dev/null', ...Object.entries(options).flatMap(([k, v]) => ['-o', `${k}=${v}`])];
  return args.map(shellQuote).join(' ');
}

export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./=:@%+-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

const HOST_KEY_TYPES = new Set([
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
]);

/** The host key ssh recorded for `alias` in a known_hosts file it wrote, or null. */
export function learnedHostKey(text: string, alias: string): PinnedHostKey | null {
  for (const raw of text.split('\n')) {
    const parsed = parseKnownHost(raw);
    if (parsed && parsed.host === alias) return parsed;
  }
  return null;
}

/** One known_hosts line `<alias> <type> <base64>`, checked (it is written back to a file later). */
export function parseKnownHost(line: string | null | undefined): PinnedHostKey | null {
  if (!line) return null;
  const fields = line.trim().split(/\s+/);
  if (fields.length !== 3) return null;
  const [host, type, b64] = fields as [string, string, string];
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host) || !HOST_KEY_TYPES.has(type)) return null;
  const fingerprint = publicKeyFingerprint(`${type} ${b64}`);
  return fingerprint ? { line: `${host} ${type} ${b64}`, host, type, fingerprint } : null;
}

/**
 * git's failure as a reason the admin can act on: the common private-repository failures named,
 * the rest as git said it. The text is scrubbed by the caller.
 */
export function explainCloneFailure(text: string, source: RepoSource, auth: CloneAuth): string | null {
  if (source.kind === 'ssh' && auth.kind === 'ssh') {
    const host = source.pin?.host ?? 'the git host';
    const pinned = parseKnownHost(auth.knownHost);
    if (
      /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed|host key for .* has changed|No \S+ host key is known/i.test(
        text,
      )
    ) {
      return (
        `the ssh host key of ${host} changed: it is not the one pinned at the first clone${pinned ? ` (${pinned.type} ${pinned.fingerprint})` : ''}. ` +
        "If the git host really rotated its key, compare the new fingerprint with the one it publishes and reset the pinned host key in the app's settings; otherwise the connection may be intercepted."
      );
    }
    if (/Permission denied \(publickey|Permission denied, please try again|Authentication failed/i.test(text)) {
      return `${host} refused the app's deploy key (Permission denied (publickey)): add the public key shown in the app's settings to the repository as a deploy key (read access is enough).`;
    }
    if (/Connection refused|Connection timed out|No route to host|Network is unreachable/i.test(text)) {
      return `could not reach ${host}:${source.pin?.port ?? 22} over ssh (${/Connection refused/i.test(text) ? 'connection refused' : 'no connection'}).`;
    }
  }
  if (source.kind === 'https') {
    const denied =
      /could not read Username|Authentication failed|returned error: 40[13]|HTTP (Basic: )?Access denied|The requested URL returned error: 40[13]/i.test(
        text,
      );
    if (denied && auth.kind === 'token') {
      return (
        'the git host refused the access token (HTTP 401/403): check that the token is valid, not expired, can read this repository, ' +
        'and that the user name fits the host (GitHub x-access-token, GitLab oauth2, Bitbucket x-token-auth).'
      );
    }
    if (denied)
      return 'the repository needs credentials (HTTP 401): set an access token for the app, or use its deploy key with an ssh URL.';
  }
  return null;
}

function basic(username: string, token: string): string {
  return Buffer.from(`${username}:${token}`, 'utf8').toString('base64');
}
