import { describe, expect, it } from 'vitest';
import type { LiveLogMessage, LogLine } from '../../repositories/paas-log.repository.js';
import type { DeploymentStatus } from '../../repositories/paas.repository.js';
import { followDeploymentLog, sseFrame, type LogEvent } from './log-follow.js';

/** A hand-written log store: a stream (null = expired), a channel, and a status. */
function fakeStore(lines: string[] | null, status: DeploymentStatus, stored: string | null = null) {
  let listener: ((m: LiveLogMessage) => void) | undefined;
  const state = { lines, status, stored, unsubscribed: false };
  return {
    state,
    publish(message: LiveLogMessage) {
      if (message.t === 'lines' && state.lines) state.lines.push(...message.lines.map(([, l]) => l));
      listener?.(message);
    },
    deps: {
      pingMs: 20,
      logs: {
        read: async (_id: string, after: number): Promise<LogLine[] | null> =>
          state.lines === null
            ? null
            : state.lines.map((line, i) => ({ seq: i + 1, line })).filter((l) => l.seq > after),
        subscribe: async (_id: string, fn: (m: LiveLogMessage) => void) => {
          listener = fn;
          return async () => void (state.unsubscribed = true);
        },
      },
      deployment: async () => ({ status: state.status, log: state.stored }),
    },
  };
}

async function collect(gen: AsyncGenerator<LogEvent>, stopAfter = 100): Promise<LogEvent[]> {
  const out: LogEvent[] = [];
  for await (const e of gen) {
    out.push(e);
    if (out.length >= stopAfter) break;
  }
  return out;
}

describe('followDeploymentLog', () => {
  it('replays a finished log and ends with its status', async () => {
    const store = fakeStore(['a', 'b', 'c'], 'running');
    const events = await collect(followDeploymentLog('d', 0, new AbortController().signal, store.deps));
    expect(events).toEqual([
      { type: 'line', seq: 1, line: 'a' },
      { type: 'line', seq: 2, line: 'b' },
      { type: 'line', seq: 3, line: 'c' },
      { type: 'end', status: 'running' },
    ]);
    expect(store.state.unsubscribed).toBe(true);
  });

  it('resumes after Last-Event-ID', async () => {
    const store = fakeStore(['a', 'b', 'c'], 'failed');
    const events = await collect(followDeploymentLog('d', 2, new AbortController().signal, store.deps));
    expect(events).toEqual([
      { type: 'line', seq: 3, line: 'c' },
      { type: 'end', status: 'failed' },
    ]);
  });

  it('falls back to the stored log once the stream has expired', async () => {
    const store = fakeStore(null, 'running', 'one\ntwo\nthree');
    const events = await collect(followDeploymentLog('d', 1, new AbortController().signal, store.deps));
    expect(events).toEqual([
      { type: 'line', seq: 2, line: 'two' },
      { type: 'line', seq: 3, line: 'three' },
      { type: 'end', status: 'running' },
    ]);
  });

  it('follows live lines without doubling those already replayed, until the end message', async () => {
    const store = fakeStore(['a'], 'building');
    const gen = followDeploymentLog('d', 0, new AbortController().signal, store.deps);
    const first = await gen.next();
    expect(first.value).toEqual({ type: 'line', seq: 1, line: 'a' });
    const rest = collect(gen);
    await new Promise((r) => setTimeout(r, 5));
    // A batch that overlaps the replay (seq 1) and brings a new line (seq 2).
    store.publish({
      t: 'lines',
      lines: [
        [1, 'a'],
        [2, 'b'],
      ],
    });
    store.state.status = 'running';
    store.publish({ t: 'end', status: 'running' });
    const events = (await rest).filter((e) => e.type !== 'ping');
    expect(events).toEqual([
      { type: 'line', seq: 2, line: 'b' },
      { type: 'end', status: 'running' },
    ]);
  });

  it('ends on a status check when the end message was missed', async () => {
    const store = fakeStore(['a'], 'building');
    const gen = followDeploymentLog('d', 0, new AbortController().signal, store.deps);
    await gen.next();
    setTimeout(() => {
      store.state.lines!.push('b');
      store.state.status = 'failed';
    }, 5);
    const events = (await collect(gen)).filter((e) => e.type !== 'ping');
    expect(events).toEqual([
      { type: 'line', seq: 2, line: 'b' },
      { type: 'end', status: 'failed' },
    ]);
  });

  it('stops and unsubscribes when the client goes away', async () => {
    const store = fakeStore([], 'building');
    const abort = new AbortController();
    const done = collect(followDeploymentLog('d', 0, abort.signal, store.deps));
    setTimeout(() => abort.abort(), 30);
    await done;
    expect(store.state.unsubscribed).toBe(true);
  });
});

/** The event stream as EventSource parses it (HTML, "Interpreting an event stream"): CR, LF and CRLF end lines. */
function parseSse(text: string): { id?: string; data: string; ignored: string[] }[] {
  const events: { id?: string; data: string; ignored: string[] }[] = [];
  let current: { id?: string; data: string[]; ignored: string[] } = { data: [], ignored: [] };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') {
      if (current.data.length)
        events.push({
          ...(current.id !== undefined ? { id: current.id } : {}),
          data: current.data.join('\n'),
          ignored: current.ignored,
        });
      current = { data: [], ignored: [] };
    } else if (line.startsWith('data:')) current.data.push(line.slice(5).replace(/^ /, ''));
    else if (line.startsWith('id:')) current.id = line.slice(3).trim();
    else if (!line.startsWith(':')) current.ignored.push(line);
  }
  return events;
}

describe('sseFrame', () => {
  it('keeps a line holding a CR (a progress bar, a log stored before lines were split on CR) one event with all its text', () => {
    const frame = sseFrame({ type: 'line', seq: 8, line: 'npm install  10%\r 60%\r\r100%\r' });
    expect(parseSse(frame)).toEqual([{ id: '8', data: 'npm install  10%\n 60%\n100%', ignored: [] }]);
    expect(
      parseSse(sseFrame({ type: 'line', seq: 9, line: 'plain' }) + sseFrame({ type: 'line', seq: 10, line: '' })),
    ).toEqual([
      { id: '9', data: 'plain', ignored: [] },
      { id: '10', data: '', ignored: [] },
    ]);
  });

  it('frames lines with their number as id, the end as a named event, pings as comments', () => {
    expect(sseFrame({ type: 'line', seq: 7, line: 'Step 1/4 : FROM x' })).toBe('id: 7\ndata: Step 1/4 : FROM x\n\n');
    expect(sseFrame({ type: 'end', status: 'failed' })).toBe('event: end\ndata: {"status":"failed"}\n\n');
    expect(sseFrame({ type: 'ping' })).toBe(': ping\n\n');
  });
});
