import { describe, expect, it } from 'vitest';
import type { EngineInfo, ImageInfo } from '../../repositories/docker.repository.js';
import type { EgressStamp, HostSandboxRepository } from '../../repositories/host-sandbox.repository.js';
import { PipelineFailure } from './deploy-log.js';
import { PaasSandbox, STAMP_MAX_AGE_MS, type SandboxSettings } from './sandbox.js';

const settings: SandboxSettings = {
  egress: 'enforce',
  egressAllow: [],
  proxies: [{ host: 'proxy.lan', port: 3128 }],
  allowedRegistries: ['docker.io'],
  buildPidsLimit: 300,
  buildDiskBytes: 100 * 1024 * 1024,
  minFreeBytes: 50 * 1024 * 1024,
  pullTimeoutMs: 1000,
};

/** A host whose packet filter is a map of chain → rule count, and whose cgroups are a set. */
let written = 0;
function fakeHost(options: { failApply?: boolean } = {}) {
  const chains = new Map<string, number>();
  let jumps = false;
  const cgroups = new Map<string, number>();
  const stamps = new Map<string, EgressStamp>();
  const host = {
    readStamp: async (path: string) => stamps.get(path),
    writeStamp: async (path: string, stamp: EgressStamp) => void stamps.set(path, stamp),
    removeStamp: async (path: string) => void stamps.delete(path),
    resolvConf: async () => 'nameserver 10.0.0.2\n',
    resolve: async (host: string) => (host === 'proxy.lan' ? ['10.1.2.3'] : []),
    interfaces: () => ({}),
    applyRules: async (family: 4 | 6, rules: string) => {
      if (options.failApply) throw new Error('iptables-restore: not installed');
      if (family === 4) {
        chains.set('OV-PAAS-EGRESS', rules.split('\n').filter((l) => l.startsWith('-A OV-PAAS-EGRESS')).length);
        jumps = true;
      }
    },
    inspect: async (_f: 4 | 6, chain: string) =>
      chains.has(chain) ? { rules: chains.get(chain)!, jumpsPresent: jumps } : undefined,
    createPidsCgroup: async (name: string, _v: '1' | '2', max: number) => void cgroups.set(name, max),
    removeCgroup: async (name: string) => cgroups.delete(name) || true,
    cgroupContainers: async () => (written > 0 ? ['c'.repeat(64)] : []),
    staleBuildCgroups: async () => [],
    freeBytes: async () => 10 * 1024 * 1024 * 1024,
  };
  return { host: host as unknown as HostSandboxRepository, chains, cgroups, stamps, flush: () => chains.clear() };
}

function fakeDocker(images: Record<string, Partial<ImageInfo>> = {}, engine: Partial<EngineInfo> = {}) {
  const pulled: string[] = [];
  const networks: string[] = [];
  return {
    pulled,
    networks,
    engineInfo: async (): Promise<EngineInfo> => ({
      cgroupDriver: 'cgroupfs',
      cgroupVersion: '1',
      rootDir: '/var/lib/docker',
      ...engine,
    }),
    writableBytes: async () => written,
    ensureNetwork: async (spec: { Name: string }) => void networks.push(spec.Name),
    imageInfo: async (ref: string) =>
      images[ref] ? ({ id: ref, ports: [], user: '', onBuild: [], size: 1, ...images[ref] } as ImageInfo) : undefined,
    pull: async (ref: string) => {
      pulled.push(ref);
      images[ref] = { onBuild: ref.includes('evil') ? ['ADD http://169.254.169.254/ /m'] : [] };
    },
  };
}

describe('PaasSandbox', () => {
  it('installs the policy and the build network, and verifies it', async () => {
    const { host, chains } = fakeHost();
    const docker = fakeDocker();
    await new PaasSandbox(host, docker, settings).install();
    expect(chains.get('OV-PAAS-EGRESS')).toBeGreaterThan(10);
    expect(docker.networks).toEqual(['ov-paas-build']);
    // The operator's proxy on the LAN stays reachable through the policy.
    expect((await new PaasSandbox(host, docker, settings).rules()).v4).toContain(
      '-d 10.1.2.3/32 -p tcp -m tcp --dport 3128 -j RETURN',
    );
  });

  it('refuses to deploy, saying how to fix it, when the policy cannot be installed', async () => {
    const sandbox = new PaasSandbox(fakeHost({ failApply: true }).host, fakeDocker(), settings);
    const err = await sandbox.ensure().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PipelineFailure);
    expect((err as Error).message).toMatch(
      /could not be installed, so nothing is deployed.*root \(or CAP_NET_ADMIN.*PAAS_EGRESS_POLICY=off/,
    );
  });

  it('re-installs rules someone flushed', async () => {
    const fake = fakeHost();
    const sandbox = new PaasSandbox(fake.host, fakeDocker(), settings);
    await sandbox.ensure();
    fake.flush();
    // The 15-second verification cache is per instance: a fresh one re-checks at once.
    await new PaasSandbox(fake.host, fakeDocker(), settings).ensure();
    expect(fake.chains.get('OV-PAAS-EGRESS')).toBeGreaterThan(10);
  });

  it('with PAAS_EGRESS_POLICY=off, installs nothing and warns at every deployment', async () => {
    const fake = fakeHost({ failApply: true });
    const warnings: string[] = [];
    await new PaasSandbox(fake.host, fakeDocker(), { ...settings, egress: 'off' }, (m) => warnings.push(m)).ensure();
    expect(warnings[0]).toMatch(/PAAS_EGRESS_POLICY=off/);
  });

  it("PAAS_EGRESS_POLICY=agent: the node's egress agent installs and stamps; a worker deploys only with a fresh stamp", async () => {
    const fake = fakeHost();
    const stampFile = '/run/omervision-egress/policy.json';
    const worker = () => new PaasSandbox(fake.host, fakeDocker(), { ...settings, egress: 'agent', stampFile });
    // No agent yet: refused, saying what to run; nothing installed by the worker itself.
    const missing = await worker()
      .install()
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(PipelineFailure);
    expect((missing as Error).message).toMatch(/egress agent has not confirmed.*missing.*egress-agent service/);
    expect(fake.chains.size).toBe(0);
    // The agent (enforce mode, same stamp file) installs, verifies, stamps.
    const agent = new PaasSandbox(fake.host, fakeDocker(), { ...settings, stampFile });
    await agent.ensure();
    await agent.stamp('node-1');
    expect(fake.stamps.get(stampFile)).toMatchObject({ node: 'node-1', rules: fake.chains.get('OV-PAAS-EGRESS') });
    await worker().ensure();
    // A stale stamp (the agent stopped) or a removed one (it failed) refuses again.
    fake.stamps.set(stampFile, { ...fake.stamps.get(stampFile)!, at: Date.now() - STAMP_MAX_AGE_MS - 1 });
    await expect(worker().ensure()).rejects.toThrow(/last confirmed \d+ s ago/);
    await agent.unstamp();
    await expect(worker().ensure()).rejects.toThrow(/missing/);
  });

  it('pulls the images a Dockerfile names itself, and refuses a base image with a dangerous ONBUILD trigger', async () => {
    const docker = fakeDocker({ 'node:24': {} });
    const sandbox = new PaasSandbox(fakeHost().host, docker, settings);
    await sandbox.admitDockerfile('FROM node:24 AS a\nFROM library/alpine:3\nCOPY --from=a /x /x', () => undefined);
    expect(docker.pulled).toEqual(['library/alpine:3']);
    await expect(sandbox.admitDockerfile('FROM evil/base:1', () => undefined)).rejects.toThrow(
      /evil\/base:1 carries an ONBUILD trigger.*ADD http:\/\/169\.254/,
    );
    await expect(sandbox.admitDockerfile('FROM ghcr.io/x/y', () => undefined)).rejects.toThrow(
      /not an allowed registry/,
    );
  });

  it('a build slot: its own pids cgroup, released at the end', async () => {
    const fake = fakeHost();
    const slot = await new PaasSandbox(fake.host, fakeDocker(), settings).slot('0198f0a2-2222-7000-8000-00000000abcd');
    expect(slot.networkMode).toBe('ov-paas-build');
    expect(slot.cgroupParent).toBe('/ov-paas-build-800000000000abcd');
    expect([...fake.cgroups.values()]).toEqual([300]);
    await slot.release();
    expect(fake.cgroups.size).toBe(0);
  });

  it('a build slot aborts when the running step writes past the cap, whatever else fills the disk', async () => {
    let free = 1000 * 1024 * 1024;
    const slot = await new PaasSandbox(fakeHost().host, fakeDocker(), settings).slot('b1', async () => free);
    free -= 500 * 1024 * 1024; // someone else's writes: not this build's
    written = 150 * 1024 * 1024;
    await new Promise((resolve) => slot.signal.addEventListener('abort', resolve));
    expect((slot.signal.reason as Error).message).toMatch(/a build step wrote more than 100 MB to disk/);
    written = 0;
    await slot.release();
  });

  it("a build slot aborts when the engine's disk falls below the floor", async () => {
    let free = 1000 * 1024 * 1024;
    const slot = await new PaasSandbox(fakeHost().host, fakeDocker(), settings).slot('b2', async () => free);
    free = 10 * 1024 * 1024;
    await new Promise((resolve) => slot.signal.addEventListener('abort', resolve));
    expect((slot.signal.reason as Error).message).toMatch(/less than 50 MB free/);
    await slot.release();
  });
});
