import { splitLines } from '../../domain/lines.js';
import type { LiveLogMessage, LogLine, PaasLogRepository } from '../../repositories/paas-log.repository.js';
import type { DeploymentStatus } from '../../repositories/paas.repository.js';

export type LogEvent = { type: 'line'; seq: number; line: string } | { type: 'end'; status: string } | { type: 'ping' };

/** Statuses after which a deployment's log does not grow any more (the pipeline is over). */
export const LOG_FINAL: readonly DeploymentStatus[] = ['running', 'failed', 'stopped', 'superseded'];

export interface FollowDeps {
  logs: Pick<PaasLogRepository, 'read' | 'subscribe'>;
  /** The deployment's status and stored log (for replay once the Redis stream has expired). */
  deployment: () => Promise<{ status: DeploymentStatus; log: string | null } | undefined>;
  pingMs?: number;
}

/**
 * Replays a deployment log after `afterSeq` and then follows it live until the pipeline ends.
 * Subscribes before replaying and drops live lines already replayed (by sequence number), so a
 * line written in between is neither lost nor doubled. Live follow ends on the `end` message, or
 * when a periodic status check finds the deployment over (a message lost while Redis blinked).
 */
export async function* followDeploymentLog(
  deploymentId: string,
  afterSeq: number,
  signal: AbortSignal,
  deps: FollowDeps,
): AsyncGenerator<LogEvent> {
  const pending: LiveLogMessage[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = await deps.logs.subscribe(deploymentId, (message) => {
    pending.push(message);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    let last = afterSeq;
    const emit = function* (lines: LogLine[]): Generator<LogEvent> {
      for (const { seq, line } of lines) {
        if (seq <= last) continue;
        last = seq;
        yield { type: 'line', seq, line };
      }
    };
    // Replay: the Redis stream while it exists, else the log stored in the row.
    for (;;) {
      const batch = await deps.logs.read(deploymentId, last);
      if (batch === null) {
        const stored = (await deps.deployment())?.log ?? '';
        yield* emit(stored === '' ? [] : stored.split('\n').map((line, i) => ({ seq: i + 1, line })));
        break;
      }
      if (batch.length === 0) break;
      yield* emit(batch);
    }
    const pingMs = deps.pingMs ?? 15_000;
    let lastCheck = Date.now();
    let current = await deps.deployment();
    for (;;) {
      while (pending.length) {
        const message = pending.shift()!;
        if (message.t === 'end') {
          yield { type: 'end', status: message.status };
          return;
        }
        yield* emit(message.lines.map(([seq, line]) => ({ seq, line })));
      }
      if (!current || LOG_FINAL.includes(current.status)) {
        yield* emit((await deps.logs.read(deploymentId, last)) ?? []);
        yield { type: 'end', status: current?.status ?? 'deleted' };
        return;
      }
      if (signal.aborted) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pingMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      if (signal.aborted) return;
      if (pending.length === 0) yield { type: 'ping' };
      if (Date.now() - lastCheck >= pingMs) {
        lastCheck = Date.now();
        current = await deps.deployment();
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    await unsubscribe();
  }
}

/**
 * Server-Sent Events framing: `id` = line number, so `Last-Event-ID` resumes after it. SSE ends a
 * field at `\r` as well as `\n`: a line still holding one (a log stored before lines were split on
 * `\r`) goes out as several `data:` fields, which the client joins with `\n`.
 */
export function sseFrame(event: LogEvent): string {
  switch (event.type) {
    case 'line':
      return `id: ${event.seq}\n${splitLines(event.line)
        .map((part) => `data: ${part}\n`)
        .join('')}\n`;
    case 'end':
      return `event: end\ndata: ${JSON.stringify({ status: event.status })}\n\n`;
    case 'ping':
      return ': ping\n\n';
  }
}
