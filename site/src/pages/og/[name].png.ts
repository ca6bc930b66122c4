import type { APIRoute } from 'astro';
import { ogCard, ogCardKey, pngResponse, renderOgImage, type OgCard } from '../../lib/og-image.ts';
import { cacheKey, settings } from '../../lib/site-data.ts';

/**
 * The site-wide card, `/og/site.png` (pages without one of their own): the tagline, the author's
 * role and photo. A dynamic route only so that it has a cache key like the others.
 */
export async function getStaticPaths() {
  const s = await settings();
  const card = ogCard({
    title: s.site.tagline || s.site.description || s.site.title,
    kicker: s.author.role || '',
    cover: s.author.avatar,
    settings: s,
    site: import.meta.env.SITE,
  });
  return [{ params: { name: 'site' }, props: { card }, cacheKey: cacheKey(ogCardKey(card)) }];
}

export const GET: APIRoute = async ({ props }) => pngResponse(await renderOgImage((props as { card: OgCard }).card));
