import { describe, expect, it } from 'vitest';
import {
  buildContainerSpec,
  containerName,
  containerUser,
  DEFAULT_LIMITS,
  imageTag,
  LABEL,
  networkName,
  networkSpec,
} from './container-spec.js';
import { APP_USER } from './dockerfile.js';

const input = {
  instance: 'a1b2c3d4e5f6',
  appId: '0198f0a2-1111-7000-8000-000000000001',
  slug: 'hello-site',
  deploymentId: '0198f0a2-2222-7000-8000-00000000abcd',
  image: 'ov-paas/hello-site:0198f0a2-2222-7000-8000-00000000abcd',
  port: 8080,
  env: { GREETING: 'merhaba', PORT: '1' },
  network: 'ovp-0198f0a2-1111-7000-8000-000000000001',
  runtime: { readonlyRootfs: true, tmpfs: ['/tmp'] },
  user: '10001:10001',
};

describe('buildContainerSpec', () => {
  const spec = buildContainerSpec(input);
  const host = spec.HostConfig;

  it('256 MB of memory and no swap beyond it; half a CPU', () => {
    expect(host.Memory).toBe(256 * 1024 * 1024);
    expect(host.MemorySwap).toBe(host.Memory);
    expect(host.CpuQuota).toBe(50_000);
    expect(host.CpuPeriod).toBe(100_000);
  });

  it('restart on failure at most 3 times; a pids limit', () => {
    expect(host.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 });
    expect(host.PidsLimit).toBe(DEFAULT_LIMITS.pidsLimit);
    expect(host.PidsLimit).toBeGreaterThan(0);
  });

  it('runs as the user it is given, never the image’s default', () => {
    expect(spec.User).toBe('10001:10001');
  });

  it('every capability dropped, none added, no-new-privileges, never privileged', () => {
    expect(host.CapDrop).toEqual(['ALL']);
    expect(host.CapAdd).toEqual([]);
    expect(host.SecurityOpt).toContain('no-new-privileges:true');
    expect(host.Privileged).toBe(false);
  });

  it('read-only root with a small, noexec tmpfs where the profile asks', () => {
    expect(host.ReadonlyRootfs).toBe(true);
    expect(host.Tmpfs).toEqual({ '/tmp': `rw,noexec,nosuid,nodev,size=${64 * 1024 * 1024},mode=1777` });
    const writable = buildContainerSpec({
      ...input,
      runtime: { readonlyRootfs: false, tmpfs: ['/tmp', '/app/.next/cache'] },
    }).HostConfig;
    expect(writable.ReadonlyRootfs).toBe(false);
    expect(Object.keys(writable.Tmpfs)).toEqual(['/tmp', '/app/.next/cache']);
  });

  it('logs capped in size and files', () => {
    expect(host.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-size': '5m', 'max-file': '2' } });
  });

  it('its own network; the port published on 127.0.0.1 only, at a random host port', () => {
    expect(host.NetworkMode).toBe(input.network);
    expect(Object.keys(spec.NetworkingConfig.EndpointsConfig)).toEqual([input.network]);
    expect(spec.ExposedPorts).toEqual({ '8080/tcp': {} });
    expect(host.PortBindings).toEqual({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
  });

  it('PORT is always the engine’s; the app’s variables are passed through', () => {
    expect(spec.Env).toContain('GREETING=merhaba');
    expect(spec.Env).toContain('PORT=8080');
    expect(spec.Env).not.toContain('PORT=1');
  });

  it('labelled and named for reconcile and cleanup', () => {
    expect(spec.Labels).toEqual({
      [LABEL.managed]: 'a1b2c3d4e5f6',
      [LABEL.app]: input.appId,
      [LABEL.deployment]: input.deploymentId,
      [LABEL.slug]: 'hello-site',
    });
    expect(spec.name).toBe(containerName('hello-site', input.deploymentId));
    expect(spec.name).toBe('ov-paas-hello-site-00000000abcd');
    expect(spec.Image).toBe(imageTag('hello-site', input.deploymentId));
  });

  it('limits can be overridden as a whole', () => {
    const custom = buildContainerSpec({
      ...input,
      limits: { ...DEFAULT_LIMITS, memoryBytes: 128 * 1024 * 1024, pidsLimit: 64 },
    }).HostConfig;
    expect(custom.Memory).toBe(128 * 1024 * 1024);
    expect(custom.MemorySwap).toBe(128 * 1024 * 1024);
    expect(custom.PidsLimit).toBe(64);
  });
});

describe('containerUser', () => {
  it('generated images run as APP_USER, whatever runAsRoot says', () => {
    for (const type of ['node', 'nextjs', 'static', 'static-build', 'python']) {
      expect(containerUser(type, undefined, false)).toBe(APP_USER);
      expect(containerUser(type, '', true)).toBe(APP_USER);
    }
    expect(APP_USER).toBe('10001:10001');
  });

  it('an own Dockerfile whose USER is root or unset runs as APP_USER by default', () => {
    for (const user of [undefined, '', ' ', 'root', 'root:root', '0', '0:0', '00', '0:1000', 'root:staff']) {
      expect(containerUser('dockerfile', user, false)).toBe(APP_USER);
    }
  });

  it('runAsRoot keeps a root USER (unset becomes an explicit 0:0)', () => {
    expect(containerUser('dockerfile', '', true)).toBe('0:0');
    expect(containerUser('dockerfile', undefined, true)).toBe('0:0');
    expect(containerUser('dockerfile', 'root', true)).toBe('root');
    expect(containerUser('dockerfile', '0:0', true)).toBe('0:0');
  });

  it('an own non-root USER is kept, with or without runAsRoot', () => {
    for (const user of ['node', '1000', '1000:1000', 'app:app', '10:0']) {
      expect(containerUser('dockerfile', user, false)).toBe(user);
      expect(containerUser('dockerfile', user, true)).toBe(user);
    }
  });
});

describe('networkSpec', () => {
  it('one bridge per app, inter-container traffic off, labelled', () => {
    const net = networkSpec(input.appId, input.slug, input.instance);
    expect(net.Name).toBe(networkName(input.appId));
    expect(net.Driver).toBe('bridge');
    expect(net.Options['com.docker.network.bridge.enable_icc']).toBe('false');
    expect(net.Labels[LABEL.app]).toBe(input.appId);
    expect(net.Labels[LABEL.managed]).toBe('a1b2c3d4e5f6');
  });
});

describe('sandbox placement', () => {
  it('app networks get an ovp… bridge, so the egress policy covers them', () => {
    const net = networkSpec(input.appId, input.slug, input.instance);
    expect(net.Options['com.docker.network.bridge.name']).toBe('ovp000000000001');
    expect(net.Options['com.docker.network.bridge.name'].length).toBeLessThanOrEqual(15);
    expect(networkName(input.appId)).toBe(`ovp-${input.appId}`);
  });

  it('the engine default runtime unless PAAS_CONTAINER_RUNTIME names one (gVisor, Kata)', () => {
    expect(buildContainerSpec(input).HostConfig.Runtime).toBeUndefined();
    expect(buildContainerSpec({ ...input, ociRuntime: 'runsc' }).HostConfig.Runtime).toBe('runsc');
  });
});
