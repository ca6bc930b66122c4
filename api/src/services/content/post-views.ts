import type { AdminPost, AdminPostSummary, PostChanges, PublicPost, PublicPostSummary } from '../../dtos/post.dto.js';
import type { LexicalDocument, PublicImage, TagView } from '../../dtos/content.dto.js';
import type { PostSummaryRow, PostWithAuthor, TagRow } from '../../repositories/post.repository.js';

export function tagView(t: TagRow): TagView {
  return { id: t.id, name: t.name, slug: t.slug, description: t.description };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function adminPost(p: PostWithAuthor, tags: TagRow[]): AdminPost {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    excerpt: p.excerpt,
    content: p.content as unknown as LexicalDocument,
    html: p.html,
    toc: p.toc,
    readingTimeMinutes: p.readingTimeMinutes,
    coverMediaId: p.coverMediaId,
    tags: tags.map(tagView),
    author: { id: p.authorId, name: p.authorName },
    seo: seo(p),
    featured: p.featured,
    language: p.language ?? null,
    status: p.status,
    publishedAt: iso(p.publishedAt),
    scheduledAt: iso(p.scheduledAt),
    version: p.version,
    pendingChanges: p.pendingChanges ? { ...p.pendingChanges, changes: p.pendingChanges.changes as PostChanges } : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function adminSummary(p: PostSummaryRow, tags: TagRow[]): AdminPostSummary {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    excerpt: p.excerpt,
    status: p.status,
    featured: p.featured,
    author: { id: p.authorId, name: p.authorName },
    tags: tags.map(tagView),
    publishedAt: iso(p.publishedAt),
    scheduledAt: iso(p.scheduledAt),
    hasPendingChanges: Boolean(Number(p.hasPendingChanges ?? 0)),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export type ImageMap = Map<string, PublicImage>;

export function publicSummary(p: PostSummaryRow, tags: TagRow[], images: ImageMap = new Map()): PublicPostSummary {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    excerpt: p.excerpt,
    coverMediaId: p.coverMediaId,
    cover: (p.coverMediaId && images.get(p.coverMediaId)) || null,
    tags: tags.map(tagView),
    author: { id: p.authorId, name: p.authorName },
    featured: p.featured,
    language: p.language ?? null,
    readingTimeMinutes: p.readingTimeMinutes,
    publishedAt: (p.publishedAt ?? p.updatedAt).toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function publicPost(
  p: PostWithAuthor,
  tags: TagRow[],
  images: ImageMap = new Map(),
  bodyImageIds: string[] = [],
): PublicPost {
  return {
    ...publicSummary(p, tags, images),
    html: p.html,
    toc: p.toc,
    seo: seo(p),
    ogImage: (p.ogImageMediaId && images.get(p.ogImageMediaId)) || null,
    bodyImages: bodyImageIds.map((id) => images.get(id)).filter((i): i is PublicImage => Boolean(i)),
  };
}

/**
 * The content hashes of the library images a rendered body shows: their URLs (original or variant)
 * hold `media/<sha256>/`. In order of first appearance, each once.
 */
export function bodyMediaShas(html: string): string[] {
  return [...new Set([...html.matchAll(/<img [^>]*?src="[^"]*?\/media\/([0-9a-f]{64})\//g)].map((m) => m[1]!))];
}

/** Media ids a list of posts shows (covers and OG images). */
export function imageIdsOf(posts: Pick<PostSummaryRow, 'coverMediaId' | 'ogImageMediaId'>[]): string[] {
  return [
    ...new Set(posts.flatMap((p) => [p.coverMediaId, p.ogImageMediaId]).filter((id): id is string => Boolean(id))),
  ];
}

function seo(p: PostSummaryRow) {
  return {
    title: p.seoTitle,
    description: p.seoDescription,
    canonicalUrl: p.canonicalUrl,
    ogImageMediaId: p.ogImageMediaId,
  };
}
