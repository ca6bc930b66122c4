import type { AdminPost, LexicalDocument, Schemas } from '../../api/types';

/** The editable fields of a post as the form holds them. */
export interface PostDraft {
  title: string;
  slug: string;
  excerpt: string;
  /** Comma-separated tag names (unknown ones are created by the API). */
  tags: string;
  featured: boolean;
  /** The post's own language; null: the site's. */
  language: 'tr' | 'en' | null;
  coverMediaId: string | null;
  seo: { title: string; description: string; canonicalUrl: string; ogImageMediaId: string | null };
}

export const EMPTY_DRAFT: PostDraft = {
  title: '',
  slug: '',
  excerpt: '',
  tags: '',
  featured: false,
  language: null,
  coverMediaId: null,
  seo: { title: '', description: '', canonicalUrl: '', ogImageMediaId: null },
};

export const EMPTY_DOC: LexicalDocument = {
  root: {
    type: 'root',
    children: [{ type: 'paragraph', children: [], version: 1 }],
    version: 1,
  } as LexicalDocument['root'],
};

/** The form for a post: its pending changes (edits not live yet) over the saved fields. */
export function draftOf(post: AdminPost): PostDraft {
  const p = post.pendingChanges?.changes ?? {};
  const seo = { ...post.seo, ...p.seo };
  return {
    title: p.title ?? post.title,
    slug: p.slug ?? post.slug,
    excerpt: p.excerpt ?? post.excerpt,
    tags: p.tags ? p.tags.join(', ') : post.tags.map((t) => t.name).join(', '),
    featured: p.featured ?? post.featured,
    language: p.language !== undefined ? p.language : post.language,
    coverMediaId: p.coverMediaId !== undefined ? p.coverMediaId : post.coverMediaId,
    seo: {
      title: seo.title ?? '',
      description: seo.description ?? '',
      canonicalUrl: seo.canonicalUrl ?? '',
      ogImageMediaId: seo.ogImageMediaId ?? null,
    },
  };
}

/** The body the editor shows: the pending one when there is one. */
export function contentOf(post: AdminPost): LexicalDocument {
  return post.pendingChanges?.changes.content ?? post.content;
}

export function tagList(tags: string): string[] {
  const seen = new Set<string>();
  return tags
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

/** The request body for create and update (empty optional strings become null/absent). */
export function bodyOf(draft: PostDraft, content: LexicalDocument): Schemas['CreatePostRequest'] {
  return {
    title: draft.title.trim(),
    ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}),
    excerpt: draft.excerpt,
    content,
    tags: tagList(draft.tags),
    featured: draft.featured,
    language: draft.language,
    coverMediaId: draft.coverMediaId,
    seo: {
      title: draft.seo.title.trim() || null,
      description: draft.seo.description.trim() || null,
      canonicalUrl: draft.seo.canonicalUrl.trim() || null,
      ogImageMediaId: draft.seo.ogImageMediaId,
    },
  };
}
