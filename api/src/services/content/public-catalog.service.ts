import { createHash } from 'node:crypto';
import type {
  PublicAppListing,
  PublicDemoApp,
  PublicPage,
  PublicProject,
  PublicSiteSettings,
  SiteSettings,
  SkillView,
  TagWithCount,
} from '../../dtos/catalog.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { CacheEntry } from '../../repositories/cache.repository.js';
import type {
  DocumentRepository,
  DocumentTable,
  PageRepository,
  ProjectRepository,
} from '../../repositories/document.repository.js';
import type { SettingsRepository } from '../../repositories/settings.repository.js';
import type { TagRepository } from '../../repositories/tag.repository.js';
import type { SkillRepository } from '../../repositories/term.repository.js';
import { publicPage, publicProject, skillView, tagWithCount } from './catalog-views.js';
import { pageToc } from './document-kinds.js';
import { CACHE_NS } from './events.js';
import type { ImageLookup, ReadCache } from './public-posts.service.js';
import { DEFAULT_SETTINGS } from './settings.service.js';
import type { BodyImageLookup } from '../media/public-images.js';

/** Every PaaS app (a site has a handful), as the public catalog shows them. */
export type DemoAppLookup = () => Promise<{ id: string; isPublic: boolean; app: PublicDemoApp }[]>;

/**
 * Published projects and pages, skills, tags and settings, through the read cache. Two parts are
 * added after the cache, on every read, because they change without a content write: the status
 * of each project's demo app, and the settings' avatar (its variants appear after the upload).
 */
export class PublicCatalogService {
  constructor(
    private readonly repos: {
      projects: ProjectRepository;
      pages: PageRepository;
      skills: SkillRepository;
      tags: TagRepository;
      settings: SettingsRepository;
    },
    private readonly cache: ReadCache,
    private readonly images: ImageLookup,
    private readonly apps: DemoAppLookup,
    private readonly bodyImages: BodyImageLookup = async () => [],
  ) {}

  async listProjects(q: { featured?: boolean; updatedSince?: string }): Promise<CacheEntry<PublicProject[]>> {
    const since = parseSince(q.updatedSince);
    const entry = await this.cache.get(
      CACHE_NS.projects,
      `list:${q.featured ?? ''}:${since?.toISOString() ?? ''}`,
      async () => {
        const rows = await this.repos.projects.list({ publishedOnly: true, featured: q.featured, updatedSince: since });
        const images = await this.images([...new Set(rows.flatMap((r) => r.imageIds))]);
        return rows.map((r) => publicProject(r, images));
      },
    );
    if (!entry.value.some((p) => p.paasAppId)) return entry;
    const apps = await this.appsById();
    const value = entry.value.map((p) => ({ ...p, app: (p.paasAppId && apps.get(p.paasAppId)) || null }));
    return extended(
      entry,
      value,
      value.map((p) => p.app),
    );
  }

  async getProject(slug: string): Promise<CacheEntry<PublicProject>> {
    const entry = await this.published(CACHE_NS.projects, this.repos.projects, slug, 'project', async (row) =>
      publicProject(row, await this.images(row.imageIds)),
    );
    const project = entry.value;
    if (!project.paasAppId) return entry;
    const app = (await this.appsById()).get(project.paasAppId) ?? null;
    return extended(entry, { ...project, app }, app);
  }

  /** Apps marked public, by name, with the published project each one is the demo of. */
  async publicApps(): Promise<CacheEntry<PublicAppListing[]>> {
    const [apps, projects] = await Promise.all([this.apps(), this.listProjects({})]);
    const byApp = new Map(
      projects.value.flatMap((p) => (p.paasAppId ? [[p.paasAppId, { slug: p.slug, title: p.title }] as const] : [])),
    );
    const value = apps
      .filter((a) => a.isPublic)
      .map((a) => ({ ...a.app, project: byApp.get(a.id) ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
    return { value, etag: etagOf(JSON.stringify(value)) };
  }

  private async appsById(): Promise<Map<string, PublicDemoApp>> {
    return new Map((await this.apps()).map((a) => [a.id, a.app]));
  }

  listPages(): Promise<CacheEntry<PublicPage[]>> {
    return this.cache.get(CACHE_NS.pages, 'list', async () =>
      Promise.all(
        (await this.repos.pages.list({ publishedOnly: true })).map(async (p) =>
          publicPage(p, pageToc(p), await this.bodyImages(p.html)),
        ),
      ),
    );
  }

  getPage(slug: string): Promise<CacheEntry<PublicPage>> {
    return this.published(CACHE_NS.pages, this.repos.pages, slug, 'page', (row) =>
      this.bodyImages(row.html).then((images) => publicPage(row, pageToc(row), images)),
    );
  }

  /** The published document with this slug, through the cache (a miss is cached as null too). */
  private async published<T extends DocumentTable, V>(
    namespace: string,
    repo: DocumentRepository<T>,
    slug: string,
    kind: 'project' | 'page',
    view: (row: T['$inferSelect']) => Promise<V>,
  ): Promise<CacheEntry<V>> {
    const entry = await this.cache.get(namespace, `slug:${slug}`, async () => {
      const row = await repo.findBySlug(slug);
      return row?.status === 'published' ? view(row) : null;
    });
    if (!entry.value) throw Errors.notFound(`No published ${kind} has this slug.`);
    return entry as CacheEntry<V>;
  }

  skills(): Promise<CacheEntry<SkillView[]>> {
    return this.cache.get(CACHE_NS.taxonomy, 'skills', async () => (await this.repos.skills.list()).map(skillView));
  }

  /** Tags with at least one published post. */
  tags(): Promise<CacheEntry<TagWithCount[]>> {
    return this.cache.get(CACHE_NS.taxonomy, 'tags', async () =>
      (await this.repos.tags.withCounts()).filter((t) => t.postCount > 0).map(tagWithCount),
    );
  }

  async settings(): Promise<CacheEntry<PublicSiteSettings>> {
    const entry = await this.cache.get(CACHE_NS.settings, 'all', async () => {
      const stored = await this.repos.settings.all();
      const { site, author, social, navigation } = { ...DEFAULT_SETTINGS, ...stored } as SiteSettings;
      return {
        site: {
          title: site.title,
          description: site.description,
          locale: site.locale,
          tagline: site.tagline ?? '',
          accentColor: site.accentColor ?? null,
        },
        // The author's e-mail is for the admin; the public gets the contact form.
        author: {
          name: author.name,
          email: '',
          bio: author.bio,
          role: author.role ?? '',
          avatarId: author.avatarId ?? null,
        },
        social,
        navigation,
      };
    });
    const { avatarId, ...author } = entry.value.author;
    const avatar = avatarId ? ((await this.images([avatarId])).get(avatarId) ?? null) : null;
    const value: PublicSiteSettings = { ...entry.value, author: { ...author, avatar } };
    return avatarId ? extended(entry, value, avatar) : { value, etag: entry.etag };
  }
}

function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}

/** A cached answer with `added` put in after the cache: the ETag covers both. */
function extended<T>(entry: CacheEntry<unknown>, value: T, added: unknown): CacheEntry<T> {
  return { value, etag: etagOf(`${entry.etag}${JSON.stringify(added)}`) };
}

function parseSince(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw Errors.validation('updatedSince is not a date.', [
      { field: 'query.updatedSince', message: 'must be an ISO 8601 date-time' },
    ]);
  return d;
}
