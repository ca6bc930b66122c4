import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Get,
  Patch,
  Path,
  Post,
  Query,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type {
  CreateSiteBuildRequest,
  SiteBuildDetail,
  SiteBuildPage,
  SiteRebuildAccepted,
  SiteRollbackRequest,
  SiteRollbackResult,
  UpdateSiteBuildRequest,
} from '../dtos/site-build.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { SiteBuildService } from '../services/site-build.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  BAD_REQUEST,
  CONFLICT,
  DEPENDENCY_UNAVAILABLE,
  FORBIDDEN,
  NOT_FOUND,
  PAYLOAD_TOO_LARGE,
  RATE_LIMITED,
  UNAUTHORIZED,
  UNSUPPORTED_MEDIA_TYPE,
  VALIDATION_FAILED,
} from './problem-examples.js';
import { created } from './created.js';

/**
 * The static site's builds. The builder (`site/scripts/server.ts`, API key with `site:build`) opens
 * and finishes a record per build; admins list them, ask for a rebuild or roll back.
 */
@Route('api/v1/admin/site')
@Tags('Admin: site builds')
@Response<Problem>(
  401,
  'No valid credentials: sign in, or send an access token or API key (codes UNAUTHORIZED, INVALID_TOKEN)',
  UNAUTHORIZED,
)
@Response<Problem>(
  403,
  'The credentials lack a scope this needs, or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
  FORBIDDEN,
)
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
export class SiteBuildsController extends Controller {
  constructor(private readonly builds: SiteBuildService) {
    super();
  }

  /**
   * Newest first.
   * @summary List site builds
   * @param limit page size, 1–100
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   */
  @Get('builds')
  @Security('bearer', ['site:read'])
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public list(@Query() limit = 20, @Query() cursor?: string): Promise<SiteBuildPage> {
    return this.builds.list({ limit, cursor });
  }

  /**
   * One build with its log.
   * @summary Get a site build
   */
  @Get('builds/{buildId}')
  @Security('bearer', ['site:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public get(@Path() buildId: string): Promise<SiteBuildDetail> {
    return this.builds.get(buildId);
  }

  /**
   * Opens a build record (the builder calls this when a build starts).
   * @summary Open a site build record
   */
  @Post('builds')
  @SuccessResponse<{ Location: string }>(201, 'Created')
  @Security('bearer', ['site:build'])
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async open(@Body() body: CreateSiteBuildRequest, @Request() req: ExRequest): Promise<SiteBuildDetail> {
    return created(this, '/api/v1/admin/site/builds', await this.builds.open(actorOf(req), body));
  }

  /**
   * Progress and outcome of a build: status, duration, pages built/skipped, log, release. 409 once finished.
   * @summary Report site build progress
   */
  @Patch('builds/{buildId}')
  @Security('bearer', ['site:build'])
  @Response<Problem>(409, 'The build has finished already (code CONFLICT)', CONFLICT)
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public update(
    @Path() buildId: string,
    @Body() body: UpdateSiteBuildRequest,
    @Request() req: ExRequest,
  ): Promise<SiteBuildDetail> {
    return this.builds.update(actorOf(req), buildId, body);
  }

  /**
   * Rebuilds the site now: emits `site.changed` with cause `manual`, which reaches the builder like a publish.
   * @summary Rebuild the site
   */
  @Post('rebuild')
  @SuccessResponse(202)
  @Security('bearer', ['site:build'])
  @Response<Problem>(409, 'No webhook subscription points at the site builder (code CONFLICT)', CONFLICT)
  public async rebuild(@Request() req: ExRequest): Promise<SiteRebuildAccepted> {
    this.setStatus(202);
    return this.builds.rebuild(actorOf(req));
  }

  /**
   * Makes an earlier release live again at once (the builder swaps its `current` link). Without
   * `release`, the one before the current. 503 when the builder does not answer.
   * @summary Roll the site back to an earlier release
   */
  @Post('rollback')
  @Security('bearer', ['site:build'])
  @Response<Problem>(404, 'No release has this id (code NOT_FOUND)', NOT_FOUND)
  @Response<Problem>(409, 'The builder cannot roll back now, e.g. no earlier release (code CONFLICT)', CONFLICT)
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public rollback(@Body() body: SiteRollbackRequest, @Request() req: ExRequest): Promise<SiteRollbackResult> {
    return this.builds.rollback(actorOf(req), body.release);
  }
}
