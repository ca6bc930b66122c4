import type { BundledLanguage, Highlighter } from 'shiki';
import type { Strings } from './i18n.ts';
import type { Image } from './site-data.ts';

/**
 * Build-time finishing of the HTML the API renders (and sanitises) from a post's or page's rich
 * text: code blocks highlighted by Shiki in a light and a dark theme at once (the stylesheet picks
 * one; no JavaScript in the browser), and a link anchor on every heading that has an id. The API's
 * markup is regular (`<h2 id="…">`, `<pre><code class="language-x">`), so a few patterns do.
 */
const THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

let highlighter: Promise<{ hl: Highlighter; languages: Set<string> }> | null = null;

function shiki(): Promise<{ hl: Highlighter; languages: Set<string> }> {
  // Loaded on the first code block only (a build that renders none never pays for it), then one
  // highlighter per build process; the JS regex engine needs no wasm.
  highlighter ??= import('shiki').then(
    async ({ bundledLanguages, createHighlighter, createJavaScriptRegexEngine }) => ({
      hl: await createHighlighter({
        themes: [THEMES.light, THEMES.dark],
        langs: [],
        engine: createJavaScriptRegexEngine(),
      }),
      languages: new Set(Object.keys(bundledLanguages)),
    }),
  );
  return highlighter;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const attr = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Highlights every `<pre><code class="language-x">` block; unknown languages stay plain (but get the same frame). */
export async function highlightCode(html: string): Promise<string> {
  const blocks = [...html.matchAll(/<pre><code(?: class="language-([\w#+-]+)")?>([\s\S]*?)<\/code><\/pre>/g)];
  if (blocks.length === 0) return html;
  const { hl, languages } = await shiki();
  let out = '';
  let at = 0;
  for (const m of blocks) {
    const requested = (m[1] ?? '').toLowerCase();
    const lang = languages.has(requested) ? requested : 'text';
    if (lang !== 'text' && !hl.getLoadedLanguages().includes(lang)) await hl.loadLanguage(lang as BundledLanguage);
    const code = decodeEntities(m[2]!);
    const highlighted = hl
      .codeToHtml(code, { lang, themes: THEMES, defaultColor: false })
      .replace(
        /^<pre class="([^"]*)" style="[^"]*"/,
        `<pre class="$1"${requested ? ` data-lang="${attr(requested)}"` : ''}`,
      );
    out += html.slice(at, m.index) + highlighted;
    at = m.index! + m[0].length;
  }
  return out + html.slice(at);
}

/** Adds a `#` link to each heading with an id (the API gives every h2–h4 one, matching the TOC). */
export function headingAnchors(html: string, t: Strings): string {
  return html.replace(/<(h[2-4]) id="([^"]+)">([\s\S]*?)<\/\1>/g, (_whole, tag: string, id: string, inner: string) => {
    const text = decodeEntities(inner.replace(/<[^>]+>/g, '')).trim();
    // The `#` is drawn by CSS: the heading's text stays the heading's text.
    return `<${tag} id="${id}">${inner}<a class="anchor" href="#${id}" aria-label="${attr(t.anchor(text))}"></a></${tag}>`;
  });
}

const mediaSha = (url: string) => /\/media\/([0-9a-f]{64})\//.exec(url)?.[1];

/** How wide a body image is drawn: the reading column (44rem), or the viewport on phones. */
export const BODY_IMAGE_SIZES = '(min-width: 46rem) 44rem, 100vw';

/**
 * Body images from the media library become `<picture>` with the AVIF and WebP variants the media
 * job made (`srcset` + `sizes`), the intrinsic width and height (no layout shift), lazy loading and
 * async decoding, and a placeholder background (the library keeps no blurhash, so a tint of the
 * accent colour shows until the image arrives). An `<img>` is matched to its media by URL (the
 * original's or a variant's); images from elsewhere and media without variants keep the API's markup.
 */
export function responsiveImages(html: string, images: readonly Image[], sizes = BODY_IMAGE_SIZES): string {
  if (images.length === 0 || !html.includes('<img')) return html;
  // By URL, and by the content hash in the path (`media/<sha256>/`), which survives a change of storage host.
  const byKey = new Map<string, Image>();
  for (const m of images) {
    for (const u of [m.url, ...m.variants.map((v) => v.url)]) {
      byKey.set(u, m);
      const sha = mediaSha(u);
      if (sha) byKey.set(sha, m);
    }
  }
  return html.replace(/<img ([^>]*)>/g, (whole, attrs: string) => {
    const src = /(?:^|\s)src="([^"]*)"/.exec(attrs)?.[1];
    const url = src === undefined ? '' : decodeEntities(src);
    const media = byKey.get(url) ?? byKey.get(mediaSha(url) ?? '');
    if (!media) return whole;
    const set = (format: string) =>
      media.variants
        .filter((v) => v.format === format)
        .sort((a, b) => a.width - b.width)
        .map((v) => `${attr(v.url)} ${v.width}w`)
        .join(', ');
    const sources = ['avif', 'webp'].flatMap((f) => {
      const srcset = set(f);
      return srcset ? [`<source type="image/${f}" srcset="${srcset}" sizes="${attr(sizes)}">`] : [];
    });
    if (sources.length === 0) return whole;
    const alt = /(?:^|\s)alt="([^"]*)"/.exec(attrs)?.[1] ?? attr(media.alt);
    // The media's own size wins over the node's (the editor may not have recorded one).
    const w = media.width ?? Number(/(?:^|\s)width="(\d+)"/.exec(attrs)?.[1] ?? 0);
    const hgt = media.height ?? Number(/(?:^|\s)height="(\d+)"/.exec(attrs)?.[1] ?? 0);
    const dims = w > 0 && hgt > 0 ? ` width="${w}" height="${hgt}"` : '';
    return `<picture>${sources.join('')}<img src="${src}" alt="${alt}"${dims} loading="lazy" decoding="async" style="background-color: var(--accent-soft)"></picture>`;
  });
}

export async function enhanceHtml(html: string, t: Strings, images: readonly Image[] = []): Promise<string> {
  return headingAnchors(await highlightCode(responsiveImages(html, images)), t);
}
