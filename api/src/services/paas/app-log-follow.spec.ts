import { describe, expect, it } from 'vitest';
import type { LiveAppLogMessage, StoredAppLogLine } from '../../repositories/paas-app-log.repository.js';
import { appLogFrame, compareStreamIds, followAppLog, isStreamId, type AppLogEvent } from './app-log-follow.js';

const line = (id: string, text: string, stream: 'stdout' | 'stderr' = 'stdout'): StoredAppLogLine => ({
  id,
  ts: '2024-05-01T10:00:00.000000000Z',
  stream,
  line: text,
});

/** A hand-written store: the stream's lines, a channel, and whether the app exists. */
function fakeStore(lines: StoredAppLogLine[]) {
  let listener: ((m: LiveAppLogMessage) => void) | undefined;
  const state = { lines, exists: true, unsubscribed: false, onSubscribe: undefined as (() => void) | undefined };
  const after = (id: string) => state.lines.filter((l) => compareStreamIds(l.id, id) > 0);
  return {
    state,
    publish(...added: StoredAppLogLine[]) {
      state.lines.push(...added);
      listener?.({ lines: added.map((l) => [l.id, l.ts, l.stream, l.line]) });
    },
    deps: {
      pingMs: 20,
      exists: async () => state.exists,
      logs: {
        tail: async (_app: string, n: number) => (n <= 0 ? [] : state.lines.slice(-n)),
        after: async (_app: string, id: string, n: number) => after(id).slice(0, n),
        subscribe: async (_app: string, fn: (m: LiveAppLogMessage) => void) => {
          listener = fn;
          state.onSubscribe?.();
          return async () => void (state.unsubscribed = true);
        },
      },
    },
  };
}

async function take(gen: AsyncGenerator<AppLogEvent>, count: number, abort: AbortController): Promise<AppLogEvent[]> {
  const out: AppLogEvent[] = [];
  for await (const e of gen) {
    if (e.type !== 'ping') out.push(e);
    if (out.length >= count) break;
  }
  abort.abort();
  return out;
}

const ids = (events: AppLogEvent[]) => events.map((e) => (e.type === 'line' ? e.id : e.type));

describe('followAppLog', () => {
  it('sends the newest lines, then live ones', async () => {
    const store = fakeStore([line('1-0', 'a'), line('2-0', 'b'), line('3-0', 'c')]);
    const abort = new AbortController();
    const gen = followAppLog('app', { tail: 2 }, abort.signal, store.deps);
    setTimeout(() => store.publish(line('4-0', 'd', 'stderr')), 30);
    const events = await take(gen, 3, abort);
    expect(ids(events)).toEqual(['2-0', '3-0', '4-0']);
    expect(events[2]).toMatchObject({ type: 'line', stream: 'stderr', line: 'd' });
    expect(store.state.unsubscribed).toBe(true);
  });

  it('resumes after Last-Event-ID with everything retained after it', async () => {
    const store = fakeStore([line('1-0', 'a'), line('1-1', 'b'), line('2-0', 'c')]);
    const abort = new AbortController();
    const events = await take(followAppLog('app', { after: '1-0' }, abort.signal, store.deps), 2, abort);
    expect(ids(events)).toEqual(['1-1', '2-0']);
  });

  it('neither loses nor doubles a line written between subscribing and replaying', async () => {
    const store = fakeStore([line('1-0', 'a')]);
    // Published after the subscription, before the replay reads: in the replay and on the channel.
    store.state.onSubscribe = () => store.publish(line('2-0', 'b'));
    const abort = new AbortController();
    const gen = followAppLog('app', { tail: 10 }, abort.signal, store.deps);
    setTimeout(() => store.publish(line('3-0', 'c')), 30);
    expect(ids(await take(gen, 3, abort))).toEqual(['1-0', '2-0', '3-0']);
  });

  it('ends when the app is deleted', async () => {
    const store = fakeStore([]);
    store.state.exists = false;
    const abort = new AbortController();
    expect(ids(await take(followAppLog('app', { tail: 0 }, abort.signal, store.deps), 1, abort))).toEqual(['end']);
  });

  it('stops when the client goes', async () => {
    const store = fakeStore([line('1-0', 'a')]);
    const abort = new AbortController();
    const gen = followAppLog('app', { tail: 5 }, abort.signal, store.deps);
    expect((await gen.next()).value).toMatchObject({ id: '1-0' });
    setTimeout(() => abort.abort(), 10);
    const rest: AppLogEvent[] = [];
    for await (const e of gen) rest.push(e);
    expect(rest.every((e) => e.type === 'ping')).toBe(true);
    expect(store.state.unsubscribed).toBe(true);
  });
});

describe('stream ids and frames', () => {
  it('orders ids numerically, not as strings', () => {
    expect(compareStreamIds('10-0', '9-5')).toBe(1);
    expect(compareStreamIds('9-10', '9-9')).toBe(1);
    expect(compareStreamIds('9-9', '9-9')).toBe(0);
    expect(compareStreamIds('1714557600000-0', '1714557600001-0')).toBe(-1);
    expect(isStreamId('1714557600000-3')).toBe(true);
    expect(isStreamId('12')).toBe(false);
    expect(isStreamId('1-2-3')).toBe(false);
  });

  it('frames a line with its id and a JSON body, so stderr stays marked', () => {
    expect(appLogFrame({ type: 'line', id: '5-1', ts: 't', stream: 'stderr', line: 'x\ny' })).toBe(
      'id: 5-1\ndata: {"ts":"t","stream":"stderr","line":"x\\ny"}\n\n',
    );
    expect(appLogFrame({ type: 'end', reason: 'deleted' })).toBe('event: end\ndata: {"reason":"deleted"}\n\n');
    expect(appLogFrame({ type: 'ping' })).toBe(': ping\n\n');
  });
});
