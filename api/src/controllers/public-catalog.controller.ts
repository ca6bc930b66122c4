import { Controller, Get, Path, Query, Route, Tags } from '@tsoa/runtime';
import type { PublicPage, PublicProject, SiteSettings, SkillView, TagWithCount } from '../dtos/catalog.dto.js';
import type { CacheEntry } from '../repositories/cache.repository.js';
import type { PublicCatalogService } from '../services/content/public-catalog.service.js';
import { PUBLIC_CACHE_CONTROL } from './public-posts.controller.js';

@Route('api/v1')
@Tags('Public content')
export class PublicCatalogController extends Controller {
  constructor(private readonly catalog: PublicCatalogService) {
    super();
  }

  /**
   * Published projects in display order.
   * @param updatedSince ISO 8601 date-time: only projects changed since then
   */
  @Get('projects')
  public async projects(@Query() featured?: boolean, @Query() updatedSince?: string): Promise<PublicProject[]> {
    return this.cached(await this.catalog.listProjects({ featured, updatedSince }));
  }

  @Get('projects/{slug}')
  public async project(@Path() slug: string): Promise<PublicProject> {
    return this.cached(await this.catalog.getProject(slug));
  }

  @Get('pages')
  public async pages(): Promise<PublicPage[]> {
    return this.cached(await this.catalog.listPages());
  }

  @Get('pages/{slug}')
  public async page(@Path() slug: string): Promise<PublicPage> {
    return this.cached(await this.catalog.getPage(slug));
  }

  @Get('skills')
  public async skills(): Promise<SkillView[]> {
    return this.cached(await this.catalog.skills());
  }

  /** Tags with at least one published post, with counts. */
  @Get('tags')
  public async tags(): Promise<TagWithCount[]> {
    return this.cached(await this.catalog.tags());
  }

  /** Site title, description, author (without e-mail), social links and navigation. */
  @Get('settings')
  public async settings(): Promise<SiteSettings> {
    return this.cached(await this.catalog.settings());
  }

  private cached<T>(entry: CacheEntry<T>): T {
    this.setHeader('ETag', entry.etag);
    this.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
    return entry.value;
  }
}
