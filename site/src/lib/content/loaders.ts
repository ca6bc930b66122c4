import type { Loader, LoaderContext } from 'astro/loaders';
import { apiClient, must, type ApiClient, type Schemas } from '../api-client.ts';
import { syncList, syncPosts, type SyncStats, type SyncStore } from './sync.ts';

/**
 * Content-layer loaders that read the CMS API at build time. Astro keeps their data store and meta
 * (the posts sync cursor) in its cacheDir between builds, so each build only fetches what changed.
 * The builder passes SITE_API_URL (and its key, SITE_BUILDER_KEY) in the environment. Images come
 * embedded in posts and projects (cover, ogImage, images, with their variants).
 */
function client(logger: LoaderContext['logger']): ApiClient {
  const baseUrl = process.env.SITE_API_URL || process.env.PUBLIC_API_URL || 'http://127.0.0.1:8000';
  return apiClient({
    baseUrl,
    apiKey: process.env.SITE_BUILDER_KEY || undefined,
    log: (m) => logger.warn(m),
    fresh: true,
  });
}

/**
 * SITE_OFFLINE_BUILD=1 (the nginx image build, where no API runs) lets a build without the API
 * succeed with empty collections; the builder never sets it, so there an unreachable API fails the
 * build and the live release stays. Under the resident renderer (SITE_RESIDENT=1) the loaders read
 * nothing: it keeps the content in memory itself (scripts/lib/resident/) and the pages read that.
 */
async function guarded(ctx: LoaderContext, load: () => Promise<void>): Promise<void> {
  // The resident renderer syncs the content itself and hands it to the pages (site-data.ts).
  if (process.env.SITE_RESIDENT === '1') return;
  try {
    await load();
  } catch (err) {
    if (process.env.SITE_OFFLINE_BUILD !== '1') throw err;
    ctx.logger.warn(
      `${ctx.collection}: API unreachable, building without it (SITE_OFFLINE_BUILD): ${(err as Error).message}`,
    );
  }
}

const report = (ctx: LoaderContext, s: SyncStats) =>
  ctx.logger.info(
    `${ctx.collection}: ${s.changed} changed, ${s.removed} removed, ${s.unchanged} unchanged` +
      (s.requests ? `, ${s.requests} requests` : '') +
      (s.missedByCursor ? `, ${s.missedByCursor} missed by the cursor` : ''),
  );

// Astro's store holds loosely typed data; these loaders are the only writers, so the cast is safe.
const typed = <T>(store: LoaderContext['store']) => store as unknown as SyncStore<T>;

export function postsLoader(): Loader {
  return {
    name: 'omervision-posts',
    load: (ctx) =>
      guarded(ctx, async () => {
        report(
          ctx,
          await syncPosts(client(ctx.logger), typed(ctx.store), ctx.meta, (p) =>
            ctx.generateDigest(p as unknown as Record<string, unknown>),
          ),
        );
      }),
  };
}

/** A collection read whole from one endpoint each build. */
function listLoader<T>(name: string, fetchAll: (api: ApiClient) => Promise<T[]>, idOf: (item: T) => string): Loader {
  return {
    name: `omervision-${name}`,
    load: (ctx) =>
      guarded(ctx, async () => {
        const items = await fetchAll(client(ctx.logger));
        report(
          ctx,
          syncList(items, idOf, typed<T>(ctx.store), (d) =>
            ctx.generateDigest(d as unknown as Record<string, unknown>),
          ),
        );
      }),
  };
}

/** The collections read whole from one endpoint, by name: the loaders below and the resident renderer use them. */
export const LIST_SOURCES = {
  projects: {
    fetchAll: async (api: ApiClient) => must('GET /api/v1/projects', await api.GET('/api/v1/projects', {})),
    idOf: (p: Schemas['PublicProject']) => p.id,
  },
  pages: {
    fetchAll: async (api: ApiClient) => must('GET /api/v1/pages', await api.GET('/api/v1/pages', {})),
    idOf: (p: Schemas['PublicPage']) => p.id,
  },
  skills: {
    fetchAll: async (api: ApiClient) => must('GET /api/v1/skills', await api.GET('/api/v1/skills', {})),
    idOf: (s: Schemas['SkillView']) => s.id,
  },
  tags: {
    fetchAll: async (api: ApiClient) => must('GET /api/v1/tags', await api.GET('/api/v1/tags', {})),
    idOf: (t: Schemas['TagWithCount']) => t.slug,
  },
  apps: {
    fetchAll: async (api: ApiClient) => must('GET /api/v1/paas/apps', await api.GET('/api/v1/paas/apps', {})),
    idOf: (a: Schemas['PublicAppListing']) => a.slug,
  },
  /** One entry, `site`: title, locale, author, social links and navigation (global: every page depends on it). */
  settings: {
    fetchAll: async (api: ApiClient) => [must('GET /api/v1/settings', await api.GET('/api/v1/settings', {}))],
    idOf: (_: Schemas['PublicSiteSettings']) => 'site',
  },
} as const;

export const projectsLoader = () => listLoader('projects', LIST_SOURCES.projects.fetchAll, LIST_SOURCES.projects.idOf);
export const pagesLoader = () => listLoader('pages', LIST_SOURCES.pages.fetchAll, LIST_SOURCES.pages.idOf);
export const skillsLoader = () => listLoader('skills', LIST_SOURCES.skills.fetchAll, LIST_SOURCES.skills.idOf);
export const tagsLoader = () => listLoader('tags', LIST_SOURCES.tags.fetchAll, LIST_SOURCES.tags.idOf);
export const appsLoader = () => listLoader('apps', LIST_SOURCES.apps.fetchAll, LIST_SOURCES.apps.idOf);
export const settingsLoader = () => listLoader('settings', LIST_SOURCES.settings.fetchAll, LIST_SOURCES.settings.idOf);
