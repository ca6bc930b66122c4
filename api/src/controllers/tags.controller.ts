import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Delete,
  Get,
  OperationId,
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
import type { TagInput, TagPatch, TagWithCount } from '../dtos/catalog.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { TagService } from '../services/content/term-kinds.js';
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
export class TagsController extends Controller {
  constructor(private readonly tags: TagService) {
    super();
  }

  /**
   * Every tag, with its count of published posts.
   * @summary List tags (admin)
   */
  @Get('tags')
  @OperationId('TaxonomyTags')
  @Security('bearer', ['content:read'])
  public list(): Promise<TagWithCount[]> {
    return this.tags.list();
  }

  /**
   * Creates a post tag; the slug follows from the name unless given.
   * @summary Create a tag
   */
  @Post('tags')
  @OperationId('TaxonomyCreateTag')
  @Security('bearer', ['content:write'])
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
  public async create(@Body() body: TagInput, @Request() req: ExRequest): Promise<TagWithCount> {
    this.setStatus(201);
    return this.tags.create(actorOf(req), body);
  }

  /**
   * Renames the tag or changes its slug or description; the posts keep it.
   * @summary Update a tag
   */
  @Patch('tags/{tagId}')
  @OperationId('TaxonomyUpdateTag')
  @Security('bearer', ['content:publish'])
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
  public update(@Path() tagId: string, @Body() body: TagPatch, @Request() req: ExRequest): Promise<TagWithCount> {
    return this.tags.update(actorOf(req), tagId, body);
  }

  /**
   * Deletes the tag and removes it from every post.
   * @summary Delete a tag
   */
  @Delete('tags/{tagId}')
  @OperationId('TaxonomyDeleteTag')
  @Security('bearer', ['content:publish'])
  @SuccessResponse(204)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async remove(@Path() tagId: string, @Request() req: ExRequest): Promise<void> {
    await this.tags.delete(actorOf(req), tagId);
    this.setStatus(204);
  }
}
