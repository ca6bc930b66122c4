import { splitLines } from '../lines.js';

/** Which output of the app a line came from. */
export type AppLogStream = 'stdout' | 'stderr';

/** One line of a running app's output, as the worker ships it into Redis. */
export interface AppLogLine {
  /** Docker's timestamp, RFC 3339 in UTC with 9 fraction digits (so strings compare in time order); '' when absent. */
  ts: string;
  stream: AppLogStream;
  line: string;
}

/** Where shipping of one container's output stopped: the last timestamp, and how many lines carried it. */
export interface LogCursor {
  ts: string;
  n: number;
}

const TS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

/** Splits Docker's `timestamps: true` prefix (`2024-05-01T10:00:00.123456789Z `) off a log message. */
export function splitTimestamp(message: string): { ts: string; text: string } {
  const space = message.indexOf(' ');
  const m = space > 0 ? TS.exec(message.slice(0, space)) : null;
  if (!m) return { ts: '', text: message };
  return { ts: `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z`, text: message.slice(space + 1) };
}

/**
 * The lines of one Docker log message (one frame of the multiplexed stream: the engine joins partial
 * writes up to a newline, and splits only lines longer than 16 KB). Lines end at `\n`, `\r\n` or a
 * lone `\r` (a progress bar redrawing itself), so no line keeps a `\r`. Every line keeps the
 * message's timestamp; a line longer than `maxLine` characters is cut with an ellipsis.
 */
export function messageLines(stream: AppLogStream, message: string, maxLine: number): AppLogLine[] {
  const { ts, text } = splitTimestamp(message);
  return splitLines(text).map((line) => ({
    ts,
    stream,
    line: line.length > maxLine ? `${line.slice(0, maxLine)}…` : line,
  }));
}

/** Docker's `since` parameter for a cursor timestamp (seconds.nanoseconds; the engine sends lines at or after it). */
export function dockerSince(ts: string): string | undefined {
  const m = TS.exec(ts);
  if (!m) return undefined;
  return `${Date.parse(`${m[1]}Z`) / 1000}.${(m[2] ?? '').padEnd(9, '0')}`;
}

export function formatCursor(cursor: LogCursor): string {
  return `${cursor.ts} ${cursor.n}`;
}

export function parseCursor(raw: string | null | undefined): LogCursor | null {
  const [ts, n] = (raw ?? '').split(' ');
  return ts && TS.test(ts) && Number.isSafeInteger(Number(n)) && Number(n) >= 0 ? { ts, n: Number(n) } : null;
}

/**
 * Drops the lines a re-attached follower was sent again: Docker answers `since` with every line at
 * or after that timestamp, and the first `n` lines carrying the cursor's own timestamp are already
 * stored. Lines without a timestamp pass (Docker always sends one with `timestamps: true`).
 */
export class ResumeFilter {
  private skip: number;

  constructor(private current: LogCursor | null) {
    this.skip = current?.n ?? 0;
  }

  get cursor(): LogCursor | null {
    return this.current;
  }

  admit(ts: string): boolean {
    if (!ts) return true;
    const c = this.current;
    if (c && ts < c.ts) return false;
    if (c && ts === c.ts) {
      if (this.skip > 0) {
        this.skip--;
        return false;
      }
      this.current = { ts, n: c.n + 1 };
      return true;
    }
    this.current = { ts, n: 1 };
    this.skip = 0;
    return true;
  }
}
