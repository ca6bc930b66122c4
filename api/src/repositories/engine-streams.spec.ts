import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { incompleteUtf8Tail, LineSplitter, readFrames, splitLines } from './engine-streams.js';

/** Every way to cut `bytes` in two. */
function cuts(bytes: Buffer): [Buffer, Buffer][] {
  return Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.subarray(0, i), bytes.subarray(i)]);
}

/** Docker's multiplexed frame: stream byte, three zero bytes, the payload's length (big-endian), the payload. */
function frame(stream: 1 | 2, payload: Buffer | string): Buffer {
  const body = Buffer.from(payload);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

async function framesOf(chunks: Buffer[]): Promise<[string, string][]> {
  const stream = new PassThrough();
  const got: [string, string][] = [];
  const done = readFrames(stream, (name, message) => got.push([name, message]), new AbortController().signal);
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await done;
  return got;
}

describe('splitLines', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r (a progress bar redrawing its line)', () => {
    expect(splitLines('a\nb\r\nc')).toEqual(['a', 'b', 'c']);
    expect(splitLines('\r 10%\r 55%\r100%\n')).toEqual([' 10%', ' 55%', '100%']);
    expect(splitLines('done\r\r\n')).toEqual(['done']);
    expect(splitLines('a\n\nb\n')).toEqual(['a', '', 'b']);
    expect(splitLines('')).toEqual(['']);
    expect(splitLines('\r\n')).toEqual(['']);
    for (const line of splitLines('x\ry\r\nz\r')) expect(line).not.toMatch(/[\r\n]/);
  });
});

describe('LineSplitter', () => {
  const ndjson = Buffer.from(
    `${JSON.stringify({ stream: 'Step 1/2 : RUN echo şğü 🚀\n' })}\r\n${JSON.stringify({ status: 'İşlem tamam' })}\n`,
  );

  it('keeps a character cut between two chunks whole, wherever the cut falls', () => {
    // Decoded chunk by chunk (as before), some cut falls inside ş, ğ, ü, İ or the emoji and yields U+FFFD.
    expect(cuts(ndjson).some(([a, b]) => (a.toString('utf8') + b.toString('utf8')).includes('\uFFFD'))).toBe(true);
    for (const [a, b] of cuts(ndjson)) {
      const splitter = new LineSplitter();
      const lines = [...splitter.push(a), ...splitter.push(b), ...splitter.end()];
      expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
        { stream: 'Step 1/2 : RUN echo şğü 🚀\n' },
        { status: 'İşlem tamam' },
      ]);
    }
  });

  it('survives one byte at a time, and a \\r\\n cut between chunks is one line break', () => {
    const splitter = new LineSplitter();
    const lines = [...ndjson].flatMap((byte) => splitter.push(Buffer.from([byte])));
    expect([...lines, ...splitter.end()]).toHaveLength(2);
    const text = new LineSplitter();
    expect([
      ...text.push('a\r'),
      ...text.push('\nb\r'),
      ...text.push('\r'),
      ...text.push('\nc'),
      ...text.end(),
    ]).toEqual(['a', 'b', 'c']);
  });

  it('hands out progress-bar redraws as lines as they come, and the unterminated rest at the end', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('Downloading  10%')).toEqual([]);
    expect(splitter.push('\rDownloading  60%\rDown')).toEqual(['Downloading  10%', 'Downloading  60%']);
    expect(splitter.push('loading 100%\r')).toEqual([]);
    expect(splitter.end()).toEqual(['Downloading 100%']);
  });
});

describe('incompleteUtf8Tail', () => {
  it('counts the bytes of a character that goes on in the next chunk', () => {
    const emoji = Buffer.from('🚀');
    expect([1, 2, 3].map((n) => incompleteUtf8Tail(Buffer.concat([Buffer.from('a'), emoji.subarray(0, n)])))).toEqual([
      1, 2, 3,
    ]);
    expect(incompleteUtf8Tail(Buffer.from('aş🚀'))).toBe(0);
    expect(incompleteUtf8Tail(Buffer.from('ş').subarray(0, 1))).toBe(1);
    expect(incompleteUtf8Tail(Buffer.alloc(0))).toBe(0);
  });
});

describe('readFrames', () => {
  const ts = (n: number) => `2024-05-01T10:00:0${n}.000000001Z `;

  it('decodes a frame cut anywhere across chunks', async () => {
    const bytes = Buffer.concat([frame(1, `${ts(1)}merhaba dünya 🚀\n`), frame(2, `${ts(2)}hata: şifre\n`)]);
    for (const [a, b] of cuts(bytes)) {
      expect(await framesOf([a, b])).toEqual([
        ['stdout', `${ts(1)}merhaba dünya 🚀\n`],
        ['stderr', `${ts(2)}hata: şifre\n`],
      ]);
    }
  });

  it("joins a character the engine cut between two frames of a long line (after the next frame's timestamp)", async () => {
    const line = Buffer.from('yük 🚀 ş\n');
    const cut = line.indexOf(Buffer.from('🚀')) + 2;
    const got = await framesOf([
      Buffer.concat([
        frame(1, Buffer.concat([Buffer.from(ts(1)), line.subarray(0, cut)])),
        frame(2, `${ts(1)}on stderr\n`),
        frame(1, Buffer.concat([Buffer.from(ts(2)), line.subarray(cut)])),
      ]),
    ]);
    expect(got).toEqual([
      ['stdout', `${ts(1)}yük `],
      ['stderr', `${ts(1)}on stderr\n`],
      ['stdout', `${ts(2)}🚀 ş\n`],
    ]);
    expect(got.some(([, m]) => m.includes('\uFFFD'))).toBe(false);
  });

  it("decodes a TTY container's plain output across chunks", async () => {
    const text = Buffer.from('İstanbul, ışık, 🚀 hazır\r\n');
    for (const [a, b] of cuts(text).filter(([head]) => head.length >= 8)) {
      expect((await framesOf([a, b])).map(([, m]) => m).join('')).toBe(text.toString('utf8'));
    }
  });
});
