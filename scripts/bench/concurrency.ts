/**
 * Scenario 3 — concurrent users: one API process holds 10,000 idle keep-alive connections and 1,000
 * open SSE streams (PaaS deployment logs) while scenario 1's reads run at 100 connections. Reports
 * the API's RSS and the p95 / req/s change against baselines measured in the same run, on the same
 * process: the same reads just before the connections are opened and again after they are released
 * (before / held / after, so drift from other load on the host shows as before ≠ after).
 *
 *   node --import tsx scripts/bench/concurrency.ts [--quick] [--duration 10] [--idle 10000] [--sse 1000] [--per-address 2500]
 *
 * Held sockets are raw `net` sockets bound to 127.0.0.2, 127.0.0.3, … (`--per-address` each) so
 * the ephemeral ports of one source address never run short. Node raises its soft file-descriptor
 * limit to the hard one at start; both this process and the API need about idle + sse descriptors
 * (SSE followers share one Redis subscriber), checked from /proc before anything is opened. The API's
 * memory is read after a full GC, run through a DevTools session (the API gets --inspect on
 * 127.0.0.1; Node prints "Debugger listening/attached" for it).
 * Writes scripts/bench/results/concurrency-<date>.json and .md.
 */
import { readdir, readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import mysql from 'mysql2/promise';
import { PasswordHasher } from '../../api/src/repositories/password-hasher.js';
import { loadDataset } from './dataset.js';
import {
  BASE_DB,
  flag,
  freePort,
  load,
  machine,
  numberArg,
  ratio,
  rssMiB,
  startApi,
  table,
  writeResult,
  type Run,
  type Server,
} from './lib.js';

const QUICK = flag('quick');
const DURATION = numberArg('duration', QUICK ? 4 : 10);
const IDLE = numberArg('idle', 10_000);
const SSE = numberArg('sse', 1_000);
const PER_ADDRESS = numberArg('per-address', 2_500);
const CONNECTIONS = 100;
const BUDGET_MS = (QUICK ? 120 : 175) * 1000;
const PASSWORD = 'bench-concurrency-violet-42';
const started = Date.now();
const cpuCount = availableParallelism();
const log = (msg: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

interface Held {
  socket: Socket;
  open: boolean;
  pings: number;
  head: string;
}
const held: { idle: Held[]; sse: Held[] } = { idle: [], sse: [] };
let api: Server | undefined;
let inspector: Inspector | undefined;

async function cleanup(): Promise<void> {
  for (const h of [...held.idle, ...held.sse]) h.socket.destroy();
  inspector?.close(); // an attached debugger would hold the API's exit
  await api?.stop();
}

const watchdog = setTimeout(() => {
  log(`FAILED: over the ${BUDGET_MS / 1000} s budget; stopping`);
  void cleanup().finally(() => process.exit(2));
}, BUDGET_MS);
watchdog.unref();

// ---- process and socket probes (Linux /proc) ----

async function fdLimit(pid: number | 'self'): Promise<number> {
  return Number(
    /Max open files\s+(\d+|unlimited)/
      .exec(await readFile(`/proc/${pid}/limits`, 'utf8'))?.[1]
      ?.replace('unlimited', 'Infinity'),
  );
}
const openFds = async (pid: number) => (await readdir(`/proc/${pid}/fd`)).length;

/** CPU ticks: the whole machine (busy = user + nice + system; total) and each of `pids` (user + system). */
async function cpuTicks(pids: (number | 'self')[]): Promise<{ busy: number; total: number; per: number[] }> {
  const [, ...f] = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  const per = await Promise.all(
    pids.map(async (pid) => {
      const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
      return Number(stat[11]) + Number(stat[12]);
    }),
  );
  return { busy: f[0]! + f[1]! + f[2]!, total, per };
}

/** The API's V8 heap in use, from its own /metrics summary. */
async function heapMiB(url: string): Promise<number | null> {
  const body = (await (await fetch(`${url}/metrics`)).json()) as { memory?: { heapUsedBytes?: number } };
  const bytes = body.memory?.heapUsedBytes;
  return bytes ? Math.round((bytes / 2 ** 20) * 10) / 10 : null;
}

interface Inspector {
  gc(): Promise<void>;
  close(): void;
}

/**
 * One DevTools session on the API (started with --inspect on 127.0.0.1) to run a full GC before
 * memory is read: V8's young generation alone can hold 100+ MiB of garbage, more than 1,000 SSE
 * streams cost. No domain is enabled, so the idle session costs the API nothing between calls.
 */
async function openInspector(port: number): Promise<Inspector> {
  const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const ws = new WebSocket(target!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error('cannot attach to the API inspector'));
  });
  const waiting = new Map<number, () => void>();
  ws.onmessage = (e) => waiting.get((JSON.parse(String(e.data)) as { id?: number }).id ?? 0)?.();
  let id = 0;
  return {
    gc: () =>
      new Promise((resolve, reject) => {
        const n = ++id;
        const timer = setTimeout(() => reject(new Error('full GC through the inspector took over 20 s')), 20_000);
        waiting.set(n, () => {
          clearTimeout(timer);
          resolve();
        });
        ws.send(JSON.stringify({ id: n, method: 'HeapProfiler.collectGarbage' }));
      }),
    close: () => ws.close(),
  };
}

/** ESTABLISHED TCP sockets whose local port is `port`: the connections the server side holds. */
async function established(port: number): Promise<number> {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let n = 0;
  for (const line of (await readFile('/proc/net/tcp', 'utf8')).split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[1]?.endsWith(hex) && f[3] === '01') n++;
  }
  return n;
}

// ---- holding sockets ----

/** Connects from `localAddress`, sends `request` and resolves once `ready(text so far)`; the socket then stays open. */
function hold(port: number, localAddress: string, request: string, ready: (text: string) => boolean): Promise<Held> {
  return new Promise((resolve, reject) => {
    const h: Held = { socket: connect({ host: '127.0.0.1', port, localAddress }), open: true, pings: 0, head: '' };
    let text = '';
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      h.socket.destroy();
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail('no answer within 15 s'), 15_000);
    h.socket.on('connect', () => h.socket.write(request));
    h.socket.on('data', (chunk: Buffer) => {
      if (settled) {
        if (chunk.includes(': ping')) h.pings++;
        return;
      }
      text += chunk.toString('latin1');
      if (!ready(text)) return;
      settled = true;
      clearTimeout(timer);
      h.head = text;
      if (text.startsWith('HTTP/1.1 200 ')) resolve(h);
      else {
        h.socket.destroy();
        reject(new Error(`answered ${text.split('\r\n')[0]}`));
      }
    });
    h.socket.on('error', (err: NodeJS.ErrnoException) => fail(err.code ?? err.message));
    h.socket.on('close', () => {
      h.open = false;
      fail('closed before the answer');
    });
  });
}

/** Runs `task(0 … n-1)` with at most `concurrency` in flight; counts failures by reason. */
async function pool<T>(
  n: number,
  concurrency: number,
  task: (i: number) => Promise<T>,
): Promise<{ ok: T[]; failures: Record<string, number> }> {
  const ok: T[] = [];
  const failures: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) {
        const i = next++;
        try {
          ok.push(await task(i));
        } catch (err) {
          const reason = (err as Error).message;
          failures[reason] = (failures[reason] ?? 0) + 1;
        }
      }
    }),
  );
  return { ok, failures };
}

const headEnd = (t: string) => t.indexOf('\r\n\r\n');
const address = (i: number) => `127.0.0.${2 + Math.floor(i / PER_ADDRESS)}`;

// ---- the run ----

type Row = Run & {
  scenario: string;
  phase: 'before' | 'held' | 'after';
  apiCores: number;
  otherCores: number;
  perApiCore: number | null;
};
const rows: Row[] = [];
const stages: { stage: string; rssMiB: number; heapMiB: number | null; fds: number; serverEstablished: number }[] = [];
const problems: string[] = [];

async function main(): Promise<number> {
  const baseDb = BASE_DB.replace(/\/[^/?]+(\?.*)?$/, '/omervision_conc_test$1');
  const needClient = IDLE + SSE + CONNECTIONS + 200;
  const needApi = IDLE + SSE + CONNECTIONS + 200; // SSE followers share the API's one Redis subscriber connection
  if ((await fdLimit('self')) < needClient)
    throw new Error(
      `this process may open ${await fdLimit('self')} files, needs ${needClient}: raise the hard limit (ulimit -Hn / prlimit / LimitNOFILE) or pass smaller --idle/--sse`,
    );
  if (2 + Math.ceil((IDLE + SSE) / PER_ADDRESS) > 254)
    throw new Error('--per-address too small: more than 127.0.0.254 needed');
  log(`machine ${JSON.stringify(machine())}`);

  const { url: dbUrl, slugs } = await loadDataset(baseDb);
  const db = await mysql.createConnection({ uri: dbUrl });
  await db.query('UPDATE users SET password_hash = ? WHERE email = ?', [
    await new PasswordHasher().hash(PASSWORD),
    'bench@omervision.local',
  ]);
  await db.end();
  const inspectPort = await freePort();
  api = await startApi(dbUrl, { PAAS_ALLOW_LOCAL_REPOS: '1', NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` });
  inspector = await openInspector(inspectPort);
  const pid = api.proc.pid!;
  const port = Number(new URL(api.url).port);
  if ((await fdLimit(pid)) < needApi)
    throw new Error(
      `the API may open ${await fdLimit(pid)} files, needs ${needApi}: raise the hard limit or pass smaller --idle/--sse`,
    );
  log(`dataset ${slugs.length} posts in ${new URL(dbUrl).pathname.slice(1)}; API pid ${pid} at ${api.url}`);

  // An admin, a PaaS app and one queued deployment whose log stream stays open: no worker runs, so it
  // never ends; each follower gets `retry:` at once and a `: ping` every 15 s.
  const call = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(api!.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, string>;
  };
  const { accessToken } = await call('/api/v1/auth/login', { email: 'bench@omervision.local', password: PASSWORD });
  const app = await call(
    '/api/v1/admin/paas/apps',
    { name: 'Bench SSE', repoUrl: 'file:///srv/bench/none' },
    accessToken,
  );
  const deployment = await call(`/api/v1/admin/paas/apps/${app.id}/deployments`, {}, accessToken);
  if (deployment.status !== 'queued') throw new Error(`deployment is ${deployment.status}, expected queued`);

  const scenarios = [
    { name: 'list ?limit=20', paths: ['/api/v1/posts?limit=20'] },
    { name: 'post by slug (200 slugs)', paths: slugs.slice(0, 200).map((s) => `/api/v1/posts/${s}`) },
  ];
  const reads = async (phase: Row['phase']) => {
    for (const s of scenarios) {
      const t0 = await cpuTicks([pid, 'self']);
      const run = await load(api!.url, { connections: CONNECTIONS, duration: DURATION, paths: s.paths });
      const t1 = await cpuTicks([pid, 'self']);
      // Cores busy during the run: the API's, and everyone's but the API's and ours (other jobs on the host, MariaDB, Redis).
      const cores = (ticks: number) => Math.round((ticks / (t1.total - t0.total)) * cpuCount * 100) / 100;
      const apiCores = cores(t1.per[0]! - t0.per[0]!);
      const otherCores = cores(t1.busy - t0.busy - (t1.per[0]! - t0.per[0]!) - (t1.per[1]! - t0.per[1]!));
      // Requests per CPU-second of the API: what holding connections costs, less sensitive to other load than req/s.
      rows.push({
        scenario: s.name,
        phase,
        ...run,
        apiCores,
        otherCores,
        perApiCore: apiCores ? Math.round(run.rps / apiCores) : null,
      });
      log(
        `${phase.padEnd(8)} ${s.name.padEnd(25)} c=${CONNECTIONS} ${run.rps} req/s p50 ${run.p50} p95 ${run.p95} p99 ${run.p99} ms errors ${run.errors + run.timeouts} non2xx ${run.non2xx}; cores: API ${apiCores}, others ${otherCores}`,
      );
      if (run.errors + run.timeouts + run.non2xx > 0)
        problems.push(`${phase} ${s.name}: ${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx`);
    }
  };
  const stage = async (name: string) => {
    await inspector!.gc();
    await new Promise((r) => setTimeout(r, 300));
    const s = {
      stage: name,
      rssMiB: await rssMiB(pid),
      heapMiB: await heapMiB(api!.url),
      fds: await openFds(pid),
      serverEstablished: await established(port),
    };
    stages.push(s);
    log(
      `${name}: API RSS ${s.rssMiB} MiB (heap ${s.heapMiB}), ${s.fds} fds, ${s.serverEstablished} established on :${port}`,
    );
    return s;
  };

  // Warm the cache and the JIT at the measured load, so that `before` is not the API's first run.
  for (const s of scenarios) await load(api.url, { connections: CONNECTIONS, duration: QUICK ? 2 : 3, paths: s.paths });
  await stage('warm, idle');
  await reads('before');
  const before = await stage('before holding');

  // SSE streams first: they never time out, while an idle keep-alive socket is closed by the server
  // `Keep-Alive: timeout` seconds after its answer — the idle ones must stay young through the reads.
  const sseStarted = Date.now();
  const sseRequest = `GET /api/v1/admin/paas/deployments/${deployment.id}/logs HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\nAuthorization: Bearer ${accessToken}\r\n\r\n`;
  const sse = await pool(SSE, 64, (i) =>
    hold(
      port,
      address(IDLE + i),
      sseRequest,
      (t) => headEnd(t) >= 0 && (!t.startsWith('HTTP/1.1 200 ') || t.includes('retry: ')),
    ),
  );
  held.sse = sse.ok;
  log(
    `SSE streams: ${held.sse.length}/${SSE} open in ${((Date.now() - sseStarted) / 1000).toFixed(1)} s failures ${JSON.stringify(sse.failures)}`,
  );
  const withSse = await stage('+ SSE streams');

  const holdStarted = Date.now();
  const idleRequest = `GET /health/live HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`;
  const idle = await pool(IDLE, 256, (i) =>
    hold(port, address(i), idleRequest, (t) => {
      const end = headEnd(t);
      return end >= 0 && t.length >= end + 4 + Number(/\r\ncontent-length:\s*(\d+)/i.exec(t.slice(0, end))?.[1] ?? 0);
    }),
  );
  held.idle = idle.ok;
  const keepAliveHeader = /\r\nkeep-alive:\s*([^\r]*)/i.exec(held.idle[0]?.head ?? '')?.[1] ?? null;
  const keepAliveS = Number(/timeout=(\d+)/.exec(keepAliveHeader ?? '')?.[1] ?? NaN);
  log(
    `idle keep-alive: ${held.idle.length}/${IDLE} open in ${((Date.now() - holdStarted) / 1000).toFixed(1)} s (Keep-Alive: ${keepAliveHeader}) failures ${JSON.stringify(idle.failures)}`,
  );
  const withAll = await stage('+ idle keep-alive');

  await reads('held');
  const after = await stage('after reads, still holding');
  const holdSeconds = Math.round((Date.now() - holdStarted) / 1000);
  const stillOpen = {
    idle: held.idle.filter((h) => h.open).length,
    sse: held.sse.filter((h) => h.open).length,
    ssePinged: held.sse.filter((h) => h.pings > 0).length,
  };
  log(
    `still open (idle ones held ${holdSeconds} s): idle ${stillOpen.idle}/${IDLE}, SSE ${stillOpen.sse}/${SSE} (${stillOpen.ssePinged} got a ping)`,
  );

  for (const h of [...held.idle, ...held.sse]) h.socket.destroy();
  for (let i = 0; i < 40 && (await established(port)) > before.serverEstablished + 10; i++)
    await new Promise((r) => setTimeout(r, 250));
  await stage('released');
  await reads('after');
  await stage('end');

  if (held.idle.length < IDLE)
    problems.push(`only ${held.idle.length}/${IDLE} idle connections opened: ${JSON.stringify(idle.failures)}`);
  if (held.sse.length < SSE)
    problems.push(`only ${held.sse.length}/${SSE} SSE streams opened: ${JSON.stringify(sse.failures)}`);
  if (stillOpen.idle < held.idle.length || stillOpen.sse < held.sse.length)
    problems.push(
      `closed while held: ${held.idle.length - stillOpen.idle} idle, ${held.sse.length - stillOpen.sse} SSE (held ${holdSeconds} s; the server's Keep-Alive says ${keepAliveHeader})`,
    );
  if (after.serverEstablished < stillOpen.idle + stillOpen.sse)
    problems.push(
      `the server side shows ${after.serverEstablished} established, the client holds ${stillOpen.idle + stillOpen.sse}`,
    );

  const kib = (fromMiB: number | null, toMiB: number | null, n: number) =>
    n && fromMiB !== null && toMiB !== null ? Math.round(((toMiB - fromMiB) * 1024) / n) : null;
  const perConnection = {
    sseKiB: kib(before.rssMiB, withSse.rssMiB, held.sse.length),
    idleKiB: kib(withSse.rssMiB, withAll.rssMiB, held.idle.length),
    sseHeapKiB: kib(before.heapMiB, withSse.heapMiB, held.sse.length),
    idleHeapKiB: kib(withSse.heapMiB, withAll.heapMiB, held.idle.length),
  };
  const find = (scenario: string, phase: Row['phase']) =>
    rows.find((r) => r.scenario === scenario && r.phase === phase);
  const summary = scenarios.map(({ name }) => {
    const [b, h, a] = (['before', 'held', 'after'] as const).map((p) => find(name, p));
    return {
      scenario: name,
      p95Ms: [b?.p95, h?.p95, a?.p95],
      rps: [b?.rps, h?.rps, a?.rps],
      p95HeldOverBefore: ratio(h?.p95, b?.p95),
      p95HeldOverAfter: ratio(h?.p95, a?.p95),
      rpsHeldOverBefore: ratio(h?.rps, b?.rps),
      rpsHeldOverAfter: ratio(h?.rps, a?.rps),
      perApiCoreHeldOverBefore: ratio(h?.perApiCore ?? 0, b?.perApiCore ?? 0),
      perApiCoreHeldOverAfter: ratio(h?.perApiCore ?? 0, a?.perApiCore ?? 0),
    };
  });

  const m = machine();
  const md = [
    `Machine: ${m.cpus} CPUs (${String(m.model)}), ${String(m.memoryGiB)} GiB, Node ${String(m.node)}; load generator, held sockets and API on the same host. ${DURATION} s per run, ${CONNECTIONS} connections.`,
    '`API cores`: CPU the API used during the run; `other cores busy`: CPU used by every other process but this script (MariaDB and Redis included) — on a shared host read the ratios beside it.',
    `Held: ${IDLE} idle keep-alive (one \`GET /health/live\` each, then silent) + ${SSE} SSE streams (\`/api/v1/admin/paas/deployments/{id}/logs\`, queued deployment), from 127.0.0.2–${address(IDLE + SSE - 1)}; server Keep-Alive: ${keepAliveHeader}.`,
    '',
    table(
      [
        'scenario',
        'phase',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'errors',
        'non-2xx',
        'API cores',
        'req per API CPU-s',
        'other cores busy',
      ],
      rows.map((r) => [
        r.scenario,
        r.phase,
        r.rps,
        r.p50,
        r.p95,
        r.p99,
        r.errors + r.timeouts,
        r.non2xx,
        r.apiCores,
        r.perApiCore,
        r.otherCores,
      ]),
    ),
    '',
    table(
      [
        'scenario',
        'p95 ms before / held / after',
        'p95 held ÷ before',
        'p95 held ÷ after',
        'req/s before / held / after',
        'req/s held ÷ before',
        'req/s held ÷ after',
        'req per API CPU-s held ÷ before',
        'held ÷ after',
      ],
      summary.map((s) => [
        s.scenario,
        s.p95Ms.join(' / '),
        s.p95HeldOverBefore,
        s.p95HeldOverAfter,
        s.rps.join(' / '),
        s.rpsHeldOverBefore,
        s.rpsHeldOverAfter,
        s.perApiCoreHeldOverBefore,
        s.perApiCoreHeldOverAfter,
      ]),
    ),
    '',
    'API memory after a full GC (DevTools `HeapProfiler.collectGarbage`):',
    table(
      ['API process', 'RSS MiB', 'RSS ÷ before holding', 'heap used MiB', 'open fds', 'established on API port'],
      stages.map((s) => [s.stage, s.rssMiB, ratio(s.rssMiB, before.rssMiB), s.heapMiB, s.fds, s.serverEstablished]),
    ),
    '',
    `Per connection: ${perConnection.idleKiB} KiB RSS (${perConnection.idleHeapKiB} KiB heap) per idle keep-alive socket, ${perConnection.sseKiB} KiB RSS (${perConnection.sseHeapKiB} KiB heap) per SSE stream (all of them share the API's one Redis subscriber connection: open fds grew by ${stages.find((x) => x.stage === '+ SSE streams')!.fds - before.fds} for ${SSE} streams).`,
    `Still open at the end (idle ones held ${holdSeconds} s): ${stillOpen.idle}/${IDLE} idle, ${stillOpen.sse}/${SSE} SSE (${stillOpen.ssePinged} had received a \`: ping\`).`,
    problems.length ? `**Problems:** ${problems.join('; ')}` : 'No errors.',
  ].join('\n');
  writeResult(
    'concurrency',
    {
      ok: problems.length === 0,
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      requested: { idle: IDLE, sse: SSE, perAddress: PER_ADDRESS },
      opened: { idle: held.idle.length, sse: held.sse.length, idleFailures: idle.failures, sseFailures: sse.failures },
      keepAliveHeader,
      keepAliveSeconds: keepAliveS,
      holdSeconds,
      stillOpen,
      stages,
      perConnection,
      results: rows,
      summary,
      problems,
    },
    md,
  );
  return problems.length ? 1 : 0;
}

let code: number;
try {
  code = await main();
  if (code) log(`FAILED: ${problems.join('; ')}`);
} catch (err) {
  log(`FAILED: ${(err as Error).message}`);
  code = 1;
}
await cleanup();
process.exit(code);
