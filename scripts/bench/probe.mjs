// Preloaded into a server under test (`node --import ./scripts/bench/probe.mjs`, spawned with an IPC
// channel): the event-loop delay histogram (perf_hooks.monitorEventLoopDelay) and every GC pause
// (PerformanceObserver 'gc'). The benchmark sends { probe: 'reset' } before a run and
// { probe: 'read' } after it, and gets the figures for exactly that run back, with the CPU time
// the process used meanwhile.
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

if (process.send && process.env.BENCH_PROBE === '1') {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const KINDS = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
  };
  const fresh = () => ({ count: 0, totalMs: 0, maxMs: 0, over10ms: 0, over50ms: 0, byKind: {} });
  let gc = fresh();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = KINDS[e.detail?.kind] ?? 'other';
      gc.count++;
      gc.totalMs += e.duration;
      gc.maxMs = Math.max(gc.maxMs, e.duration);
      if (e.duration > 10) gc.over10ms++;
      if (e.duration > 50) gc.over50ms++;
      const k = (gc.byKind[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
      k.count++;
      k.totalMs += e.duration;
      k.maxMs = Math.max(k.maxMs, e.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  let since = Date.now();
  let cpu = process.cpuUsage();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on('message', (m) => {
    if (m?.probe === 'reset') {
      loop.reset();
      gc = fresh();
      since = Date.now();
      cpu = process.cpuUsage();
      process.send({ probe: 'reset' });
    } else if (m?.probe === 'read') {
      const round = (o) =>
        JSON.parse(JSON.stringify(o, (_k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)));
      process.send({
        probe: 'report',
        seconds: (Date.now() - since) / 1000,
        // CPU time this process used (user + system): per request, the cost of an answer whatever
        // else the machine runs at the time.
        cpuMs: (({ user, system }) => Math.round((user + system) / 1000))(process.cpuUsage(cpu)),
        // Delay beyond the 10 ms sampling interval, in ms.
        loopDelayMs: {
          p50: ms(loop.percentile(50)),
          p90: ms(loop.percentile(90)),
          p99: ms(loop.percentile(99)),
          max: ms(loop.max),
          mean: ms(loop.mean),
          samples: loop.count,
        },
        gc: round({ ...gc, busyPercent: (gc.totalMs / (Date.now() - since)) * 100 }),
        memory: {
          rssMiB: Math.round(process.memoryUsage.rss() / 2 ** 20),
          heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
        },
      });
    }
  });
  process.channel?.unref();
}
