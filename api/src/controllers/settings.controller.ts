import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Patch, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { SiteSettings, SiteSettingsPatch } from '../dtos/catalog.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { SettingsService } from '../services/content/settings.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  BAD_REQUEST,
  DEPENDENCY_UNAVAILABLE,
  FORBIDDEN,
  PAYLOAD_TOO_LARGE,
  RATE_LIMITED,
  UNAUTHORIZED,
  UNSUPPORTED_MEDIA_TYPE,
  VALIDATION_FAILED,
} from './problem-examples.js';

@Route('api/v1/admin')
@Tags('Admin: skills, tags, settings')
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
export class SettingsController extends Controller {
  constructor(private readonly settings: SettingsService) {
    super();
  }

  /**
   * Every settings group, including the author e-mail the public view leaves out.
   * @summary Get the site settings (admin)
   */
  @Get('settings')
  @OperationId('TaxonomySettings')
  @Security('bearer', ['settings:read'])
  public get(): Promise<SiteSettings> {
    return this.settings.get();
  }

  /**
   * Replaces the groups given (site, author, social, navigation); the others stay.
   * @summary Update the site settings
   */
  @Patch('settings')
  @OperationId('TaxonomyUpdateSettings')
  @Security('bearer', ['settings:write'])
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
  public update(@Body() body: SiteSettingsPatch, @Request() req: ExRequest): Promise<SiteSettings> {
    return this.settings.update(actorOf(req), body);
  }
}
