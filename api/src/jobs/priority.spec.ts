import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Jobs, type JobPriority } from './job-spec.js';
import { concurrencyOf, timed } from './priority.js';
import type { RegisteredJob } from './registered-job.js';

const env = { WORKER_CONCURRENCY: 2, WORKER_CONCURRENCY_HIGH: 5, WORKER_CONCURRENCY_LOW: 1 };
const entry = (
  spec: { name: string; priority: JobPriority },
  handle: () => Promise<unknown> = async () => 'ok',
  concurrency?: number,
) => ({ spec, handle, ...(concurrency ? { concurrency } : {}) }) as unknown as RegisteredJob<never>;

describe('job priorities', () => {
  it('e-mail and webhook delivery are high, media variants default, maintenance and backups low', () => {
    expect(
      [Jobs.email, Jobs.webhookDeliver, Jobs.mediaVariants, Jobs.cleanup, Jobs.mediaOrphans, Jobs.backup].map(
        (j) => j.priority,
      ),
    ).toEqual(['high', 'high', 'default', 'low', 'low', 'low']);
  });

  it("a queue's concurrency comes from its priority unless the registry fixes it", () => {
    expect(concurrencyOf(entry(Jobs.email), env)).toBe(5);
    expect(concurrencyOf(entry(Jobs.mediaVariants), env)).toBe(2);
    expect(concurrencyOf(entry(Jobs.backup), env)).toBe(1);
    expect(concurrencyOf(entry(Jobs.outboxDispatch, undefined, 1), env)).toBe(1);
  });

  it('every run is timed and recorded with its outcome; the handler result and error pass through', async () => {
    const recorded: [string, string, boolean][] = [];
    const stats = {
      record: async (queue: string, priority: string, _s: number, ok: boolean) =>
        void recorded.push([queue, priority, ok]),
    };
    const logger = pino({ level: 'silent' });
    expect(
      await timed(
        entry(Jobs.email, async () => 42),
        stats,
        logger,
      )({} as never, { id: '1', attempt: 1 }),
    ).toBe(42);
    await expect(
      timed(
        entry(Jobs.backup, async () => {
          throw new Error('disk full');
        }),
        stats,
        logger,
      )({} as never, { id: '2', attempt: 1 }),
    ).rejects.toThrow('disk full');
    expect(recorded).toEqual([
      ['email', 'high', true],
      ['backup', 'low', false],
    ]);
  });
});
