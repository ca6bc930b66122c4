import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATOMIC_WRITE_BYTES, LineWriter } from './log-writer.js';

/** A pipe: records every write; `full` makes writes fail with EAGAIN, `gone` with EPIPE. */
function fakePipe() {
  const pipe = {
    writes: [] as string[],
    full: false,
    gone: false,
    sleeps: 0,
    io: {
      writeSync: (_fd: number, buf: Uint8Array) => {
        if (pipe.gone) throw Object.assign(new Error('EPIPE'), { code: 'EPIPE' });
        if (pipe.full) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
        pipe.writes.push(Buffer.from(buf).toString());
        return buf.length;
      },
      sleep: () => void pipe.sleeps++,
    },
    text: () => pipe.writes.join(''),
  };
  return pipe;
}

/** A JSON line of exactly `size` bytes. */
const line = (i: number, size = 100) => {
  const head = `{"i":${i},"pad":"`;
  return `${head}${'x'.repeat(size - head.length - 3)}"}\n`;
};
const writer = (pipe: ReturnType<typeof fakePipe>, maxBufferBytes = 1 << 20) =>
  new LineWriter(1, { maxBufferBytes, exitFlushMs: 50, dropNotice: (n) => `dropped ${n}\n`, io: pipe.io });

describe('LineWriter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes lines together, in writes of whole lines up to PIPE_BUF, never on the request's own path", async () => {
    const pipe = fakePipe();
    const w = writer(pipe);
    const lines = Array.from({ length: 100 }, (_, i) => line(i));
    for (const l of lines) w.write(l);
    expect(pipe.writes).toEqual([]); // nothing on the request's own path
    await vi.advanceTimersToNextTimerAsync(); // setImmediate: a whole write is ready
    expect(pipe.text()).toBe(lines.join(''));
    expect(pipe.writes.length).toBe(Math.ceil(100 / Math.floor(ATOMIC_WRITE_BYTES / 100)));
    for (const chunk of pipe.writes) {
      expect(Buffer.byteLength(chunk)).toBeLessThanOrEqual(ATOMIC_WRITE_BYTES);
      expect(chunk.endsWith('\n')).toBe(true);
    }
  });

  it('a few lines wait up to 10 ms for more, then go out in one write', async () => {
    const pipe = fakePipe();
    const w = writer(pipe);
    w.write(line(1));
    await vi.advanceTimersByTimeAsync(5);
    w.write(line(2));
    expect(pipe.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(5);
    expect(pipe.writes).toEqual([line(1) + line(2)]);
  });

  it('a backlog goes out 64 KiB per event-loop turn, so catching up never holds the loop long', async () => {
    const pipe = fakePipe();
    const w = writer(pipe);
    pipe.full = true;
    for (let i = 0; i < 2000; i++) w.write(line(i)); // 200 kB
    await vi.advanceTimersToNextTimerAsync();
    pipe.full = false;
    await vi.advanceTimersByTimeAsync(10); // the retry: one turn's worth
    expect(pipe.writes.length).toBe(16);
    await vi.runAllTimersAsync();
    expect(pipe.text()).toBe(Array.from({ length: 2000 }, (_, i) => line(i)).join(''));
  });

  it('a reader that never quite catches up: the queue keeps no written lines, and every line arrives in order', async () => {
    const pipe = fakePipe();
    const w = writer(pipe);
    let n = 0;
    for (let turn = 0; turn < 40; turn++) {
      pipe.full = turn % 2 === 0; // half the attempts find the pipe full
      for (let i = 0; i < 600; i++) w.write(line(n++));
      await vi.advanceTimersByTimeAsync(10);
      expect((w as unknown as { queue: string[] }).queue.length).toBeLessThan(20_000);
    }
    pipe.full = false;
    await vi.runAllTimersAsync();
    expect(pipe.text()).toBe(Array.from({ length: n }, (_, i) => line(i)).join(''));
  });

  it('a line longer than PIPE_BUF goes out alone and whole', async () => {
    const pipe = fakePipe();
    const w = writer(pipe);
    w.write(line(1));
    w.write(line(2, 10_000));
    w.write(line(3));
    await vi.advanceTimersToNextTimerAsync();
    expect(pipe.writes.map((c) => c.length)).toEqual([100, 10_000, 100]);
  });

  it('a full pipe never blocks: lines stay queued and go out on a later attempt, in order', async () => {
    const pipe = fakePipe();
    const w = writer(pipe);
    pipe.full = true;
    w.write(line(1));
    await vi.advanceTimersToNextTimerAsync();
    w.write(line(2));
    await vi.advanceTimersByTimeAsync(30);
    expect(pipe.writes).toEqual([]);
    expect(pipe.sleeps).toBe(0);
    pipe.full = false;
    await vi.advanceTimersByTimeAsync(10);
    expect(pipe.text()).toBe(line(1) + line(2));
  });

  it('bounds the queue: lines past it are dropped, counted and reported once the pipe drains', async () => {
    const pipe = fakePipe();
    const w = writer(pipe, 1000);
    pipe.full = true;
    for (let i = 0; i < 15; i++) w.write(line(i));
    await vi.advanceTimersByTimeAsync(50);
    pipe.full = false;
    await vi.advanceTimersByTimeAsync(10);
    expect(pipe.text()).toBe(Array.from({ length: 10 }, (_, i) => line(i)).join('') + 'dropped 5\n');
  });

  it('a reader that is gone (EPIPE) ends logging: nothing is retried, nothing queued', async () => {
    const pipe = fakePipe();
    const w = writer(pipe);
    pipe.gone = true;
    w.write(line(1));
    await vi.advanceTimersToNextTimerAsync();
    w.write(line(2));
    w.flushSync();
    expect(vi.getTimerCount()).toBe(0);
    pipe.gone = false;
    w.flushSync();
    expect(pipe.writes).toEqual([]);
  });

  it('flushSync writes what is queued at once, and waits for a full pipe only up to its deadline', () => {
    vi.useRealTimers();
    const pipe = fakePipe();
    const w = writer(pipe);
    w.write(line(1));
    w.flushSync();
    expect(pipe.text()).toBe(line(1));

    pipe.full = true;
    w.write(line(2));
    const started = Date.now();
    pipe.io.sleep = () => {
      pipe.sleeps++;
      const until = Date.now() + 5;
      while (Date.now() < until);
    };
    w.flushSync();
    expect(Date.now() - started).toBeLessThan(500);
    expect(pipe.sleeps).toBeGreaterThan(0);
    expect(pipe.text()).toBe(line(1));
  });

  it('a partial write keeps the rest of its line first', async () => {
    const pipe = fakePipe();
    let first = true;
    const w = new LineWriter(1, {
      maxBufferBytes: 1 << 20,
      exitFlushMs: 50,
      dropNotice: () => '',
      io: {
        writeSync: (fd, buf) => {
          if (first) {
            first = false;
            return pipe.io.writeSync(fd, buf.subarray(0, 30));
          }
          return pipe.io.writeSync(fd, buf);
        },
        sleep: () => undefined,
      },
    });
    w.write(line(1));
    w.write(line(2));
    await vi.advanceTimersToNextTimerAsync();
    expect(pipe.text()).toBe(line(1) + line(2));
  });
});
