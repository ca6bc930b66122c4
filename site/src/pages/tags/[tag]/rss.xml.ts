import type { APIRoute } from 'astro';
import { rssFeed } from '../../../lib/feed.ts';
import { strings } from '../../../lib/i18n.ts';
import { cacheKey, globalKey, posts, settings, tags, type Post, type Tag } from '../../../lib/site-data.ts';

const ITEMS = 30;

export async function getStaticPaths() {
  const all = await posts();
  const g = await globalKey();
  return (await tags()).map((tag) => {
    const tagged = all.filter((e) => e.data.tags.some((x) => x.slug === tag.slug)).slice(0, ITEMS);
    return {
      params: { tag: tag.slug },
      props: { tag, items: tagged.map((e) => e.data) },
      cacheKey: cacheKey(
        'feed',
        tag,
        tagged.map((e) => e.digest),
        g,
      ),
    };
  });
}

/** One tag's newest posts. */
export const GET: APIRoute = async ({ site, props }) => {
  const { tag, items } = props as { tag: Tag; items: Post[] };
  const s = await settings();
  const origin = new URL(site!).origin;
  return rssFeed({
    settings: s,
    origin,
    self: `${origin}/tags/${tag.slug}/rss.xml`,
    title: `${s.site.title} — ${strings(s.site.locale).taggedWith(tag.name)}`,
    link: `${origin}/tags/${tag.slug}/`,
    description: tag.description || s.site.description,
    posts: items,
  });
};
