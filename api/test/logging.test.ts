import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './env.js';
import { exitOf } from './harness.js';

/** The API's logger in a process of its own (fixtures/logging-child.ts), its stdout a real pipe. */
function child(mode: 'exit' | 'crash' | 'stall', count: number) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/logging-child.ts', mode, String(count)], {
    cwd: `${REPO_ROOT}api`,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  return Object.assign(proc, { errors: () => stderr });
}

function collect(proc: ReturnType<typeof child>): Promise<string> {
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  return new Promise((resolve) => proc.stdout!.on('end', () => resolve(out)));
}

const lines = (out: string) =>
  out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { i?: number; msg: string });

describe('request logging (async, bounded, flushed at exit)', () => {
  it('every line logged before process.exit() is written, whole and in order', async () => {
    const proc = child('exit', 5000);
    const out = collect(proc);
    expect(await exitOf(proc)).toBe(0);
    expect(lines(await out).map((l) => l.i)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('every line logged before an uncaught exception is written', async () => {
    const proc = child('crash', 2000);
    const out = collect(proc);
    expect(await exitOf(proc)).not.toBe(0);
    expect(proc.errors()).toContain('crash after logging');
    expect(lines(await out)).toHaveLength(2000);
  });

  it('a reader that is gone (closed pipe) neither hangs nor kills the exit', async () => {
    const proc = child('exit', 20_000);
    proc.stdout!.destroy(); // nobody reads: writes fail with EPIPE
    const started = Date.now();
    expect(await exitOf(proc, 15_000)).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a reader that stops reading does not hold logging up: lines wait in a bounded queue or are dropped and counted', async () => {
    const proc = child('stall', 30_000);
    // Nobody reads until the child has logged everything. The old synchronous destination slept 100 ms
    // on the event loop at every full-pipe write and never got there while the pipe stayed full.
    proc.stdout!.pause();
    const done = new Promise<void>((resolve) =>
      proc.stderr!.on('data', () => proc.errors().includes('"done":true') && resolve()),
    );
    await done;
    proc.stdout!.resume();
    const out = collect(proc);
    expect(await exitOf(proc, 30_000), proc.errors()).toBe(0);
    const got = lines(await out);
    const dropped = got
      .filter((l) => l.msg.startsWith('log lines dropped'))
      .reduce((n, l) => n + (l as unknown as { dropped: number }).dropped, 0);
    expect(dropped).toBeGreaterThan(0); // 30,000 lines of ~250 bytes are more than the 4 MiB queue
    expect(got.filter((l) => l.msg === 'line').length + dropped).toBe(30_000);
  });
});
