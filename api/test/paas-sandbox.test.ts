import { execFileSync } from 'node:child_process';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { statfs } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_NETWORK } from '../src/services/paas/sandbox.js';
import { eventually } from './harness.js';
import { startNetnsHost } from './netns-host.js';
import { makeRepo, nodeServer, viaRouter } from './paas-fixtures.js';
import { startPaasStack, SWARM, type PaasStack } from './paas-stack.js';

/**
 * The build and run sandbox against the real Docker Engine, tried as an attacker would: a
 * repository's Dockerfile and its running app go after the host's loopback-only and all-interface
 * services, the local databases, another app and a cloud metadata address (a test host in a network
 * namespace made here), and try to exhaust processes and disk. Every target counts what reaches it.
 */
const PIDS_LIMIT = 256;
const DISK_MB = 300;
let stack: PaasStack;
let metadata: Awaited<ReturnType<typeof startNetnsHost>>;
let loopbackSecret: Server;
let loopbackHits = 0;
let allInterfaces: ReturnType<typeof createTcpServer>;
let allInterfacesHits = 0;

beforeAll(async () => {
  stack = await startPaasStack({
    PAAS_BUILD_PIDS_LIMIT: String(PIDS_LIMIT),
    PAAS_BUILD_DISK_MB: String(DISK_MB),
    // This machine's registry is reached through a mirror that serves no npm signatures (see scripts/dev.sh).
    PAAS_BUILD_COREPACK_INTEGRITY_KEYS: '0',
  });
  metadata = await startNetnsHost('169.254.169.254', '169.254.169.1');
  loopbackSecret = createHttpServer((_req, res) => {
    loopbackHits++;
    res.end('loopback-secret');
  });
  await new Promise<void>((resolve) => loopbackSecret.listen(0, '127.0.0.1', resolve));
  // A host service bound to every interface (an unconfigured Redis, a dev server): the classic leak.
  allInterfaces = createTcpServer((socket) => {
    allInterfacesHits++;
    socket.end('all-interfaces-secret');
  });
  await new Promise<void>((resolve) => allInterfaces.listen(0, '0.0.0.0', resolve));
}, 660_000);

afterAll(async () => {
  await stack?.close();
  await metadata?.close();
  loopbackSecret?.close();
  allInterfaces?.close();
});

const port = (s: { address(): unknown }) => (s.address() as AddressInfo).port;

describe('build sandbox', () => {
  it('remote ADD to a loopback-only server: the deployment fails naming the line and the server receives no request', async () => {
    const url = `http://127.0.0.1:${port(loopbackSecret)}/secret`;
    const repo = await makeRepo(stack.root, 'remote-add', {
      Dockerfile: `FROM omervision/paas-node:local\nADD ${url} /s\nRUN ["node", "-e", "console.log(require('fs').readFileSync('/s', 'utf8'))"]\n`,
    });
    const { deployment } = await stack.deployed('remote-add', repo.url);
    expect(deployment.status).toBe('failed');
    expect(deployment.reason).toContain(`Dockerfile line 2: ADD ${url} makes the Docker engine download it`);
    expect(deployment.log).not.toContain('loopback-secret');
    expect(loopbackHits).toBe(0);
    // The target was live all along: the host itself reaches it.
    expect(await (await fetch(url)).text()).toBe('loopback-secret');
    loopbackHits = 0;
  });

  it('a fork bomb in RUN is stopped by the pids limit', async () => {
    const repo = await makeRepo(stack.root, 'fork-bomb', {
      'bomb.js': `const { spawn } = require('node:child_process');
const kids = [];
const end = (text, code) => { console.log(text); for (const k of kids) k.kill('SIGKILL'); process.exit(code); };
const next = () => {
  if (kids.length >= 4000) return end('BOMB not stopped after 4000 processes', 0);
  const child = spawn('/bin/sh', ['-c', 'read x'], { stdio: ['pipe', 'ignore', 'ignore'] });
  child.on('error', (err) => end('BOMB stopped after ' + kids.length + ' processes: ' + err.code, 1));
  child.on('spawn', () => { kids.push(child); setImmediate(next); });
};
next();
`,
      Dockerfile: 'FROM omervision/paas-node:local\nCOPY bomb.js /bomb.js\nRUN ["node", "/bomb.js"]\n',
    });
    const { deployment } = await stack.deployed('fork-bomb', repo.url);
    expect(deployment.status).toBe('failed');
    const stopped = /BOMB stopped after (\d+) processes: (\w+)/.exec(deployment.log!);
    expect(stopped, deployment.log!).not.toBeNull();
    expect(Number(stopped![1])).toBeLessThan(PIDS_LIMIT);
    expect(stopped![2]).toBe('EAGAIN');
  });

  it('a disk filler in RUN is stopped with a clear error and the host keeps its free space', async () => {
    const free = async () => {
      const s = await statfs('/var/lib/docker');
      return s.bavail * s.bsize;
    };
    const before = await free();
    const repo = await makeRepo(stack.root, 'disk-filler', {
      'fill.js': `const fs = require('node:fs');
const fd = fs.openSync('/fill.bin', 'w');
const chunk = Buffer.alloc(1024 * 1024, 7);
for (let mb = 1; mb <= 6000; mb++) { fs.writeSync(fd, chunk); if (mb % 32 === 0) fs.fsyncSync(fd); }
console.log('FILL wrote 6000 MB unhindered');
`,
      Dockerfile: 'FROM omervision/paas-node:local\nCOPY fill.js /fill.js\nRUN ["node", "/fill.js"]\n',
    });
    const { deployment } = await stack.deployed('disk-filler', repo.url);
    expect(deployment.status).toBe('failed');
    expect(deployment.reason).toMatch(
      new RegExp(`The build failed: a build step wrote more than ${DISK_MB} MB to disk and was stopped`),
    );
    expect(deployment.log).not.toContain('unhindered');
    // The stopped step's container is removed with what it wrote.
    await eventually(async () => (await free()) > before - 150 * 1024 * 1024, 30_000, 500);
  });
});

describe('egress policy', () => {
  it('RUN steps and a running app cannot reach the host, its databases, another app or the metadata address; the package registry still works', async () => {
    const other = await stack.deployed(
      'egress-other',
      (await makeRepo(stack.root, 'egress-other', { 'index.html': '<h1>other</h1>' })).url,
    );
    expect(other.deployment.status, other.deployment.reason ?? '').toBe('running');
    const otherContainer = await stack.servingContainer(other.app.id);
    // Swarm: the other app's task has an address on its overlay and one on the egress bridge.
    const otherIps = Object.values(otherContainer.NetworkSettings.Networks).map((n) => n.IPAddress);
    // Swarm's gateway bridge is a host address too (app tasks have no leg on it; the host must refuse them).
    const gwbridge = SWARM
      ? ((await stack.docker.getNetwork('docker_gwbridge').inspect()) as { IPAM: { Config: { Gateway: string }[] } })
          .IPAM.Config[0]!.Gateway
      : undefined;
    const buildGateway = (
      (await stack.docker.getNetwork(BUILD_NETWORK).inspect()) as { IPAM: { Config: { Gateway: string }[] } }
    ).IPAM.Config[0]!.Gateway;
    const hostIps = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    const apiPort = Number(new URL(stack.api.url).port);
    const targets = (gateway: string) =>
      [
        ...[gateway, ...hostIps, ...(gwbridge ? [gwbridge] : [])].flatMap((h) => [
          [h, port(allInterfaces)],
          [h, port(loopbackSecret)],
          [h, 3307],
          [h, 6380],
          [h, 9100],
          [h, apiPort],
          [h, 22],
        ]),
        ...otherIps.map((ip) => [ip, 8080]),
        [metadata.address, 80],
      ] as [string, number][];
    const repo = await makeRepo(stack.root, 'egress-probe', {
      'targets.json': JSON.stringify(targets(buildGateway)),
      'probe.js': `const net = require('node:net');
const https = require('node:https');
const probe = (host, port) => new Promise((resolve) => {
  const s = net.connect({ host, port });
  const done = (r) => { s.destroy(); resolve(r); };
  s.setTimeout(3000, () => done('timeout'));
  s.on('connect', () => done('connected'));
  s.on('error', (e) => done(e.code));
});
(async () => {
  for (const [host, port] of require('./targets.json')) console.log('PROBE ' + host + ':' + port + ' ' + await probe(host, port));
  const status = await new Promise((resolve) => https.get('https://registry.npmjs.org/is-number', (res) => { res.resume(); resolve(res.statusCode); }).on('error', (e) => resolve(e.code)));
  console.log('REGISTRY ' + status);
})();
`,
      'server.js': nodeServer('probe'),
      Dockerfile: [
        'FROM omervision/paas-node:local',
        'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt',
        'WORKDIR /probe',
        'COPY probe.js targets.json server.js ./',
        'RUN ["node", "probe.js"]',
        'EXPOSE 8080',
        'CMD ["node", "server.js"]',
      ].join('\n'),
    });
    const { app, deployment } = await stack.deployed('egress-probe', repo.url);
    expect(deployment.status, deployment.reason ?? '').toBe('running');

    const buildProbes = [...deployment.log!.matchAll(/^PROBE (\S+) (\S+)$/gm)].map((m) => [m[1], m[2]]);
    expect(buildProbes).toHaveLength(targets(buildGateway).length);
    for (const [target, result] of buildProbes) expect(result, `RUN step → ${target}`).not.toBe('connected');
    expect(deployment.log).toMatch(/^REGISTRY 200$/m);

    const self = await stack.servingContainer(app.id);
    const gateway = Object.values(self.NetworkSettings.Networks).find((n) => n.Gateway)!.Gateway;
    const viaApp = async (h: string, p: number | string) =>
      (await viaRouter(stack.routerPort, stack.host(app.slug), `/probe?host=${h}&port=${p}`)).body;
    expect(await viaApp('127.0.0.1', 8080)).toBe('connected'); // the probe works: the app reaches itself
    for (const [h, p] of targets(gateway)) expect(await viaApp(h, p), `app → ${h}:${p}`).not.toBe('connected');
    expect(await viaApp('registry.npmjs.org', 443)).toBe('connected');

    expect(metadata.requests()).toEqual([]);
    expect(allInterfacesHits).toBe(0);
    expect(loopbackHits).toBe(0);

    // Control: the metadata host is live and a container outside the PaaS networks reaches it, so
    // the refusals above are the policy's doing, not an unreachable target.
    const control = execFileSync(
      'docker',
      [
        'run',
        '--rm',
        '--network',
        'bridge',
        'omervision/paas-static:local',
        'node',
        '-e',
        `require('node:http').get('http://${metadata.address}/latest/meta-data/', (r) => { let b = ''; r.on('data', (d) => (b += d)); r.on('end', () => console.log(b)); }).on('error', (e) => console.log(e.code))`,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(control.trim()).toBe('instance-secret');
    await eventually(async () => metadata.requests().length === 1, 5000, 100);
  });

  it('the worker installs the policy idempotently and verifies it', async () => {
    await stack.engine.sandbox.install();
    await stack.engine.sandbox.install();
    const jumps = execFileSync('iptables', ['-S', 'DOCKER-USER'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes('OV-PAAS-EGRESS'));
    expect(jumps).toEqual(['-A DOCKER-USER -i ovp+ -j OV-PAAS-EGRESS']);
    const host = execFileSync('iptables', ['-S', 'INPUT'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes('OV-PAAS-HOST'));
    expect(host).toEqual(['-A INPUT -i ovp+ -j OV-PAAS-HOST']);
  });
});

describe("build network: the operator's CA bundle and proxy reach builds and apps", () => {
  const server = `const isNumber = require('is-number');
require('node:http').createServer((req, res) => res.end('is-number says ' + isNumber(5) + ', CA ' + (process.env.NODE_EXTRA_CA_CERTS || 'none'))).listen(Number(process.env.PORT), '0.0.0.0');
`;
  const pkg = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      name: 'ca-fixture',
      version: '1.0.0',
      private: true,
      dependencies: { 'is-number': '7.0.0' },
      scripts: { start: 'node server.js' },
      ...extra,
    });

  it('an npm app with a lockfile installs its dependency from the registry through the TLS-intercepting proxy', async () => {
    const lock = {
      name: 'ca-fixture',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'ca-fixture', version: '1.0.0', dependencies: { 'is-number': '7.0.0' } },
        'node_modules/is-number': {
          version: '7.0.0',
          resolved: 'https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz',
          integrity: IS_NUMBER_INTEGRITY,
          license: 'MIT',
          engines: { node: '>=0.12.0' },
        },
      },
    };
    const repo = await makeRepo(stack.root, 'ca-npm', {
      'package.json': pkg(),
      'package-lock.json': JSON.stringify(lock, null, 2),
      'server.js': server,
    });
    const { app, deployment } = await stack.deployed('ca-npm', repo.url, 180_000);
    expect(deployment.status, `${deployment.reason}\n${deployment.log}`).toBe('running');
    expect(deployment.log).toContain('COPY omervision/ca-bundle.crt /etc/ssl/certs/omervision-ca-bundle.crt');
    expect((await viaRouter(stack.routerPort, stack.host(app.slug))).body).toBe(
      'is-number says true, CA /etc/ssl/certs/omervision-ca-bundle.crt',
    );
  });

  it('a yarn app (corepack downloads yarn, yarn.lock) installs through the proxy too', async () => {
    const lock = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\nis-number@7.0.0:\n  version "7.0.0"\n  resolved "https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz"\n  integrity ${IS_NUMBER_INTEGRITY}\n`;
    const repo = await makeRepo(stack.root, 'ca-yarn', {
      'package.json': pkg({ packageManager: 'yarn@1.22.22' }),
      'yarn.lock': lock,
      'server.js': server,
    });
    const { app, deployment } = await stack.deployed('ca-yarn', repo.url, 180_000);
    expect(deployment.status, `${deployment.reason}\n${deployment.log}`).toBe('running');
    expect(deployment.log).not.toContain('SELF_SIGNED_CERT_IN_CHAIN');
    expect((await viaRouter(stack.routerPort, stack.host(app.slug))).body).toMatch(/^is-number says true/);
  });
});

const IS_NUMBER_INTEGRITY =
  'sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==';
