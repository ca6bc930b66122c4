import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Delete,
  Get,
  Patch,
  Path,
  Post,
  Put,
  Query,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type {
  AdminPost,
  AdminPostPage,
  CreatePostRequest,
  PostRevision,
  PostRevisionDetail,
  PostStatus,
  PreviewLink,
  PublishPendingRequest,
  SchedulePostRequest,
  UpdatePostRequest,
} from '../dtos/post.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { PostService } from '../services/content/post.service.js';
import type { PublishingService } from '../services/content/publishing.service.js';
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
  VERSION_CONFLICT,
} from './problem-examples.js';
import { created } from './created.js';

@Route('api/v1/admin/posts')
@Tags('Admin: posts')
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
export class PostsController extends Controller {
  constructor(
    private readonly posts: PostService,
    private readonly publishing: PublishingService,
  ) {
    super();
  }

  /**
   * All posts (authors see their own), most recently edited first.
   * @summary List posts (admin)
   * @param limit 1–100 @isInt limit @minimum limit 1 @maximum limit 100
   * @param q title or slug contains
   */
  @Get()
  @Security('bearer', ['content:read'])
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public list(
    @Request() req: ExRequest,
    @Query() limit?: number,
    @Query() cursor?: string,
    @Query() status?: PostStatus,
    @Query() tag?: string,
    @Query() q?: string,
  ): Promise<AdminPostPage> {
    return this.posts.list(actorOf(req), { limit, cursor, status, tag, q });
  }

  /**
   * Creates a draft. Content is a Lexical editor state; HTML, plain text, reading time and TOC are derived.
   * @summary Create a post
   */
  @Post()
  @Security('bearer', ['content:write'])
  @SuccessResponse<{ Location: string }>(201, 'Created')
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
  public async create(@Body() body: CreatePostRequest, @Request() req: ExRequest): Promise<AdminPost> {
    return created(this, '/api/v1/admin/posts', await this.posts.create(actorOf(req), body));
  }

  /**
   * One post with its editor state, SEO fields and pending changes (authors: their own only).
   * @summary Get a post (admin)
   */
  @Get('{postId}')
  @Security('bearer', ['content:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public get(@Path() postId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.posts.get(actorOf(req), postId);
  }

  /**
   * Saves an edit (a new revision when title, excerpt or content change). Send `version` to detect concurrent edits (409).
   * @summary Update a post
   */
  @Patch('{postId}')
  @Security('bearer', ['content:write'])
  @Response<Problem>(
    409,
    '`version` is not the current one (code VERSION_CONFLICT), or the slug is taken (CONFLICT)',
    VERSION_CONFLICT,
  )
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
    @Path() postId: string,
    @Body() body: UpdatePostRequest,
    @Request() req: ExRequest,
  ): Promise<AdminPost> {
    return this.posts.update(actorOf(req), postId, body);
  }

  /**
   * Keeps edits to a published post aside without changing the live post (the admin autosaves
   * here). The body is that of an update; `version` is the live version the edits start from (409
   * when someone changed it). A post that is not published answers 409: save it directly.
   * @summary Save pending changes of a published post
   */
  @Put('{postId}/pending')
  @Security('bearer', ['content:write'])
  @Response<Problem>(409, 'Not published, or `version` is not the live one (code VERSION_CONFLICT)', VERSION_CONFLICT)
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
  public savePending(
    @Path() postId: string,
    @Body() body: UpdatePostRequest,
    @Request() req: ExRequest,
  ): Promise<AdminPost> {
    return this.posts.savePending(actorOf(req), postId, body);
  }

  /**
   * Makes the pending changes live: one update and one revision; the pending copy is gone.
   * @summary Publish pending changes
   */
  @Post('{postId}/pending/publish')
  @Security('bearer', ['content:write'])
  @Response<Problem>(
    409,
    'No pending changes, or `version` is not the live one (code VERSION_CONFLICT)',
    VERSION_CONFLICT,
  )
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
  public publishPending(
    @Path() postId: string,
    @Request() req: ExRequest,
    @Body() body?: PublishPendingRequest,
  ): Promise<AdminPost> {
    return this.posts.publishPending(actorOf(req), postId, body?.version);
  }

  /**
   * Drops the pending changes; the live post stays as it is.
   * @summary Discard pending changes
   */
  @Delete('{postId}/pending')
  @Security('bearer', ['content:write'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public discardPending(@Path() postId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.posts.discardPending(actorOf(req), postId);
  }

  /**
   * Deletes the post with its revisions; a published post leaves the site at once.
   * @summary Delete a post
   */
  @Delete('{postId}')
  @Security('bearer', ['content:write'])
  @SuccessResponse(204)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async remove(@Path() postId: string, @Request() req: ExRequest): Promise<void> {
    await this.posts.delete(actorOf(req), postId);
    this.setStatus(204);
  }

  /**
   * Makes the post public now (a `post.published` event: webhooks and a site build follow).
   * @summary Publish a post
   */
  @Post('{postId}/publish')
  @Security('bearer', ['content:publish'])
  @Response<Problem>(409, 'The post is published already (code CONFLICT)', CONFLICT)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public publish(@Path() postId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.publishing.publish(actorOf(req), postId);
  }

  /**
   * Takes the post off the site; it becomes a draft.
   * @summary Unpublish a post
   */
  @Post('{postId}/unpublish')
  @Security('bearer', ['content:publish'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public unpublish(@Path() postId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.publishing.unpublish(actorOf(req), postId, 'draft');
  }

  /**
   * Takes the post off the site and archives it.
   * @summary Archive a post
   */
  @Post('{postId}/archive')
  @Security('bearer', ['content:publish'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public archive(@Path() postId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.publishing.unpublish(actorOf(req), postId, 'archived');
  }

  /**
   * Publishes at `at` (the worker does it, with the same events as a manual publish).
   * @summary Schedule a post
   */
  @Post('{postId}/schedule')
  @Security('bearer', ['content:publish'])
  @Response<Problem>(409, 'The post is published already (code CONFLICT)', CONFLICT)
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
  public schedule(
    @Path() postId: string,
    @Body() body: SchedulePostRequest,
    @Request() req: ExRequest,
  ): Promise<AdminPost> {
    return this.publishing.schedule(actorOf(req), postId, body.at);
  }

  /**
   * Saved revisions, newest first, without their content.
   * @summary List revisions of a post
   */
  @Get('{postId}/revisions')
  @Security('bearer', ['content:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public revisions(@Path() postId: string, @Request() req: ExRequest): Promise<PostRevision[]> {
    return this.posts.revisions(actorOf(req), postId);
  }

  /**
   * One revision with its content.
   * @summary Get a revision
   */
  @Get('{postId}/revisions/{revisionId}')
  @Security('bearer', ['content:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public revision(
    @Path() postId: string,
    @Path() revisionId: string,
    @Request() req: ExRequest,
  ): Promise<PostRevisionDetail> {
    return this.posts.revision(actorOf(req), postId, revisionId);
  }

  /**
   * Restores a revision as a new save.
   * @summary Restore a revision
   */
  @Post('{postId}/revisions/{revisionId}/restore')
  @Security('bearer', ['content:write'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public restore(@Path() postId: string, @Path() revisionId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.posts.restore(actorOf(req), postId, revisionId);
  }

  /**
   * A signed 30-minute link for the site's preview page.
   * @summary Create a preview link
   */
  @Post('{postId}/preview-link')
  @Security('bearer', ['content:write'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public previewLink(@Path() postId: string, @Request() req: ExRequest): Promise<PreviewLink> {
    return this.publishing.previewLink(actorOf(req), postId);
  }
}
