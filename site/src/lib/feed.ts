import { xmlEscape } from './seo.ts';
import type { Post, Settings } from './site-data.ts';

/** RSS 2.0 of posts with their full HTML (content:encoded): the site's feed and each tag's. */
export function rssFeed(o: {
  settings: Settings;
  origin: string;
  self: string;
  title: string;
  link: string;
  description: string;
  posts: Post[];
}): Response {
  const items = o.posts.map((p) => {
    const url = `${o.origin}/blog/${p.slug}/`;
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
    <title>${xmlEscape(o.title)}</title>
    <link>${o.link}</link>
    <description>${xmlEscape(o.description)}</description>
    <language>${xmlEscape(o.settings.site.locale)}</language>
    <atom:link href="${o.self}" rel="self" type="application/rss+xml"/>
${o.posts[0] ? `    <lastBuildDate>${new Date(o.posts[0].publishedAt).toUTCString()}</lastBuildDate>\n` : ''}${items.join('\n')}
  </channel>
</rss>
`;
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
}
