import { describe, expect, it } from 'vitest';
import { dockerSince, formatCursor, messageLines, parseCursor, ResumeFilter, splitTimestamp } from './app-log-lines.js';

describe('splitTimestamp', () => {
  it("splits Docker's RFC 3339 nanosecond prefix and pads the fraction to 9 digits", () => {
    expect(splitTimestamp('2024-05-01T10:00:00.123456789Z hello world')).toEqual({
      ts: '2024-05-01T10:00:00.123456789Z',
      text: 'hello world',
    });
    expect(splitTimestamp('2024-05-01T10:00:00.5Z x')).toEqual({ ts: '2024-05-01T10:00:00.500000000Z', text: 'x' });
    expect(splitTimestamp('2024-05-01T10:00:00Z x').ts).toBe('2024-05-01T10:00:00.000000000Z');
  });

  it('leaves a message without a timestamp whole', () => {
    expect(splitTimestamp('no timestamp here')).toEqual({ ts: '', text: 'no timestamp here' });
    expect(splitTimestamp('')).toEqual({ ts: '', text: '' });
  });
});

describe('messageLines', () => {
  it('gives one line per newline with the message timestamp, without CR or the final newline', () => {
    expect(messageLines('stderr', '2024-05-01T10:00:00.000000001Z boom\r\n', 100)).toEqual([
      { ts: '2024-05-01T10:00:00.000000001Z', stream: 'stderr', line: 'boom' },
    ]);
    expect(messageLines('stdout', '2024-05-01T10:00:00.000000001Z a\nb\n', 100).map((l) => l.line)).toEqual(['a', 'b']);
    expect(messageLines('stdout', '2024-05-01T10:00:00.000000001Z \n', 100).map((l) => l.line)).toEqual(['']);
  });

  it('ends a line at a lone CR too (a progress bar), so no line keeps one', () => {
    const lines = messageLines('stdout', '2024-05-01T10:00:00.000000001Z \r 10%\r 55%\r100%\r\n', 100);
    expect(lines.map((l) => l.line)).toEqual([' 10%', ' 55%', '100%']);
    expect(lines.every((l) => l.ts === '2024-05-01T10:00:00.000000001Z')).toBe(true);
    expect(messageLines('stderr', '2024-05-01T10:00:00.000000001Z warn\rerror\n', 100).map((l) => l.line)).toEqual([
      'warn',
      'error',
    ]);
  });

  it('cuts long lines', () => {
    expect(messageLines('stdout', `2024-05-01T10:00:00.000000001Z ${'x'.repeat(10)}\n`, 4)[0]!.line).toBe('xxxx…');
  });
});

describe('cursors', () => {
  it('round-trips and refuses garbage', () => {
    const c = { ts: '2024-05-01T10:00:00.000000001Z', n: 3 };
    expect(parseCursor(formatCursor(c))).toEqual(c);
    expect(parseCursor(null)).toBeNull();
    expect(parseCursor('yesterday 3')).toBeNull();
    expect(parseCursor('2024-05-01T10:00:00.000000001Z -1')).toBeNull();
  });

  it("turns a timestamp into Docker's since (seconds.nanoseconds)", () => {
    expect(dockerSince('2024-05-01T10:00:00.000000001Z')).toBe('1714557600.000000001');
    expect(dockerSince('')).toBeUndefined();
  });
});

describe('ResumeFilter', () => {
  const t = (s: number) => `2024-05-01T10:00:0${s}.000000000Z`;

  it('admits everything without a cursor and tracks lines sharing a timestamp', () => {
    const f = new ResumeFilter(null);
    expect([t(1), t(1), t(2)].map((ts) => f.admit(ts))).toEqual([true, true, true]);
    expect(f.cursor).toEqual({ ts: t(2), n: 1 });
    f.admit(t(2));
    expect(f.cursor).toEqual({ ts: t(2), n: 2 });
  });

  it('drops what Docker sends again after a re-attach with since: older lines and the first n at the cursor', () => {
    // Stored: …, t1, t2 (a), t2 (b). Docker answers since=t2 with t2 (a), t2 (b), t2 (c), t3.
    const f = new ResumeFilter({ ts: t(2), n: 2 });
    expect([t(1), t(2), t(2), t(2), t(3)].map((ts) => f.admit(ts))).toEqual([false, false, false, true, true]);
    expect(f.cursor).toEqual({ ts: t(3), n: 1 });
  });

  it('lets lines without a timestamp through without moving the cursor', () => {
    const f = new ResumeFilter({ ts: t(2), n: 0 });
    expect(f.admit('')).toBe(true);
    expect(f.cursor).toEqual({ ts: t(2), n: 0 });
  });
});
