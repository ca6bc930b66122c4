import { appendFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../env.js';

/**
 * The resilience suite's ledger: every fault, load or fuzz test appends what it did and what it saw
 * (one JSON line per test) to `.data/resilience/ledger.jsonl`; `scripts/resilience-summary.ts`
 * prints the totals after `make test` / `make test-resilience`. The numbers are counted by the
 * tests themselves (requests sent, responses ≥ 500 received, rows or objects checked and missing).
 */
export interface Tally {
  /** Faults injected: outages, latency, kills, restarts, cut connections. */
  faults: number;
  /** HTTP requests sent to the system under test. */
  requests: number;
  /** Responses with a status ≥ 500 that the test did not expect (a 503 with Retry-After during a declared outage is expected, count it in `expected503`). */
  status5xx: number;
  /** 503s answered on purpose during an outage (dependency down, Retry-After set). */
  expected503: number;
  /** Rows that should exist (or should not) and did not match after the fault. */
  rowsLost: number;
  /** S3 objects orphaned or missing after the fault. */
  objectsLost: number;
  /** Side effects that happened more than once (e-mails, deliveries, publishes). */
  duplicates: number;
}

export const LEDGER_PATH = join(REPO_ROOT, '.data', 'resilience', 'ledger.jsonl');

export function record(suite: string, test: string, tally: Partial<Tally>): void {
  mkdirSync(join(REPO_ROOT, '.data', 'resilience'), { recursive: true });
  const line = {
    at: new Date().toISOString(),
    suite,
    test,
    faults: 0,
    requests: 0,
    status5xx: 0,
    expected503: 0,
    rowsLost: 0,
    objectsLost: 0,
    duplicates: 0,
    ...tally,
  };
  appendFileSync(LEDGER_PATH, JSON.stringify(line) + '\n');
}

export function readLedger(): (Tally & { suite: string; test: string })[] {
  if (!existsSync(LEDGER_PATH)) return [];
  return readFileSync(LEDGER_PATH, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** A fetch that counts what it sends and every status ≥ 500 it gets back. */
export function countingFetch(): {
  fetch: typeof fetch;
  counts: { requests: number; status5xx: number; byStatus: Record<number, number> };
} {
  const counts = { requests: 0, status5xx: 0, byStatus: {} as Record<number, number> };
  const wrapped: typeof fetch = async (input, init) => {
    counts.requests++;
    const res = await fetch(input, init);
    counts.byStatus[res.status] = (counts.byStatus[res.status] ?? 0) + 1;
    if (res.status >= 500) counts.status5xx++;
    return res;
  };
  return { fetch: wrapped, counts };
}
