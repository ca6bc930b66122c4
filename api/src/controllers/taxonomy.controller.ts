import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Delete,
  Get,
  Patch,
  Path,
  Post,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type {
  SiteSettings,
  SiteSettingsPatch,
  SkillInput,
  SkillPatch,
  SkillView,
  TagInput,
  TagPatch,
  TagWithCount,
} from '../dtos/catalog.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { TaxonomyService } from '../services/content/taxonomy.service.js';
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
export class TaxonomyController extends Controller {
  constructor(private readonly taxonomy: TaxonomyService) {
    super();
  }

  /**
   * Every skill, grouped by category in display order.
   * @summary List skills (admin)
   */
  @Get('skills')
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public skills(): Promise<SkillView[]> {
    return this.taxonomy.skills();
  }

  /**
   * Adds a skill to a category.
   * @summary Create a skill
   */
  @Post('skills')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @SuccessResponse(201)
  @Response<Problem>(409, 'This category already has a skill of this name (code CONFLICT)', CONFLICT)
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
  public async createSkill(@Body() body: SkillInput, @Request() req: ExRequest): Promise<SkillView> {
    this.setStatus(201);
    return this.taxonomy.createSkill(actorOf(req), body);
  }

  /**
   * Changes the fields given; the others stay.
   * @summary Update a skill
   */
  @Patch('skills/{skillId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @Response<Problem>(409, 'This category already has a skill of this name (code CONFLICT)', CONFLICT)
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
  public updateSkill(@Path() skillId: string, @Body() body: SkillPatch, @Request() req: ExRequest): Promise<SkillView> {
    return this.taxonomy.updateSkill(actorOf(req), skillId, body);
  }

  /**
   * Deletes the skill.
   * @summary Delete a skill
   */
  @Delete('skills/{skillId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @SuccessResponse(204)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async deleteSkill(@Path() skillId: string, @Request() req: ExRequest): Promise<void> {
    await this.taxonomy.deleteSkill(actorOf(req), skillId);
    this.setStatus(204);
  }

  /**
   * Every tag, with its count of published posts.
   * @summary List tags (admin)
   */
  @Get('tags')
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public tags(): Promise<TagWithCount[]> {
    return this.taxonomy.tags();
  }

  /**
   * Creates a post tag; the slug follows from the name unless given.
   * @summary Create a tag
   */
  @Post('tags')
  @Security('bearer', ['content:write'])
  @Security('cookie', ['content:write'])
  @SuccessResponse(201)
  @Response<Problem>(409, 'The slug is taken (code CONFLICT)', CONFLICT)
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
  public async createTag(@Body() body: TagInput, @Request() req: ExRequest): Promise<TagWithCount> {
    this.setStatus(201);
    return this.taxonomy.createTag(actorOf(req), body);
  }

  /**
   * Renames the tag or changes its slug or description; the posts keep it.
   * @summary Update a tag
   */
  @Patch('tags/{tagId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @Response<Problem>(409, 'The slug is taken (code CONFLICT)', CONFLICT)
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
  public updateTag(@Path() tagId: string, @Body() body: TagPatch, @Request() req: ExRequest): Promise<TagWithCount> {
    return this.taxonomy.updateTag(actorOf(req), tagId, body);
  }

  /**
   * Deletes the tag and removes it from every post.
   * @summary Delete a tag
   */
  @Delete('tags/{tagId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @SuccessResponse(204)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async deleteTag(@Path() tagId: string, @Request() req: ExRequest): Promise<void> {
    await this.taxonomy.deleteTag(actorOf(req), tagId);
    this.setStatus(204);
  }

  /**
   * Every settings group, including the author e-mail the public view leaves out.
   * @summary Get the site settings (admin)
   */
  @Get('settings')
  @Security('bearer', ['settings:read'])
  @Security('cookie', ['settings:read'])
  public settings(): Promise<SiteSettings> {
    return this.taxonomy.settings();
  }

  /**
   * Replaces the groups given (site, author, social, navigation); the others stay.
   * @summary Update the site settings
   */
  @Patch('settings')
  @Security('bearer', ['settings:write'])
  @Security('cookie', ['settings:write'])
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
  public updateSettings(@Body() body: SiteSettingsPatch, @Request() req: ExRequest): Promise<SiteSettings> {
    return this.taxonomy.updateSettings(actorOf(req), body);
  }
}
