import type { APIRoute } from 'astro';
import { xmlEscape } from '../lib/seo.ts';
import { apps, pages, paginate, posts, projects, RESERVED_SLUGS, tags } from '../lib/site-data.ts';

/** Every public page with its last change, for search engines. */
export const GET: APIRoute = async ({ site }) => {
  const origin = new URL(site!).origin;
  const allPosts = (await posts()).map((e) => e.data);
  const urls: { loc: string; lastmod?: string }[] = [
    { loc: '/', lastmod: allPosts[0]?.updatedAt },
    ...paginate(allPosts).map((p) => ({
      loc: p.page === 1 ? '/blog/' : `/blog/page/${p.page}/`,
      lastmod: p.items[0]?.updatedAt,
    })),
    ...allPosts.map((p) => ({ loc: `/blog/${p.slug}/`, lastmod: p.updatedAt })),
    { loc: '/projects/' },
    ...(await projects()).map((e) => ({ loc: `/projects/${e.data.slug}/`, lastmod: e.data.updatedAt })),
    { loc: '/tags/' },
    ...(await tags()).map((t) => ({ loc: `/tags/${t.slug}/` })),
    ...(await pages())
      .filter((e) => e.data.slug === 'about' || !RESERVED_SLUGS.has(e.data.slug))
      .map((e) => ({ loc: `/${e.data.slug}/`, lastmod: e.data.updatedAt })),
    { loc: '/contact/' },
    ...((await apps()).length ? [{ loc: '/paas/' }] : []),
  ];
  const seen = new Set<string>();
  const body = urls
    .filter((u) => !seen.has(u.loc) && seen.add(u.loc))
    .map(
      (u) =>
        `  <url><loc>${xmlEscape(origin + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
