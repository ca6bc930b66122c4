import { splitLines } from '../../domain/lines.js';
import type { PaasLogRepository } from '../../repositories/paas-log.repository.js';

/** An expected end of a deployment; its message is the deployment's reason, shown to the admin. */
export class PipelineFailure extends Error {}

const FLUSH_MS = 100;
const FLUSH_LINES = 200;
export const DEFAULT_LOG_MAX_BYTES = 2 * 1024 * 1024;

/**
 * A deployment's log writer: lines are batched (a build can print thousands) and appended in order;
 * a Redis hiccup loses log lines, never the deployment.
 */
export class DeployLog {
  private buffer: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private bytes = 0;
  private truncated = false;

  constructor(
    private readonly logs: Pick<PaasLogRepository, 'append'>,
    readonly deploymentId: string,
    private readonly onError: (err: Error) => void = () => undefined,
    /** Build output beyond this is dropped (one notice says so); pipeline steps are always kept. */
    private readonly maxBytes = DEFAULT_LOG_MAX_BYTES,
  ) {}

  line(text: string): void {
    this.bytes += Buffer.byteLength(text) + 1;
    if (this.bytes > this.maxBytes) {
      if (!this.truncated)
        this.buffer.push(
          `[log truncated: more than ${Math.round(this.maxBytes / 1024)} KB of output; further build output is not kept]`,
        );
      this.truncated = true;
      return;
    }
    this.push(text);
  }

  /** A pipeline step, visually set apart in the log. */
  step(text: string): void {
    this.push(`==> ${text}`);
  }

  private push(text: string): void {
    this.buffer.push(...splitLines(text));
    if (this.buffer.length >= FLUSH_LINES) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.buffer.splice(0);
    if (lines.length) {
      this.chain = this.chain
        .then(() => this.logs.append(this.deploymentId, lines))
        .catch((err: Error) => this.onError(err));
    }
    return this.chain;
  }
}

/** A reason that fits the 1000-character column: the head of the message and the newest log lines. */
export function crashReason(
  state: { exitCode: number; restartCount: number; oomKilled: boolean },
  maxRestarts: number,
  lines: string[],
): string {
  const what = state.oomKilled
    ? `The app was killed for using more than its memory limit (exit code ${state.exitCode})`
    : `The app exited with code ${state.exitCode}`;
  const restarts =
    state.restartCount >= maxRestarts
      ? ` and was restarted ${state.restartCount} times without staying up.`
      : state.exitCode === 0
        ? ' (a clean exit is not restarted; a server must keep running).'
        : '.';
  return withTail(what + restarts, lines);
}

export function withTail(head: string, lines: string[], limit = 1000): string {
  if (lines.length === 0) return head.slice(0, limit);
  const intro = `${head} Last log lines:`;
  const kept: string[] = [];
  let size = intro.length;
  for (const line of [...lines].reverse()) {
    const clipped = line.slice(0, 300);
    if (size + clipped.length + 1 > limit) break;
    kept.unshift(clipped);
    size += clipped.length + 1;
  }
  return [intro, ...kept].join('\n').slice(0, limit);
}
