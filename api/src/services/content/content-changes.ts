import type { Tx } from '../../repositories/database.js';
import type { OutboxEvent } from '../../repositories/outbox.repository.js';
import type { ContentEvent } from './events.js';

export interface OutboxWriter {
  add(event: OutboxEvent, tx: Tx): Promise<string>;
}
export interface CacheInvalidator {
  invalidate(...namespaces: string[]): Promise<void>;
}

/**
 * What every content write does besides the row itself: outbox events in the same transaction
 * (plus `site.changed` when the public site is affected) and, after commit, the cache namespaces.
 */
export class ContentChanges {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly cache: CacheInvalidator,
  ) {}

  async emit(
    tx: Tx,
    type: ContentEvent,
    aggregate: { type: string; id: string },
    payload: Record<string, unknown>,
    siteChanged = true,
  ): Promise<void> {
    const at = new Date().toISOString();
    await this.outbox.add(
      { type, aggregateType: aggregate.type, aggregateId: aggregate.id, payload: { ...payload, at } },
      tx,
    );
    if (siteChanged) {
      await this.outbox.add(
        {
          type: 'site.changed',
          aggregateType: aggregate.type,
          aggregateId: aggregate.id,
          payload: { cause: type, at },
        },
        tx,
      );
    }
  }

  /** For changes with no event of their own (skills, tags): only the static site cares. */
  async emitSiteChanged(tx: Tx, aggregate: { type: string; id: string }): Promise<void> {
    await this.outbox.add(
      {
        type: 'site.changed',
        aggregateType: aggregate.type,
        aggregateId: aggregate.id,
        payload: { cause: `${aggregate.type}.changed`, at: new Date().toISOString() },
      },
      tx,
    );
  }

  /** Call after the transaction committed. Cache trouble never fails a write that already happened. */
  async invalidate(...namespaces: string[]): Promise<void> {
    await this.cache.invalidate(...namespaces).catch(() => undefined);
  }
}
