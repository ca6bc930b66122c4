import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { splitLines } from '../domain/lines.js';

/**
 * Text from the container engine's streams (build output NDJSON, the event stream, container logs).
 * Chunks arrive cut anywhere: bytes are decoded as UTF-8 across chunk boundaries (decoding each chunk
 * alone turned a character cut in two, such as `ş` or an emoji, into U+FFFD), and lines end at `\n`,
 * `\r\n` or a lone `\r` (a progress bar redrawing its line), so no `\r` is left inside a line to end
 * an SSE `data:` field early.
 */

export { splitLines };

/** Complete lines out of a stream of chunks (bytes or text), as `splitLines` cuts them. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  /** The lines this chunk completes; the rest waits for the next chunk. */
  push(chunk: Buffer | string): string[] {
    const text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    // `\r`s at the very end may come before a `\n`: decide when the next chunk comes.
    let end = text.length;
    while (end > 0 && text[end - 1] === '\r') end--;
    // The waiting text holds no line break before its trailing `\r`s: scan only what is new.
    let floor = this.partial.length;
    while (floor > 0 && this.partial[floor - 1] === '\r') floor--;
    let last = end - 1;
    while (last >= floor && text[last] !== '\n' && text[last] !== '\r') last--;
    if (last < floor) {
      this.partial = text;
      return [];
    }
    this.partial = text.slice(last + 1);
    return splitLines(text.slice(0, last + 1));
  }

  /** The unterminated last line (and any bytes of an unfinished character, as U+FFFD). */
  end(): string[] {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    return rest === '' ? [] : splitLines(rest);
  }
}

/** How many bytes at the end of `buf` start a UTF-8 character that is not complete yet (0 to 3). */
export function incompleteUtf8Tail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const byte = buf[buf.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

const TIMESTAMP_PREFIX = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z /;

/**
 * Reads Docker's multiplexed log stream (8-byte frame headers; plain text from a TTY container) until
 * it ends or `signal` aborts, handing each frame to `onMessage` with the stream it came from. The
 * engine cuts a line longer than 16 KB into several frames, possibly inside a character: the bytes
 * of an unfinished character wait for the stream's next frame (after its timestamp, when it has one).
 */
export async function readFrames(
  stream: Readable,
  onMessage: (stream: 'stdout' | 'stderr', message: string) => void,
  signal: AbortSignal,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let buffer: Buffer = Buffer.alloc(0);
    let tty: StringDecoder | undefined;
    const carry = { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) };
    const onAbort = () => stream.destroy();
    signal.addEventListener('abort', onAbort, { once: true });
    const finish = (err?: Error) => {
      signal.removeEventListener('abort', onAbort);
      if (err && !signal.aborted) reject(err);
      else resolve();
    };
    const frame = (name: 'stdout' | 'stderr', payload: Buffer) => {
      let bytes = payload;
      if (carry[name].length) {
        const stamp = TIMESTAMP_PREFIX.exec(payload.subarray(0, 40).toString('latin1'))?.[0].length ?? 0;
        bytes = Buffer.concat([payload.subarray(0, stamp), carry[name], payload.subarray(stamp)]);
      }
      const keep = incompleteUtf8Tail(bytes);
      carry[name] = Buffer.from(bytes.subarray(bytes.length - keep));
      onMessage(name, bytes.subarray(0, bytes.length - keep).toString('utf8'));
    };
    stream.on('data', (chunk: Buffer) => {
      if (tty) {
        const text = tty.write(chunk);
        if (text) onMessage('stdout', text);
        return;
      }
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      while (buffer.length >= 8) {
        if (buffer[0]! > 2 || buffer[1] !== 0) {
          // Not multiplexed (a TTY container): plain text from here on.
          tty = new StringDecoder('utf8');
          const text = tty.write(buffer);
          if (text) onMessage('stdout', text);
          buffer = Buffer.alloc(0);
          return;
        }
        const size = buffer.readUInt32BE(4);
        if (buffer.length < 8 + size) return;
        frame(buffer[0] === 2 ? 'stderr' : 'stdout', buffer.subarray(8, 8 + size));
        buffer = buffer.subarray(8 + size);
      }
    });
    stream.on('end', () => finish());
    stream.on('close', () => finish());
    stream.on('error', (err: Error) => finish(err));
  });
}
