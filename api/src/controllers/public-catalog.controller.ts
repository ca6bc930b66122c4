import { Controller, Example, Get, Path, Query, Request, Response, Route, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExRequest } from 'express';
import type {
  PublicAppListing,
  PublicPage,
  PublicProject,
  PublicSiteSettings,
  SkillView,
  TagWithCount,
} from '../dtos/catalog.dto.js';
import type { PublicCatalogService } from '../services/content/public-catalog.service.js';
import { cachedRead } from './conditional.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import { DEPENDENCY_UNAVAILABLE, NOT_FOUND, RATE_LIMITED, VALIDATION_FAILED } from './problem-examples.js';
import { PAGE_EXAMPLE, PAGES_EXAMPLE, SKILLS_EXAMPLE, TAGS_EXAMPLE } from './read-examples.js';

@Route('api/v1')
@Tags('Public content')
@Response<Problem, { 'Retry-After': string }>(
  429,
  'Over the rate limit of the address or API key (code RATE_LIMITED); retry after Retry-After seconds',
  RATE_LIMITED,
)
@Response<Problem, { 'Retry-After': string }>(
  503,
  'A backing service (database, Redis, media store) is unavailable (code DEPENDENCY_UNAVAILABLE); retry after Retry-After seconds',
  DEPENDENCY_UNAVAILABLE,
)
export class PublicCatalogController extends Controller {
  constructor(private readonly catalog: PublicCatalogService) {
    super();
  }

  /**
   * Published projects in display order.
   * @summary List published projects
   * @param updatedSince ISO 8601 date-time: only projects changed since then
   */
  @Get('projects')
  @SuccessResponse<{ ETag: string; 'Cache-Control': string }>(200, 'OK')
  @Response<void, { ETag: string; 'Cache-Control': string }>(
    304,
    'Not modified: the ETag sent in If-None-Match is current',
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async projects(
    @Request() req: ExRequest,
    @Query() featured?: boolean,
    @Query() updatedSince?: string,
  ): Promise<PublicProject[]> {
    return cachedRead(this, req, await this.catalog.listProjects({ featured, updatedSince }));
  }

  /**
   * A published project; `app` is its live demo with the app's current status.
   * @summary Get a published project
   */
  @Get('projects/{slug}')
  @SuccessResponse<{ ETag: string; 'Cache-Control': string }>(200, 'OK')
  @Response<void, { ETag: string; 'Cache-Control': string }>(
    304,
    'Not modified: the ETag sent in If-None-Match is current',
  )
  @Response<Problem>(404, 'Nothing published has this slug (code NOT_FOUND)', NOT_FOUND)
  public async project(@Path() slug: string, @Request() req: ExRequest): Promise<PublicProject> {
    return cachedRead(this, req, await this.catalog.getProject(slug));
  }

  /**
   * Every published page, without its editor state (`html` and `toc` are ready to show).
   * @summary List published pages
   */
  @Get('pages')
  @SuccessResponse<{ ETag: string; 'Cache-Control': string }>(200, 'OK')
  @Response<void, { ETag: string; 'Cache-Control': string }>(
    304,
    'Not modified: the ETag sent in If-None-Match is current',
  )
  @Example<PublicPage[]>(PAGES_EXAMPLE)
  public async pages(@Request() req: ExRequest): Promise<PublicPage[]> {
    return cachedRead(this, req, await this.catalog.listPages());
  }

  /**
   * One published page by slug.
   * @summary Get a published page
   */
  @Get('pages/{slug}')
  @SuccessResponse<{ ETag: string; 'Cache-Control': string }>(200, 'OK')
  @Response<void, { ETag: string; 'Cache-Control': string }>(
    304,
    'Not modified: the ETag sent in If-None-Match is current',
  )
  @Response<Problem>(404, 'Nothing published has this slug (code NOT_FOUND)', NOT_FOUND)
  @Example<PublicPage>(PAGE_EXAMPLE)
  public async page(@Path() slug: string, @Request() req: ExRequest): Promise<PublicPage> {
    return cachedRead(this, req, await this.catalog.getPage(slug));
  }

  /**
   * Every skill, by category in display order.
   * @summary List skills
   */
  @Get('skills')
  @SuccessResponse<{ ETag: string; 'Cache-Control': string }>(200, 'OK')
  @Response<void, { ETag: string; 'Cache-Control': string }>(
    304,
    'Not modified: the ETag sent in If-None-Match is current',
  )
  @Example<SkillView[]>(SKILLS_EXAMPLE)
  public async skills(@Request() req: ExRequest): Promise<SkillView[]> {
    return cachedRead(this, req, await this.catalog.skills());
  }

  /**
   * Tags with at least one published post, with counts.
   * @summary List tags in use
   */
  @Get('tags')
  @SuccessResponse<{ ETag: string; 'Cache-Control': string }>(200, 'OK')
  @Response<void, { ETag: string; 'Cache-Control': string }>(
    304,
    'Not modified: the ETag sent in If-None-Match is current',
  )
  @Example<TagWithCount[]>(TAGS_EXAMPLE)
  public async tags(@Request() req: ExRequest): Promise<TagWithCount[]> {
    return cachedRead(this, req, await this.catalog.tags());
  }

  /**
   * Site title, description, tagline, accent colour, author (photo, role; no e-mail), social links and navigation.
   * @summary Get the public site settings
   */
  @Get('settings')
  @SuccessResponse<{ ETag: string; 'Cache-Control': string }>(200, 'OK')
  @Response<void, { ETag: string; 'Cache-Control': string }>(
    304,
    'Not modified: the ETag sent in If-None-Match is current',
  )
  public async settings(@Request() req: ExRequest): Promise<PublicSiteSettings> {
    return cachedRead(this, req, await this.catalog.settings());
  }

  /**
   * PaaS apps marked public (the site's /paas/ page) with their current status and the project each one demos.
   * @summary List public PaaS apps
   */
  @Get('paas/apps')
  @SuccessResponse<{ ETag: string; 'Cache-Control': string }>(200, 'OK')
  @Response<void, { ETag: string; 'Cache-Control': string }>(
    304,
    'Not modified: the ETag sent in If-None-Match is current',
  )
  public async publicApps(@Request() req: ExRequest): Promise<PublicAppListing[]> {
    const body = cachedRead(this, req, await this.catalog.publicApps());
    // Statuses change without a content write: shared caches keep them briefly.
    this.setHeader('Cache-Control', 'public, max-age=15, s-maxage=15');
    return body;
  }
}
