import type { APIRoute } from 'astro';
import { strings } from '../../../lib/i18n.ts';
import { ogCard, ogCardKey, pngResponse, renderOgImage, type OgCard } from '../../../lib/og-image.ts';
import { cacheKey, projects, settings } from '../../../lib/site-data.ts';

/** Each project's Open Graph card (its first gallery image as the cover); drawn again only when what it shows changes. */
export async function getStaticPaths() {
  const s = await settings();
  const site = import.meta.env.SITE;
  return (await projects()).map(({ data: project }) => {
    const card = ogCard({
      title: project.title,
      kicker: strings(s.site.locale).projects,
      cover: project.images[0],
      settings: s,
      site,
    });
    return { params: { slug: project.slug }, props: { card }, cacheKey: cacheKey(ogCardKey(card)) };
  });
}

export const GET: APIRoute = async ({ props }) => pngResponse(await renderOgImage((props as { card: OgCard }).card));
