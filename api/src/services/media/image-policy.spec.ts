import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.js';
import {
  detectImageType,
  originalKey,
  plannedVariants,
  safeSlug,
  shaOfKey,
  VARIANT_FORMATS,
  VARIANT_WIDTHS,
  variantKey,
} from './image-policy.js';

const pixels = () => sharp({ create: { width: 8, height: 6, channels: 3, background: '#36c' } });
const SHA = 'a'.repeat(64);

async function rejection(buffer: Buffer): Promise<AppError> {
  const err = await detectImageType(buffer).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('detectImageType', () => {
  it.each([
    ['jpeg', 'image/jpeg', 'jpg'],
    ['png', 'image/png', 'png'],
    ['webp', 'image/webp', 'webp'],
    ['avif', 'image/avif', 'avif'],
    ['gif', 'image/gif', 'gif'],
  ] as const)('accepts %s by its magic bytes', async (format, mime, ext) => {
    const buffer = await pixels().toFormat(format).toBuffer();
    expect(await detectImageType(buffer)).toEqual({ mime, format, ext });
  });

  it('refuses SVG with 415 naming the field, whatever it would be called', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const err = await rejection(svg);
    expect(err.status).toBe(415);
    expect(err.errors?.[0]?.field).toBe('file');
    expect(err.errors?.[0]?.message).toMatch(/SVG/);
  });

  it('refuses other known types (PDF, TIFF) and plain text, saying what they were', async () => {
    expect((await rejection(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'))).detail).toMatch(
      /application\/pdf/,
    );
    const tiff = await pixels().tiff().toBuffer();
    expect((await rejection(tiff)).detail).toMatch(/image\/tiff/);
    expect((await rejection(Buffer.from('just some text'))).status).toBe(415);
    expect((await rejection(Buffer.alloc(0))).status).toBe(415);
  });
});

describe('keys and names', () => {
  it('slugs file names: Turkish letters, paths, extensions, junk', () => {
    expect(safeSlug('Güneşli Çay Bahçesi.JPG')).toBe('gunesli-cay-bahcesi');
    expect(safeSlug('İstanbul ışıkları.png')).toBe('istanbul-isiklari');
    expect(safeSlug('C:\\Users\\me\\..\\photo (1).jpeg')).toBe('photo-1');
    expect(safeSlug('../../etc/passwd')).toBe('passwd');
    expect(safeSlug('.png')).toBe('image');
    expect(safeSlug('🙂🙂.gif')).toBe('image');
    expect(safeSlug(`${'x'.repeat(300)}.png`)).toHaveLength(80);
  });

  it('puts the original under its sha and never on a variant key', () => {
    expect(originalKey(SHA, 'Kapak Fotoğrafı.jpeg', 'jpg')).toBe(`media/${SHA}/kapak-fotografi.jpg`);
    expect(originalKey(SHA, 'w320.webp', 'webp')).toBe(`media/${SHA}/image-w320.webp`);
    const variantKeys = VARIANT_WIDTHS.flatMap((w) => VARIANT_FORMATS.map((f) => variantKey(SHA, w, f)));
    for (const name of ['w320.webp', 'W1600.AVIF', 'w640 .webp']) {
      expect(variantKeys).not.toContain(originalKey(SHA, name, name.toLowerCase().split('.').pop()!.trim()));
    }
  });

  it('reads the sha back from a key, and nothing from foreign keys', () => {
    expect(shaOfKey(`media/${SHA}/w640.avif`)).toBe(SHA);
    expect(shaOfKey('media/not-a-sha/x.png')).toBeUndefined();
    expect(shaOfKey(`avatars/${SHA}/x.png`)).toBeUndefined();
  });
});

describe('plannedVariants', () => {
  it('never upscales: only widths below the original, in WebP and AVIF', () => {
    expect(plannedVariants({ width: 1024, animated: false }, [])).toEqual([
      { width: 320, format: 'webp' },
      { width: 320, format: 'avif' },
      { width: 640, format: 'webp' },
      { width: 640, format: 'avif' },
    ]);
    expect(plannedVariants({ width: 320, animated: false }, [])).toEqual([]);
    expect(plannedVariants({ width: 4000, animated: false }, [])).toHaveLength(8);
  });

  it('skips variants already made (a retried job does the rest only)', () => {
    const done = [
      { width: 320, format: 'webp' },
      { width: 320, format: 'avif' },
      { width: 640, format: 'webp' },
    ];
    expect(plannedVariants({ width: 700, animated: false }, done)).toEqual([{ width: 640, format: 'avif' }]);
  });

  it('makes animated images WebP only', () => {
    expect(plannedVariants({ width: 700, animated: true }, [])).toEqual([
      { width: 320, format: 'webp' },
      { width: 640, format: 'webp' },
    ]);
  });
});
