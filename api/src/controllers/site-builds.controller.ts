import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, Patch, Path, Post, Query, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type {
  CreateSiteBuildRequest, SiteBuildDetail, SiteBuildPage, SiteRebuildAccepted, SiteRollbackRequest, SiteRollbackResult,
  UpdateSiteBuildRequest,
} from '../dtos/site-build.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { SiteBuildService } from '../services/site-build.service.js';

/**
 * The static site's builds. The builder (`site/scripts/server.ts`, API key with `site:build`) opens
 * and finishes a record per build; admins list them, ask for a rebuild or roll back.
 */
@Route('api/v1/admin/site')
@Tags('Admin: site builds')
export class SiteBuildsController extends Controller {
  constructor(private readonly builds: SiteBuildService) {
    super();
  }

  /**
   * Newest first.
   * @param limit page size, 1–100
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   */
  @Get('builds')
  @Security('bearer', ['site:read'])
  @Security('cookie', ['site:read'])
  public list(@Query() limit = 20, @Query() cursor?: string): Promise<SiteBuildPage> {
    return this.builds.list({ limit, cursor });
  }

  /** One build with its log. */
  @Get('builds/{buildId}')
  @Security('bearer', ['site:read'])
  @Security('cookie', ['site:read'])
  public get(@Path() buildId: string): Promise<SiteBuildDetail> {
    return this.builds.get(buildId);
  }

  /** Opens a build record (the builder calls this when a build starts). */
  @Post('builds')
  @SuccessResponse(201)
  @Security('bearer', ['site:build'])
  @Security('cookie', ['site:build'])
  public async open(@Body() body: CreateSiteBuildRequest, @Request() req: ExRequest): Promise<SiteBuildDetail> {
    this.setStatus(201);
    return this.builds.open(actorOf(req), body);
  }

  /** Progress and outcome of a build: status, duration, pages built/skipped, log, release. 409 once finished. */
  @Patch('builds/{buildId}')
  @Security('bearer', ['site:build'])
  @Security('cookie', ['site:build'])
  public update(@Path() buildId: string, @Body() body: UpdateSiteBuildRequest, @Request() req: ExRequest): Promise<SiteBuildDetail> {
    return this.builds.update(actorOf(req), buildId, body);
  }

  /** Rebuilds the site now: emits `site.changed` with cause `manual`, which reaches the builder like a publish. */
  @Post('rebuild')
  @SuccessResponse(202)
  @Security('bearer', ['site:build'])
  @Security('cookie', ['site:build'])
  public async rebuild(@Request() req: ExRequest): Promise<SiteRebuildAccepted> {
    this.setStatus(202);
    return this.builds.rebuild(actorOf(req));
  }

  /**
   * Makes an earlier release live again at once (the builder swaps its `current` link). Without
   * `release`, the one before the current. 503 when the builder does not answer.
   */
  @Post('rollback')
  @Security('bearer', ['site:build'])
  @Security('cookie', ['site:build'])
  public rollback(@Body() body: SiteRollbackRequest, @Request() req: ExRequest): Promise<SiteRollbackResult> {
    return this.builds.rollback(actorOf(req), body.release);
  }
}
