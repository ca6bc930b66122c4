import type { LexicalDocument, PublicImage, TagView, TocEntry, WebUrl } from './content.dto.js';

export type PostStatus = 'draft' | 'scheduled' | 'published' | 'archived';

/** A language a post may be written in; `null` (or absent) means the site's language. */
export type PostLanguage = 'tr' | 'en';

export interface PostSeo {
  /** @maxLength 300 */
  title?: string | null;
  /** @maxLength 500 */
  description?: string | null;
  canonicalUrl?: WebUrl | null;
  /** A media id (UUID). @maxLength 36 */
  ogImageMediaId?: string | null;
}

export interface CreatePostRequest {
  /** @minLength 1 @maxLength 300 */
  title: string;
  /** Generated from the title when omitted (Turkish letters transliterated). @maxLength 200 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug?: string;
  /** @maxLength 1000 */
  excerpt?: string;
  content: LexicalDocument;
  /** A media id (UUID). @maxLength 36 */
  coverMediaId?: string | null;
  /** Tag names; unknown ones are created. @maxItems 20 */
  tags?: string[];
  seo?: PostSeo;
  featured?: boolean;
  /** The post's own language (`tr` or `en`); `null` or absent: the site's language. */
  language?: PostLanguage | null;
}

/** The editable fields of a post; each one left out stays as it is, `null` clears an optional one. */
export interface PostChanges {
  /** @minLength 1 @maxLength 300 */
  title?: string;
  /** The old slug keeps working as a redirect once the post was public. @maxLength 200 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug?: string;
  /** @maxLength 1000 */
  excerpt?: string;
  content?: LexicalDocument;
  /** A media id (UUID); `null` removes the cover. @maxLength 36 */
  coverMediaId?: string | null;
  /** @maxItems 20 */
  tags?: string[];
  seo?: PostSeo;
  featured?: boolean;
  /** The post's own language (`tr` or `en`); `null` goes back to the site's language. */
  language?: PostLanguage | null;
}

export interface UpdatePostRequest extends PostChanges {
  /** The version you edited; a different current version answers 409 (someone else saved). @isInt */
  version?: number;
}

/**
 * Edits to a published post that are not live yet: autosaved with `PUT …/pending`, made live with
 * `POST …/pending/publish` (one revision), dropped with `DELETE …/pending`.
 */
export interface PendingPostChanges {
  changes: PostChanges;
  /** The post version the edits were made on. */
  baseVersion: number;
  savedAt: string;
  savedBy: string | null;
}

export interface PublishPendingRequest {
  /** The live version the pending changes were made on; a different one answers 409. @isInt */
  version?: number;
}

export interface SchedulePostRequest {
  /** When to publish (ISO 8601, in the future). @format date-time */
  at: string;
}

export interface PostAuthor {
  id: string;
  name: string;
}

export interface AdminPost {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  content: LexicalDocument;
  html: string;
  toc: TocEntry[];
  readingTimeMinutes: number;
  coverMediaId: string | null;
  tags: TagView[];
  author: PostAuthor;
  seo: PostSeo;
  featured: boolean;
  /** The post's own language; null: the site's. */
  language: PostLanguage | null;
  status: PostStatus;
  publishedAt: string | null;
  scheduledAt: string | null;
  version: number;
  /** Published posts only: saved edits not live yet (null when there are none). */
  pendingChanges: PendingPostChanges | null;
  createdAt: string;
  updatedAt: string;
}

export interface AdminPostSummary {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  status: PostStatus;
  featured: boolean;
  author: PostAuthor;
  tags: TagView[];
  publishedAt: string | null;
  scheduledAt: string | null;
  /** A published post with saved edits that are not live yet. */
  hasPendingChanges: boolean;
  updatedAt: string;
}

export interface PostRevision {
  id: string;
  revision: number;
  title: string;
  excerpt: string;
  savedBy: string | null;
  createdAt: string;
}

export interface PostRevisionDetail extends PostRevision {
  content: LexicalDocument;
}

export interface PreviewLink {
  /** Signed, 30 minutes. */
  token: string;
  expiresAt: string;
  /** The site's preview page for this draft. */
  url: string;
}

/** What visitors and third parties see: published posts only. */
export interface PublicPostSummary {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  coverMediaId: string | null;
  cover: PublicImage | null;
  tags: TagView[];
  author: PostAuthor;
  featured: boolean;
  /** The post's own language (`tr`/`en`); null: the site's language. */
  language: PostLanguage | null;
  readingTimeMinutes: number;
  publishedAt: string;
  updatedAt: string;
}

export interface PublicPost extends PublicPostSummary {
  html: string;
  toc: TocEntry[];
  seo: PostSeo;
  ogImage: PublicImage | null;
  /** The library images the body shows (matched by their URL in `html`), with their responsive variants. */
  bodyImages: PublicImage[];
}

/** A page of published posts (cursor pagination). */
/** The answer of an old slug (301): where the post lives now. */
export interface PostMoved {
  /** The post's current slug (`Location` carries its URL). */
  slug: string;
}

export interface PublicPostPage {
  items: PublicPostSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A page of posts in the admin (cursor pagination). */
export interface AdminPostPage {
  items: AdminPostSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}
