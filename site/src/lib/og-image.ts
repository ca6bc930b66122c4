import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Image, Settings } from './site-data.ts';

/**
 * Open Graph cards (1200×630 PNG) drawn at build time: the title, the site's name and author, the
 * accent colour from the settings and, when there is one, the cover image. satori lays the card out
 * as SVG (text as paths, in Inter from the `@fontsource/inter` package, whose Latin and Latin
 * Extended files hold every Turkish letter), resvg turns it into a PNG. Each card is its own
 * endpoint (`/og/…png`) with a cache key of exactly what it shows (see `ogCardKey`), so an
 * incremental build draws only the cards whose post or project changed.
 */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Bump when the card's layout changes: every card is drawn again once. */
const LAYOUT_VERSION = 1;
export const DEFAULT_ACCENT = '#2563eb';

export interface OgCard {
  title: string;
  /** A small line above the title (e.g. "Blog", "Proje"). */
  kicker: string;
  siteTitle: string;
  author: string;
  /** The site's host, shown at the bottom. */
  host: string;
  accent: string;
  /** Absolute URL of the image to show beside the text (a WebP/AVIF variant or the original). */
  coverUrl: string | null;
}

/** `#rrggbb` from the settings, anything else the site's default. */
export function accentOf(color: string | null | undefined): string {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : DEFAULT_ACCENT;
}

/**
 * At most `max` characters, cut at a word boundary when one is near, with an ellipsis. Counts
 * code points, so a cut never splits a letter (Turkish letters are one code point each in NFC).
 */
export function clampText(text: string, max: number): string {
  const chars = [...text.normalize('NFC').replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** The title's font size: long titles smaller, so up to ~110 characters fit in four lines. */
export function titleSize(title: string, withCover: boolean): number {
  const n = [...title].length;
  const base = withCover ? 0.84 : 1;
  const size = n <= 30 ? 72 : n <= 55 ? 60 : n <= 80 ? 50 : 42;
  return Math.round(size * base);
}

/** The most characters a title keeps on a card (four lines at the smallest size). */
export const TITLE_MAX = 110;

/**
 * The image the card shows: the smallest WebP variant at least 600 px wide (the card draws it
 * 424 px wide; 600 leaves room for sharp edges), else the largest one, else the original.
 */
export function coverSource(media: Image | null | undefined): string | null {
  if (!media) return null;
  const webp = media.variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width);
  return (webp.find((v) => v.width >= 600) ?? webp[webp.length - 1])?.url ?? media.url;
}

/** What a card's cache key is made of: only what it shows, so unrelated changes never redraw it. */
export function ogCardKey(card: OgCard): unknown[] {
  return [
    'og',
    LAYOUT_VERSION,
    card.title,
    card.kicker,
    card.siteTitle,
    card.author,
    card.host,
    card.accent,
    card.coverUrl,
  ];
}

type Node = { type: string; props: Record<string, unknown> & { style?: Record<string, unknown>; children?: unknown } };
const h = (
  type: string,
  style: Record<string, unknown>,
  children?: unknown,
  extra: Record<string, unknown> = {},
): Node => ({ type, props: { style, children, ...extra } });

/** The accent band across the top. */
const BAND = 16;

/** The card as satori's element tree (plain objects: no JSX runtime needed). */
export function cardTree(card: OgCard, cover: string | null): Node {
  const title = clampText(card.title, TITLE_MAX);
  const size = titleSize(title, Boolean(cover));
  // satori sizes boxes without their padding (content-box).
  const textWidth = cover ? 600 : 1000;
  const initial = ([...card.siteTitle.trim()][0] ?? 'O').toLocaleUpperCase('tr');
  const text = h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      width: textWidth,
      height: OG_HEIGHT - BAND - 56 - 52,
      padding: '56px 48px 52px 72px',
    },
    [
      h('div', { display: 'flex', alignItems: 'center', fontSize: 30, fontWeight: 700, color: '#0f172a' }, [
        h(
          'div',
          {
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            width: 56,
            height: 56,
            borderRadius: 14,
            background: card.accent,
            color: '#ffffff',
            fontSize: 32,
            marginRight: 20,
          },
          initial,
        ),
        h('div', { display: 'flex' }, clampText(card.siteTitle, 40)),
      ]),
      h('div', { display: 'flex', flexDirection: 'column' }, [
        ...(card.kicker
          ? [
              h(
                'div',
                {
                  display: 'flex',
                  fontSize: 26,
                  fontWeight: 700,
                  color: card.accent,
                  textTransform: 'uppercase',
                  letterSpacing: 2,
                  marginBottom: 16,
                },
                clampText(card.kicker, 40),
              ),
            ]
          : []),
        h(
          'div',
          { display: 'flex', fontSize: size, fontWeight: 700, lineHeight: 1.15, color: '#0f172a', letterSpacing: -1 },
          title,
        ),
      ]),
      h('div', { display: 'flex', alignItems: 'center', fontSize: 26, color: '#334155' }, [
        ...(card.author
          ? [
              h('div', { display: 'flex', fontWeight: 700 }, clampText(card.author, 40)),
              h('div', { display: 'flex', margin: '0 14px', color: card.accent }, '•'),
            ]
          : []),
        h('div', { display: 'flex' }, card.host),
      ]),
    ],
  );
  const children: Node[] = [text];
  if (cover) {
    children.push(
      h('div', { display: 'flex', width: 424, padding: 32, paddingLeft: 0, marginLeft: 'auto' }, [
        h('img', { width: 424, height: 550, objectFit: 'cover', borderRadius: 24 }, undefined, {
          src: cover,
          width: 424,
          height: 550,
        }),
      ]),
    );
  }
  return h(
    'div',
    {
      display: 'flex',
      width: '100%',
      height: '100%',
      background: '#ffffff',
      fontFamily: FONT_FAMILY,
      borderTop: `${BAND}px solid ${card.accent}`,
    },
    children,
  );
}

/**
 * The two subset files are two families: satori looks for a letter missing from one family in the
 * next family, but not in another file of the same family (as one family, `İ` or `I` came out as
 * the missing-glyph box, whichever file was first). Latin Extended holds İ, Ş, Ğ…; Latin the rest.
 */
const FONT_FAMILY = '"Inter Ext", Inter';

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | null = null;

function loadFonts() {
  // WOFF (satori reads TTF/OTF/WOFF, not WOFF2) from the npm package: the same on every install.
  fonts ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = require.resolve('@fontsource/inter/package.json').replace(/package\.json$/, 'files/');
    const files = (['latin', 'latin-ext'] as const).flatMap((subset) =>
      ([400, 700] as const).map((weight) => ({ subset, weight })),
    );
    return Promise.all(
      files.map(async ({ subset, weight }) => ({
        name: subset === 'latin' ? 'Inter' : 'Inter Ext',
        weight,
        style: 'normal' as const,
        data: await readFile(`${dir}inter-${subset}-${weight}-normal.woff`),
      })),
    );
  })();
  return fonts;
}

/**
 * The cover as a JPEG data URL resvg can draw (it reads PNG and JPEG, not WebP or AVIF), cropped
 * to the frame; null when it cannot be fetched or decoded (the card is drawn without it).
 */
export async function coverDataUrl(url: string, fetcher: typeof fetch = fetch): Promise<string | null> {
  try {
    const res = await fetcher(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) return null;
    const { default: sharp } = await import('sharp');
    const jpeg = await sharp(Buffer.from(await res.arrayBuffer()))
      .resize(424 * 2, 550 * 2, { fit: 'cover' })
      .jpeg({ quality: 82 })
      .toBuffer();
    return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  } catch {
    return null;
  }
}

/** Draws one card: a 1200×630 PNG. */
export async function renderOgImage(card: OgCard, fetcher: typeof fetch = fetch): Promise<Uint8Array> {
  const [{ default: satori }, { renderAsync }] = await Promise.all([import('satori'), import('@resvg/resvg-js')]);
  const cover = card.coverUrl ? await coverDataUrl(card.coverUrl, fetcher) : null;
  const svg = await satori(cardTree(card, cover) as Parameters<typeof satori>[0], {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: await loadFonts(),
  });
  // On libuv's pool, not this thread: with Astro's build concurrency, cards are drawn while the next
  // ones are laid out (a cold build draws one per post; 20 → 15 ms a card here, measured with 4 at once).
  const image = await renderAsync(svg, { fitTo: { mode: 'width', value: OG_WIDTH } });
  // sharp encodes the pixels in ~3 ms where resvg's own PNG encoder takes ~50 ms (the card is opaque: RGB).
  const { default: sharp } = await import('sharp');
  const png = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .removeAlpha()
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(png);
}

/** An endpoint's answer for a card. */
export function pngResponse(png: Uint8Array): Response {
  return new Response(png as BodyInit, { headers: { 'content-type': 'image/png' } });
}

/** The card of a post or project: its title, the site's name and author, the accent colour and cover. */
export function ogCard(opts: {
  title: string;
  kicker: string;
  author?: string;
  cover?: Image | null;
  settings: Settings;
  site: URL | string;
}): OgCard {
  const s = opts.settings;
  return {
    title: opts.title,
    kicker: opts.kicker,
    siteTitle: s.site.title,
    author: opts.author || s.author.name,
    host: new URL(opts.site).host,
    accent: accentOf(s.site.accentColor),
    coverUrl: coverSource(opts.cover),
  };
}

/** Where a card is published, and its absolute URL for `og:image`. */
export function ogImagePath(kind: 'blog' | 'projects' | 'site', slug?: string): string {
  return kind === 'site' ? '/og/site.png' : `/og/${kind}/${slug}.png`;
}

export function ogImageMeta(
  site: URL | string,
  path: string,
  alt: string,
): { url: string; width: number; height: number; alt: string } {
  return { url: new URL(path, site).toString(), width: OG_WIDTH, height: OG_HEIGHT, alt };
}
