import sharp, { type Sharp } from 'sharp';
import { Errors } from '../../errors/catalogue.js';
import type { ImageType, VariantFormat } from './image-policy.js';

/** Decompression-bomb guard: a 10 MB PNG can claim 20k × 20k pixels (1.6 GB decoded). */
export const MAX_INPUT_PIXELS = 50_000_000;

export interface ProcessedImage {
  data: Buffer;
  width: number;
  /** Height of one frame (animated images are decoded as a vertical strip of frames). */
  height: number;
  animated: boolean;
}

const open = (input: Buffer, animated = true): Sharp =>
  sharp(input, { animated, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });

/**
 * The original as stored: re-encoded in its own format so no metadata survives (EXIF, GPS, XMP,
 * comments; sharp writes none unless asked with withMetadata/keepExif), with the EXIF orientation
 * applied to the pixels first so the image still shows upright.
 */
export async function normalizeOriginal(input: Buffer, type: ImageType): Promise<ProcessedImage> {
  try {
    const pipeline = open(input).autoOrient();
    switch (type.format) {
      case 'jpeg':
        pipeline.jpeg({ quality: 90 });
        break; // libjpeg-turbo: mozjpeg is 4× slower in the request
      case 'png':
        pipeline.png({ compressionLevel: 9 });
        break;
      case 'webp':
        pipeline.webp({ quality: 90 });
        break;
      case 'avif':
        pipeline.avif({ quality: 70, effort: 2 });
        break;
      case 'gif':
        pipeline.gif();
        break;
    }
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.pageHeight ?? info.height, animated: (info.pages ?? 1) > 1 };
  } catch (err) {
    throw undecodable(err);
  }
}

/** Width and animation of a stored original (the variants job plans from these). */
export async function probe(input: Buffer): Promise<{ width: number; height: number; animated: boolean }> {
  const meta = await open(input).metadata();
  return { width: meta.width ?? 0, height: meta.pageHeight ?? meta.height ?? 0, animated: (meta.pages ?? 1) > 1 };
}

/** One resized copy; never upscaled. Animated sources stay animated (WebP only, see plannedVariants). */
export async function renderVariant(input: Buffer, width: number, format: VariantFormat): Promise<ProcessedImage> {
  const pipeline = open(input).resize({ width, withoutEnlargement: true });
  if (format === 'webp') pipeline.webp({ quality: 80 });
  // effort 2: a 1600 px photo encodes in ~1 s instead of ~6 s at the default 4, ~10% larger.
  else pipeline.avif({ quality: 55, effort: 2 });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.pageHeight ?? info.height, animated: (info.pages ?? 1) > 1 };
}

function undecodable(err: unknown) {
  const message = (err as Error).message ?? '';
  if (/pixel limit/i.test(message)) {
    return Errors.validation(`The image has more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels.`, [
      { field: 'file', message: `at most ${MAX_INPUT_PIXELS} pixels` },
    ]);
  }
  return Errors.validation('The image could not be decoded; it may be truncated or corrupt.', [
    { field: 'file', message: 'not a decodable image' },
  ]);
}
