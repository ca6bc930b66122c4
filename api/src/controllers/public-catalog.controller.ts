import { Controller, Get, Path, Query, Request, Route, Tags } from '@tsoa/runtime';
import type { Request as ExRequest } from 'express';
import type { PublicAppListing, PublicPage, PublicProject, PublicSiteSettings, SkillView, TagWithCount } from '../dtos/catalog.dto.js';
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

  /** A published project; `app` is its live demo with the app's current status. */
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

  /** Site title, description, tagline, accent colour, author (photo, role; no e-mail), social links and navigation. */
  @Get('settings')
  public async settings(@Request() req: ExRequest): Promise<PublicSiteSettings> {
    return cachedRead(this, req, await this.catalog.settings());
  }

  /** PaaS apps marked public (the site's /paas/ page) with their current status and the project each one demos. */
  @Get('paas/apps')
  public async publicApps(@Request() req: ExRequest): Promise<PublicAppListing[]> {
    const body = cachedRead(this, req, await this.catalog.publicApps());
    // Statuses change without a content write: shared caches keep them briefly.
    this.setHeader('Cache-Control', 'public, max-age=15, s-maxage=15');
    return body;
  }
}
