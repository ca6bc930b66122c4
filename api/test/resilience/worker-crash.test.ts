import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Jobs } from '../../src/jobs/job-spec.js';
import { createLogger } from '../../src/logger.js';
import { QueueRepository } from '../../src/repositories/queue.repository.js';
import { REPO_ROOT, testDatabaseUrl, testEnv } from '../env.js';
import { FaultProxy } from '../fault-proxy.js';
import { eventually, exitOf, spawnEntry } from '../harness.js';

/** kill -9 of a worker in the middle of a job: the job runs again after restart, its side effect happens once. */
const env = testEnv();
const prefix = `${env.REDIS_KEY_PREFIX}crash${Date.now()}:`;
const smtp = FaultProxy.forUrl(env.SMTP_URL);
const children: ReturnType<typeof spawnEntry>[] = [];
const workerEnv = () => ({
  NODE_ENV: 'test',
  DATABASE_URL: testDatabaseUrl(),
  REDIS_KEY_PREFIX: prefix,
  LOG_LEVEL: 'info',
  JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
  SMTP_URL: smtp.url(env.SMTP_URL),
  QUEUE_STALL_INTERVAL_MS: '1000',
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await smtp.stop();
});

async function mailsWith(marker: string): Promise<number> {
  const dir = join(REPO_ROOT, env.DATA_DIR, 'mail');
  let n = 0;
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.eml')))
    if ((await readFile(join(dir, name), 'utf8')).includes(marker)) n++;
  return n;
}

describe('worker killed mid-job', () => {
  it('the e-mail is sent exactly once after the restart', async () => {
    await smtp.start();
    smtp.latency(3000); // the SMTP conversation is slow: the kill lands in the middle of it
    const first = spawnEntry('worker', workerEnv());
    children.push(first);
    await eventually(async () => first.output().includes('worker started'), 30_000);

    const producer = new QueueRepository(env.REDIS_URL, prefix, createLogger('silent', 'producer'), false);
    const marker = `crash-${randomUUID()}`;
    await producer.enqueue(
      Jobs.email,
      { key: marker, to: 'crash@test.omervision.local', subject: 'Crash test', text: marker },
      { id: marker },
    );
    await eventually(
      async () => (await producer.counts([Jobs.email.name]))[Jobs.email.name]!.active === 1,
      15_000,
      100,
    );
    await new Promise((r) => setTimeout(r, 500));
    first.kill('SIGKILL');
    await exitOf(first);
    expect(await mailsWith(marker)).toBe(0);

    smtp.up();
    const second = spawnEntry('worker', workerEnv());
    children.push(second);
    await eventually(async () => (await mailsWith(marker)) === 1, 30_000, 250);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await mailsWith(marker)).toBe(1);
    await producer.close(1000);
    second.kill('SIGTERM');
    expect(await exitOf(second)).toBe(0);
  }, 90_000);
});
