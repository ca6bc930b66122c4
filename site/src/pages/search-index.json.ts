import type { APIRoute } from 'astro';
import { decodeEntities } from '../lib/prose.ts';
import { buildIndex, type SearchSource } from '../lib/search-text.ts';
import { pages, posts, projects, RESERVED_SLUGS } from '../lib/site-data.ts';

const text = (html: string) => decodeEntities(html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

/**
 * The search page's index, rebuilt with every build from the content the build already holds (no
 * extra step, no extra request to the API): a few milliseconds for hundreds of posts.
 */
export const GET: APIRoute = async () => {
  const sources: SearchSource[] = [
    ...(await posts()).map(({ data: p }) => ({
      url: `/blog/${p.slug}/`, kind: 'post' as const, title: p.title, excerpt: p.excerpt, keywords: p.tags.map((t) => t.name), body: text(p.html), date: p.publishedAt,
    })),
    ...(await projects()).map(({ data: p }) => ({
      url: `/projects/${p.slug}/`, kind: 'project' as const, title: p.title, excerpt: p.summary, keywords: p.techStack, body: text(p.html),
    })),
    ...(await pages()).filter((e) => e.data.slug === 'about' || !RESERVED_SLUGS.has(e.data.slug)).map(({ data: p }) => {
      const body = text(p.html);
      return { url: `/${p.slug}/`, kind: 'page' as const, title: p.title, excerpt: p.seoDescription || body.slice(0, 200), keywords: [], body };
    }),
  ];
  return new Response(JSON.stringify(buildIndex(sources)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
