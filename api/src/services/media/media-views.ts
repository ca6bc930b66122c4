import type { PublicImage } from '../../dtos/content.dto.js';
import type { MediaView } from '../../dtos/media.dto.js';
import type { MediaRow } from '../../repositories/media.repository.js';

export type UrlOf = (key: string) => string;

export function mediaView(row: MediaRow, urlOf: UrlOf): MediaView {
  return {
    id: row.id,
    url: urlOf(row.storageKey),
    filename: row.filename,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    alt: row.alt,
    focalX: row.focalX,
    focalY: row.focalY,
    status: row.status,
    variants: (row.variants ?? []).map((v) => ({
      width: v.width,
      height: v.height,
      format: v.format,
      bytes: v.bytes,
      url: urlOf(v.key),
    })),
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the public site needs of an image; nothing about who uploaded it. */
export function publicImage(row: MediaRow, urlOf: UrlOf): PublicImage {
  return {
    id: row.id,
    url: urlOf(row.storageKey),
    alt: row.alt,
    width: row.width,
    height: row.height,
    focalX: row.focalX,
    focalY: row.focalY,
    variants: (row.variants ?? []).map((v) => ({
      width: v.width,
      height: v.height,
      format: v.format,
      url: urlOf(v.key),
    })),
  };
}

/** Every object a media row owns: the original and its variants. */
export function objectKeys(row: Pick<MediaRow, 'storageKey' | 'variants'>): string[] {
  return [row.storageKey, ...(row.variants ?? []).map((v) => v.key)];
}
