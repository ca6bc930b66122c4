import type { APIRoute } from 'astro';
import { postLocale, strings } from '../../../lib/i18n.ts';
import { ogCard, ogCardKey, pngResponse, renderOgImage, type OgCard } from '../../../lib/og-image.ts';
import { cacheKey, posts, settings } from '../../../lib/site-data.ts';

/** Each post's Open Graph card; the cache key is what the card shows, so only changed posts' cards are drawn again. */
export async function getStaticPaths() {
  const s = await settings();
  const site = import.meta.env.SITE;
  return (await posts()).map(({ data: post }) => {
    const card = ogCard({
      title: post.title,
      kicker: strings(postLocale(post.language, s.site.locale)).blog,
      author: post.author.name,
      cover: post.cover,
      settings: s,
      site,
    });
    return { params: { slug: post.slug }, props: { card }, cacheKey: cacheKey(ogCardKey(card)) };
  });
}

export const GET: APIRoute = async ({ props }) => pngResponse(await renderOgImage((props as { card: OgCard }).card));
