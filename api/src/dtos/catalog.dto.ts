import type { LexicalDocument, PublicImage, SiteLink, TocEntry } from './content.dto.js';

export type PublishStatus = 'draft' | 'published';

export interface ProjectInput {
  /** @minLength 1 @maxLength 300 */
  title: string;
  /** @maxLength 200 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug?: string;
  /** @maxLength 1000 */
  summary?: string;
  body?: LexicalDocument;
  /** @maxItems 30 */
  techStack?: string[];
  // WebUrl's rule spelled out: tsoa drops an alias's rules inside Partial<> (ProjectPatch).
  /** @maxLength 2048 @pattern ^https?://\S+$ */
  repoUrl?: string | null;
  /** @maxLength 2048 @pattern ^https?://\S+$ */
  liveUrl?: string | null;
  /** Media ids, in display order. @maxItems 30 */
  imageIds?: string[];
  /** @isInt */
  sortOrder?: number;
  featured?: boolean;
  /** A PaaS app (its id) that runs this project (shown as a live demo). @maxLength 36 */
  paasAppId?: string | null;
}

export type ProjectPatch = Partial<ProjectInput>;

export interface ProjectView {
  id: string;
  slug: string;
  title: string;
  summary: string;
  body: LexicalDocument;
  html: string;
  techStack: string[];
  repoUrl: string | null;
  liveUrl: string | null;
  imageIds: string[];
  sortOrder: number;
  featured: boolean;
  status: PublishStatus;
  paasAppId: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface PublicProject extends Omit<ProjectView, 'body' | 'status'> {
  images: PublicImage[];
}

export interface PageInput {
  /** @minLength 1 @maxLength 300 */
  title: string;
  /** e.g. `about`. @minLength 1 @maxLength 200 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug: string;
  content: LexicalDocument;
  /** @maxLength 300 */
  seoTitle?: string | null;
  /** @maxLength 500 */
  seoDescription?: string | null;
}

export type PagePatch = Partial<PageInput>;

export interface PageView {
  id: string;
  slug: string;
  title: string;
  content: LexicalDocument;
  html: string;
  toc: TocEntry[];
  seoTitle: string | null;
  seoDescription: string | null;
  status: PublishStatus;
  publishedAt: string | null;
  updatedAt: string;
}

export type PublicPage = Omit<PageView, 'content' | 'status'>;

export interface SkillInput {
  /** @minLength 1 @maxLength 80 */
  name: string;
  /** @minLength 1 @maxLength 80 */
  category: string;
  /** 0–100. @isInt @minimum 0 @maximum 100 */
  level?: number;
  /** @isInt */
  sortOrder?: number;
}

export type SkillPatch = Partial<SkillInput>;

export interface SkillView {
  id: string;
  name: string;
  category: string;
  level: number;
  sortOrder: number;
}

export interface TagInput {
  /** @minLength 1 @maxLength 80 */
  name: string;
  /** @maxLength 100 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug?: string;
  /** @maxLength 500 */
  description?: string;
}

export type TagPatch = Partial<TagInput>;

export interface TagWithCount {
  id: string;
  name: string;
  slug: string;
  description: string;
  /** Published posts carrying the tag. */
  postCount: number;
}

export interface SocialLink {
  /** @minLength 1 @maxLength 60 */
  label: string;
  url: SiteLink;
}

export interface NavItem {
  /** @minLength 1 @maxLength 60 */
  label: string;
  href: SiteLink;
}

export interface SiteSettings {
  site: {
    /** @minLength 1 @maxLength 120 */
    title: string;
    /** @maxLength 500 */
    description: string;
    /** BCP 47, e.g. tr-TR. @maxLength 20 */
    locale: string;
  };
  author: {
    /** @maxLength 120 */
    name: string;
    /** @maxLength 254 */
    email: string;
    /** @maxLength 1000 */
    bio: string;
  };
  social: SocialLinks;
  navigation: NavItems;
}

/** @maxItems 20 */
export type SocialLinks = SocialLink[];

/** @maxItems 20 */
export type NavItems = NavItem[];

/** Any subset of the settings groups; each group given is replaced whole. */
export interface SiteSettingsPatch {
  site?: SiteSettings['site'];
  author?: SiteSettings['author'];
  social?: SocialLinks;
  navigation?: NavItems;
}
