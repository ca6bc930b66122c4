import type { Image, Post, Project, Settings } from './site-data.ts';

/** Open Graph / Twitter / JSON-LD facts of one page, rendered by layouts/Base.astro. */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute canonical URL. */
  canonical: string;
  type?: 'website' | 'article' | 'profile';
  image?: { url: string; width?: number | null; height?: number | null; alt?: string } | null;
  publishedTime?: string;
  modifiedTime?: string;
  tags?: string[];
  jsonLd?: Record<string, unknown>[];
  noindex?: boolean;
  /** The content's locale when it is not the site's (a post in its own language): `og:locale`, hreflang. */
  locale?: string;
  /** Feeds besides the site's own (a tag's feed on its pages). */
  feeds?: { title: string; href: string }[];
}

/** The biggest WebP variant up to 1600 px (what link previews display), else the original. */
export function ogImage(media: Image | null | undefined): PageMeta['image'] {
  if (!media) return null;
  const webp = media.variants.filter((v) => v.format === 'webp').sort((a, b) => b.width - a.width)[0];
  return webp
    ? { url: webp.url, width: webp.width, height: webp.height, alt: media.alt }
    : { url: media.url, width: media.width, height: media.height, alt: media.alt };
}

export function websiteLd(s: Settings, origin: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: s.site.title,
    description: s.site.description,
    url: `${origin}/`,
    inLanguage: s.site.locale,
    ...(s.author.name ? { author: personLd(s, origin) } : {}),
  };
}

export function personLd(s: Settings, origin: string): Record<string, unknown> {
  return {
    '@type': 'Person',
    name: s.author.name,
    url: `${origin}/about/`,
    ...(s.social.length ? { sameAs: s.social.filter((l) => l.url.startsWith('http')).map((l) => l.url) } : {}),
  };
}

/** `og:locale` wants language_TERRITORY: `tr-TR` → `tr_TR`, a bare `en` → `en_US`, `tr` → `tr_TR`. */
export function ogLocale(locale: string): string {
  const [lang = 'tr', region] = locale.split(/[-_]/);
  const l = lang.toLowerCase();
  return `${l}_${(region ?? ({ tr: 'TR', en: 'US' } as Record<string, string>)[l] ?? l).toUpperCase()}`;
}

export function postLd(
  post: Post,
  url: string,
  s: Settings,
  origin: string,
  image: PageMeta['image'],
  locale = s.site.locale,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.excerpt,
    datePublished: post.publishedAt,
    dateModified: post.updatedAt,
    url,
    mainEntityOfPage: url,
    inLanguage: locale,
    author: { '@type': 'Person', name: post.author.name || s.author.name },
    publisher: { '@type': 'Person', name: s.author.name || s.site.title, url: `${origin}/` },
    keywords: post.tags.map((t) => t.name).join(', '),
    ...(image ? { image: image.url } : {}),
  };
}

export function projectLd(p: Project, url: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'SoftwareSourceCode',
    name: p.title,
    description: p.summary,
    url,
    ...(p.repoUrl ? { codeRepository: p.repoUrl } : {}),
    ...(p.techStack.length ? { programmingLanguage: p.techStack } : {}),
  };
}

export function breadcrumbLd(items: { name: string; url: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((it, i) => ({ '@type': 'ListItem', position: i + 1, name: it.name, item: it.url })),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the script. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function xmlEscape(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}
