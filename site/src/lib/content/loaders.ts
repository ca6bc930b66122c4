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
  return apiClient({ baseUrl, apiKey: process.env.SITE_BUILDER_KEY || undefined, log: (m) => logger.warn(m) });
}

/**
 * SITE_OFFLINE_BUILD=1 (the nginx image build, where no API runs) lets a build without the API
 * succeed with empty collections; the builder never sets it, so there an unreachable API fails the
 * build and the live release stays.
 */
async function guarded(ctx: LoaderContext, load: () => Promise<void>): Promise<void> {
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

export const projectsLoader = () =>
  listLoader<Schemas['PublicProject']>(
    'projects',
    async (api) => must('GET /api/v1/projects', await api.GET('/api/v1/projects', {})),
    (p) => p.id,
  );

export const pagesLoader = () =>
  listLoader<Schemas['PublicPage']>(
    'pages',
    async (api) => must('GET /api/v1/pages', await api.GET('/api/v1/pages', {})),
    (p) => p.id,
  );

export const skillsLoader = () =>
  listLoader<Schemas['SkillView']>(
    'skills',
    async (api) => must('GET /api/v1/skills', await api.GET('/api/v1/skills', {})),
    (s) => s.id,
  );

export const tagsLoader = () =>
  listLoader<Schemas['TagWithCount']>(
    'tags',
    async (api) => must('GET /api/v1/tags', await api.GET('/api/v1/tags', {})),
    (t) => t.slug,
  );

export const appsLoader = () =>
  listLoader<Schemas['PublicAppListing']>(
    'apps',
    async (api) => must('GET /api/v1/paas/apps', await api.GET('/api/v1/paas/apps', {})),
    (a) => a.slug,
  );

/** One entry, `site`: title, locale, author, social links and navigation (global: every page depends on it). */
export const settingsLoader = () =>
  listLoader<Schemas['PublicSiteSettings']>(
    'settings',
    async (api) => [must('GET /api/v1/settings', await api.GET('/api/v1/settings', {}))],
    () => 'site',
  );
