import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { decodeEntities } from '../lib/prose.ts';
import { buildIndex, documentTerms, type SearchSource } from '../lib/search-text.ts';
import { pages, posts, projects, RESERVED_SLUGS } from '../lib/site-data.ts';

const text = (html: string) =>
  decodeEntities(html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Each document's words, kept between builds in the builder's cache directory by content digest:
 * a publish tokenises the posts that changed and merges the rest (1,000 posts: ~300 ms → ~40 ms).
 * Bump VERSION when the folding or the weights change.
 */
const VERSION = 1;
const CACHE = process.env.SITE_CACHE_DIR ? join(process.env.SITE_CACHE_DIR, 'search-terms.json') : null;

async function cached(): Promise<Record<string, string>> {
  if (!CACHE) return {};
  try {
    const file = JSON.parse(await readFile(CACHE, 'utf8')) as { v: number; terms: Record<string, string> };
    return file.v === VERSION ? file.terms : {};
  } catch {
    return {};
  }
}

interface Item {
  /** `<collection>:<digest>`, or null when the entry has no digest (never cached). */
  key: string | null;
  source: Omit<SearchSource, 'body'>;
  html: string;
}

/**
 * The search page's index, rebuilt with every build from the content the build already holds (no
 * extra step, no extra request to the API).
 */
export const GET: APIRoute = async () => {
  const key = (collection: string, digest: string) => (digest ? `${collection}:${digest}` : null);
  const items: Item[] = [
    ...(await posts()).map(({ data: p, digest }) => ({
      key: key('post', digest),
      html: p.html,
      source: {
        url: `/blog/${p.slug}/`,
        kind: 'post' as const,
        title: p.title,
        excerpt: p.excerpt,
        keywords: p.tags.map((t) => t.name),
        date: p.publishedAt,
      },
    })),
    ...(await projects()).map(({ data: p, digest }) => ({
      key: key('project', digest),
      html: p.html,
      source: {
        url: `/projects/${p.slug}/`,
        kind: 'project' as const,
        title: p.title,
        excerpt: p.summary,
        keywords: p.techStack,
      },
    })),
    ...(await pages())
      .filter((e) => e.data.slug === 'about' || !RESERVED_SLUGS.has(e.data.slug))
      .map(({ data: p, digest }) => ({
        key: key('page', digest),
        html: p.html,
        source: {
          url: `/${p.slug}/`,
          kind: 'page' as const,
          title: p.title,
          excerpt: p.seoDescription || text(p.html).slice(0, 200),
          keywords: [],
        },
      })),
  ];
  const before = await cached();
  const kept: Record<string, string> = {};
  const terms = items.map((item) => {
    const found = item.key ? before[item.key] : undefined;
    const value = found ?? documentTerms({ ...item.source, body: text(item.html) });
    if (item.key) kept[item.key] = value;
    return value;
  });
  if (CACHE) await writeFile(CACHE, JSON.stringify({ v: VERSION, terms: kept })).catch(() => undefined);
  const index = buildIndex(
    items.map((i) => ({ ...i.source, body: '' })),
    (i) => terms[i]!,
  );
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
