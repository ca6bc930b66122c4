import type { LexicalDocument, PublicImage, SiteLink, TocEntry } from './content.dto.js';
import type { PaasAppStatus } from './paas.dto.js';

export type PublishStatus = 'draft' | 'published';

/**
 * A project's fields for a PATCH: each one left out stays as it is, `null` clears an optional one.
 * (Spelled out rather than `Partial<ProjectInput>`: tsoa drops `null` and alias rules inside Partial<>.)
 */
export interface ProjectPatch {
  /** @minLength 1 @maxLength 300 */
  title?: string;
  /** @maxLength 200 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug?: string;
  /** @maxLength 1000 */
  summary?: string;
  body?: LexicalDocument;
  /** @maxItems 30 */
  techStack?: string[];
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

export interface ProjectInput extends ProjectPatch {
  /** @minLength 1 @maxLength 300 */
  title: string;
}

/** The fields of a project the admin and the public site both see. */
export interface ProjectFields {
  id: string;
  slug: string;
  title: string;
  summary: string;
  html: string;
  techStack: string[];
  repoUrl: string | null;
  liveUrl: string | null;
  imageIds: string[];
  sortOrder: number;
  featured: boolean;
  /** The PaaS app that runs the live demo, or null. */
  paasAppId: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface ProjectView extends ProjectFields {
  body: LexicalDocument;
  status: PublishStatus;
}

/** A published project as the public site gets it (no editor state or status), with its images and live demo. */
export interface PublicProject extends ProjectFields {
  images: PublicImage[];
  /** The PaaS app that runs the project's live demo (`paasAppId`), or null when none is linked (or it was deleted). */
  app: PublicDemoApp | null;
}

/** A PaaS app as the public site shows it. `status` is the app's state when this answer was made. */
export interface PublicDemoApp {
  slug: string;
  name: string;
  status: PaasAppStatus;
  /** Where the app answers (its own origin on the app router). */
  url: string;
}

/** An app marked public (the site's /paas/ page), with the published project it is the demo of. */
export interface PublicAppListing extends PublicDemoApp {
  project: { slug: string; title: string } | null;
}

/** A page's fields for a PATCH: each one left out stays as it is, `null` clears an optional one. */
export interface PagePatch {
  /** @minLength 1 @maxLength 300 */
  title?: string;
  /** e.g. `about`. @minLength 1 @maxLength 200 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug?: string;
  content?: LexicalDocument;
  /** @maxLength 300 */
  seoTitle?: string | null;
  /** @maxLength 500 */
  seoDescription?: string | null;
}

export interface PageInput extends PagePatch {
  /** @minLength 1 @maxLength 300 */
  title: string;
  /** e.g. `about`. @minLength 1 @maxLength 200 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug: string;
  content: LexicalDocument;
}

/** A published page as the public site gets it (no editor state or status); the admin's view adds those. */
/** What the admin and public views of a page share. */
export interface PageBase {
  id: string;
  slug: string;
  title: string;
  html: string;
  toc: TocEntry[];
  seoTitle: string | null;
  seoDescription: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface PublicPage extends PageBase {
  /** The library images the body shows, with their variants (for responsive rendering). */
  bodyImages: PublicImage[];
}

export interface PageView extends PageBase {
  content: LexicalDocument;
  status: PublishStatus;
}

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

/** A skill's fields for a PATCH: each one left out stays as it is. */
export interface SkillPatch {
  /** @minLength 1 @maxLength 80 */
  name?: string;
  /** @minLength 1 @maxLength 80 */
  category?: string;
  /** 0–100. @isInt @minimum 0 @maximum 100 */
  level?: number;
  /** @isInt */
  sortOrder?: number;
}

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

/** A tag's fields for a PATCH: each one left out stays as it is. */
export interface TagPatch {
  /** @minLength 1 @maxLength 80 */
  name?: string;
  /** @maxLength 100 @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ */
  slug?: string;
  /** @maxLength 500 */
  description?: string;
}

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
    /** One line under the author's name on the home page (the description when unset). @maxLength 200 */
    tagline?: string;
    /** The site's accent colour, `#rrggbb` (links, buttons, highlights). @pattern ^#[0-9a-fA-F]{6}$ */
    accentColor?: string | null;
  };
  author: {
    /** @maxLength 120 */
    name: string;
    /** @maxLength 254 */
    email: string;
    /** @maxLength 1000 */
    bio: string;
    /** What the author does, e.g. `Full-stack developer`. @maxLength 120 */
    role?: string;
    /** A media id: the author's photo on the home and about pages. @maxLength 36 */
    avatarId?: string | null;
  };
  social: SocialLinks;
  navigation: NavItems;
}

/** The settings as the public API gives them: every optional field present and the avatar resolved. */
export interface PublicSiteSettings {
  site: {
    title: string;
    description: string;
    locale: string;
    tagline: string;
    accentColor: string | null;
  };
  author: {
    name: string;
    /** Always empty: visitors reach the author through the contact form. */
    email: string;
    bio: string;
    role: string;
    avatar: PublicImage | null;
  };
  social: SocialLink[];
  navigation: NavItem[];
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
