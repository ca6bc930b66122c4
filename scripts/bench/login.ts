/**
 * What a password costs: argon2id hash time at several parameter sets, then end-to-end logins per
 * second through the real API (rate limiter off) at the parameters in use. Writes
 * scripts/bench/results/login-<date>.json. Run with `make bench-login` (services must be up).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import argon2 from 'argon2';
import { ARGON2_PARAMS } from '../../api/src/repositories/password-hasher.js';
import { createUser } from '../../api/test/factories.js';
import { startTestApi } from '../../api/test/harness.js';

const PASSWORD = 'violet-tram-harbour-42';
const CANDIDATES = [
  { label: 'OWASP minimum (in use)', memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  { label: 'OWASP alt 46 MiB t=1', memoryCost: 47_104, timeCost: 1, parallelism: 1 },
  { label: '64 MiB t=3 (RFC 9106 second choice)', memoryCost: 65_536, timeCost: 3, parallelism: 4 },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function hashTimes() {
  const out = [];
  for (const c of CANDIDATES) {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: c.memoryCost, timeCost: c.timeCost, parallelism: c.parallelism });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push({ ...c, medianMs: Math.round(percentile(times, 50) * 10) / 10 });
  }
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
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: PASSWORD }),
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
      concurrency, seconds: Math.round(seconds * 10) / 10, logins: latencies.length, errors,
      loginsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
      p50Ms: Math.round(percentile(latencies, 50)), p95Ms: Math.round(percentile(latencies, 95)),
    };
  } finally {
    await api.close();
  }
}

const result = {
  date: new Date().toISOString(),
  machine: { cpus: availableParallelism(), model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  params: ARGON2_PARAMS,
  argon2HashMedian: await hashTimes(),
  endToEnd: [await logins(1, 5000), await logins(8, 8000)],
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const file = new URL(`./results/login-${result.date.slice(0, 10)}.json`, import.meta.url);
writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
process.exit(0);
