import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../repositories/outbox.repository.js';
import type { DeliveryRow, WebhookDeliveryRepository } from '../../repositories/webhook-delivery.repository.js';
import type { WebhookRepository, WebhookRow } from '../../repositories/webhook.repository.js';
import { OutboxDispatcher, type Exclusive, type OutboxStore } from './dispatcher.js';

function event(id: string, type: string): OutboxRow {
  return {
    id,
    type,
    aggregateType: 'post',
    aggregateId: `a-${id}`,
    payload: {},
    dispatchedAt: null,
    attempts: 0,
    createdAt: new Date(),
  };
}

/** In-memory outbox, webhooks and deliveries with the same uniqueness rule as the table. */
function world(rows: OutboxRow[], hooks: Partial<WebhookRow>[], opts: { failOn?: string } = {}) {
  const dispatched: string[] = [];
  const attempts: string[] = [];
  const deliveries = new Map<string, DeliveryRow>();
  const scheduled: { id: string; jobId: string }[] = [];
  const outbox: OutboxStore = {
    pending: async (limit) => rows.filter((r) => !dispatched.includes(r.id)).slice(0, limit),
    markDispatched: async (id) => void dispatched.push(id),
    countAttempt: async (id) => void attempts.push(id),
  };
  const webhookRepo = { listActive: async () => hooks as WebhookRow[] } as unknown as WebhookRepository;
  const deliveryRepo = {
    createOnce: async (input: { webhookId: string; eventId: string; eventType: string; due: Date }) => {
      if (input.eventId === opts.failOn) throw new Error('db down');
      const key = `${input.webhookId}/${input.eventId}`;
      const existing = deliveries.get(key);
      if (existing) return { row: existing, created: false };
      const row = {
        id: `d-${key}`,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: input.due,
        ...input,
      } as unknown as DeliveryRow;
      deliveries.set(key, row);
      return { row, created: true };
    },
    stranded: async () => [],
  } as unknown as WebhookDeliveryRepository;
  return { outbox, webhookRepo, deliveryRepo, dispatched, attempts, deliveries, scheduled };
}

const always: Exclusive = async (fn) => ({ ran: true, value: await fn() });

function dispatcher(w: ReturnType<typeof world>, exclusive: Exclusive = always) {
  return new OutboxDispatcher(
    w.outbox,
    w.webhookRepo,
    w.deliveryRepo,
    async (id, _due, jobId) => void w.scheduled.push({ id, jobId }),
    exclusive,
  );
}

describe('OutboxDispatcher', () => {
  it('fans each event out to the subscribed webhooks; the first job id is the delivery id', async () => {
    const w = world(
      [event('1', 'post.published'), event('2', 'page.updated')],
      [
        { id: 'h1', events: ['post.published'] },
        { id: 'h2', events: ['post.published', 'page.updated'] },
      ],
    );
    const stats = await dispatcher(w).run();
    expect(stats).toMatchObject({ events: 2, deliveries: 3, coalesced: 0, failed: 0 });
    expect(w.scheduled.map((s) => s.jobId)).toEqual(['d-h1/1', 'd-h2/1', 'd-h2/2']);
    expect(w.dispatched).toEqual(['1', '2']);
  });

  it('coalesces pending site.changed events into the newest', async () => {
    const w = world(
      [
        event('1', 'site.changed'),
        event('2', 'post.published'),
        event('3', 'site.changed'),
        event('4', 'site.changed'),
      ],
      [{ id: 'site', events: ['site.changed'] }],
    );
    expect(await dispatcher(w).run()).toMatchObject({ events: 2, deliveries: 1, coalesced: 2 });
    expect([...w.deliveries.keys()]).toEqual(['site/4']);
    expect(w.dispatched.sort()).toEqual(['1', '2', '3', '4']);
  });

  it('is idempotent: a second pass over an already-delivered event queues nothing new', async () => {
    const rows = [event('1', 'post.published')];
    const w = world(rows, [{ id: 'h', events: ['post.published'] }]);
    await dispatcher(w).run();
    w.deliveries.get('h/1')!.attempts = 1; // tried once already: its retry job owns it
    w.dispatched.length = 0;
    expect(await dispatcher(w).run()).toMatchObject({ deliveries: 0 });
    expect(w.scheduled).toHaveLength(1);
  });

  it('leaves a failing event pending (counting the attempt) and carries on with the others', async () => {
    const w = world(
      [event('1', 'post.published'), event('2', 'post.published')],
      [{ id: 'h', events: ['post.published'] }],
      { failOn: '1' },
    );
    expect(await dispatcher(w).run()).toMatchObject({ events: 1, failed: 1 });
    expect(w.dispatched).toEqual(['2']);
    expect(w.attempts).toEqual(['1']);
  });

  it('does nothing while another worker holds the lease', async () => {
    const w = world([event('1', 'post.published')], [{ id: 'h', events: ['post.published'] }]);
    expect(await dispatcher(w, async () => ({ ran: false })).run()).toBeNull();
    expect(w.dispatched).toEqual([]);
  });
});
