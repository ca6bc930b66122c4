import { fileTypeFromBuffer } from 'file-type';
import { Errors } from '../../errors/catalogue.js';
import { slugify } from '../../lib/slug.js';

/** The formats the library stores. Anything else (SVG, HEIC, PDF, …) is refused. */
export const IMAGE_FORMATS = {
  'image/jpeg': { format: 'jpeg', ext: 'jpg' },
  'image/png': { format: 'png', ext: 'png' },
  'image/webp': { format: 'webp', ext: 'webp' },
  'image/avif': { format: 'avif', ext: 'avif' },
  'image/gif': { format: 'gif', ext: 'gif' },
} as const;
export type ImageMime = keyof typeof IMAGE_FORMATS;
export type ImageFormat = (typeof IMAGE_FORMATS)[ImageMime]['format'];

export interface ImageType {
  mime: ImageMime;
  format: ImageFormat;
  ext: string;
}

export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const;
export const VARIANT_FORMATS = ['webp', 'avif'] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];
export const VARIANT_MIME: Record<VariantFormat, string> = { webp: 'image/webp', avif: 'image/avif' };

/** Content-addressed objects never change, so caches may keep them for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const MEDIA_PREFIX = 'media/';

/**
 * Decides the type from the bytes alone (magic numbers): the client's Content-Type and file name
 * are ignored, so an SVG (script-capable) named `cat.png` is refused like any other non-image.
 */
export async function detectImageType(buffer: Uint8Array): Promise<ImageType> {
  const detected = await fileTypeFromBuffer(buffer);
  const known = detected && (IMAGE_FORMATS as Record<string, { format: ImageFormat; ext: string }>)[detected.mime];
  if (!detected || !known) {
    const what = detected ? `${detected.mime} content` : 'content that is not a recognised image';
    throw Errors.unsupportedMediaType(`The file holds ${what}. Upload a JPEG, PNG, WebP, AVIF or GIF image.`, [
      { field: 'file', message: 'must be a JPEG, PNG, WebP, AVIF or GIF image (SVG is not accepted)' },
    ]);
  }
  return { mime: detected.mime as ImageMime, ...known };
}

/** A file name safe in a URL path: transliterated, lowercase, dashes, no extension, ≤ 80 chars. */
export function safeSlug(filename: string): string {
  const base = filename.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return slugify(base, { max: 80, fallback: 'image' });
}

/**
 * The original: `media/<sha256 of the stored bytes>/<slug>.<ext>`. A name shaped like a variant
 * (`w320.webp`) is prefixed, so a variant can never overwrite the original.
 */
export function originalKey(sha256: string, filename: string, ext: string): string {
  const slug = safeSlug(filename);
  return `${MEDIA_PREFIX}${sha256}/${/^w\d+$/.test(slug) ? `image-${slug}` : slug}.${ext}`;
}

export function variantKey(sha256: string, width: number, format: VariantFormat): string {
  return `${MEDIA_PREFIX}${sha256}/w${width}.${format}`;
}

/** The sha directory of a key under `media/`, or undefined for keys this library did not write. */
export function shaOfKey(key: string): string | undefined {
  const match = /^media\/([0-9a-f]{64})\//.exec(key);
  return match?.[1];
}

/**
 * The variants still to make: every width below the original's (never upscale), in every format,
 * minus those already made (so a retried job does only the rest). Animated images get WebP only:
 * AVIF output of an animation would be a still strip of every frame.
 */
export function plannedVariants(
  original: { width: number; animated: boolean },
  existing: readonly { width: number; format: string }[],
): { width: number; format: VariantFormat }[] {
  const have = new Set(existing.map((v) => `${v.width}:${v.format}`));
  const formats: readonly VariantFormat[] = original.animated ? ['webp'] : VARIANT_FORMATS;
  return VARIANT_WIDTHS.filter((w) => w < original.width).flatMap((width) =>
    formats.filter((format) => !have.has(`${width}:${format}`)).map((format) => ({ width, format })),
  );
}

/** Keeps the library's own variant order (width, then format) whatever order jobs produced them in. */
export function sortVariants<T extends { width: number; format: string }>(variants: T[]): T[] {
  return [...variants].sort((a, b) => a.width - b.width || a.format.localeCompare(b.format));
}
