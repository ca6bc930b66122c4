/**
 * `make bench`: every scenario, one after another, each in its own process (so one failing
 * scenario is reported and the others still run), then one combined
 * `scripts/bench/results/<date>.json` + `<date>.md`.
 *
 *   node --import tsx scripts/bench/run.ts [--only reads,login] [--quick]
 *
 * Scenarios (each also runs alone: `node --import tsx scripts/bench/<name>.ts [--quick]`):
 *   reads        1+2  public reads and 304s at 100/1,000 connections, the API as shipped (request log
 *                     on) vs bare node:http answering from memory (the limit) and running the SQL;
 *                     event-loop delay, GC pauses, CPU per answer
 *   login        4    argon2id cost, logins/s and p95 with the limiter off
 *   concurrency  3    10,000 idle keep-alive + 1,000 SSE streams held while reads run: RSS, p95 change
 *   paas         6    deploy static + Node repos vs git + docker CLI by hand; cached redeploy
 *   site         5+7  publish → live on the 1,000-post site, full build per page; static server vs nginx
 *   paas-drivers #17  deploy and redeploy, docker driver vs swarm driver (through scripts/test-swarm.sh:
 *                     a one-node swarm and the registry when none, the engine left as found)
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ROOT, RESULTS_DIR, args, flag, machine, settle } from './lib.js';

const ALL = ['reads', 'login', 'concurrency', 'paas', 'site', 'paas-drivers'] as const;
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1]!.split(',') : [...ALL];
const unknown = only.filter((n) => !ALL.includes(n as never));
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')} — choose from ${ALL.join(', ')}`);
  process.exit(64);
}
const passThrough = flag('quick') ? ['--quick'] : [];
const date = process.env.BENCH_DATE ?? new Date().toISOString().slice(0, 10);
const started = Date.now();

function runScenario(name: string): Promise<{ code: number | null; seconds: number }> {
  const t = Date.now();
  return new Promise((resolve) => {
    const node = [process.execPath, '--import', 'tsx', `scripts/bench/${name}.ts`, ...passThrough];
    // The swarm driver needs a swarm and a registry: test-swarm.sh makes them for the run and removes them.
    const argv = name === 'paas-drivers' ? ['scripts/test-swarm.sh', '--', ...node] : node;
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, BENCH_DATE: date },
    });
    child.on('exit', (code) => resolve({ code, seconds: Math.round((Date.now() - t) / 100) / 10 }));
  });
}

const runs: Record<
  string,
  { code: number | null; seconds: number; settled: Awaited<ReturnType<typeof settle>>; result?: unknown }
> = {};
for (const name of only) {
  // Each scenario starts on a quiet machine: the previous one may leave MariaDB draining a backlog.
  const settled = await settle();
  console.error(
    `\n=== bench: ${name} (machine settled after ${settled.waitedSeconds}s, ${settled.busyCores} cores busy) ===`,
  );
  const run = { ...(await runScenario(name)), settled };
  const file = new URL(`./${name}-${date}.json`, RESULTS_DIR);
  const fresh = existsSync(file) && Date.parse(JSON.parse(readFileSync(file, 'utf8')).date ?? 0) >= started;
  runs[name] = { ...run, ...(fresh ? { result: JSON.parse(readFileSync(file, 'utf8')) } : {}) };
  console.error(`=== ${name}: exit ${run.code} after ${run.seconds}s${fresh ? '' : ' (no result written)'} ===`);
}

const totalSeconds = Math.round((Date.now() - started) / 1000);
// `--only` re-runs some scenarios: the others keep their results from this date's earlier run
// (marked with `carriedFrom`), so <date>.json always holds the newest result of every scenario.
const combinedFile = new URL(`./${date}.json`, RESULTS_DIR);
const earlier = existsSync(combinedFile)
  ? (JSON.parse(readFileSync(combinedFile, 'utf8')) as {
      date: string;
      scenarios?: Record<string, { carriedFrom?: string; result?: unknown }>;
    })
  : undefined;
const scenarios: Record<string, unknown> = {};
for (const name of ALL) {
  if (runs[name]) scenarios[name] = runs[name];
  else if (earlier?.scenarios?.[name]?.result)
    scenarios[name] = { carriedFrom: earlier.scenarios[name]!.carriedFrom ?? earlier.date, ...earlier.scenarios[name] };
}
const combined = {
  date: new Date().toISOString(),
  machine: machine(),
  totalSeconds,
  quick: flag('quick'),
  ran: only,
  scenarios,
};
writeFileSync(combinedFile, JSON.stringify(combined, null, 2) + '\n');
const md = [
  `# make bench — ${combined.date}`,
  '',
  `Machine: ${JSON.stringify(combined.machine)}; ran ${only.join(', ')} in ${totalSeconds} s.`,
  '',
];
for (const name of ALL.filter((n) => n in scenarios)) {
  const mdFile = new URL(`./${name}-${date}.md`, RESULTS_DIR);
  const carried = (scenarios[name] as { carriedFrom?: string }).carriedFrom;
  if (carried && existsSync(mdFile)) md.push(`_(${name}: from the run of ${carried})_\n`);
  md.push(
    (runs[name]?.result || carried) && existsSync(mdFile)
      ? readFileSync(mdFile, 'utf8')
      : `## ${name}\n\nFAILED (exit ${runs[name]?.code}); see the output above.\n`,
  );
}
writeFileSync(new URL(`./${date}.md`, RESULTS_DIR), md.join('\n'));
console.log(
  `\nbench: ${only.length} scenario(s) in ${totalSeconds} s → scripts/bench/results/${date}.json and ${date}.md`,
);
const failed = only.filter((n) => runs[n]!.code !== 0 || !runs[n]!.result);
if (failed.length) {
  console.error(`bench: failed: ${failed.join(', ')}`);
  process.exit(1);
}
