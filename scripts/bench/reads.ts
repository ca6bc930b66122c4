/**
 * Public-read throughput of the API against a bare node:http + mysql2 baseline in the same run
 * (issue: content API / benchmarks). Bounded runs on 127.0.0.1. Writes
 * scripts/bench/results/reads-<date>.json and prints a markdown table.
 *
 *   node --import tsx scripts/bench/reads.ts [--duration 8] [--quick]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus } from 'node:os';
import autocannon from 'autocannon';
import { loadDataset } from './dataset.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const args = process.argv.slice(2);
const DURATION = Number(args[args.indexOf('--duration') + 1]) || 8;
const QUICK = args.includes('--quick');
const BASE_DB = process.env.TEST_DATABASE_URL ?? 'mysql://omervision:omervision@127.0.0.1:3307/omervision_test';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function startApi(dbUrl: string, cache: boolean): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: ROOT, stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: 'bench-secret-0123456789-0123456789-abcdef', PORT: String(port), DATABASE_URL: dbUrl,
      RATE_LIMIT_ENABLED: 'false', CACHE_ENABLED: String(cache), REDIS_KEY_PREFIX: `ovbench${Date.now()}:`, LOG_LEVEL: 'info', DB_POOL_SIZE: '10' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health/live`);
  return { url, proc };
}

async function startBaseline(dbUrl: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['scripts/bench/baseline-server.mjs'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, PORT: String(port), DATABASE_URL: dbUrl } });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/v1/posts?limit=1`);
  return { url, proc };
}

interface Run {
  rps: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, connections: number, headers: Record<string, string> = {}, paths?: string[]): Promise<Run> {
  let i = 0;
  const result = await autocannon({
    url, connections, duration: DURATION, headers, pipelining: 1,
    ...(paths ? { requests: [{ setupRequest: (req: { path: string }) => ({ ...req, path: paths[i++ % paths.length] }) }] } : {}),
  });
  return {
    rps: Math.round(result.requests.average), p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99,
    errors: result.errors + result.timeouts, non2xx: result.non2xx,
  };
}

const { url: dbUrl, slugs } = await loadDataset(BASE_DB);
const slugPaths = slugs.slice(0, 200).map((s) => `/api/v1/posts/${s}`);
const scenarios = [
  { name: 'list ?limit=20', path: '/api/v1/posts?limit=20' },
  { name: 'post by slug (200 slugs)', path: '', paths: slugPaths },
  { name: 'search ?q=', path: '/api/v1/posts?q=konteyner%20performans&limit=20' },
];
const connectionsList = QUICK ? [100] : [100, 1000];
const results: Record<string, unknown>[] = [];

for (const mode of ['baseline', 'cold', 'warm'] as const) {
  const server = mode === 'baseline' ? await startBaseline(dbUrl) : await startApi(dbUrl, mode === 'warm');
  try {
    for (const s of scenarios) {
      for (const connections of connectionsList) {
        const target = s.paths ? server.url : server.url + s.path;
        if (mode === 'warm') await load(target, 10, {}, s.paths); // fill the cache first
        const run = await load(target, connections, {}, s.paths);
        results.push({ scenario: s.name, mode, connections, ...run });
        console.error(`${mode.padEnd(8)} ${s.name.padEnd(26)} c=${connections} ${run.rps} req/s p50 ${run.p50} ms p97.5 ${run.p97_5} ms errors ${run.errors} non2xx ${run.non2xx}`);
      }
    }
    if (mode === 'warm') {
      const first = await fetch(`${server.url}/api/v1/posts?limit=20`);
      const etag = first.headers.get('etag')!;
      const run = await load(`${server.url}/api/v1/posts?limit=20`, 100, { 'if-none-match': etag });
      results.push({ scenario: 'conditional GET → 304', mode, connections: 100, ...run, note: 'non2xx counts the 304s' });
      console.error(`304      conditional GET             c=100 ${run.rps} req/s p99 ${run.p99} ms`);
    }
  } finally {
    server.proc.kill('SIGTERM');
  }
}

const ratio = (scenario: string, connections: number, mode: string) => {
  const ours = results.find((r) => r.scenario === scenario && r.mode === mode && r.connections === connections) as unknown as Run | undefined;
  const base = results.find((r) => r.scenario === scenario && r.mode === 'baseline' && r.connections === connections) as unknown as Run | undefined;
  return ours && base ? Math.round((ours.rps / base.rps) * 100) / 100 : null;
};
const summary = scenarios.flatMap((s) => connectionsList.map((c) => ({ scenario: s.name, connections: c, warmOverBaseline: ratio(s.name, c, 'warm'), coldOverBaseline: ratio(s.name, c, 'cold') })));
const date = new Date().toISOString();
const out = { date, machine: { cpus: availableParallelism(), model: cpus()[0]?.model, node: process.version }, durationSeconds: DURATION, dataset: { posts: slugs.length, projects: 50 }, results, summary };
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/reads-${date.slice(0, 10)}.json`, import.meta.url), JSON.stringify(out, null, 2) + '\n');

const table = ['| scenario | conns | mode | req/s | p50 ms | p97.5 ms | p99 ms | errors |', '|---|---|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.scenario} | ${r.connections} | ${r.mode} | ${r.rps} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${Number(r.errors)} |`),
  '', '| scenario | conns | warm ÷ baseline | cold ÷ baseline |', '|---|---|---|---|',
  ...summary.map((s) => `| ${s.scenario} | ${s.connections} | ${s.warmOverBaseline} | ${s.coldOverBaseline} |`)].join('\n');
writeFileSync(new URL(`./results/reads-${date.slice(0, 10)}.md`, import.meta.url), table + '\n');
console.log(table);
process.exit(0);
