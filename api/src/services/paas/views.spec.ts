import { describe, expect, it } from 'vitest';
import { RouteTable } from './route-table.js';
import {
  buildColumns,
  checkBuild,
  checkEnv,
  generateHookSecret,
  hubSignature,
  paasUrls,
  slugify,
  verifyHubSignature,
} from './views.js';
import { withTail, crashReason } from './deploy-log.js';

describe('git hook signature (GitHub X-Hub-Signature-256)', () => {
  const secret = generateHookSecret();
  const body = Buffer.from('{"ref":"refs/heads/main"}');

  it('accepts the HMAC of the exact raw body only', () => {
    expect(secret).toMatch(/^ovhook_[A-Za-z0-9_-]{43}$/);
    expect(verifyHubSignature(secret, body, hubSignature(secret, body))).toBe(true);
    expect(verifyHubSignature(secret, Buffer.from('{"ref": "refs/heads/main"}'), hubSignature(secret, body))).toBe(
      false,
    );
    expect(verifyHubSignature('ovhook_other', body, hubSignature(secret, body))).toBe(false);
    expect(verifyHubSignature(secret, body, undefined)).toBe(false);
    expect(verifyHubSignature(secret, body, 'sha1=abc')).toBe(false);
    expect(verifyHubSignature(secret, body, 'sha256=' + '0'.repeat(64))).toBe(false);
  });
});

describe('build settings in requests', () => {
  it('refuses bad settings with a field error each, and maps good ones onto the app row', () => {
    expect(() => checkBuild({ rootDir: '../x', port: 0 })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        errors: [
          expect.objectContaining({ field: 'body.build.rootDir' }),
          expect.objectContaining({ field: 'body.build.port' }),
        ],
      }),
    );
    expect(checkBuild(undefined)).toEqual({});
    expect(
      buildColumns(checkBuild({ rootDir: 'apps/web/', port: 3000, startCommand: null, buildCommand: 'make' })),
    ).toEqual({ rootDir: 'apps/web', listenPort: 3000, startCommand: null, buildCommand: { shell: 'make' } });
    expect(buildColumns({ startCommand: ['node', 'a.js'] })).toEqual({ startCommand: ['node', 'a.js'] });
  });
});

describe('checkEnv', () => {
  it('keeps valid variables and refuses bad names, PORT and oversized values with field errors', () => {
    expect(checkEnv({ GREETING: 'merhaba', _X1: '' })).toEqual({ GREETING: 'merhaba', _X1: '' });
    expect(checkEnv(undefined)).toEqual({});
    const bad: Record<string, string>[] = [
      { '1ABC': 'x' },
      { 'A-B': 'x' },
      { PORT: '80' },
      { A: 'x'.repeat(8193) },
      { A: 'a\0b' },
    ];
    for (const env of bad) {
      expect(() => checkEnv(env), JSON.stringify(env).slice(0, 40)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
  });
});

describe('slugify', () => {
  it('makes DNS labels from names, Turkish included', () => {
    expect(slugify('My Blog!')).toBe('my-blog');
    expect(slugify('Işık Ağacı Öğrenci Şube')).toBe('isik-agaci-ogrenci-sube');
    expect(slugify('---')).toBe('app');
    expect(slugify('x'.repeat(80))).toHaveLength(40);
  });
});

describe('paasUrls', () => {
  it('uses PAAS_APP_URL when set, else the router address', () => {
    const base = { PAAS_DOMAIN: 'apps.localhost', PAAS_ROUTER_PORT: 8090, PUBLIC_API_URL: 'http://127.0.0.1:8000/' };
    expect(paasUrls(base).app('blog')).toBe('http://blog.apps.localhost:8090');
    expect(paasUrls({ ...base, PAAS_APP_URL: 'https://{slug}.apps.example.com' }).app('blog')).toBe(
      'https://blog.apps.example.com',
    );
    expect(paasUrls(base).api).toBe('http://127.0.0.1:8000');
  });
});

describe('RouteTable', () => {
  it('reads the slug from the Host header, only under the domain', () => {
    const routes = new RouteTable(async () => undefined, 'apps.localhost');
    expect(routes.slugOf('blog.apps.localhost:8090')).toBe('blog');
    expect(routes.slugOf('BLOG.Apps.Localhost.')).toBe('blog');
    expect(routes.slugOf('apps.localhost')).toBeNull();
    expect(routes.slugOf('a.b.apps.localhost')).toBeNull();
    expect(routes.slugOf('blog.apps.localhost.evil.com')).toBeNull();
    expect(routes.slugOf(undefined)).toBeNull();
  });

  it('routes running apps to their port, others down or unknown, cached for the TTL', async () => {
    let calls = 0;
    const apps: Record<
      string,
      { id: string; slug: string; name: string; status: 'running' | 'stopped'; hostPort: number | null }
    > = {
      up: { id: 'a1', slug: 'up', name: 'Up', status: 'running', hostPort: 32001 },
      off: { id: 'a2', slug: 'off', name: 'Off', status: 'stopped', hostPort: 32002 },
    };
    const routes = new RouteTable(async (slug) => (calls++, apps[slug]), 'apps.localhost', 50);
    expect(await routes.lookup('up')).toEqual({
      kind: 'up',
      slug: 'up',
      host: '127.0.0.1',
      port: 32001,
      keepAlive: true,
    });
    expect(await routes.lookup('off')).toEqual({ kind: 'down', slug: 'off', name: 'Off', status: 'stopped' });
    expect(await routes.lookup('nope')).toEqual({ kind: 'unknown', slug: 'nope' });
    await routes.lookup('up');
    expect(calls).toBe(3);
    apps.up!.hostPort = 32009;
    routes.forget('up');
    expect(await routes.lookup('up')).toEqual({
      kind: 'up',
      slug: 'up',
      host: '127.0.0.1',
      port: 32009,
      keepAlive: true,
    });
    // The swarm driver: the app's service name on its overlay, at the app's own port.
    const swarm = new RouteTable(async (slug) => apps[slug], 'apps.localhost', 50, 'swarm');
    expect(await swarm.lookup('up')).toEqual({
      kind: 'up',
      slug: 'up',
      host: 'ov-app-a1',
      port: 32009,
      keepAlive: false,
    });
  });
});

describe('crash reasons', () => {
  it('say what happened and keep the newest log lines within 1000 characters', () => {
    const reason = crashReason(
      { exitCode: 1, restartCount: 3, oomKilled: false },
      3,
      Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(40)}`),
    );
    expect(reason).toMatch(
      /^The app exited with code 1 and was restarted 3 times without staying up\. Last log lines:\n/,
    );
    expect(reason.length).toBeLessThanOrEqual(1000);
    expect(reason).toMatch(/line 49 x+$/);
    expect(crashReason({ exitCode: 137, restartCount: 3, oomKilled: true }, 3, [])).toMatch(
      /killed for using more than its memory limit/,
    );
    expect(crashReason({ exitCode: 0, restartCount: 0, oomKilled: false }, 3, [])).toMatch(
      /a clean exit is not restarted/,
    );
    expect(withTail('Head.', [])).toBe('Head.');
  });
});
