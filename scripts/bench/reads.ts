/**
 * Scenarios 1 and 2 — public reads and conditional GETs, against a bare node:http + mysql2 baseline
 * running the same SQL in the same run. Bounded runs on 127.0.0.1.
 *
 *   node --import tsx scripts/bench/reads.ts [--duration 8] [--quick]
 *
 * Modes: `baseline` (bare server, no cache), `cold` (our API with the cache off: every request
 * reaches MySQL), `warm` (our API, cache filled first). Connections: 100 and 1,000 (`--quick`: 100).
 * Writes scripts/bench/results/reads-<date>.json and .md.
 */
import { BASE_DB, flag, load, numberArg, ratio, settle, startApi, startBaseline, table, writeResult, type Run, type Server } from './lib.js';
import { loadDataset } from './dataset.js';

const DURATION = numberArg('duration', flag('quick') ? 5 : 8);
const connectionsList = flag('quick') ? [100] : [100, 1000];

const { url: dbUrl, slugs } = await loadDataset(BASE_DB);
const slugPaths = slugs.slice(0, 200).map((s) => `/api/v1/posts/${s}`);
const scenarios = [
  { name: 'list ?limit=20', paths: ['/api/v1/posts?limit=20'] },
  { name: 'post by slug (200 slugs)', paths: slugPaths },
  { name: 'search ?q=', paths: ['/api/v1/posts?q=konteyner%20performans&limit=20'] },
];

type Row = Run & { scenario: string; mode: 'baseline' | 'cold' | 'warm'; connections: number };
const rows: Row[] = [];

for (const mode of ['baseline', 'cold', 'warm'] as const) {
  const server: Server = mode === 'baseline' ? await startBaseline(dbUrl) : await startApi(dbUrl, { CACHE_ENABLED: String(mode === 'warm') });
  try {
    for (const s of scenarios) {
      for (const connections of connectionsList) {
        await settle(0.3, 20_000); // a 1,000-connection run can leave MariaDB draining its backlog
        if (mode === 'warm') await load(server.url, { connections: 10, duration: 2, paths: s.paths }); // fill the cache first
        const run = await load(server.url, { connections, duration: DURATION, paths: s.paths });
        rows.push({ scenario: s.name, mode, connections, ...run });
        console.error(`${mode.padEnd(8)} ${s.name.padEnd(26)} c=${connections} ${run.rps} req/s p50 ${run.p50} p95 ${run.p95} p99 ${run.p99} ms errors ${run.errors + run.timeouts} non2xx ${run.non2xx}`);
      }
    }
    if (mode !== 'cold') {
      // Scenario 2: a CDN or browser revalidating what it holds (the baseline re-runs the SQL and hashes).
      const path = '/api/v1/posts?limit=20';
      await settle(0.3, 20_000);
      const etag = (await fetch(server.url + path)).headers.get('etag')!;
      const run = await load(server.url, { connections: 100, duration: DURATION, paths: [path], headers: { 'if-none-match': etag } });
      rows.push({ scenario: 'conditional GET → 304', mode, connections: 100, ...run });
      console.error(`${mode.padEnd(8)} conditional GET → 304       c=100 ${run.rps} req/s p50 ${run.p50} p95 ${run.p95} p99 ${run.p99} ms statuses ${JSON.stringify(run.statuses)}`);
    }
  } finally {
    await server.stop();
  }
}

const find = (scenario: string, mode: string, connections: number) => rows.find((r) => r.scenario === scenario && r.mode === mode && r.connections === connections);
const summary = scenarios.flatMap((s) =>
  connectionsList.map((c) => {
    const warm = find(s.name, 'warm', c);
    const base = find(s.name, 'baseline', c);
    return {
      scenario: s.name, connections: c,
      warmOverBaseline: ratio(warm?.rps, base?.rps), coldOverBaseline: ratio(find(s.name, 'cold', c)?.rps, base?.rps),
      warmP95Ms: warm?.p95, baselineP95Ms: base?.p95,
      goals: { warmAtLeast1_5xBaseline: (ratio(warm?.rps, base?.rps) ?? 0) >= 1.5, warmP95Under100ms: (warm?.p95 ?? Infinity) < 100, noErrors: !!warm && warm.errors + warm.timeouts === 0 && warm.non2xx === 0 },
    };
  }),
);
const notModified = find('conditional GET → 304', 'warm', 100);
const notModifiedBase = find('conditional GET → 304', 'baseline', 100);
const conditional = notModified && {
  rps: notModified.rps, p99: notModified.p99, all304: notModified.statuses['304'] === notModified.requests, goalP99Under10ms: notModified.p99 < 10,
  baselineRps: notModifiedBase?.rps, baselineP99: notModifiedBase?.p99, oursOverBaseline: ratio(notModified.rps, notModifiedBase?.rps),
};

const md = [
  table(['scenario', 'conns', 'mode', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx'],
    rows.map((r) => [r.scenario, r.connections, r.mode, r.rps, r.p50, r.p95, r.p99, r.errors + r.timeouts, r.non2xx])),
  '',
  table(['scenario', 'conns', 'warm ÷ baseline', 'cold ÷ baseline', 'warm p95 ms', 'goals met'],
    summary.map((s) => [s.scenario, s.connections, s.warmOverBaseline, s.coldOverBaseline, s.warmP95Ms, Object.entries(s.goals).filter(([, ok]) => !ok).map(([k]) => `✗ ${k}`).join(' ') || '✓'])),
  '',
  conditional ? `304s: ${conditional.rps} req/s, p99 ${conditional.p99} ms (goal < 10 ms: ${conditional.goalP99Under10ms ? '✓' : '✗'}); baseline ${conditional.baselineRps} req/s p99 ${conditional.baselineP99} ms → ${conditional.oursOverBaseline}×` : '',
].join('\n');
writeResult('reads', { durationSeconds: DURATION, dataset: { posts: slugs.length, projects: 50 }, results: rows, summary, conditional }, md);
process.exit(0);
