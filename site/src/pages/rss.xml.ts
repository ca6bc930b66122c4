import type { APIRoute } from 'astro';
import { xmlEscape } from '../lib/seo.ts';
import { posts, settings } from '../lib/site-data.ts';

const ITEMS = 30;

/** RSS 2.0 of the newest posts, with their full HTML (content:encoded). */
export const GET: APIRoute = async ({ site }) => {
  const s = await settings();
  const origin = new URL(site!).origin;
  const latest = (await posts()).slice(0, ITEMS).map((e) => e.data);
  const items = latest.map((p) => {
    const url = `${origin}/blog/${p.slug}/`;
    return `    <item>
      <title>${xmlEscape(p.title)}</title>
      <link>${url}</link>
      <guid isPermaLink="false">${p.id}</guid>
      <pubDate>${new Date(p.publishedAt).toUTCString()}</pubDate>
      <description>${xmlEscape(p.excerpt)}</description>
${p.tags.map((t) => `      <category>${xmlEscape(t.name)}</category>`).join('\n')}
      <content:encoded><![CDATA[${p.html.replaceAll(']]>', ']]]]><![CDATA[>')}]]></content:encoded>
    </item>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${xmlEscape(s.site.title)}</title>
    <link>${origin}/</link>
    <description>${xmlEscape(s.site.description)}</description>
    <language>${xmlEscape(s.site.locale)}</language>
    <atom:link href="${origin}/rss.xml" rel="self" type="application/rss+xml"/>
${latest[0] ? `    <lastBuildDate>${new Date(latest[0].publishedAt).toUTCString()}</lastBuildDate>\n` : ''}${items.join('\n')}
  </channel>
</rss>
`;
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
