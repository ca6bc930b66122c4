/**
 * Issue #17 item 6: deploy and redeploy time with the `docker` driver against the `swarm` driver, in
 * the same run on the same engine. `make bench` runs it as the `paas-drivers` scenario through
 * scripts/test-swarm.sh, which makes a one-node swarm and the registry when there are none and
 * leaves the engine as it found it.
 *
 *   scripts/test-swarm.sh -- node --import tsx scripts/bench/paas-drivers.ts [--quick] [--rounds N]
 *
 * Each round runs one child process per driver (the order alternates between rounds, so a drift of
 * the machine falls on both). A child starts the PaaS the way the integration suite does
 * (api/test/paas-stack.ts: the API, an in-process worker and the app router; with the swarm driver
 * the router is a container on the apps' overlays and images go through the registry) — its start
 * is not timed — then times, through the admin API:
 *   - deploy, static repo: POST /apps … until the router serves the page;
 *   - deploy, Node repo: the same for a Node server (npm, no dependencies);
 *   - redeploy, Node: a new commit, POST /deployments … until the router serves the new version,
 *     while a client asks every 50 ms and counts failed answers (both drivers switch start-first).
 * The child prints one JSON line; this process compares medians: swarm ÷ docker.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_DB, flag, numberArg, recreateDatabase, table, writeResult } from './lib.js';

const CHILD = flag('child');
const QUICK = flag('quick');
const ROUNDS = numberArg('rounds', QUICK ? 1 : 3);
/** Its own database, made afresh: no app of another run for the workers to reconcile. */
const DB_URL = (() => {
  const u = new URL(BASE_DB);
  u.pathname = '/omervision_drivers_bench';
  return u.toString();
})();

interface ChildResult {
  driver: string;
  staticMs: number;
  nodeMs: number;
  redeployMs: number;
  redeployRequests: number;
  redeployFailed: number;
  stackStartMs: number;
}

async function child(): Promise<void> {
  // Imported here: paas-stack reads PAAS_DRIVER when it loads.
  const { startPaasStack } = await import('../../api/test/paas-stack.js');
  const { makeRepo, nodeServer, viaRouter } = await import('../../api/test/paas-fixtures.js');
  const driver = process.env.PAAS_DRIVER ?? 'docker';
  const t0 = performance.now();
  const stack = await startPaasStack({ PAAS_HEALTH_TIMEOUT_MS: '30000' });
  const stackStartMs = performance.now() - t0;
  const root = await mkdtemp(join(tmpdir(), 'ov-drivers-'));
  const nonce = `${driver}-${Date.now().toString(36)}`;
  const served = async (slug: string, expect: string, timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await viaRouter(stack.routerPort, stack.host(slug)).catch(() => null);
      if (answer?.status === 200 && answer.body.includes(expect)) return;
      if (Date.now() > deadline) throw new Error(`${slug} never served "${expect}"`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const deployTimed = async (name: string, repoUrl: string, expect: string) => {
    const t = performance.now();
    const app = await stack.createApp(name, repoUrl);
    const dep = await stack.deploy(app.id);
    await served(app.slug, expect);
    const ms = performance.now() - t;
    const done = await stack.settled(dep.id);
    if (done.status !== 'running') throw new Error(`${name}: ${done.status} ${done.reason ?? ''}`);
    return { app, ms };
  };
  try {
    const staticRepo = await makeRepo(root, 'static', { 'index.html': `<h1>static ${nonce}</h1>` });
    const nodeFiles = (version: string) => ({
      'package.json': JSON.stringify({
        name: 'drivers-node',
        version: '1.0.0',
        private: true,
        description: nonce,
        scripts: { start: 'node server.js' },
      }),
      'server.js': nodeServer(version),
    });
    const nodeRepo = await makeRepo(root, 'node', nodeFiles('v1'));
    const s = await deployTimed('Drivers static', staticRepo.url, `static ${nonce}`);
    const n = await deployTimed('Drivers node', nodeRepo.url, 'v1 from node');

    await nodeRepo.commit({ 'server.js': nodeServer('v2') }, 'v2');
    let requests = 0;
    let failed = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const answer = await viaRouter(stack.routerPort, stack.host(n.app.slug)).catch(() => null);
        requests++;
        if (answer?.status !== 200) failed++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const t = performance.now();
    const dep = await stack.deploy(n.app.id);
    await served(n.app.slug, 'v2 from node');
    const redeployMs = performance.now() - t;
    const done = await stack.settled(dep.id);
    polling = false;
    await poller;
    if (done.status !== 'running') throw new Error(`redeploy: ${done.status} ${done.reason ?? ''}`);
    const result: ChildResult = {
      driver,
      staticMs: s.ms,
      nodeMs: n.ms,
      redeployMs,
      redeployRequests: requests,
      redeployFailed: failed,
      stackStartMs,
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await stack.close();
    await rm(root, { recursive: true, force: true });
  }
}

function runChild(driver: 'docker' | 'swarm', round: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/paas-drivers.ts', '--child'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        PAAS_DRIVER: driver,
        TEST_DATABASE_URL: DB_URL,
        TEST_REDIS_PREFIX: `ovdrivers${Date.now()}-${driver}-${round}:`,
      },
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)) as ChildResult);
      else reject(new Error(`the ${driver} run exited ${code}:\n${out.slice(-2000)}`));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const secs = (ms: number) => Math.round(ms / 10) / 100;

async function main(): Promise<void> {
  await recreateDatabase(DB_URL);
  const samples: Record<'docker' | 'swarm', ChildResult[]> = { docker: [], swarm: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (['docker', 'swarm'] as const) : (['swarm', 'docker'] as const);
    for (const driver of order) {
      const r = await runChild(driver, round);
      samples[driver].push(r);
      console.error(
        `[paas-drivers] round ${round + 1} ${driver}: static ${secs(r.staticMs)} s, node ${secs(r.nodeMs)} s, redeploy ${secs(r.redeployMs)} s (${r.redeployFailed}/${r.redeployRequests} failed answers)`,
      );
    }
  }
  const keys = [
    ['staticMs', 'deploy, static repo (create → served)'],
    ['nodeMs', 'deploy, Node repo (create → served)'],
    ['redeployMs', 'redeploy, Node (new commit → new version served)'],
  ] as const;
  const results = Object.fromEntries(
    keys.map(([key]) => {
      const docker = median(samples.docker.map((s) => s[key]));
      const swarm = median(samples.swarm.map((s) => s[key]));
      return [
        key,
        {
          dockerMedianS: secs(docker),
          swarmMedianS: secs(swarm),
          ratioSwarmToDocker: Math.round((swarm / docker) * 100) / 100,
          dockerSamplesS: samples.docker.map((s) => secs(s[key])),
          swarmSamplesS: samples.swarm.map((s) => secs(s[key])),
        },
      ];
    }),
  );
  const failed = (d: 'docker' | 'swarm') =>
    `${samples[d].reduce((a, s) => a + s.redeployFailed, 0)} of ${samples[d].reduce((a, s) => a + s.redeployRequests, 0)}`;
  const markdown = [
    `Rounds: ${ROUNDS} (one child process per driver per round, order alternating; one-node swarm, registry on 127.0.0.1:5000).`,
    '',
    table(
      ['measure', 'docker median', 'swarm median', 'swarm ÷ docker', 'docker runs', 'swarm runs'],
      keys.map(([key, label]) => {
        const r = results[key]!;
        return [
          label,
          `${r.dockerMedianS} s`,
          `${r.swarmMedianS} s`,
          r.ratioSwarmToDocker,
          r.dockerSamplesS.join(', '),
          r.swarmSamplesS.join(', '),
        ];
      }),
    ),
    '',
    `Failed answers during the redeploys (a request every 50 ms through the router): docker ${failed('docker')}, swarm ${failed('swarm')}.`,
    `Stack start (untimed above), median: docker ${secs(median(samples.docker.map((s) => s.stackStartMs)))} s, swarm ${secs(median(samples.swarm.map((s) => s.stackStartMs)))} s.`,
  ].join('\n');
  writeResult('paas-drivers', { quick: QUICK, rounds: ROUNDS, results, samples }, markdown);
}

if (CHILD) await child();
else await main();
