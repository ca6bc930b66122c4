import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { ArchiveDecryptError, decryptStream, encryptStream } from './archive-crypto.js';

async function through(input: Buffer, transform: NodeJS.ReadWriteStream, chunk = 1000): Promise<Buffer> {
  const parts: Buffer[] = [];
  const chunks = Array.from({ length: Math.ceil(input.length / chunk) }, (_, i) =>
    input.subarray(i * chunk, (i + 1) * chunk),
  );
  await pipeline(Readable.from(chunks), transform, async (source: AsyncIterable<Buffer | string>) => {
    for await (const b of source) parts.push(Buffer.from(b));
  });
  return Buffer.concat(parts);
}

describe('archive encryption', () => {
  const plain = randomBytes(100_000);

  it('round-trips in odd-sized chunks; the ciphertext reveals nothing of the plaintext', async () => {
    const sealed = await through(plain, encryptStream('a long enough passphrase'), 777);
    expect(sealed.subarray(0, 8).toString()).toBe('OVBACKUP');
    expect(sealed.length).toBe(plain.length + 72 + 16);
    expect(sealed.includes(plain.subarray(0, 32))).toBe(false);
    expect((await through(sealed, decryptStream('a long enough passphrase'), 13)).equals(plain)).toBe(true);
  });

  it('a wrong passphrase fails at the header, a flipped bit at the tag, a cut file as truncated', async () => {
    const sealed = await through(plain, encryptStream('a long enough passphrase'));
    await expect(through(sealed, decryptStream('another passphrase!!'))).rejects.toMatchObject({
      reason: 'passphrase',
    });
    const flipped = Buffer.from(sealed);
    flipped[5000]! ^= 1;
    await expect(through(flipped, decryptStream('a long enough passphrase'))).rejects.toMatchObject({
      reason: 'tampered',
    });
    const header = Buffer.from(sealed);
    header[9] = 16; // scrypt cost in the header is authenticated (GCM additional data)
    await expect(through(header, decryptStream('a long enough passphrase'))).rejects.toBeInstanceOf(
      ArchiveDecryptError,
    );
    await expect(through(sealed.subarray(0, 60), decryptStream('a long enough passphrase'))).rejects.toMatchObject({
      reason: 'format',
    });
  });
});
