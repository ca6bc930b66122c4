import type { Tx } from '../../src/repositories/database.js';
import type { OutboxEvent } from '../../src/repositories/outbox.repository.js';
import type { OutboxWriter } from '../../src/services/content/content-changes.js';
import type { Transactional } from './fake-transactions.js';

/** The outbox table: events written inside the caller's transaction (they roll back with it). */
export class FakeOutbox implements OutboxWriter, Transactional {
  events: (OutboxEvent & { id: string })[] = [];
  /** When set, the next `add` fails (a lost connection in the middle of a write). */
  failNext: Error | undefined;
  private seq = 0;

  async add(event: OutboxEvent, _tx: Tx): Promise<string> {
    const fail = this.failNext;
    this.failNext = undefined;
    if (fail) throw fail;
    const id = `evt-${++this.seq}`;
    this.events.push({ ...structuredClone(event), id });
    return id;
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }

  checkpoint(): () => void {
    const saved = [...this.events];
    return () => {
      this.events = saved;
    };
  }
}
