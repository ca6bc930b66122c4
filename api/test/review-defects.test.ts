import Docker from 'dockerode';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Infrastructure } from '../src/composition/infrastructure.js';
import { Jobs } from '../src/jobs/job-spec.js';
import { scheduleOutboxDispatch, scheduleRecurring } from '../src/schedule/recurring.js';
import { createLogger } from '../src/logger.js';
import { DockerRepository } from '../src/repositories/docker.repository.js';
import { QueueRepository } from '../src/repositories/queue.repository.js';
import { messageLines } from '../src/domain/paas/app-log-lines.js';
import { sseFrame } from '../src/services/paas/log-follow.js';
import { testEnv } from './env.js';
import { eventually } from './harness.js';

/**
 * Defects found in review (issue #22), each proved against the real Redis here or in a unit spec
 * beside its code. Scheduled jobs: bee-queue removes a succeeded job and with it its id, so a fixed
 * id such as `cleanup:<hour>` did not stop the next 15-minute tick (or another worker) from running
 * the same hour again.
 */
const env = testEnv();
const prefix = `${env.REDIS_KEY_PREFIX}defects${Date.now()}:`;
const logger = createLogger('silent', 'review-defects');
const queues: QueueRepository[] = [];
const stops: (() => void)[] = [];

/** A worker replica: its own queue connections (producer and consumer), like a worker process. */
function worker(): QueueRepository {
  const q = new QueueRepository(env.REDIS_URL, prefix, logger, true, 1000);
  queues.push(q);
  return q;
}

const infraOf = (q: QueueRepository) => ({ env, logger, queues: q }) as unknown as Infrastructure;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  for (const stop of stops) stop();
  await Promise.all(queues.map((q) => q.close(2000)));
  const redis = createClient({ url: env.REDIS_URL });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
    if (keys.length) await redis.del(keys);
  await redis.quit();
});

describe('scheduled jobs run once per period across worker replicas', () => {
  it('cleanup:<hour> runs once though two workers tick three times in the hour', async () => {
    // Not across an hour boundary: the next hour is a new period and rightly runs again.
    const intoHour = Date.now() % 3_600_000;
    if (intoHour > 3_600_000 - 20_000) await settle(3_600_000 - intoHour + 1000);
    const [a, b] = [worker(), worker()];
    const runs: string[] = [];
    for (const [name, q] of [
      ['a', a],
      ['b', b],
    ] as const) {
      q.process(Jobs.cleanup, 1, async (_data, job) => void runs.push(`${name}:${job.id}`));
    }
    stops.push(scheduleRecurring(infraOf(a)));
    await eventually(async () => runs.length === 1, 15_000, 50);
    await eventually(async () => (await a.counts([Jobs.cleanup.name]))[Jobs.cleanup.name]!.active === 0, 10_000, 50);
    // The job has succeeded and bee-queue has dropped its id. Worker b starts (its first tick), then
    // a's next quarter-hour tick comes: both enqueue the same `cleanup:<hour>` again.
    stops.push(scheduleRecurring(infraOf(b)));
    stops.push(scheduleRecurring(infraOf(a)));
    await settle(2500);
    const counts = (await b.counts([Jobs.cleanup.name]))[Jobs.cleanup.name]!;
    expect(counts.waiting + counts.active).toBe(0);
    stops.splice(0).forEach((stop) => stop());
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/^[ab]:cleanup:\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/);
  });

  it('an id remembered with onceForMs is not enqueued again after it ran; a new period is', async () => {
    const [a, b] = [worker(), worker()];
    const runs: string[] = [];
    a.process(Jobs.publishDue, 1, async (data) => void runs.push(data.slot));
    b.process(Jobs.publishDue, 1, async (data) => void runs.push(data.slot));
    const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    await a.enqueue(Jobs.publishDue, { slot }, { id: `publish-due:${slot}`, onceForMs: 120_000 });
    await eventually(async () => runs.length === 1, 15_000, 50);
    await settle(300);
    await Promise.all([
      a.enqueue(Jobs.publishDue, { slot }, { id: `publish-due:${slot}`, onceForMs: 120_000 }),
      b.enqueue(Jobs.publishDue, { slot }, { id: `publish-due:${slot}`, onceForMs: 120_000 }),
    ]);
    const next = new Date(Date.parse(slot) + 60_000).toISOString();
    await b.enqueue(Jobs.publishDue, { slot: next }, { id: `publish-due:${next}`, onceForMs: 120_000 });
    await eventually(async () => runs.length >= 2, 15_000, 50);
    await settle(1500);
    expect(runs).toEqual([slot, next]);
  });

  it('the outbox dispatch runs once per second slot though two workers tick each second', async () => {
    const [a, b] = [worker(), worker()];
    const ticks: string[] = [];
    // A dispatch pass quicker than the tick: it has succeeded (and its id is gone) before the other worker's tick.
    for (const q of [a, b]) q.process(Jobs.outboxDispatch, 1, async (data) => void ticks.push(data.tick));
    stops.push(scheduleOutboxDispatch(infraOf(a), 400));
    await settle(150);
    stops.push(scheduleOutboxDispatch(infraOf(b), 400));
    await settle(3000);
    stops.splice(-2).forEach((stop) => stop());
    await settle(600);
    expect(ticks.length).toBeGreaterThan(3);
    expect(new Set(ticks).size).toBe(ticks.length);
  });
});

describe('engine output, read from a real container', () => {
  const docker = new Docker();
  let containerId: string | undefined;
  afterAll(async () => {
    if (containerId)
      await docker
        .getContainer(containerId)
        .remove({ force: true })
        .catch(() => undefined);
  });

  it("keeps Turkish letters and emoji whole where the engine cuts a long line, and a progress bar's \\r ends lines", async () => {
    // The engine cuts lines at 16 KiB: after one ASCII byte, 2-byte `ş`s put the cut inside a character.
    // The `local` log driver keeps the bytes (json-file itself stores U+FFFD for a cut character).
    const long = `x${'ş'.repeat(9000)}🚀`;
    const script = `process.stdout.write(${JSON.stringify(`${long}\n`)}); process.stdout.write('indiriliyor  10%\\r indiriliyor 100%\\r\\nbitti ✓\\n'); setTimeout(() => {}, 60000);`;
    const container = await docker.createContainer({
      Image: 'omervision/paas-node:local',
      Cmd: ['node', '-e', script],
      Labels: { 'omervision.test': 'review-defects' },
      HostConfig: { LogConfig: { Type: 'local', Config: {} } },
    });
    containerId = container.id;
    await container.start();
    const engine = new DockerRepository('review-defects', docker);
    const lines: string[] = [];
    const stop = new AbortController();
    const following = engine.followLogs(
      container.id,
      { tail: 100 },
      (stream, message) => {
        lines.push(...messageLines(stream, message, 100_000).map((l) => l.line));
        if (lines.includes('bitti ✓')) stop.abort();
      },
      stop.signal,
    );
    await eventually(async () => lines.includes('bitti ✓'), 30_000, 100);
    stop.abort();
    await following;
    expect(lines.join('')).not.toContain('\uFFFD');
    // The engine's cut makes the long line two lines; together they are the line, character for character.
    expect(lines.slice(0, -3).join('')).toBe(long);
    expect(lines.slice(-3)).toEqual(['indiriliyor  10%', ' indiriliyor 100%', 'bitti ✓']);
    for (const line of lines) expect(sseFrame({ type: 'line', seq: 1, line })).toMatch(/^id: 1\ndata: [^\r\n]*\n\n$/);
  });
});
