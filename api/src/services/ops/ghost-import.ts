import type { ContentExport, ExportedPage, ExportedPost, ExportedTag } from '../../dtos/content-transfer.dto.js';
import type { LexicalDocument } from '../../dtos/content.dto.js';
import type { LexicalState } from '../../db/schema.js';
import { renderLexical } from '../content/lexical-render.js';
import { plain, slugify, SLUG_PATTERN } from '../content/rich-text.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from './content-export.service.js';
import { htmlToLexical } from './html-to-lexical.js';

type Note = (type: string, key: string, message: string) => void;
type Row = Record<string, unknown>;

/** Ghost's own Lexical node names for nodes ours renders the same way. */
const NODE_ALIASES: Record<string, string> = {
  'extended-text': 'text',
  'extended-heading': 'heading',
  'extended-quote': 'quote',
  aside: 'quote',
};
/** Tables that are about Ghost's members, newsletters and theme, not content: reported, never mapped. */
const MAPPED = new Set(['posts', 'tags', 'posts_tags', 'users', 'posts_authors', 'posts_meta']);

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const opt = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const isoOr = (v: unknown, fallback: string): string => {
  const d = typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : fallback;
};

/**
 * A Ghost JSON export (Ghost 4/5, `{db: [{meta, data}]}`; also the bare `{data}`) as our content
 * export: posts and pages (title, slug, excerpt, status, featured, SEO fields, author e-mail,
 * tags in order) and tags. Content: Ghost's `lexical` when every node is one our renderer knows
 * (after renaming Ghost's extended-* nodes), else the post's `html` converted to paragraphs,
 * headings, quotes, lists and code, else its plain text. Everything else is reported through
 * `note`. Deterministic, so importing the same Ghost file twice changes nothing the second time.
 */
export function mapGhostExport(raw: unknown, note: Note): ContentExport | undefined {
  const root = raw as { db?: { data?: Row; meta?: Row }[]; data?: Row } | null;
  const data = (root?.db?.[0]?.data ?? root?.data) as Record<string, Row[]> | undefined;
  if (!data || (!Array.isArray(data.posts) && !Array.isArray(data.tags))) return undefined;
  const exportedAt = isoOr(root?.db?.[0]?.meta?.exported_on, new Date(0).toISOString());

  for (const [table, rows] of Object.entries(data)) {
    if (!MAPPED.has(table) && Array.isArray(rows) && rows.length)
      note('ghost', table, `${rows.length} ${table} row(s) not imported (no counterpart here)`);
  }

  const tags = new Map<string, ExportedTag>();
  const tagById = new Map<string, string>();
  for (const t of data.tags ?? []) {
    const name = plain(str(t.name)).slice(0, 80);
    if (!name || t.visibility === 'internal' || name.startsWith('#')) {
      note('tag', name || str(t.id), 'internal Ghost tag: not imported');
      continue;
    }
    const slug = validSlug(str(t.slug), name, 100);
    tagById.set(str(t.id), slug);
    tags.set(slug, {
      slug,
      name,
      description: plain(str(t.description)).slice(0, 500),
      updatedAt: isoOr(t.updated_at, exportedAt),
    });
  }

  const postTags = group(data.posts_tags, 'post_id', (r) => tagById.get(str(r.tag_id)));
  const users = new Map((data.users ?? []).map((u) => [str(u.id), { email: str(u.email), name: str(u.name) }]));
  const authors = group(data.posts_authors, 'post_id', (r) => str(r.author_id));
  const meta = new Map((data.posts_meta ?? []).map((m) => [str(m.post_id), m]));

  const posts: ExportedPost[] = [];
  const pages: ExportedPage[] = [];
  for (const p of data.posts ?? []) {
    const title = plain(str(p.title)).slice(0, 300) || 'Untitled';
    const slug = validSlug(str(p.slug), title, 200);
    const kind = p.type === 'page' ? 'page' : 'post';
    const content = contentOf(p, (message) => note(kind, slug, message));
    let status =
      ({ published: 'published', draft: 'draft', scheduled: 'scheduled' } as Record<string, ExportedPost['status']>)[
        str(p.status)
      ] ?? 'draft';
    if (status !== 'draft' && p.visibility && p.visibility !== 'public') {
      note(kind, slug, `visible to "${str(p.visibility)}" members only in Ghost: imported as a draft`);
      status = 'draft';
    }
    if (str(p.status) === 'sent') note(kind, slug, 'an e-mail-only Ghost post: imported as a draft');
    if (p.feature_image)
      note(kind, slug, `feature image ${str(p.feature_image)} not imported: upload it and set it as the cover`);
    if (p.codeinjection_head || p.codeinjection_foot) note(kind, slug, 'code injection not imported');
    const m = meta.get(str(p.id)) ?? p;
    const updatedAt = isoOr(p.updated_at, exportedAt);
    const publishedAt = p.published_at ? isoOr(p.published_at, updatedAt) : null;
    if (kind === 'page') {
      pages.push({
        slug,
        title,
        content,
        seoTitle: opt(m.meta_title)?.slice(0, 300) ?? null,
        seoDescription: opt(m.meta_description)?.slice(0, 500) ?? null,
        status: status === 'published' ? 'published' : 'draft',
        publishedAt: status === 'published' ? publishedAt : null,
        updatedAt,
      });
      continue;
    }
    const author = users.get((authors.get(str(p.id)) ?? [str(p.author_id)])[0] ?? '');
    posts.push({
      slug,
      title,
      excerpt: plain(str(p.custom_excerpt)).slice(0, 1000),
      content,
      status,
      featured: p.featured === true || p.featured === 1,
      publishedAt: status === 'published' ? publishedAt : null,
      scheduledAt: status === 'scheduled' ? publishedAt : null,
      seo: {
        title: opt(m.meta_title)?.slice(0, 300) ?? null,
        description: opt(m.meta_description)?.slice(0, 500) ?? null,
        canonicalUrl: webUrl(p.canonical_url, (message) => note(kind, slug, message)),
      },
      coverMediaId: null,
      ogImageMediaId: null,
      tags: postTagsOf(postTags.get(str(p.id)), (message) => note(kind, slug, message)),
      author: author?.email ? author : null,
      revision: 1,
      version: 1,
      createdAt: isoOr(p.created_at, updatedAt),
      updatedAt,
    });
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    app: { version: `ghost ${str(root?.db?.[0]?.meta?.version) || 'unknown'}` },
    tags: [...tags.values()],
    posts,
    projects: [],
    pages,
    skills: [],
    settings: [],
    media: [],
  };
}

/** Ghost's lexical when ours can render it, else its HTML, else its plain text. */
function contentOf(p: Row, note: (message: string) => void): LexicalDocument {
  if (typeof p.lexical === 'string' && p.lexical) {
    try {
      const state = normalize(JSON.parse(p.lexical) as LexicalState);
      renderLexical(state);
      return state as unknown as LexicalDocument;
    } catch (err) {
      const why = (err as { nodeType?: string }).nodeType
        ? `the Ghost card "${(err as { nodeType: string }).nodeType}"`
        : 'an unreadable Lexical state';
      if (typeof p.html === 'string' && p.html) note(`has ${why}: converted from its HTML instead`);
    }
  }
  if (typeof p.html === 'string' && p.html) return htmlToLexical(p.html) as unknown as LexicalDocument;
  if (typeof p.plaintext === 'string' && p.plaintext) {
    note('no HTML or usable Lexical: imported from its plain text');
    return htmlToLexical(
      p.plaintext
        .split(/\n{2,}/)
        .map((para) => `<p>${escape(para)}</p>`)
        .join(''),
    ) as unknown as LexicalDocument;
  }
  note('no content Ghost exported (mobiledoc only?): imported empty');
  return { root: { type: 'root', children: [] } };
}

function normalize(state: LexicalState): LexicalState {
  const walk = (node: Row): Row => {
    const type = NODE_ALIASES[str(node.type)] ?? node.type;
    const out: Row = { ...node, type };
    if (type === 'image' && node.alt !== undefined && node.altText === undefined) out.altText = node.alt;
    if (Array.isArray(node.children)) out.children = (node.children as Row[]).map(walk);
    return out;
  };
  if (!state?.root || state.root.type !== 'root') throw new Error('not a Lexical state');
  return { root: walk(state.root as Row) as LexicalState['root'] };
}

/** A post's tags, at most the 20 the post endpoints take (the rest are noted). */
function postTagsOf(slugs: string[] | undefined, note: (message: string) => void): string[] {
  const all = [...new Set(slugs ?? [])];
  if (all.length > 20) note(`${all.length} tags: only the first 20 were imported`);
  return all.slice(0, 20);
}

/** A canonical URL as the post endpoints take it (`WebUrl`: absolute http(s)); anything else is dropped and noted. */
function webUrl(v: unknown, note: (message: string) => void): string | null {
  const url = opt(v)?.trim();
  if (!url) return null;
  if (url.length <= 2048 && /^https?:\/\/\S+$/.test(url)) return url;
  note(`canonical URL ${JSON.stringify(url.slice(0, 100))} is not an http(s) URL: not imported`);
  return null;
}

function validSlug(slug: string, title: string, max: number): string {
  return SLUG_PATTERN.test(slug) && slug.length <= max ? slug : slugify(title, max);
}

function group(rows: Row[] | undefined, key: string, value: (r: Row) => string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const sorted = [...(rows ?? [])].sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0));
  for (const r of sorted) {
    const v = value(r);
    if (v) out.set(str(r[key]), [...(out.get(str(r[key])) ?? []), v]);
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
