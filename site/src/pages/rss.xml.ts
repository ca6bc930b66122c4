import type { APIRoute } from 'astro';
import { rssFeed } from '../lib/feed.ts';
import { posts, settings } from '../lib/site-data.ts';

const ITEMS = 30;

/** The newest posts. */
export const GET: APIRoute = async ({ site }) => {
  const s = await settings();
  const origin = new URL(site!).origin;
  return rssFeed({
    settings: s,
    origin,
    self: `${origin}/rss.xml`,
    title: s.site.title,
    link: `${origin}/`,
    description: s.site.description,
    posts: (await posts()).slice(0, ITEMS).map((e) => e.data),
  });
};
