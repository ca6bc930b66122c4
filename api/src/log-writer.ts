import { writeSync } from 'node:fs';

/**
 * Bytes a pipe takes in one piece (PIPE_BUF on Linux): the processes of a clustered API share one
 * stdout, and writes up to this size never interleave mid-line.
 */
export const ATOMIC_WRITE_BYTES = 4096;
/** Writes per event-loop turn (64 KiB): a reader catching up after a pause never holds the loop long. */
const CHUNKS_PER_TURN = 16;
/**
 * Lines short of a whole write wait this long for company: every write wakes the reader (a log
 * driver, `make dev`'s prefixer) on a core the API needs too, and one per event-loop turn cost more
 * than the logging itself.
 */
const GATHER_MS = 10;

export interface LineWriterOptions {
  /** Bytes held while the reader is slow; lines beyond them are dropped and counted. */
  maxBufferBytes: number;
  /** How long the flush at exit may wait for a full pipe before giving up. */
  exitFlushMs: number;
  /** A line saying `dropped` lines were lost, written once the buffer has drained. */
  dropNotice: (dropped: number) => string;
  io?: { writeSync: (fd: number, buf: Uint8Array) => number; sleep: (ms: number) => void };
}

const nap = new Int32Array(new SharedArrayBuffer(4));
const realIo = {
  writeSync: (fd: number, buf: Uint8Array) => writeSync(fd, buf),
  sleep: (ms: number) => void Atomics.wait(nap, 0, 0, ms),
};

/**
 * The log destination: lines are queued and written together, in writes of at most
 * ATOMIC_WRITE_BYTES that end on a line boundary: as soon as a whole write is ready, else after
 * GATHER_MS (one syscall per ~16 request lines instead of one per line).
 * It never waits for the reader: a pipe that is full (Node puts stdout in non-blocking mode) leaves
 * the lines queued for the next attempt 10 ms later — pino's synchronous destination slept 100 ms
 * on the event loop there (the API's ~100 ms latency tail). The queue is bounded (a reader that
 * cannot keep up costs lines, counted and reported, not memory); a reader that is gone (EPIPE) ends
 * logging at once. Whatever is queued at exit (process.exit, a signal handler's exit, an uncaught
 * exception) is written synchronously, waiting at most `exitFlushMs` for a full pipe.
 */
export class LineWriter {
  /** Lines waiting from `head` on, as strings (encoded once per write, not per line), and their sizes in bytes. */
  private queue: string[] = [];
  private sizes: number[] = [];
  private head = 0;
  /** What a partial write left of its chunk: written before anything else. */
  private partial: Buffer | undefined;
  private queuedBytes = 0;
  private scheduled = false;
  private gather: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private broken = false;
  private dropped = 0;
  private readonly io: NonNullable<LineWriterOptions['io']>;

  constructor(
    private readonly fd: number,
    private readonly options: LineWriterOptions,
  ) {
    this.io = options.io ?? realIo;
  }

  write(line: string): boolean {
    if (this.broken) return true;
    const size = Buffer.byteLength(line);
    if (this.queuedBytes + size > this.options.maxBufferBytes) {
      this.dropped++;
      return false;
    }
    this.queue.push(line);
    this.sizes.push(size);
    this.queuedBytes += size;
    if (this.scheduled || this.retry) return true; // a drain is coming anyway
    if (this.queuedBytes >= ATOMIC_WRITE_BYTES) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.drain();
      });
    } else if (!this.gather) {
      this.gather = setTimeout(() => this.drain(), GATHER_MS);
      this.gather.unref(); // the exit flush writes what is left
    }
    return true;
  }

  /** pino's `logger.flush(cb)`: writes what is queued now (synchronously, as far as the pipe takes it). */
  flush(cb?: (err?: Error) => void): void {
    this.writeQueued(Infinity);
    cb?.();
  }

  /** Everything queued, now, waiting for a full pipe at most `exitFlushMs`. */
  flushSync(): void {
    const deadline = Date.now() + this.options.exitFlushMs;
    while (this.writeQueued(Infinity) === 'full' && Date.now() < deadline) this.io.sleep(5);
  }

  private drain(): void {
    clearTimeout(this.gather);
    this.gather = undefined;
    if (this.retry) {
      clearTimeout(this.retry);
      this.retry = undefined;
    }
    const state = this.writeQueued(CHUNKS_PER_TURN);
    if (state === 'more') {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.drain();
      });
    } else if (state === 'full') {
      this.retry = setTimeout(() => {
        this.retry = undefined;
        this.drain();
      }, 10);
      this.retry.unref();
    }
  }

  /** Writes up to `chunks` queued chunks: all done, the pipe is `full`, or `more` left for the next turn. */
  private writeQueued(chunks: number): 'done' | 'full' | 'more' {
    for (let n = 0; this.partial || this.head < this.queue.length; n++) {
      if (n === chunks) return 'more';
      const { buf, lines } = this.nextChunk();
      let written: number;
      try {
        written = this.io.writeSync(this.fd, buf);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return 'full';
        // EPIPE (the reader is gone) or a bad descriptor: nothing will ever be read again.
        this.broken = true;
        this.queue = [];
        this.sizes = [];
        this.head = 0;
        this.partial = undefined;
        this.queuedBytes = 0;
        return 'done';
      }
      this.queuedBytes -= written;
      this.head += lines;
      this.partial = written < buf.length ? buf.subarray(written) : undefined;
      if (this.head >= 4096 && this.head * 2 >= this.queue.length) this.compact();
    }
    // Drained: start the arrays afresh instead of shifting them line by line.
    this.queue = [];
    this.sizes = [];
    this.head = 0;
    if (this.dropped) {
      const notice = this.options.dropNotice(this.dropped);
      this.dropped = 0;
      this.queue.push(notice);
      this.sizes.push(Buffer.byteLength(notice));
      this.queuedBytes += this.sizes[this.sizes.length - 1]!;
      return this.writeQueued(chunks);
    }
    return 'done';
  }

  /** Lets go of written lines (a reader that never quite catches up must not keep them all). */
  private compact(): void {
    this.queue.splice(0, this.head);
    this.sizes.splice(0, this.head);
    this.head = 0;
  }

  /** The next write: the rest of a partial one, else whole lines up to ATOMIC_WRITE_BYTES (a longer line alone). */
  private nextChunk(): { buf: Buffer; lines: number } {
    if (this.partial) return { buf: this.partial, lines: 0 };
    const from = this.head;
    let bytes = this.sizes[from]!;
    let end = from + 1;
    while (end < this.queue.length && bytes + this.sizes[end]! <= ATOMIC_WRITE_BYTES) bytes += this.sizes[end++]!;
    return {
      buf: Buffer.from(end === from + 1 ? this.queue[from]! : this.queue.slice(from, end).join('')),
      lines: end - from,
    };
  }
}
