import type {
  LiveAppLogMessage,
  PaasAppLogRepository,
  StoredAppLogLine,
} from '../../repositories/paas-app-log.repository.js';

export type AppLogEvent = ({ type: 'line' } & StoredAppLogLine) | { type: 'end'; reason: 'deleted' } | { type: 'ping' };

/** Where a follower starts: the newest `tail` lines, or right after a stream entry it already has. */
export type AppLogStart = { tail: number } | { after: string };

export interface AppLogFollowDeps {
  logs: Pick<PaasAppLogRepository, 'tail' | 'after' | 'subscribe'>;
  /** False once the app is deleted: the follow ends. */
  exists: () => Promise<boolean>;
  pingMs?: number;
  /** Most lines replayed after a Last-Event-ID (the retention cap bounds it anyway). */
  maxReplay?: number;
}

const STREAM_ID = /^(\d{1,20})-(\d{1,20})$/;

export function isStreamId(value: string): boolean {
  return STREAM_ID.test(value);
}

/** Orders Redis stream ids (`<ms>-<seq>`). */
export function compareStreamIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
  return am === bm ? (as === bs ? 0 : as < bs ? -1 : 1) : am < bm ? -1 : 1;
}

/**
 * A running app's output: the newest lines (or every retained line after a Last-Event-ID), then
 * live lines for as long as the client stays. Subscribes before replaying and drops live lines
 * already replayed (by stream id), so a line written in between is neither lost nor doubled. Ends
 * only when the app is deleted (checked at each keep-alive ping).
 */
export async function* followAppLog(
  appId: string,
  start: AppLogStart,
  signal: AbortSignal,
  deps: AppLogFollowDeps,
): AsyncGenerator<AppLogEvent> {
  const pending: LiveAppLogMessage[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = await deps.logs.subscribe(appId, (message) => {
    pending.push(message);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    let last: string | undefined = 'after' in start ? start.after : undefined;
    const emit = function* (lines: StoredAppLogLine[]): Generator<AppLogEvent> {
      for (const line of lines) {
        if (last !== undefined && compareStreamIds(line.id, last) <= 0) continue;
        last = line.id;
        yield { type: 'line', ...line };
      }
    };
    if ('tail' in start) yield* emit(await deps.logs.tail(appId, start.tail));
    else {
      let budget = deps.maxReplay ?? 100_000;
      while (budget > 0) {
        const batch = await deps.logs.after(appId, last!, Math.min(1000, budget));
        if (batch.length === 0) break;
        budget -= batch.length;
        yield* emit(batch);
      }
    }
    const pingMs = deps.pingMs ?? 15_000;
    for (;;) {
      while (pending.length) {
        const message = pending.shift()!;
        yield* emit(message.lines.map(([id, ts, stream, line]) => ({ id, ts, stream, line })));
      }
      if (signal.aborted) return;
      const pinged = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), pingMs);
        wake = () => {
          clearTimeout(timer);
          resolve(false);
        };
      });
      wake = undefined;
      if (signal.aborted) return;
      if (pinged && pending.length === 0) {
        if (!(await deps.exists())) {
          yield { type: 'end', reason: 'deleted' };
          return;
        }
        yield { type: 'ping' };
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    await unsubscribe();
  }
}

/** Server-Sent Events framing: `id` = the stream entry id, so `Last-Event-ID` resumes after it. */
export function appLogFrame(event: AppLogEvent): string {
  switch (event.type) {
    case 'line':
      return `id: ${event.id}\ndata: ${JSON.stringify({ ts: event.ts, stream: event.stream, line: event.line })}\n\n`;
    case 'end':
      return `event: end\ndata: ${JSON.stringify({ reason: event.reason })}\n\n`;
    case 'ping':
      return ': ping\n\n';
  }
}
