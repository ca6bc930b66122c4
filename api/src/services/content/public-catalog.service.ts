import type { PublicPage, PublicProject, SiteSettings, SkillView, TagWithCount } from '../../dtos/catalog.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { CacheEntry } from '../../repositories/cache.repository.js';
import type { PageRepository, ProjectRepository } from '../../repositories/project.repository.js';
import type { TaxonomyRepository } from '../../repositories/taxonomy.repository.js';
import { publicPage, publicProject, skillView, tagWithCount } from './catalog-views.js';
import { CACHE_NS } from './events.js';
import type { ImageLookup, ReadCache } from './public-content.service.js';
import { renderRichText } from './rich-text.js';
import { DEFAULT_SETTINGS } from './taxonomy.service.js';

/** Published projects and pages, skills, tags and settings, through the read cache. */
export class PublicCatalogService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly pages: PageRepository,
    private readonly taxonomy: TaxonomyRepository,
    private readonly cache: ReadCache,
    private readonly images: ImageLookup,
  ) {}

  listProjects(q: { featured?: boolean; updatedSince?: string }): Promise<CacheEntry<PublicProject[]>> {
    const since = parseSince(q.updatedSince);
    return this.cache.get(CACHE_NS.projects, `list:${q.featured ?? ''}:${since?.toISOString() ?? ''}`, async () => {
      const rows = await this.projects.list({ publishedOnly: true, featured: q.featured, updatedSince: since });
      const images = await this.images([...new Set(rows.flatMap((r) => r.imageIds))]);
      return rows.map((r) => publicProject(r, images));
    });
  }

  async getProject(slug: string): Promise<CacheEntry<PublicProject>> {
    const entry = await this.cache.get(CACHE_NS.projects, `slug:${slug}`, async () => {
      const row = await this.projects.findBySlug(slug);
      return row?.status === 'published' ? publicProject(row, await this.images(row.imageIds)) : null;
    });
    if (!entry.value) throw Errors.notFound('No published project has this slug.');
    return entry as CacheEntry<PublicProject>;
  }

  listPages(): Promise<CacheEntry<PublicPage[]>> {
    return this.cache.get(CACHE_NS.pages, 'list', async () =>
      (await this.pages.list(true)).map((p) => publicPage(p, renderRichText(p.content, 'content').toc)));
  }

  async getPage(slug: string): Promise<CacheEntry<PublicPage>> {
    const entry = await this.cache.get(CACHE_NS.pages, `slug:${slug}`, async () => {
      const row = await this.pages.findBySlug(slug);
      return row?.status === 'published' ? publicPage(row, renderRichText(row.content, 'content').toc) : null;
    });
    if (!entry.value) throw Errors.notFound('No published page has this slug.');
    return entry as CacheEntry<PublicPage>;
  }

  skills(): Promise<CacheEntry<SkillView[]>> {
    return this.cache.get(CACHE_NS.taxonomy, 'skills', async () => (await this.taxonomy.skills()).map(skillView));
  }

  /** Tags with at least one published post. */
  tags(): Promise<CacheEntry<TagWithCount[]>> {
    return this.cache.get(CACHE_NS.taxonomy, 'tags', async () =>
      (await this.taxonomy.tagsWithCounts()).filter((t) => t.postCount > 0).map(tagWithCount));
  }

  settings(): Promise<CacheEntry<SiteSettings>> {
    return this.cache.get(CACHE_NS.settings, 'all', async () => {
      const stored = await this.taxonomy.settings();
      const { author, ...rest } = { ...DEFAULT_SETTINGS, ...stored } as SiteSettings;
      // The author's e-mail is for the admin; the public gets the contact form.
      return { ...rest, author: { ...author, email: '' } };
    });
  }
}

function parseSince(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw Errors.validation('updatedSince is not a date.', [{ field: 'query.updatedSince', message: 'must be an ISO 8601 date-time' }]);
  return d;
}
