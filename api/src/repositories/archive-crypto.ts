import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type DecipherGCM,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Streamed encryption of backup archives: AES-256-GCM with a key derived from a passphrase by scrypt
 * (random salt per archive). Layout:
 *
 *   "OVBACKUP" | version 1 | log2(N) | r | p | salt(16) | iv(12) | key check(32) | ciphertext | tag(16)
 *
 * The header is the GCM additional data, so its parameters cannot be altered unnoticed. The key
 * check (an HMAC under a second derived key) tells a wrong passphrase apart at once instead of after
 * the whole archive; the tag at the end proves the rest was not tampered with.
 */
const MAGIC = Buffer.from('OVBACKUP');
const VERSION = 1;
const HEADER_BYTES = MAGIC.length + 4 + 16 + 12 + 32;
const TAG_BYTES = 16;
const SCRYPT = { log2N: 15, r: 8, p: 1 };

export type DecryptFailure = 'passphrase' | 'tampered' | 'format';

export class ArchiveDecryptError extends Error {
  constructor(
    readonly reason: DecryptFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveDecryptError';
  }
}

export function isEncryptedArchiveName(name: string): boolean {
  return name.endsWith('.enc');
}

function deriveKeys(
  passphrase: string,
  salt: Buffer,
  log2N: number,
  r: number,
  p: number,
): Promise<{ key: Buffer; check: Buffer }> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) => {
    // 128·N·r bytes of memory (32 MiB at the defaults); allow twice that.
    scrypt(passphrase, salt, 64, { N, r, p, maxmem: 256 * N * r }, (err, out) => {
      if (err) return reject(err);
      resolve({
        key: out.subarray(0, 32),
        check: createHmac('sha256', out.subarray(32)).update('omervision-backup-key-check').digest(),
      });
    });
  });
}

/** plaintext → header + ciphertext + tag. */
export function encryptStream(passphrase: string): Transform {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const keys = deriveKeys(passphrase, salt, SCRYPT.log2N, SCRYPT.r, SCRYPT.p);
  let cipher: ReturnType<typeof createCipheriv> | undefined;
  const start = async (push: (b: Buffer) => void) => {
    const { key, check } = await keys;
    const header = Buffer.concat([MAGIC, Buffer.from([VERSION, SCRYPT.log2N, SCRYPT.r, SCRYPT.p]), salt, iv, check]);
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(header);
    push(header);
    return c;
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const run = async () => {
        cipher ??= await start((b) => this.push(b));
        return cipher.update(chunk);
      };
      run().then(
        (out) => done(null, out),
        (err: Error) => done(err),
      );
    },
    flush(done: TransformCallback) {
      const run = async () => {
        cipher ??= await start((b) => this.push(b));
        this.push(cipher.final());
        this.push((cipher as unknown as DecipherGCM & { getAuthTag(): Buffer }).getAuthTag());
      };
      run().then(
        () => done(),
        (err: Error) => done(err),
      );
    },
  });
}

/**
 * header + ciphertext + tag → plaintext. Plaintext is released before the tag is checked (that is
 * what streaming means), so a reader must finish the stream before trusting what it read: restore
 * verifies the whole archive in a first pass before it writes anything.
 */
export function decryptStream(passphrase: string): Transform {
  let head: Buffer = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;
  // The last TAG_BYTES seen so far: they are the tag if the stream ends here.
  let tail: Buffer = Buffer.alloc(0);

  const open = async (header: Buffer): Promise<DecipherGCM> => {
    if (!header.subarray(0, MAGIC.length).equals(MAGIC) || header[MAGIC.length] !== VERSION) {
      throw new ArchiveDecryptError('format', 'Not an encrypted OmerVision backup (bad header).');
    }
    const [log2N, r, p] = [header[9]!, header[10]!, header[11]!];
    if (log2N > 22 || r > 32 || p > 16)
      throw new ArchiveDecryptError('format', 'Unsupported key-derivation parameters in the archive header.');
    const salt = header.subarray(12, 28);
    const iv = header.subarray(28, 40);
    const expected = header.subarray(40, 72);
    const { key, check } = await deriveKeys(passphrase, salt, log2N, r, p);
    if (!timingSafeEqual(check, expected))
      throw new ArchiveDecryptError('passphrase', 'Wrong passphrase for this archive (BACKUP_PASSPHRASE).');
    const d = createDecipheriv('aes-256-gcm', key, iv);
    d.setAAD(header);
    return d;
  };

  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const run = async (): Promise<Buffer | undefined> => {
        let data = chunk;
        if (!decipher) {
          head = Buffer.concat([head, data]);
          if (head.length < HEADER_BYTES) return undefined;
          decipher = await open(head.subarray(0, HEADER_BYTES));
          data = head.subarray(HEADER_BYTES);
        }
        const all = Buffer.concat([tail, data]);
        tail = all.subarray(Math.max(0, all.length - TAG_BYTES));
        return decipher.update(all.subarray(0, all.length - tail.length));
      };
      run().then(
        (out) => done(null, out),
        (err: Error) => done(err),
      );
    },
    flush(done: TransformCallback) {
      if (!decipher || tail.length < TAG_BYTES)
        return done(new ArchiveDecryptError('format', 'The encrypted archive is truncated.'));
      try {
        decipher.setAuthTag(tail);
        done(null, decipher.final());
      } catch {
        done(
          new ArchiveDecryptError('tampered', 'The encrypted archive failed its integrity check (damaged or altered).'),
        );
      }
    },
  });
}
