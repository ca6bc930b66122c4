/**
 * What every benchmark scenario shares: ports, starting the API (or the baseline) as a child
 * process, a bounded autocannon run whose latencies go into our own HDR histogram (autocannon
 * reports p90/p97.5/p99 but not p95, and the targets are p95), the machine description and
 * writing `scripts/bench/results/<scenario>-<date>.json` (+ `.md`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { runMigrations } from '../../api/src/db/migrate.js';
import * as hdr from 'hdr-histogram-js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const RESULTS_DIR = new URL('./results/', import.meta.url);
export const BASE_DB = process.env.TEST_DATABASE_URL ?? 'mysql://omervision:omervision@127.0.0.1:3307/omervision_test';
export const BENCH_JWT_SECRET = 'bench-secret-0123456789-0123456789-abcdef';

export const args = process.argv.slice(2);
export function numberArg(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
export const flag = (name: string): boolean => args.includes(`--${name}`);

export function machine(): Record<string, unknown> {
  return {
    cpus: availableParallelism(),
    model: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadavg1: Math.round(loadavg()[0]! * 100) / 100,
  };
}

/** Busy cores right now, from two /proc/stat samples `sampleMs` apart (Linux). */
export async function busyCores(sampleMs = 1000): Promise<number> {
  const read = () => {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3]! + (f[4] ?? 0);
    return { idle, total: f.reduce((a, b) => a + b, 0) };
  };
  const a = read();
  await new Promise((r) => setTimeout(r, sampleMs));
  const b = read();
  const total = b.total - a.total;
  return total > 0 ? Math.round((1 - (b.idle - a.idle) / total) * availableParallelism() * 100) / 100 : 0;
}

/**
 * Waits (at most `maxMs`) until the machine is quiet: fewer than `maxBusy` cores busy for two
 * samples in a row. A scenario that leaves MariaDB working through a backlog would otherwise slow
 * the next one down. Returns how long it waited and how busy the machine was at the end.
 */
export async function settle(maxBusy = 0.3, maxMs = 60_000): Promise<{ waitedSeconds: number; busyCores: number }> {
  const started = Date.now();
  let quiet = 0;
  let busy = 0;
  while (Date.now() - started < maxMs) {
    busy = await busyCores();
    quiet = busy < maxBusy ? quiet + 1 : 0;
    if (quiet >= 2) break;
  }
  return { waitedSeconds: Math.round((Date.now() - started) / 100) / 10, busyCores: busy };
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, host, () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
  });
}

export async function waitFor(url: string, tries = 240): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

export interface Server {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** SIGTERM (or `signal`), SIGKILL after `graceMs`; resolves once the process has exited. */
export function stopProcess(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 8000): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    const t = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    proc.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    proc.kill(signal);
  });
}

const stopper = (proc: ChildProcess) => () => stopProcess(proc);

export interface ApiOptions {
  /**
   * `info` (default) = production's request log: one JSON line per request into a pipe that a
   * separate process reads line by line (as `make dev`'s prefixer or a container log driver does).
   * `warn` = no request log, to show what logging costs.
   */
  logLevel?: 'info' | 'warn';
  /** Preload probe.mjs: event-loop delay and GC pauses per run (`probe(proc, ...)`). */
  probe?: boolean;
  /** Another checkout to run (a before/after comparison in one run). */
  root?: string;
}

export interface ProbeReport {
  seconds: number;
  cpuMs: number;
  loopDelayMs: { p50: number; p90: number; p99: number; max: number; mean: number; samples: number };
  gc: {
    count: number;
    totalMs: number;
    maxMs: number;
    over10ms: number;
    over50ms: number;
    busyPercent: number;
    byKind: Record<string, { count: number; totalMs: number; maxMs: number }>;
  };
  memory: { rssMiB: number; heapUsedMiB: number };
}

/**
 * The API (`api/src/main.ts`) in production mode with the limiter off and one process (the
 * baselines are one process too; `env.API_WORKERS` overrides); `env` overrides anything.
 */
export async function startApi(
  dbUrl: string,
  env: Record<string, string> = {},
  options: ApiOptions = {},
): Promise<Server & { logLines(): Promise<LogCount> }> {
  const port = await freePort();
  const logs = await logPipe();
  const probe = options.probe ? ['--import', new URL('./probe.mjs', import.meta.url).pathname] : [];
  const proc = spawn(process.execPath, ['--import', 'tsx', ...probe, 'api/src/main.ts'], {
    cwd: options.root ?? ROOT,
    stdio: ['ignore', logs.fd, 'inherit', ...(options.probe ? ['ipc' as const] : [])],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: BENCH_JWT_SECRET,
      PORT: String(port),
      DATABASE_URL: dbUrl,
      RATE_LIMIT_ENABLED: 'false',
      CACHE_ENABLED: 'true',
      REDIS_KEY_PREFIX: `ovbench${Date.now()}:`,
      LOG_LEVEL: options.logLevel ?? 'info',
      DB_POOL_SIZE: '10',
      API_WORKERS: '1',
      ...(options.probe ? { BENCH_PROBE: '1' } : {}),
      ...env,
    },
  });
  logs.spawned();
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health/live`).catch((err: unknown) => {
    proc.kill('SIGKILL'); // not left running behind a failed benchmark
    throw err;
  });
  return { url, proc, stop: stopper(proc), logLines: logs.lines };
}

/** Log lines that reached the reader, and lines the API reported dropped (its queue was full). */
export interface LogCount {
  lines: number;
  dropped: number;
}

/**
 * A real pipe (a FIFO, blocking like the pipe a container runtime or a shell gives a process) read
 * line by line in its own process by `make dev`'s prefixer (awk, a write per line, like a log
 * driver's work per line); `lines()` resolves once the API has exited.
 */
async function logPipe(): Promise<{ fd: number; spawned(): void; lines(): Promise<LogCount> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ovbench-log-'));
  const fifo = join(dir, 'api.log');
  execFileSync('mkfifo', [fifo]);
  const count = `/"msg":"log lines dropped/ { if (match($0, /"dropped":[0-9]+/)) dropped += substr($0, RSTART + 10, RLENGTH - 10) }`;
  const awk = `{ print p $0 > "/dev/null"; fflush("/dev/null"); lines++ } ${count} END { print lines + 0, dropped + 0 }`;
  const reader = spawn('awk', ['-v', 'p=[api] ', awk, fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  reader.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<LogCount>((resolve) =>
    reader.once('close', () => {
      const [lines = 0, dropped = 0] = out.trim().split(/\s+/).map(Number);
      resolve({ lines, dropped });
    }),
  );
  const handle = await open(fifo, 'w'); // waits for the reader to open its end
  return {
    fd: handle.fd,
    spawned() {
      // The API holds its own copy: the reader sees end-of-file when the API exits.
      void handle.close().then(() => rmSync(dir, { recursive: true, force: true }));
    },
    lines: () => done,
  };
}

/** `reset` before a run, `read` after it: the probe's figures for that run (a server started with `probe: true`). */
export function probe(proc: ChildProcess, what: 'reset'): Promise<void>;
export function probe(proc: ChildProcess, what: 'read'): Promise<ProbeReport>;
export function probe(proc: ChildProcess, what: 'reset' | 'read'): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the probe did not answer')), 5000);
    const onMessage = (m: { probe?: string }) => {
      if (m?.probe !== (what === 'reset' ? 'reset' : 'report')) return;
      clearTimeout(timer);
      proc.off('message', onMessage);
      const { probe: _, ...report } = m;
      resolve(report);
    };
    proc.on('message', onMessage);
    proc.send({ probe: what });
  });
}

/**
 * A bare node:http + mysql2 server running the same SQL as the public reads, without cache; with
 * `memory`, answering every URL after its first request from memory (the physical limit). `workers`
 * processes share the port (node:cluster), as the API's do in production.
 */
export async function startBaseline(
  dbUrl: string,
  mode: 'sql' | 'memory' = 'sql',
  options: Pick<ApiOptions, 'probe'> & { workers?: number } = {},
): Promise<Server> {
  const port = await freePort();
  const probe = options.probe ? ['--import', new URL('./probe.mjs', import.meta.url).pathname] : [];
  const proc = spawn(process.execPath, [...probe, 'scripts/bench/baseline-server.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'ignore', ...(options.probe ? ['ipc' as const] : [])],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: dbUrl,
      MODE: mode,
      WORKERS: String(options.workers ?? 1),
      ...(options.probe ? { BENCH_PROBE: '1' } : {}),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/v1/posts?limit=1`);
  return { url, proc, stop: stopper(proc) };
}

export interface Run {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p97_5: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
}

export interface LoadOptions {
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  /** Rotate through these paths (one per request). */
  paths?: string[];
  /** Cap the offered load (requests/s over all connections). */
  overallRate?: number;
}

const ms = (v: number) => Math.round(v * 100) / 100;

/** One bounded autocannon run; latencies recorded per response into an HDR histogram (µs). */
export async function load(url: string, o: LoadOptions): Promise<Run> {
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const statuses: Record<string, number> = {};
  let i = 0;
  const paths = o.paths;
  const instance = autocannon({
    url,
    connections: o.connections,
    duration: o.duration,
    pipelining: 1,
    timeout: 30,
    ...(o.headers ? { headers: o.headers } : {}),
    ...(o.method ? { method: o.method } : {}),
    ...(o.body !== undefined ? { body: o.body } : {}),
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
    ...(paths
      ? { requests: [{ setupRequest: (req: { path: string }) => ({ ...req, path: paths[i++ % paths.length]! }) }] }
      : {}),
  });
  // autocannon's instance is also a promise of the result; on() returns it, awaited just below.
  void instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    histogram.recordValue(Math.max(1, Math.round(responseTime * 1000)));
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  return {
    requests: histogram.totalCount,
    rps: Math.round(histogram.totalCount / o.duration),
    p50: ms(histogram.getValueAtPercentile(50) / 1000),
    p95: ms(histogram.getValueAtPercentile(95) / 1000),
    p97_5: ms(histogram.getValueAtPercentile(97.5) / 1000),
    p99: ms(histogram.getValueAtPercentile(99) / 1000),
    max: ms(histogram.maxValue / 1000),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  };
}

export const ratio = (a: number | undefined, b: number | undefined): number | null =>
  a && b ? Math.round((a / b) * 100) / 100 : null;

/** Writes results/<scenario>-<date>.json and .md, prints the markdown; returns the JSON path. */
export function writeResult(scenario: string, data: Record<string, unknown>, markdown: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  // run.ts passes its own date down, so a run crossing midnight still writes one set of files.
  const date = process.env.BENCH_DATE ?? new Date().toISOString().slice(0, 10);
  const json = new URL(`./${scenario}-${date}.json`, RESULTS_DIR);
  writeFileSync(
    json,
    JSON.stringify({ scenario, date: new Date().toISOString(), machine: machine(), ...data }, null, 2) + '\n',
  );
  writeFileSync(new URL(`./${scenario}-${date}.md`, RESULTS_DIR), `## ${scenario}\n\n${markdown}\n`);
  console.log(`\n## ${scenario}\n\n${markdown}\n`);
  return json.pathname;
}

export function table(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => (c === null || c === undefined ? '–' : String(c))).join(' | ')} |`),
  ].join('\n');
}

/** Resident set size of a process in MiB, from /proc (Linux). */
export async function rssMiB(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Drops the database `url` names, creates it empty (utf8mb4) and applies every migration: a scenario's own, fresh. */
export async function recreateDatabase(url: string): Promise<void> {
  const server = new URL(url);
  const name = server.pathname.slice(1);
  server.pathname = '/';
  const conn = await mysql.createConnection({ uri: server.toString(), connectTimeout: 5000 });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
  await runMigrations(url);
}
