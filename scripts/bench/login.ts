/**
 * What a password costs: argon2id hash time at several parameter sets, then end-to-end logins per
 * second through the real API (rate limiter off) at the parameters in use. Writes
 * scripts/bench/results/login-<date>.json and .md. Run with `make bench-login` (services must be up).
 */
import argon2 from 'argon2';
import { ARGON2_PARAMS } from '../../api/src/repositories/password-hasher.js';
import { createUser } from '../../api/test/factories.js';
import { startTestApi } from '../../api/test/harness.js';
import { ratio, table, writeResult } from './lib.js';

const PASSWORD = 'violet-tram-harbour-42';
const CANDIDATES = [
  { label: 'OWASP minimum (in use)', memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  { label: 'OWASP alt 46 MiB t=1', memoryCost: 47_104, timeCost: 1, parallelism: 1 },
  { label: '64 MiB t=3 (RFC 9106 second choice)', memoryCost: 65_536, timeCost: 3, parallelism: 4 },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function hashMedianMs(c: (typeof CANDIDATES)[number], rounds = 10, warmup = 3): Promise<number> {
  const times: number[] = [];
  for (let i = -warmup; i < rounds; i++) {
    const t = performance.now();
    await argon2.hash(PASSWORD, {
      type: argon2.argon2id,
      memoryCost: c.memoryCost,
      timeCost: c.timeCost,
      parallelism: c.parallelism,
    });
    if (i >= 0) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(percentile(times, 50) * 10) / 10;
}

async function hashTimes() {
  const out = [];
  for (const c of CANDIDATES) out.push({ ...c, medianMs: await hashMedianMs(c) });
  return out;
}

async function logins(concurrency: number, durationMs: number) {
  const api = await startTestApi({ RATE_LIMIT_ENABLED: 'false' });
  try {
    const user = await createUser(api, 'editor');
    const latencies: number[] = [];
    let errors = 0;
    const deadline = Date.now() + durationMs;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < deadline) {
          const t = performance.now();
          const res = await fetch(`${api.url}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: user.email, password: PASSWORD }),
          });
          await res.arrayBuffer();
          if (res.status === 200) latencies.push(performance.now() - t);
          else errors++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      concurrency,
      seconds: Math.round(seconds * 10) / 10,
      logins: latencies.length,
      errors,
      loginsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
      p50Ms: Math.round(percentile(latencies, 50)),
      p95Ms: Math.round(percentile(latencies, 95)),
    };
  } finally {
    await api.close();
  }
}

const hashes = await hashTimes();
// Baseline in the same run: the bare hash at the parameters in use, measured right before and right
// after the concurrency-1 logins (their mean), so the ratio compares like with like even when the
// machine's load drifts. At concurrency 1 a login can never beat 1 / hash time.
const hashBefore = await hashMedianMs(CANDIDATES[0]!, 20);
const atOne = await logins(1, 5000);
const hashAfter = await hashMedianMs(CANDIDATES[0]!, 20);
const endToEnd = [atOne, await logins(8, 8000)];
const inUse = {
  ...hashes[0]!,
  medianMs: Math.round(((hashBefore + hashAfter) / 2) * 10) / 10,
  beforeMs: hashBefore,
  afterMs: hashAfter,
};
const hashOnlyPerSecond = Math.round((1000 / inUse.medianMs) * 10) / 10;
const result = {
  params: ARGON2_PARAMS,
  argon2HashMedian: hashes,
  endToEnd,
  baseline: {
    hashMedianMsAroundC1: inUse.medianMs,
    hashBeforeMs: hashBefore,
    hashAfterMs: hashAfter,
    hashOnlyPerSecondSingleThread: hashOnlyPerSecond,
  },
  ratios: {
    loginsOverHashOnlyAtC1: ratio(endToEnd[0]!.loginsPerSecond, hashOnlyPerSecond),
    hashShareOfLoginP50AtC1: ratio(inUse.medianMs, endToEnd[0]!.p50Ms),
  },
};
const md = [
  table(
    ['argon2id parameters', 'hash median ms'],
    hashes.map((h) => [h.label, h.medianMs]),
  ),
  '',
  table(
    ['concurrency', 'logins/s', 'p50 ms', 'p95 ms', 'errors'],
    endToEnd.map((e) => [e.concurrency, e.loginsPerSecond, e.p50Ms, e.p95Ms, e.errors]),
  ),
  '',
  `Bare hash at the parameters in use, measured around the concurrency-1 run: ${inUse.medianMs} ms (${hashBefore} before, ${hashAfter} after) = ${hashOnlyPerSecond}/s → logins ÷ hash-only ${result.ratios.loginsOverHashOnlyAtC1}×; the hash is ${Math.round((result.ratios.hashShareOfLoginP50AtC1 ?? 0) * 100)} % of a login's p50.`,
].join('\n');
writeResult('login', result, md);
process.exit(0);
