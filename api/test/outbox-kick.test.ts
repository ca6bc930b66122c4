import { eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { composeWebhookWorker } from '../src/composition/webhooks.js';
import { outboxEvents } from '../src/db/schema.js';
import { Jobs } from '../src/jobs/job-spec.js';
import { createWebhookJobs } from '../src/jobs/webhook.jobs.js';
import { createLogger } from '../src/logger.js';
import { afterCommit, TransactionRunner } from '../src/repositories/database.js';
import { OutboxRepository } from '../src/repositories/outbox.repository.js';
import { doc, publishedPost } from './content-helpers.js';
import { testEnv, testRedisPrefix } from './env.js';
import { createUser, login } from './factories.js';
import { eventually, startTestApi, type TestApi } from './harness.js';

/**
 * A publish reaches the site builder without waiting for the worker's one-second outbox tick: the
 * API asks for a dispatch once the publishing transaction commits. Here the worker runs the
 * dispatch job but no tick at all, so only that request can move the events.
 */
let api: TestApi;
let worker: Infrastructure;
let editor: string;

beforeAll(async () => {
  // Own queue prefix: no other file's ticks or kicks reach this worker.
  const prefix = { REDIS_KEY_PREFIX: `${testRedisPrefix()}kick${Date.now()}:` };
  api = await startTestApi(prefix);
  worker = createInfrastructure(testEnv(prefix), createLogger('silent', 'worker-test'), 'worker');
  const jobs = createWebhookJobs(composeWebhookWorker(worker), worker.logger);
  worker.queues.process(Jobs.outboxDispatch, 1, jobs.dispatch);
  await eventually(async () => worker.redis.isReady);
  // Events other files left undispatched in the shared database are not this file's to move.
  await api.infra.database.pool.query('UPDATE outbox_events SET dispatched_at = NOW(3) WHERE dispatched_at IS NULL');
  editor = (await login(api, await createUser(api, 'editor'))).accessToken;
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

describe('the outbox after a commit', () => {
  it('a publish is dispatched at once, with no outbox tick running', async () => {
    const post = await publishedPost(api, editor, { title: `Kick ${uuidv7()}`, content: doc('Now.') });
    const db = api.infra.database.db;
    const events = () => db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, post.id));
    // post.published and site.changed, both written by the publish.
    expect((await events()).map((e) => e.type)).toEqual(expect.arrayContaining(['post.published', 'site.changed']));
    const started = Date.now();
    await eventually(async () => (await events()).every((e) => e.dispatchedAt !== null), 5_000, 25);
    // Without the request it would wait forever here (no tick); with it, well under a tick.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('asks only after the commit, and never for a transaction that rolled back', async () => {
    const db = api.infra.database.db;
    const tx = new TransactionRunner(db);
    const seen: { visible: boolean }[] = [];
    const ids: string[] = [];
    // What the hook sees through another connection tells whether the row was committed when it ran.
    const checks: Promise<void>[] = [];
    const outbox = new OutboxRepository(db, () => {
      checks.push(
        (async () => {
          const rows = await db.select().from(outboxEvents).where(inArray(outboxEvents.id, ids));
          seen.push({ visible: rows.length === ids.length });
        })(),
      );
    });
    const event = () => ({ type: 'test.kick', aggregateType: 'test', aggregateId: uuidv7(), payload: {} });

    await tx.run(async (t) => {
      ids.push(await outbox.add(event(), t));
      ids.push(await outbox.add(event(), t));
      expect(seen).toHaveLength(0); // not while the transaction is open
    });
    await Promise.all(checks);
    expect(seen).toEqual([{ visible: true }, { visible: true }]);

    seen.length = 0;
    await expect(
      tx.run(async (t) => {
        await outbox.add(event(), t);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(seen).toHaveLength(0);

    // Outside a runner's transaction the write is already committed: at once.
    let ran = 0;
    afterCommit(db, () => ran++);
    expect(ran).toBe(1);
    await db.update(outboxEvents).set({ dispatchedAt: new Date() }).where(inArray(outboxEvents.id, ids));
  });
});
