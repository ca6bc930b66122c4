/**
 * The resilience suite's totals: reads the ledger the fault, load and fuzz tests append to
 * (`.data/resilience/ledger.jsonl`, format in api/test/resilience/ledger.ts), prints one row per
 * suite and test plus a TOTAL line, and writes `.data/resilience/summary.json`. Exit code 1 when
 * any test saw an unexpected 5xx or lost a row or an object or did something twice; 0 otherwise.
 * `make test` and `make test-resilience` run it after vitest.
 *
 *   node --import tsx scripts/resilience-summary.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { LEDGER_PATH, readLedger, type Tally } from '../api/test/resilience/ledger.js';

const COLUMNS = [
  ['faults', 'faults'],
  ['requests', 'requests'],
  ['status5xx', '5xx'],
  ['expected503', 'exp. 503'],
  ['rowsLost', 'rows lost'],
  ['objectsLost', 'objects lost'],
  ['duplicates', 'duplicates'],
] as const satisfies readonly (readonly [keyof Tally, string])[];
/** Any of these above zero fails the run. */
const FAILING: (keyof Tally)[] = ['status5xx', 'rowsLost', 'objectsLost', 'duplicates'];

type Row = Tally & { suite: string; test: string; runs: number };

const zero = (): Tally => ({
  faults: 0,
  requests: 0,
  status5xx: 0,
  expected503: 0,
  rowsLost: 0,
  objectsLost: 0,
  duplicates: 0,
});
const add = (into: Tally, from: Partial<Tally>) => {
  for (const [key] of COLUMNS) into[key] += Number(from[key] ?? 0) || 0;
};

// One row per suite and test (a test that recorded twice, e.g. a retried one, is summed).
const rows = new Map<string, Row>();
let entries: ReturnType<typeof readLedger>;
try {
  entries = readLedger();
} catch (err) {
  // A damaged line (a run killed mid-write) means the totals cannot be trusted.
  console.error(`Resilience summary: ${LEDGER_PATH} is not readable JSON lines (${(err as Error).message})`);
  process.exit(1);
}
for (const entry of entries) {
  const id = `${entry.suite}\u0000${entry.test}`;
  const row = rows.get(id) ?? { suite: entry.suite, test: entry.test, runs: 0, ...zero() };
  add(row, entry);
  row.runs++;
  rows.set(id, row);
}
const table = [...rows.values()].sort((a, b) => a.suite.localeCompare(b.suite) || a.test.localeCompare(b.test));
const total = zero();
for (const row of table) add(total, row);
const failed = FAILING.filter((key) => total[key] > 0);

const header = ['suite', 'test', ...COLUMNS.map(([, label]) => label)];
const lines = [
  ...table.map((r) => [
    r.suite,
    r.runs > 1 ? `${r.test} (×${r.runs})` : r.test,
    ...COLUMNS.map(([key]) => String(r[key])),
  ]),
  ['TOTAL', `${table.length} test(s)`, ...COLUMNS.map(([key]) => String(total[key]))],
];
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const format = (cells: string[]) =>
  cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
const rule = widths.map((w) => '-'.repeat(w)).join('  ');

const ledger = relative(process.cwd(), LEDGER_PATH) || LEDGER_PATH;
console.log(`\nResilience summary (${ledger})`);
if (!table.length) {
  console.log('  no entries: no fault, load or fuzz test recorded anything in this run');
} else {
  console.log(
    [format(header), rule, ...lines.slice(0, -1).map(format), rule, format(lines[lines.length - 1]!)].join('\n'),
  );
}
console.log(
  failed.length
    ? `FAILED: ${failed.map((k) => `${k} ${total[k]}`).join(', ')}`
    : 'OK: no unexpected 5xx, nothing lost, nothing duplicated',
);

const summaryPath = join(dirname(LEDGER_PATH), 'summary.json');
mkdirSync(dirname(summaryPath), { recursive: true });
writeFileSync(
  summaryPath,
  JSON.stringify(
    { at: new Date().toISOString(), ledger: LEDGER_PATH, ok: failed.length === 0, failed, total, tests: table },
    null,
    2,
  ) + '\n',
);
process.exitCode = failed.length ? 1 : 0;
