/**
 * The one slug function: post, page, project and tag URLs, heading anchors, media file names and
 * PaaS app names (a DNS label) all come from `slugify`, with their own length and fallback.
 */

const TURKISH: Record<string, string> = {
  ç: 'c',
  Ç: 'c',
  ğ: 'g',
  Ğ: 'g',
  ı: 'i',
  İ: 'i',
  ö: 'o',
  Ö: 'o',
  ş: 's',
  Ş: 's',
  ü: 'u',
  Ü: 'u',
};

/** Turkish letters to ASCII (ç→c, ğ→g, ı→i, İ→i, ö→o, ş→s, ü→u), then other accents stripped (é→e, â→a). */
export function transliterate(text: string): string {
  return text
    .replace(/[çÇğĞıİöÖşŞüÜ]/g, (c) => TURKISH[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** What `slugify` makes: lowercase ASCII letters and digits in dash-separated runs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface SlugOptions {
  /** Longest result, in characters (it never ends in a dash). Default 120. */
  max?: number;
  /** What an input with no letters or digits gives. Default `untitled`. */
  fallback?: string;
}

/**
 * A slug from any text: transliterated, lowercase, apostrophes dropped (`İstanbul’da` →
 * `istanbulda`), every other run of characters outside a–z and 0–9 one dash, none at either end.
 */
export function slugify(text: string, { max = 120, fallback = 'untitled' }: SlugOptions = {}): string {
  const slug = transliterate(text)
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug || fallback;
}
