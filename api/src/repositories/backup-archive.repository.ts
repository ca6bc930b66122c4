import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PassThrough, Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { ArchiveDecryptError, decryptStream, encryptStream } from './archive-crypto.js';
import type { StorageRepository } from './storage.repository.js';

/** Where archives live: a local folder, or a bucket and key prefix. */
export type ArchiveTarget =
  { kind: 'dir'; dir: string } | { kind: 's3'; storage: StorageRepository; bucket: string; prefix: string };

export interface EntryDigest {
  size: number;
  sha256: string;
}

export interface ArchiveEntry {
  name: string;
  /** tar's entry type: `file` for a regular file; links, directories and devices are other values. */
  type: string;
  size: number;
  /** Must be read to the end (or left alone: the reader drains it) before the next entry comes. */
  stream: Readable;
}

export interface StoredArchive {
  name: string;
  sizeBytes: number;
  modifiedAt: Date;
  /** The summary written beside the archive (`<name>.json`), when there is one. */
  summary: Record<string, unknown> | null;
}

export class ArchiveNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveNotFoundError';
  }
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const ARCHIVE_NAME = /\.tar\.gz(\.enc)?$/;

/** SHA-256 and length of whatever flows through, without holding it. */
function digestTap(): Transform & { digest(): EntryDigest } {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(tap, { digest: () => ({ size, sha256: hash.digest('hex') }) });
}

/** Writes one archive: tar entries → gzip → (AES-256-GCM) → a file, then to the target. */
export class ArchiveWriter {
  private readonly pack = tar.pack();
  private readonly archiveDigest = digestTap();
  private readonly written: Promise<void>;
  private failed: Error | undefined;

  constructor(
    private readonly name: string,
    private readonly file: string,
    private readonly tmpDir: string,
    private readonly mtime: Date,
    private readonly finalize: (file: string, digest: EntryDigest, summary: Record<string, unknown>) => Promise<void>,
    passphrase?: string,
  ) {
    const stages: (Transform | Writable)[] = [
      createGzip(),
      ...(passphrase ? [encryptStream(passphrase)] : []),
      this.archiveDigest,
      createWriteStream(file, { mode: 0o600 }),
    ];
    this.written = pipeline(this.pack, ...(stages as [Transform])).catch((err: Error) => {
      this.failed = err;
      throw err;
    });
    this.written.catch(() => undefined);
  }

  addBuffer(name: string, body: Buffer): Promise<EntryDigest> {
    return this.addStream(name, Readable.from([body]), body.length);
  }

  /** A stream of known length (an S3 object): hashed on its way into the tar entry. */
  async addStream(name: string, body: Readable, size: number): Promise<EntryDigest> {
    if (this.failed) throw this.failed;
    const tap = digestTap();
    await Promise.race([
      new Promise<void>((resolve, reject) => {
        const entry = this.pack.entry({ name, size, mtime: this.mtime }, (err) => (err ? reject(err) : resolve()));
        pipeline(body, tap, entry).catch(reject);
      }),
      this.written.then(() => undefined),
    ]);
    return tap.digest();
  }

  /** Content of unknown length (a table dump): spooled to a temporary file first, since a tar header needs the size. */
  async addSpooled(name: string, chunks: AsyncIterable<string | Buffer>): Promise<EntryDigest> {
    const spool = join(this.tmpDir, `spool-${randomUUID()}`);
    try {
      await pipeline(Readable.from(chunks), createWriteStream(spool));
      const { size } = await stat(spool);
      return await this.addStream(name, createReadStream(spool), size);
    } finally {
      await rm(spool, { force: true });
    }
  }

  /** Ends the archive and moves it to the target; the summary is stored beside it. */
  async finish(summary: Record<string, unknown>): Promise<EntryDigest & { name: string }> {
    this.pack.finalize();
    await this.written;
    const digest = this.archiveDigest.digest();
    await this.finalize(this.file, digest, summary);
    return { name: this.name, ...digest };
  }

  /** Throws the archive away (a failed backup leaves nothing behind). */
  async abort(): Promise<void> {
    this.pack.destroy();
    await this.written.catch(() => undefined);
    await rm(this.file, { force: true });
  }
}

/**
 * Backup archives on their target. Local archives are written as `<name>.partial` and renamed when
 * complete; S3 archives are written to a temporary file and uploaded with their length (no
 * multipart client needed). Lists show complete archives only.
 */
export class BackupArchiveRepository {
  constructor(
    private readonly target: ArchiveTarget,
    private readonly tmpDir: string,
  ) {}

  describe(): string {
    return this.target.kind === 'dir' ? this.target.dir : `s3://${this.target.bucket}/${this.target.prefix}`;
  }

  async create(name: string, mtime: Date, passphrase?: string): Promise<ArchiveWriter> {
    await mkdir(this.tmpDir, { recursive: true });
    const target = this.target;
    if (target.kind === 'dir') {
      await mkdir(target.dir, { recursive: true, mode: 0o700 });
      const partial = join(target.dir, `${name}.partial`);
      return new ArchiveWriter(
        name,
        partial,
        this.tmpDir,
        mtime,
        async (file, digest, summary) => {
          await rename(file, join(target.dir, name));
          await writeFile(join(target.dir, `${name}.json`), JSON.stringify({ ...summary, ...digest }, null, 2), {
            mode: 0o600,
          });
        },
        passphrase,
      );
    }
    await target.storage.ensureBucket();
    const file = join(this.tmpDir, `${name}.partial`);
    return new ArchiveWriter(
      name,
      file,
      this.tmpDir,
      mtime,
      async (path, digest, summary) => {
        try {
          await target.storage.putStream(
            target.prefix + name,
            createReadStream(path),
            digest.size,
            'application/octet-stream',
          );
          await target.storage.put(
            `${target.prefix}${name}.json`,
            Buffer.from(JSON.stringify({ ...summary, ...digest }, null, 2)),
            'application/json',
          );
        } finally {
          await rm(path, { force: true });
        }
      },
      passphrase,
    );
  }

  /**
   * The entries of an archive, in order. `source` is a file path, or the name of an archive on the
   * target. Decryption and decompression happen on the way; damage surfaces as a thrown error.
   */
  async *open(source: string, passphrase?: string): AsyncGenerator<ArchiveEntry> {
    const raw = await this.source(source);
    const head = await peek(raw.stream, 8);
    const encrypted = !head.subarray(0, 2).equals(GZIP_MAGIC);
    if (encrypted && head.toString('latin1') !== 'OVBACKUP') {
      raw.stream.destroy();
      throw new ArchiveDecryptError(
        'format',
        `${source} is neither a backup archive (.tar.gz) nor an encrypted one (.tar.gz.enc).`,
      );
    }
    if (encrypted && !passphrase) {
      raw.stream.destroy();
      throw new ArchiveDecryptError(
        'passphrase',
        `${source} is encrypted: set BACKUP_PASSPHRASE to the passphrase it was made with.`,
      );
    }
    const extract = tar.extract();
    const queue: {
      header: { name: string; size: number; type?: string | null };
      stream: Readable;
      next: () => void;
    }[] = [];
    let done = false;
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    // The entry being read: a damaged archive fails the pipeline mid-entry, and its consumer must
    // hear about it instead of waiting for an end that never comes.
    let current: { body: PassThrough; settle: () => void } | undefined;
    extract.on('entry', (header, stream, next) => {
      queue.push({ header, stream, next });
      wake?.();
    });
    const stages = [raw.stream, ...(encrypted ? [decryptStream(passphrase!)] : []), createGunzip(), extract];
    void pipeline(stages as unknown as [Readable, Writable]).then(
      () => {
        done = true;
        wake?.();
      },
      (err: Error) => {
        failure = err;
        done = true;
        current?.body.destroy(err);
        current?.settle();
        wake?.();
      },
    );
    try {
      for (;;) {
        const item = queue.shift();
        if (item) {
          // tar-stream's entry streams destroy the whole extractor when destroyed (as a finished
          // async iterator does): consumers get a core PassThrough instead.
          // (Its readable-stream 3 has no readableEnded either, hence the flag.)
          let ended = false;
          let settle = () => {};
          const end = new Promise<void>((resolve) => {
            settle = resolve;
            item.stream.once('end', () => resolve(void (ended = true)));
            item.stream.once('close', () => resolve());
          });
          const body = item.stream.pipe(new PassThrough());
          current = { body, settle };
          yield { name: item.header.name, type: item.header.type ?? 'file', size: item.header.size, stream: body };
          if (failure) throw failure;
          // Whatever the consumer left unread is drained, or the tar parser stalls.
          if (!ended) {
            item.stream.unpipe(body);
            item.stream.resume();
            await end;
          }
          item.next();
          continue;
        }
        if (failure) throw failure;
        if (done) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      if (!done) raw.stream.destroy();
    }
  }

  async list(): Promise<StoredArchive[]> {
    const out: StoredArchive[] = [];
    if (this.target.kind === 'dir') {
      const dir = this.target.dir;
      const names = existsSync(dir) ? (await readdir(dir)).filter((n) => ARCHIVE_NAME.test(n)) : [];
      for (const name of names) {
        const info = await stat(join(dir, name));
        const summary = await readFile(join(dir, `${name}.json`), 'utf8').then(
          (t) => JSON.parse(t) as Record<string, unknown>,
          () => null,
        );
        out.push({ name, sizeBytes: info.size, modifiedAt: info.mtime, summary });
      }
    } else {
      const { storage, prefix } = this.target;
      for await (const page of storage.list(prefix)) {
        for (const o of page) {
          const name = o.key.slice(prefix.length);
          if (name.includes('/') || !ARCHIVE_NAME.test(name)) continue;
          const summary = await storage.getBuffer(`${o.key}.json`).then(
            (b) => JSON.parse(b.toString('utf8')) as Record<string, unknown>,
            () => null,
          );
          out.push({ name, sizeBytes: o.size, modifiedAt: o.lastModified, summary });
        }
      }
    }
    return out.sort((a, b) => b.name.localeCompare(a.name));
  }

  async delete(name: string): Promise<void> {
    if (this.target.kind === 'dir') {
      await rm(join(this.target.dir, name), { force: true });
      await rm(join(this.target.dir, `${name}.json`), { force: true });
    } else {
      await this.target.storage.deleteMany([this.target.prefix + name, `${this.target.prefix}${name}.json`]);
    }
  }

  private async source(source: string): Promise<{ stream: Readable }> {
    if (existsSync(source)) return { stream: createReadStream(source) };
    const name = basename(source);
    if (this.target.kind === 'dir') {
      const path = join(this.target.dir, name);
      if (!existsSync(path))
        throw new ArchiveNotFoundError(`No archive ${source} (neither a file nor an archive in ${this.target.dir}).`);
      return { stream: createReadStream(path) };
    }
    const object = await this.target.storage
      .open(this.target.prefix + name)
      .catch((err: { $metadata?: { httpStatusCode?: number } }) => {
        if (err.$metadata?.httpStatusCode === 404)
          throw new ArchiveNotFoundError(`No archive ${name} in ${this.describe()}.`);
        throw err;
      });
    return { stream: object.body };
  }
}

/** The first `n` bytes of a stream, which is then re-assembled so nothing is lost. */
async function peek(stream: Readable, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream.iterator({ destroyOnReturn: false })) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length >= n) break;
  }
  const all = Buffer.concat(chunks);
  if (all.length < n) throw new ArchiveDecryptError('format', 'The archive is empty or truncated.');
  stream.unshift(all);
  return all.subarray(0, n);
}
