import type { Media } from '../../api/types';

/** The smallest WebP variant when the variants job has made them, else the original. */
export function thumbOf(m: Media): string {
  const webp = m.variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width);
  return webp[0]?.url ?? m.url;
}
