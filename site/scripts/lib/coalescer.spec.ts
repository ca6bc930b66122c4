import { describe, expect, it } from 'vitest';
import { Coalescer, type Timers } from './coalescer.ts';

/** Hand-driven clock: timers fire only when the test advances time. */
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void pending.delete(h as number),
    now: () => now,
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        pending.delete(id);
        t.fn();
      }
    }
    await new Promise((r) => setImmediate(r));
  };
  return { timers, advance };
}

/** A build that finishes only when the test says so. */
function controllableBuilds() {
  const runs: string[][] = [];
  let finish: (() => void) | null = null;
  const run = (triggers: string[]) => {
    runs.push(triggers);
    return new Promise<void>((resolve) => (finish = resolve));
  };
  const done = async () => {
    finish?.();
    finish = null;
    await new Promise((r) => setImmediate(r));
  };
  return { runs, run, done };
}

describe('Coalescer', () => {
  it('debounces a burst into one build with every trigger', async () => {
    const { timers, advance } = fakeTimers();
    const b = controllableBuilds();
    const c = new Coalescer(b.run, { debounceMs: 500, maxWaitMs: 3000 }, timers);
    c.request('post.published');
    await advance(200);
    c.request('post.updated');
    await advance(200);
    c.request('post.published');
    expect(b.runs).toHaveLength(0);
    await advance(500);
    expect(b.runs).toEqual([['post.published', 'post.updated']]);
  });

  it('runs one follow-up for everything that arrived during a build, never two at once', async () => {
    const { timers, advance } = fakeTimers();
    const b = controllableBuilds();
    const c = new Coalescer(b.run, { debounceMs: 500, maxWaitMs: 3000 }, timers);
    c.request('a');
    await advance(500);
    for (let i = 0; i < 10; i++) c.request(i % 2 ? 'b' : 'c');
    await advance(5000);
    expect(b.runs).toHaveLength(1);
    expect(c.busy).toBe(true);
    await b.done();
    await advance(500);
    expect(b.runs).toEqual([['a'], ['c', 'b']]);
    await b.done();
    await advance(5000);
    expect(b.runs).toHaveLength(2);
    await c.idle();
  });

  it('does not let a steady stream of requests postpone the build past maxWait', async () => {
    const { timers, advance } = fakeTimers();
    const b = controllableBuilds();
    const c = new Coalescer(b.run, { debounceMs: 500, maxWaitMs: 1200 }, timers);
    for (let i = 0; i < 5; i++) {
      c.request('x');
      await advance(300);
    }
    expect(b.runs).toHaveLength(1);
  });

  it('keeps going after a failed build', async () => {
    const { timers, advance } = fakeTimers();
    const runs: string[][] = [];
    const c = new Coalescer(
      async (t) => {
        runs.push(t);
        if (runs.length === 1) throw new Error('boom');
      },
      { debounceMs: 10, maxWaitMs: 100 },
      timers,
    );
    c.request('one');
    await advance(10);
    c.request('two');
    await advance(10);
    expect(runs).toEqual([['one'], ['two']]);
  });
});
