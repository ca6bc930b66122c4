import { describe, expect, it } from 'vitest';
import type { ResolvedAddress, Resolver } from '../webhooks/url-guard.js';
import { branchProblem, checkRepoUrl, curlResolveEntry, pushedBranch } from './git-source.js';

const table: Record<string, string[]> = {
  'github.com': ['140.82.121.4'],
  'gitlab.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'rebind.example': ['93.184.215.14', '10.0.0.7'],
  'meta.example': ['169.254.169.254'],
  'cgnat.example': ['100.64.1.1'],
  localhost: ['127.0.0.1', '::1'],
};
const dns: Resolver = async (host) => {
  const answers = table[host];
  if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return answers.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
};

async function refused(url: string, allowLocal = false): Promise<string> {
  const r = await checkRepoUrl(url, { allowLocal, resolve: dns });
  if (r.ok) throw new Error(`${url} was accepted`);
  return r.reason;
}

describe('checkRepoUrl', () => {
  it('accepts public https URLs and pins the validated addresses', async () => {
    const r = await checkRepoUrl('https://github.com/withastro/astro.git', { allowLocal: false, resolve: dns });
    expect(r).toEqual({
      ok: true,
      source: {
        url: 'https://github.com/withastro/astro.git',
        kind: 'https',
        pin: { host: 'github.com', port: 443, addresses: [{ address: '140.82.121.4', family: 4 }] },
      },
    });
    const two = await checkRepoUrl('https://gitlab.example:8443/a/b', { allowLocal: false, resolve: dns });
    expect(two.ok && curlResolveEntry(two.source.pin!)).toBe(
      'gitlab.example:8443:93.184.215.14,[2606:2800:21f:cb07:6820:80da:af6b:8b2c]',
    );
  });

  it('refuses every other scheme, including git transports that run commands', async () => {
    expect(await refused('http://github.com/a/b.git')).toMatch(/uses http; only https/);
    expect(await refused('ssh://git@github.com/a/b.git')).toMatch(/only https/);
    expect(await refused('git://github.com/a/b.git')).toMatch(/only https/);
    expect(await refused('ext::sh -c touch% /tmp/pwned')).toMatch(/whitespace|only https/);
    expect(await refused('ext::sh')).toMatch(/only https/);
    expect(await refused('git@github.com:a/b.git')).toMatch(/not an absolute URL|only https/);
    expect(await refused('--upload-pack=touch /tmp/x')).toMatch(/whitespace|not an absolute URL/);
    expect(await refused('-u/tmp/x')).toMatch(/not an absolute URL/);
  });

  it('refuses loopback, private, link-local/metadata and CGNAT hosts, by name or literal', async () => {
    expect(await refused('https://localhost/a/b')).toMatch(/127\.0\.0\.1, a loopback address/);
    expect(await refused('https://127.0.0.1/a/b')).toMatch(/loopback/);
    expect(await refused('https://2130706433/a/b')).toMatch(/loopback/);
    expect(await refused('https://[::1]/a/b')).toMatch(/loopback/);
    expect(await refused('https://[::ffff:10.0.0.1]/a/b')).toMatch(/private/);
    expect(await refused('https://192.168.1.10/a/b')).toMatch(/private/);
    expect(await refused('https://meta.example/a/b')).toMatch(/169\.254\.169\.254, a linkLocal/);
    expect(await refused('https://cgnat.example/a/b')).toMatch(/carrierGradeNat/);
    expect(await refused('https://rebind.example/a/b')).toMatch(/10\.0\.0\.7, a private/);
    expect(await refused('https://nowhere.example/a/b')).toMatch(/does not resolve \(ENOTFOUND\)/);
  });

  it('refuses credentials, empty paths, whitespace and control characters', async () => {
    expect(await refused('https://user:tok@github.com/a/b.git')).toMatch(
      /must not contain credentials; set an access token/,
    );
    expect(await refused('https://github.com/')).toMatch(/no repository path/);
    expect(await refused('https://github.com/a/b\n--upload-pack=x')).toMatch(/whitespace or control/);
    expect(await refused('')).toMatch(/1–2048/);
  });

  it('file:// only with PAAS_ALLOW_LOCAL_REPOS, and only absolute local paths', async () => {
    expect(await refused('file:///srv/repos/site')).toMatch(/PAAS_ALLOW_LOCAL_REPOS=1/);
    const ok = await checkRepoUrl('file:///srv/repos/site', { allowLocal: true, resolve: dns });
    expect(ok).toEqual({ ok: true, source: { url: 'file:///srv/repos/site', kind: 'file' } });
    expect(await refused('file://host/srv/x', true)).toMatch(/no host/);
    expect(await refused('file:///', true)).toMatch(/absolute path/);
    expect(await refused('ftp://x/y', true)).toMatch(/\(or file:\/\/\)/);
  });
});

describe('checkRepoUrl: ssh (apps with a deploy key)', () => {
  const ssh = (url: string, allowLocal = false) => checkRepoUrl(url, { allowLocal, allowSsh: true, resolve: dns });
  const sshRefused = async (url: string, allowLocal = false) => {
    const r = await ssh(url, allowLocal);
    if (r.ok) throw new Error(`${url} was accepted`);
    return r.reason;
  };

  it('accepts scp-like and ssh:// URLs and pins the validated address', async () => {
    expect(await ssh('git@github.com:withastro/astro.git')).toEqual({
      ok: true,
      source: {
        url: 'git@github.com:withastro/astro.git',
        kind: 'ssh',
        pin: { host: 'github.com', port: 22, addresses: [{ address: '140.82.121.4', family: 4 }] },
      },
    });
    const url = await ssh('ssh://git@gitlab.example:2222/group/sub/repo.git');
    expect(url.ok && url.source).toMatchObject({
      url: 'ssh://git@gitlab.example:2222/group/sub/repo.git',
      kind: 'ssh',
      pin: { host: 'gitlab.example', port: 2222 },
    });
  });

  it('needs the deploy key', async () => {
    expect(await refused('git@github.com:a/b.git')).toMatch(/needs the app's deploy key.*only https/);
    expect(await refused('ssh://git@github.com/a/b.git')).toMatch(/needs the app's deploy key/);
  });

  it('refuses what ssh or the remote shell could read as an option or a command', async () => {
    expect(await sshRefused('-oProxyCommand=touch@x:y')).toMatch(/ssh user|not an absolute URL/);
    expect(await sshRefused('git@-oProxyCommand=x:a/b')).toMatch(/not a DNS name/);
    expect(await sshRefused('ssh://-oProxyCommand=x@github.com/a')).toMatch(/ssh user/);
    expect(await sshRefused('git@github.com:-a/b')).toMatch(/not starting with "-"/);
    expect(await sshRefused("git@github.com:a/b';touch';'x")).toMatch(/repository path/);
    expect(await sshRefused('ssh://git@github.com/a/$(id)')).toMatch(/repository path/);
    expect(await sshRefused('ssh://git:pw@github.com/a/b')).toMatch(/password/);
    expect(await sshRefused('ssh://github.com/a/b')).toMatch(/must name the ssh user/);
    expect(await sshRefused('ssh://git@github.com/')).toMatch(/repository path/);
    expect(await sshRefused('ssh://git@github.com/a?x=1')).toMatch(/query or fragment/);
  });

  it('applies the address rules of https', async () => {
    expect(await sshRefused('git@rebind.example:a/b')).toMatch(/10\.0\.0\.7, a private/);
    expect(await sshRefused('ssh://git@169.254.169.254/a')).toMatch(/linkLocal/);
    expect(await sshRefused('git@localhost:a/b')).toMatch(/loopback/);
  });
});

describe('checkRepoUrl: PAAS_ALLOW_LOCAL_REPOS=loopback opens loopback hosts, and nothing else', () => {
  it('accepts loopback https and ssh hosts with loopback, not with 1', async () => {
    const r = await checkRepoUrl('https://127.0.0.1:8443/a.git', { allowLocal: 'loopback', resolve: dns });
    expect(r.ok && r.source.pin).toEqual({
      host: '127.0.0.1',
      port: 8443,
      addresses: [{ address: '127.0.0.1', family: 4 }],
    });
    expect((await checkRepoUrl('https://localhost/a.git', { allowLocal: 'loopback', resolve: dns })).ok).toBe(true);
    expect(
      (await checkRepoUrl('ssh://git@[::1]:2222/srv/a.git', { allowLocal: 'loopback', allowSsh: true, resolve: dns }))
        .ok,
    ).toBe(true);
    expect((await checkRepoUrl('file:///srv/a', { allowLocal: 'loopback', resolve: dns })).ok).toBe(true);
    expect(await refused('https://127.0.0.1:8443/a.git', true)).toMatch(/loopback address/);
  });

  it('still refuses private, link-local and CGNAT addresses', async () => {
    const local = async (url: string) => {
      const r = await checkRepoUrl(url, { allowLocal: 'loopback', resolve: dns });
      return r.ok ? 'accepted' : r.reason;
    };
    expect(await local('https://192.168.1.10/a/b')).toMatch(/private/);
    expect(await local('https://meta.example/a/b')).toMatch(/linkLocal/);
    expect(await local('https://cgnat.example/a/b')).toMatch(/carrierGradeNat/);
    expect(await local('https://rebind.example/a/b')).toMatch(/private/);
  });
});

describe('branchProblem (git check-ref-format --branch, stricter)', () => {
  it('accepts ordinary branch names', () => {
    for (const name of [
      'main',
      'master',
      'feature/login-v2',
      'release/1.2.x',
      'fix_123',
      'dependabot/npm_and_yarn/vite-6.0.1',
      'ürün',
    ]) {
      expect(branchProblem(name), name).toBeNull();
    }
  });

  it('refuses anything that could be read as an option', () => {
    expect(branchProblem('--upload-pack=touch /tmp/x')).toMatch(/start with "-"/);
    expect(branchProblem('-b')).toMatch(/start with "-"/);
  });

  it('refuses what git refuses', () => {
    const bad = [
      '',
      'a..b',
      'a b',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[b',
      'a\\b',
      'a@{1}',
      '@',
      'HEAD',
      '/a',
      'a/',
      'a//b',
      'a.',
      '.hidden',
      'a/.b',
      'x.lock',
      'a/b.lock/c',
      'tab\there',
      'nul\0',
      'del\x7f',
      'x'.repeat(256),
    ];
    for (const name of bad) expect(branchProblem(name), JSON.stringify(name)).not.toBeNull();
  });
});

describe('pushedBranch', () => {
  it('reads refs/heads/<branch> only', () => {
    expect(pushedBranch('refs/heads/main')).toBe('main');
    expect(pushedBranch('refs/heads/feature/x')).toBe('feature/x');
    expect(pushedBranch('refs/tags/v1')).toBeNull();
    expect(pushedBranch(42)).toBeNull();
  });
});
