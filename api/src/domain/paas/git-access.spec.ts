import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generateDeployKey } from './deploy-key.js';
import {
  defaultGitUsername,
  explainCloneFailure,
  hostKeyAlias,
  learnedHostKey,
  parseKnownHost,
  scrub,
  secretsOf,
  shellQuote,
  sshCommand,
  tokenEnv,
  type CloneAuth,
} from './git-access.js';
import type { RepoSource } from './repo-source.js';

const TOKEN = 'glpat-abcdefghijklmnopqrstu';
const pin = { host: 'git.example', port: 22, addresses: [{ address: '93.184.215.14', family: 4 as const }] };
const https: RepoSource = { url: 'https://git.example/a/b.git', kind: 'https', pin: { ...pin, port: 443 } };
const ssh: RepoSource = { url: 'git@git.example:a/b.git', kind: 'ssh', pin };
const HOST_LINE = 'git.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFvuA5hykwEyvpRZN1ky2SPOW9Ri5HvtSn4FIBvpuqGs';

describe('tokenEnv', () => {
  it('carries the token as git config in the environment, as an HTTP Basic header', () => {
    const env = tokenEnv('oauth2', TOKEN);
    expect(env).toEqual({
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from(`oauth2:${TOKEN}`).toString('base64')}`,
    });
  });

  it('is what git reads: the header reaches the server and the token no command line', () => {
    // `git config --get` through the same environment shows git sees the header from GIT_CONFIG_*.
    const seen = execFileSync('git', ['config', '--get', 'http.extraHeader'], {
      env: { PATH: process.env.PATH, HOME: '/nonexistent', GIT_CONFIG_NOSYSTEM: '1', ...tokenEnv('oauth2', TOKEN) },
      encoding: 'utf8',
    });
    expect(seen.trim()).toBe(tokenEnv('oauth2', TOKEN).GIT_CONFIG_VALUE_0);
  });

  it('picks the user name each host expects', () => {
    expect(defaultGitUsername('github.com')).toBe('x-access-token');
    expect(defaultGitUsername('gitlab.com')).toBe('oauth2');
    expect(defaultGitUsername('gitlab.example.org')).toBe('oauth2');
    expect(defaultGitUsername('bitbucket.org')).toBe('x-token-auth');
    expect(defaultGitUsername('git.example')).toBe('x-access-token');
  });
});

describe('scrub', () => {
  it('removes the token and the Basic header value in every form', () => {
    const auth: CloneAuth = { kind: 'token', username: 'oauth2', token: TOKEN };
    const basic = Buffer.from(`oauth2:${TOKEN}`).toString('base64');
    const text = `fatal: ${TOKEN} / Authorization: Basic ${basic} / ${encodeURIComponent(TOKEN)}`;
    const out = scrub(text, secretsOf(auth));
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(basic);
    expect(out).toContain('[redacted]');
  });

  it('removes the deploy key material', () => {
    const key = generateDeployKey('c');
    const lines = key.privateKey.split('\n').slice(1, 3);
    const out = scrub(
      `oops ${lines.join('\n')}`,
      secretsOf({ kind: 'ssh', privateKey: key.privateKey, knownHost: null }),
    );
    for (const line of lines) expect(out).not.toContain(line);
  });
});

describe('sshCommand', () => {
  const files = { identity: '/tmp/ov-git-ssh-x/deploy_key', knownHosts: '/tmp/ov-git-ssh-x/known_hosts' };

  it('pins the validated address, ignores every config file, agent and proxy, and trusts on first use only', () => {
    const first = sshCommand(pin, files, false);
    expect(first.startsWith('ssh -F /dev/null ')).toBe(true);
    for (const option of [
      'HostName=93.184.215.14',
      'HostKeyAlias=git.example',
      'StrictHostKeyChecking=accept-new',
      `UserKnownHostsFile=${files.knownHosts}`,
      'GlobalKnownHostsFile=/dev/null',
      `IdentityFile=${files.identity}`,
      'IdentitiesOnly=yes',
      'IdentityAgent=none',
      'BatchMode=yes',
      'ProxyCommand=none',
      'ProxyJump=none',
      'PasswordAuthentication=no',
      'UpdateHostKeys=no',
      'ControlMaster=no',
      'ForwardAgent=no',
    ])
      expect(first).toContain(`-o ${option}`);
    expect(sshCommand(pin, files, true)).toContain('-o StrictHostKeyChecking=yes');
  });

  it('quotes what the shell must not read, and carries no secret', () => {
    const other = { ...pin, port: 2222 };
    expect(hostKeyAlias(other)).toBe('[git.example]:2222');
    expect(sshCommand(other, { identity: "/tmp/it's here/k", knownHosts: '/tmp/x' }, true)).toContain(
      `-o 'HostKeyAlias=[git.example]:2222' -o StrictHostKeyChecking=yes`,
    );
    expect(shellQuote("/tmp/it's here/k")).toBe(`'/tmp/it'\\''s here/k'`);
    // What sh makes of it: the words ssh receives.
    const words = execFileSync(
      'sh',
      ['-c', `printf '%s\\n' ${sshCommand(other, { identity: "/tmp/it's $(id) here/k", knownHosts: '/tmp/x' }, true)}`],
      { encoding: 'utf8' },
    ).split('\n');
    expect(words).toContain("IdentityFile=/tmp/it's $(id) here/k");
    expect(words).toContain('HostKeyAlias=[git.example]:2222');
    const key = generateDeployKey('c');
    for (const secret of secretsOf({ kind: 'ssh', privateKey: key.privateKey, knownHost: null }))
      expect(sshCommand(pin, files, false)).not.toContain(secret);
  });
});

describe('known hosts', () => {
  it('reads the line ssh wrote for the alias, with its fingerprint', () => {
    const learned = learnedHostKey(`other.example ssh-rsa AAAAB3NzaC1yc2E=\n${HOST_LINE}\n`, 'git.example');
    expect(learned).toEqual({
      line: HOST_LINE,
      host: 'git.example',
      type: 'ssh-ed25519',
      fingerprint: 'SHA256:OsUYe5vNyRlP9vLs3FfwU06f2wbTy+nU8Dgp+mctyUI',
    });
    expect(learnedHostKey(HOST_LINE, 'elsewhere.example')).toBeNull();
  });

  it('refuses anything but `<host> <known key type> <base64>`', () => {
    expect(parseKnownHost(`${HOST_LINE} extra`)).toBeNull();
    expect(parseKnownHost('git.example ssh-dss AAAA')).toBeNull();
    expect(parseKnownHost('@revoked git.example ssh-ed25519')).toBeNull();
    expect(parseKnownHost('git.example,evil ssh-ed25519 AAAA')).toBeNull();
    expect(parseKnownHost(null)).toBeNull();
  });
});

describe('explainCloneFailure', () => {
  const withKey: CloneAuth = { kind: 'ssh', privateKey: 'k', knownHost: HOST_LINE };
  it('names a changed host key with the pinned fingerprint', () => {
    const text =
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.\nfatal: Could not read from remote repository.';
    expect(explainCloneFailure(text, ssh, withKey)).toMatch(
      /^the ssh host key of git\.example changed: it is not the one pinned at the first clone \(ssh-ed25519 SHA256:OsUY/,
    );
  });

  it('names a refused deploy key, a refused or missing token', () => {
    expect(explainCloneFailure('git@git.example: Permission denied (publickey).', ssh, withKey)).toMatch(
      /refused the app's deploy key/,
    );
    const fatal = "fatal: could not read Username for 'https://git.example': terminal prompts disabled";
    expect(explainCloneFailure(fatal, https, { kind: 'token', username: 'u', token: TOKEN })).toMatch(
      /refused the access token/,
    );
    expect(explainCloneFailure(fatal, https, { kind: 'none' })).toMatch(/needs credentials/);
    expect(explainCloneFailure('fatal: repository not found', https, { kind: 'none' })).toBeNull();
  });
});
