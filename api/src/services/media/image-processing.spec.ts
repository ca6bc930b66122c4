import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.js';
import { normalizeOriginal, probe, renderVariant } from './image-processing.js';

const frame = (color: string) =>
  sharp({ create: { width: 60, height: 40, channels: 4, background: color } })
    .png()
    .toBuffer();

describe('normalizeOriginal', () => {
  it('drops EXIF/GPS and applies the orientation, keeping the format', async () => {
    const jpeg = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({
        orientation: 8,
        exif: { IFD0: { Copyright: 'secret', Artist: 'me' }, IFD3: { GPSLatitudeRef: 'N' } },
      })
      .toBuffer();
    const out = await normalizeOriginal(jpeg, { mime: 'image/jpeg', format: 'jpeg', ext: 'jpg' });
    expect([out.width, out.height]).toEqual([20, 30]);
    const meta = await sharp(out.data).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it('keeps an animated GIF animated and reports the frame size', async () => {
    const gif = await sharp([await frame('#f00'), await frame('#00f'), await frame('#0f0')], {
      join: { animated: true },
    })
      .gif()
      .toBuffer();
    const out = await normalizeOriginal(gif, { mime: 'image/gif', format: 'gif', ext: 'gif' });
    expect(out).toMatchObject({ width: 60, height: 40, animated: true });
    expect((await sharp(out.data).metadata()).pages).toBe(3);
    expect(await probe(out.data)).toEqual({ width: 60, height: 40, animated: true });
    const variant = await renderVariant(out.data, 30, 'webp');
    expect(variant).toMatchObject({ width: 30, height: 20, animated: true });
  });

  it('refuses a decompression bomb with 422 naming the file', async () => {
    // A tiny PNG whose header claims 10 000 × 6 000 pixels (with a valid header checksum).
    const huge = Buffer.from(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    huge.writeUInt32BE(10_000, 16);
    huge.writeUInt32BE(6_000, 20);
    huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
    const err = await normalizeOriginal(huge, { mime: 'image/png', format: 'png', ext: 'png' }).catch(
      (e: unknown) => e as AppError,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect((err as AppError).errors?.[0]).toMatchObject({ field: 'file', message: expect.stringMatching(/pixels/) });
  });
});
