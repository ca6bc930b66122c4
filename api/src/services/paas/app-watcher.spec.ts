import { describe, expect, it } from 'vitest';
import type { AppLogLine, LogCursor } from '../../domain/paas/app-log-lines.js';
import type { AppMetricsSample } from '../../domain/paas/app-metrics.js';
import { AppWatcher } from './app-watcher.js';

const ts = (s: number) => `2024-05-01T10:00:${String(s).padStart(2, '0')}.000000000Z`;
const settle = () => new Promise((r) => setTimeout(r, 20));

/** Hand-written fakes: apps in the database, containers that log, a Redis log store and leases. */
function world() {
  const apps: { id: string; containerId: string | null }[] = [];
  const attached: { id: string; from: { since?: string; tail?: number } }[] = [];
  const streams = new Map<string, { emit(stream: 'stdout' | 'stderr', text: string): void; end(): void }>();
  const stored: (AppLogLine & { appId: string })[] = [];
  const cursors = new Map<string, LogCursor | null>();
  const held = new Set<string>();
  const samples: AppMetricsSample[] = [];
  const watcher = new AppWatcher(
    { listAppsByStatus: async () => apps as never },
    {
      state: async (id: string) => ({
        id,
        running: true,
        status: 'running',
        restartCount: 2,
        exitCode: 0,
        hostPort: 1,
        oomKilled: false,
      }),
      stats: async () => ({ memory_stats: { usage: 100, limit: 1000 } }),
      followLogs: (id, from, onMessage, signal) =>
        new Promise<void>((resolve) => {
          attached.push({ id, from });
          streams.set(id, { emit: (stream, text) => onMessage(stream, text), end: resolve });
          signal.addEventListener('abort', () => resolve());
        }),
    },
    {
      append: async (appId, containerId, lines, cursor) => {
        stored.push(...lines.map((l) => ({ ...l, appId })));
        cursors.set(containerId, cursor);
      },
      cursor: async (_appId, containerId) => cursors.get(containerId) ?? null,
    },
    { put: async (_appId, sample) => void samples.push(sample) },
    {
      withLock: async <T>(
        name: string,
        _ttl: number,
        fn: () => Promise<T>,
      ): Promise<{ ran: true; value: T } | { ran: false }> => {
        if (held.has(name)) return { ran: false };
        held.add(name);
        try {
          return { ran: true, value: await fn() };
        } finally {
          held.delete(name);
        }
      },
    } as never,
    { pollMs: 60_000, metricsMs: 60_000, leaseMs: 1000, firstTail: 500, maxLine: 100, cpuLimitPercent: 50, graceMs: 0 },
    (err) => {
      throw err;
    },
  );
  return { apps, attached, streams, stored, held, samples, watcher };
}

describe('AppWatcher', () => {
  it('follows a serving container from its tail, then resumes after the stored cursor without doubles', async () => {
    const w = world();
    w.apps.push({ id: 'a', containerId: 'c1' });
    await w.watcher.poll();
    await settle();
    expect(w.attached).toEqual([{ id: 'c1', from: { tail: 500 } }]);
    w.streams.get('c1')!.emit('stdout', `${ts(1)} one\n`);
    w.streams.get('c1')!.emit('stderr', `${ts(2)} two\n`);
    w.streams.get('c1')!.end(); // the container stopped (Docker restarts it)
    await settle();
    await w.watcher.poll();
    await settle();
    expect(w.attached[1]).toEqual({
      id: 'c1',
      from: { since: `${Date.parse('2024-05-01T10:00:02Z') / 1000}.000000000` },
    });
    w.streams.get('c1')!.emit('stderr', `${ts(2)} two\n`); // sent again: at the since timestamp
    w.streams.get('c1')!.emit('stdout', `${ts(3)} three\n`);
    await w.watcher.stop();
    expect(w.stored.map((l) => `${l.stream}:${l.line}`)).toEqual(['stdout:one', 'stderr:two', 'stdout:three']);
    expect(w.held.size).toBe(0);
  });

  it('leaves a container whose lease another worker holds', async () => {
    const w = world();
    w.held.add('paas-app-log:c1');
    w.apps.push({ id: 'a', containerId: 'c1' });
    await w.watcher.poll();
    await settle();
    expect(w.attached).toEqual([]);
    expect(w.watcher.following).toEqual([]);
  });

  it('switches to the new container on a blue-green switch and samples only the serving one', async () => {
    const w = world();
    w.apps.push({ id: 'a', containerId: 'blue' });
    await w.watcher.poll();
    await settle();
    w.apps[0]!.containerId = 'green';
    await w.watcher.poll(); // blue stops serving: its grace (0 here) starts
    await settle();
    await w.watcher.sample();
    await w.watcher.poll();
    await settle();
    expect(w.watcher.following).toEqual(['green']);
    expect(w.samples.map((s) => s.containerId)).toEqual(['green']);
    expect(w.samples[0]).toMatchObject({
      memoryBytes: 100,
      memoryLimitBytes: 1000,
      restartCount: 2,
      cpuLimitPercent: 50,
    });
    w.apps.length = 0; // stopped or deleted
    await w.watcher.poll();
    await settle();
    expect(w.watcher.following).toEqual([]);
    await w.watcher.stop();
  });
});
