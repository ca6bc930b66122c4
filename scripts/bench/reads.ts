/**
 * Scenarios 1 and 2 — public reads and conditional GETs against the physical limit, all in one run:
 * a bare node:http server answering the same bytes from memory. Bounded runs on 127.0.0.1.
 *
 *   node --import tsx scripts/bench/reads.ts [--duration 8] [--quick]
 *
 * Modes (one process each unless named "every core"):
 *   memory      bare node:http, every URL answered from memory after its first request (the limit)
 *   baseline    bare node:http + mysql2 running the API's SQL, no cache
 *   cold        our API with the cache off (every request reaches MySQL)
 *   warm        our API as it ships: cache on, request log on (LOG_LEVEL=info into a pipe that another
 *               process reads line by line, as a container runtime or `make dev` does)
 *   warm-quiet  the same without the request log (LOG_LEVEL=warn): what logging costs
 *   every core  warm and memory with one process per core (node:cluster), list only
 * Each single-process server runs with probe.mjs: event-loop delay (p50/p99/max), GC pauses and CPU
 * time per request, measured over each run. Connections: 100 and 1,000 (`--quick`: 100).
 * Writes scripts/bench/results/reads-<date>.json and .md.
 */
import { availableParallelism } from 'node:os';
import {
  BASE_DB,
  flag,
  load,
  numberArg,
  probe,
  ratio,
  settle,
  startApi,
  startBaseline,
  table,
  writeResult,
  type LogCount,
  type ProbeReport,
  type Run,
  type Server,
} from './lib.js';
import { loadDataset } from './dataset.js';

const DURATION = numberArg('duration', flag('quick') ? 5 : 8);
const connectionsList = flag('quick') ? [100] : [100, 1000];
const CORES = availableParallelism();

const { url: dbUrl, slugs } = await loadDataset(BASE_DB);
const slugPaths = slugs.slice(0, 200).map((s) => `/api/v1/posts/${s}`);
const LIST = 'list ?limit=20';
const scenarios = [
  { name: LIST, paths: ['/api/v1/posts?limit=20'] },
  { name: 'post by slug (200 slugs)', paths: slugPaths },
  { name: 'search ?q=', paths: ['/api/v1/posts?q=konteyner%20performans&limit=20'] },
];
const NOT_MODIFIED = 'conditional GET → 304';

type Mode = 'memory' | 'baseline' | 'cold' | 'warm' | 'warm-quiet' | 'warm, every core' | 'memory, every core';
type Row = Run & {
  scenario: string;
  mode: Mode;
  connections: number;
  cpuUsPerRequest?: number;
  loop?: ProbeReport['loopDelayMs'];
  gc?: ProbeReport['gc'];
};
const rows: Row[] = [];
const logLines: Record<string, { lines: number; dropped: number; requests: number }> = {};

const modes: {
  mode: Mode;
  start: () => Promise<Server & { logLines?: () => Promise<LogCount> }>;
  probed: boolean;
  only?: string[];
  conns?: number[];
}[] = [
  { mode: 'memory', start: () => startBaseline(dbUrl, 'memory', { probe: true }), probed: true },
  { mode: 'baseline', start: () => startBaseline(dbUrl, 'sql', { probe: true }), probed: true },
  { mode: 'cold', start: () => startApi(dbUrl, { CACHE_ENABLED: 'false' }, { probe: true }), probed: true },
  { mode: 'warm', start: () => startApi(dbUrl, {}, { probe: true }), probed: true },
  { mode: 'warm-quiet', start: () => startApi(dbUrl, {}, { probe: true, logLevel: 'warn' }), probed: true },
  {
    mode: 'memory, every core',
    start: () => startBaseline(dbUrl, 'memory', { workers: CORES }),
    probed: false,
    only: [LIST],
    conns: [100],
  },
  {
    mode: 'warm, every core',
    start: () => startApi(dbUrl, { API_WORKERS: String(CORES) }),
    probed: false,
    only: [LIST],
    conns: [100],
  },
];

async function measure(
  server: Server,
  probed: boolean,
  run: () => Promise<Run>,
): Promise<Omit<Row, 'scenario' | 'mode' | 'connections'>> {
  if (probed) await probe(server.proc, 'reset');
  const result = await run();
  if (!probed) return result;
  const p = await probe(server.proc, 'read');
  return {
    ...result,
    cpuUsPerRequest: result.requests ? Math.round((p.cpuMs * 1000) / result.requests) : undefined,
    loop: p.loopDelayMs,
    gc: p.gc,
  };
}

const print = (r: Row) =>
  console.error(
    `${r.mode.padEnd(18)} ${r.scenario.padEnd(26)} c=${r.connections} ${r.rps} req/s p50 ${r.p50} p95 ${r.p95} p97.5 ${r.p97_5} p99 ${r.p99} ms` +
      (r.loop
        ? ` | cpu ${r.cpuUsPerRequest} µs/req, loop delay p99 ${r.loop.p99} max ${r.loop.max} ms, gc max ${r.gc!.maxMs} ms`
        : '') +
      ` | errors ${r.errors + r.timeouts} non2xx ${r.non2xx}`,
  );

for (const { mode, start, probed, only, conns } of modes) {
  const server = await start();
  let requests = 0;
  try {
    for (const s of scenarios.filter((x) => !only || only.includes(x.name))) {
      for (const connections of conns ?? connectionsList) {
        await settle(0.3, 20_000); // a 1,000-connection run can leave MariaDB draining its backlog
        if (mode !== 'cold' && mode !== 'baseline')
          requests += (await load(server.url, { connections: 10, duration: 2, paths: s.paths })).requests; // fill the cache first
        const row: Row = {
          scenario: s.name,
          mode,
          connections,
          ...(await measure(server, probed, () =>
            load(server.url, { connections, duration: DURATION, paths: s.paths }),
          )),
        };
        requests += row.requests;
        rows.push(row);
        print(row);
      }
    }
    if (mode !== 'cold' && !only) {
      // Scenario 2: a CDN or browser revalidating what it holds (the SQL baseline re-runs the SQL and hashes).
      const path = '/api/v1/posts?limit=20';
      await settle(0.3, 20_000);
      const etag = (await fetch(server.url + path)).headers.get('etag')!;
      const row: Row = {
        scenario: NOT_MODIFIED,
        mode,
        connections: 100,
        ...(await measure(server, probed, () =>
          load(server.url, { connections: 100, duration: DURATION, paths: [path], headers: { 'if-none-match': etag } }),
        )),
      };
      requests += row.requests + 1;
      rows.push(row);
      print(row);
    }
  } finally {
    await server.stop();
  }
  if (server.logLines) logLines[mode] = { ...(await server.logLines()), requests };
}

const find = (scenario: string, mode: Mode, connections: number) =>
  rows.find((r) => r.scenario === scenario && r.mode === mode && r.connections === connections);
const summary = [...scenarios.map((s) => s.name), NOT_MODIFIED].flatMap((name) =>
  (name === NOT_MODIFIED ? [100] : connectionsList).map((c) => {
    const warm = find(name, 'warm', c);
    const memory = find(name, 'memory', c);
    const base = find(name, 'baseline', c);
    return {
      scenario: name,
      connections: c,
      warmOverMemory: ratio(warm?.rps, memory?.rps),
      quietOverMemory: ratio(find(name, 'warm-quiet', c)?.rps, memory?.rps),
      // CPU per answer, memory ÷ warm: what the req/s ratio tends to on a core of its own (the load
      // generator and other work on a shared machine move req/s much more than CPU per request).
      warmCpuOverMemory: ratio(memory?.cpuUsPerRequest, warm?.cpuUsPerRequest),
      warmOverBaseline: ratio(warm?.rps, base?.rps),
      coldOverBaseline: ratio(find(name, 'cold', c)?.rps, base?.rps),
      warmP50Ms: warm?.p50,
      warmP95Ms: warm?.p95,
      warmP97_5Ms: warm?.p97_5,
      warmLoopDelayP99Ms: warm?.loop?.p99,
      warmLoopDelayMaxMs: warm?.loop?.max,
      goals: {
        warmAtLeastHalfOfMemory: (ratio(warm?.rps, memory?.rps) ?? 0) >= 0.5,
        ...(c >= 1000
          ? { warmP95Under100ms: (warm?.p95 ?? Infinity) < 100 }
          : { warmP97_5Within3xP50: !!warm && warm.p97_5 <= 3 * warm.p50 }),
        noErrors:
          !!warm &&
          warm.errors + warm.timeouts === 0 &&
          (name === NOT_MODIFIED ? warm.statuses['304'] === warm.requests : warm.non2xx === 0),
      },
    };
  }),
);
const everyCore = { warm: find(LIST, 'warm, every core', 100), memory: find(LIST, 'memory, every core', 100) };

const md = [
  `All ratios from this run: the same machine, the same minute. \`memory\` is the physical limit (bare node:http answering the same bytes from memory); \`warm\` is the API as it ships (request log on, into a pipe another process reads); \`warm-quiet\` without the request log. CPU µs per request and the event-loop delay (beyond the 10 ms sampling interval) and GC pauses are the server's own, over that run (probe.mjs).`,
  '',
  table(
    [
      'scenario',
      'conns',
      'mode',
      'req/s',
      '÷ memory',
      'p50 ms',
      'p95 ms',
      'p97.5 ms',
      'p99 ms',
      'CPU µs/req',
      'loop delay p50/p99/max ms',
      'GC max ms (busy %)',
      'errors',
      'non-2xx',
    ],
    rows.map((r) => [
      r.scenario,
      r.connections,
      r.mode,
      r.rps,
      ratio(
        r.rps,
        (r.mode.includes('every core')
          ? find(r.scenario, 'memory, every core', r.connections)
          : find(r.scenario, 'memory', r.connections)
        )?.rps,
      ),
      r.p50,
      r.p95,
      r.p97_5,
      r.p99,
      r.cpuUsPerRequest,
      r.loop ? `${r.loop.p50} / ${r.loop.p99} / ${r.loop.max}` : undefined,
      r.gc ? `${r.gc.maxMs} (${r.gc.busyPercent})` : undefined,
      r.errors + r.timeouts,
      r.non2xx,
    ]),
  ),
  '',
  table(
    [
      'scenario',
      'conns',
      'warm ÷ memory (req/s)',
      'warm ÷ memory (CPU per answer)',
      'warm-quiet ÷ memory',
      'warm ÷ SQL baseline',
      'cold ÷ SQL baseline',
      'warm p50 / p97.5 / p95 ms',
      'goals met',
    ],
    summary.map((s) => [
      s.scenario,
      s.connections,
      s.warmOverMemory,
      s.warmCpuOverMemory,
      s.quietOverMemory,
      s.warmOverBaseline,
      s.coldOverBaseline,
      `${s.warmP50Ms} / ${s.warmP97_5Ms} / ${s.warmP95Ms}`,
      Object.entries(s.goals)
        .filter(([, ok]) => !ok)
        .map(([k]) => `✗ ${k}`)
        .join(' ') || '✓',
    ]),
  ),
  '',
  `Every core (${CORES} processes, ${LIST}, 100 connections): API ${everyCore.warm?.rps ?? '–'} req/s, memory server ${everyCore.memory?.rps ?? '–'} req/s → ${ratio(everyCore.warm?.rps, everyCore.memory?.rps) ?? '–'}×.`,
  '',
  `Request log (lines read / lines the API reported dropped because the reader fell 4 MiB behind / requests answered): ${Object.entries(
    logLines,
  )
    .map(([m, l]) => `${m} ${l.lines} / ${l.dropped} / ${l.requests}`)
    .join('; ')}.`,
].join('\n');
writeResult(
  'reads',
  {
    durationSeconds: DURATION,
    cores: CORES,
    dataset: { posts: slugs.length, projects: 50 },
    results: rows,
    summary,
    everyCore,
    logLines,
  },
  md,
);
process.exit(0);
