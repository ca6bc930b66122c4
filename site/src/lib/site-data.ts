import { createHash } from 'node:crypto';
import { getCollection, getEntry } from 'astro:content';
import type { Schemas } from './api-client.ts';
import { contentSource, type CollectionName, type Entry } from './content/source.ts';

export type Post = Schemas['PublicPost'];
export type Project = Schemas['PublicProject'];
export type SitePage = Schemas['PublicPage'];
export type Image = Schemas['PublicImage'];
export type Tag = Schemas['TagWithCount'];
export type Skill = Schemas['SkillView'];
export type Settings = Schemas['PublicSiteSettings'];
export type DemoApp = Schemas['PublicDemoApp'];
export type AppListing = Schemas['PublicAppListing'];

export type { Entry };

/** Every page shows the settings (title, navigation, footer); their digest is part of every cache key. */
export const FALLBACK_SETTINGS: Settings = {
  site: { title: 'OmerVision', description: '', locale: 'tr-TR', tagline: '', accentColor: null },
  author: { name: '', email: '', bio: '', role: '', avatar: null },
  social: [],
  navigation: [],
};

async function entries<T>(name: Exclude<CollectionName, 'settings'>): Promise<Entry<T>[]> {
  const source = contentSource();
  if (source) return source.entries(name) as Entry<T>[];
  const list = await getCollection(name);
  return list.map((e) => ({ id: e.id, data: e.data as T, digest: String((e as { digest?: string }).digest ?? '') }));
}

let sortedPosts: { generation: number; list: Entry<Post>[] } | null = null;

/** Published posts, newest first. */
export async function posts(): Promise<Entry<Post>[]> {
  const source = contentSource();
  if (source && sortedPosts?.generation === source.generation) return sortedPosts.list;
  const list = (await entries<Post>('posts')).sort(
    (a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt) || b.id.localeCompare(a.id),
  );
  if (source) sortedPosts = { generation: source.generation, list };
  return list;
}

export async function projects(): Promise<Entry<Project>[]> {
  return (await entries<Project>('projects')).sort(
    (a, b) => a.data.sortOrder - b.data.sortOrder || a.data.title.localeCompare(b.data.title),
  );
}

export const pages = () => entries<SitePage>('pages');
/** PaaS apps marked public, with their status as of this build (the /paas/ page refreshes it). */
export const apps = async () =>
  (await entries<AppListing>('apps')).map((e) => e.data).sort((a, b) => a.name.localeCompare(b.name));
export const skills = async () =>
  (await entries<Skill>('skills'))
    .map((e) => e.data)
    .sort((a, b) => a.category.localeCompare(b.category) || a.sortOrder - b.sortOrder);
export const tags = async () =>
  (await entries<Tag>('tags'))
    .map((e) => e.data)
    .sort((a, b) => b.postCount - a.postCount || a.name.localeCompare(b.name));

export async function settingsEntry(): Promise<Entry<Settings>> {
  const source = contentSource();
  if (source) {
    const found = source.entries('settings').find((e) => e.id === 'site') as Entry<Settings> | undefined;
    return found ?? { id: 'site', data: FALLBACK_SETTINGS, digest: 'fallback' };
  }
  const e = await getEntry('settings', 'site');
  return e
    ? { id: e.id, data: e.data as Settings, digest: String((e as { digest?: string }).digest ?? '') }
    : { id: 'site', data: FALLBACK_SETTINGS, digest: 'fallback' };
}

export async function settings(): Promise<Settings> {
  return (await settingsEntry()).data;
}

/** A short stable key from digests and values: what an incremental build compares page by page. */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

/** The part of every cache key that stands for global data (settings, navigation). */
export async function globalKey(): Promise<string> {
  // The footer shows the year: a new year re-renders every page once.
  return `${(await settingsEntry()).digest}:${new Date().getUTCFullYear()}`;
}

/** The API as browsers reach it (contact form, previews, PaaS status). */
export function publicApiUrl(): string {
  return (process.env.PUBLIC_API_URL || 'http://127.0.0.1:8000').replace(/\/+$/, '');
}

// 20 a page: half as many listing pages to re-render when a new post shifts them all.
export const PAGE_SIZE = 20;

/** Paths the site uses itself; a CMS page with one of these slugs is not published at the root (`about` has its own page). */
export const RESERVED_SLUGS = new Set([
  'about',
  'blog',
  'tags',
  'projects',
  'contact',
  'paas',
  'preview',
  'search',
  'search-index.json',
  '404',
  'rss.xml',
  'sitemap.xml',
  'robots.txt',
  '_astro',
  '_builder',
]);

/** `[...page]` params for a paginated list: undefined for page 1, `page/2` onwards. */
export function paginate<T>(
  items: T[],
  size = PAGE_SIZE,
): { param: string | undefined; page: number; pages: number; items: T[] }[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    param: i === 0 ? undefined : `page/${i + 1}`,
    page: i + 1,
    pages,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

export function pageHref(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}
