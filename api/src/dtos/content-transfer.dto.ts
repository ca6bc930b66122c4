import type { NavItems, SiteSettings, SocialLinks } from './catalog.dto.js';
import type { LexicalDocument, WebUrl } from './content.dto.js';

/**
 * The content export (`GET /api/v1/admin/export`), which `POST /api/v1/admin/import` takes back.
 * Items are matched by natural keys (slugs; a skill by category + name; a setting by key), never
 * by id, so a file moves between installations. Media travel as references only. Fields take the
 * same values as the editors' endpoints (shared types such as `WebUrl`, `SiteLink`, `NavItems`).
 */
export interface ContentExport {
  format: 'omervision-content';
  /** @isInt */
  version: number;
  /** ISO 8601. */
  exportedAt: string;
  app: { version: string };
  tags: ExportedTag[];
  posts: ExportedPost[];
  projects: ExportedProject[];
  pages: ExportedPage[];
  skills: ExportedSkill[];
  settings: ExportedSetting[];
  /** Media the content points at, by id (as used in the items), sha256 (matched on import) and URL. */
  media: MediaReference[];
}

export interface MediaReference {
  /** @maxLength 36 */
  id: string;
  /** @pattern ^[0-9a-f]{64}$ */
  sha256: string;
  /** @maxLength 2048 */
  url: string;
  /** @maxLength 255 */
  filename: string;
  /** @maxLength 500 */
  alt: string;
  /** @maxLength 127 */
  mimeType: string;
}

export interface ExportedTag {
  /** @minLength 1 @maxLength 100 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug: string;
  /** @minLength 1 @maxLength 80 */
  name: string;
  /** @maxLength 500 */
  description: string;
  updatedAt: string;
}

export type ExportedPostStatus = 'draft' | 'scheduled' | 'published' | 'archived';

export interface ExportedPost {
  /** @minLength 1 @maxLength 200 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug: string;
  /** @minLength 1 @maxLength 300 */
  title: string;
  /** @maxLength 1000 */
  excerpt: string;
  // The latest revision's content. (A line comment: a JSDoc would put a description beside the
  // LexicalDocument $ref, which 3.0 ignores and the fuzz suite's Lexical detection does not follow.)
  content: LexicalDocument;
  status: ExportedPostStatus;
  featured: boolean;
  /** The post's own language; null or absent (files from before it existed): the site's. */
  language?: 'tr' | 'en' | null;
  publishedAt: string | null;
  scheduledAt: string | null;
  seo: ExportedSeo;
  /** @maxLength 36 */
  coverMediaId: string | null;
  /** @maxLength 36 */
  ogImageMediaId: string | null;
  /** Tag slugs, in display order. @maxItems 20 */
  tags: string[];
  /** Matched to a user by e-mail on import; otherwise the importing user becomes the author. */
  author: ExportedAuthor | null;
  /** @isInt */
  revision: number;
  /** @isInt */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ExportedSeo {
  /** @maxLength 300 */
  title: string | null;
  /** @maxLength 500 */
  description: string | null;
  canonicalUrl: WebUrl | null;
}

export interface ExportedAuthor {
  /** @maxLength 254 */
  email: string;
  /** @maxLength 120 */
  name: string;
}

export interface ExportedProject {
  /** @minLength 1 @maxLength 200 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug: string;
  /** @minLength 1 @maxLength 300 */
  title: string;
  /** @maxLength 1000 */
  summary: string;
  body: LexicalDocument;
  /** @maxItems 30 */
  techStack: string[];
  repoUrl: WebUrl | null;
  liveUrl: WebUrl | null;
  /** @maxItems 30 */
  imageIds: string[];
  /** @isInt */
  sortOrder: number;
  featured: boolean;
  status: 'draft' | 'published';
  publishedAt: string | null;
  updatedAt: string;
}

export interface ExportedPage {
  /** @minLength 1 @maxLength 200 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug: string;
  /** @minLength 1 @maxLength 300 */
  title: string;
  content: LexicalDocument;
  /** @maxLength 300 */
  seoTitle: string | null;
  /** @maxLength 500 */
  seoDescription: string | null;
  status: 'draft' | 'published';
  publishedAt: string | null;
  updatedAt: string;
}

export interface ExportedSkill {
  /** @minLength 1 @maxLength 80 */
  name: string;
  /** @minLength 1 @maxLength 80 */
  category: string;
  /** @isInt @minimum 0 @maximum 100 */
  level: number;
  /** @isInt */
  sortOrder: number;
  updatedAt: string;
}

/**
 * One settings group, by key; its value has the shape `PATCH /api/v1/admin/settings` takes for that
 * group (and is checked the same way).
 */
export type ExportedSetting =
  ExportedSiteSetting | ExportedAuthorSetting | ExportedSocialSetting | ExportedNavigationSetting;

export interface ExportedSiteSetting {
  key: 'site';
  value: SiteSettings['site'];
  updatedAt: string;
}

export interface ExportedAuthorSetting {
  key: 'author';
  value: SiteSettings['author'];
  updatedAt: string;
}

export interface ExportedSocialSetting {
  key: 'social';
  value: SocialLinks;
  updatedAt: string;
}

export interface ExportedNavigationSetting {
  key: 'navigation';
  value: NavItems;
  updatedAt: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  /** Already identical, or the copy here is newer. */
  skipped: number;
}

/** Something that was not imported, or not completely. */
export interface ImportNote {
  /** post, page, tag, media, ghost, … */
  type: string;
  /** Slug, key or table name. */
  key: string;
  message: string;
}

export interface ImportReport {
  tags: ImportCounts;
  posts: ImportCounts;
  projects: ImportCounts;
  pages: ImportCounts;
  skills: ImportCounts;
  settings: ImportCounts;
  notes: ImportNote[];
}
