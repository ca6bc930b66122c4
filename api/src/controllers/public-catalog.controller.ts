import { Controller, Get, Path, Query, Request, Route, Tags } from '@tsoa/runtime';
import type { Request as ExRequest } from 'express';
import type { PublicPage, PublicProject, SiteSettings, SkillView, TagWithCount } from '../dtos/catalog.dto.js';
import type { PublicCatalogService } from '../services/content/public-catalog.service.js';
import { cachedRead } from './conditional.js';

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
  public async projects(@Request() req: ExRequest, @Query() featured?: boolean, @Query() updatedSince?: string): Promise<PublicProject[]> {
    return cachedRead(this, req, await this.catalog.listProjects({ featured, updatedSince }));
  }

  @Get('projects/{slug}')
  public async project(@Path() slug: string, @Request() req: ExRequest): Promise<PublicProject> {
    return cachedRead(this, req, await this.catalog.getProject(slug));
  }

  @Get('pages')
  public async pages(@Request() req: ExRequest): Promise<PublicPage[]> {
    return cachedRead(this, req, await this.catalog.listPages());
  }

  @Get('pages/{slug}')
  public async page(@Path() slug: string, @Request() req: ExRequest): Promise<PublicPage> {
    return cachedRead(this, req, await this.catalog.getPage(slug));
  }

  @Get('skills')
  public async skills(@Request() req: ExRequest): Promise<SkillView[]> {
    return cachedRead(this, req, await this.catalog.skills());
  }

  /** Tags with at least one published post, with counts. */
  @Get('tags')
  public async tags(@Request() req: ExRequest): Promise<TagWithCount[]> {
    return cachedRead(this, req, await this.catalog.tags());
  }

  /** Site title, description, author (without e-mail), social links and navigation. */
  @Get('settings')
  public async settings(@Request() req: ExRequest): Promise<SiteSettings> {
    return cachedRead(this, req, await this.catalog.settings());
  }
}
