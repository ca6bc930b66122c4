import { Controller, Example, Get, Path, Query, Request, Response, Route, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExRequest } from 'express';
import type { PostMoved, PublicPost, PublicPostPage } from '../dtos/post.dto.js';
import { cachedRead, PUBLIC_CACHE_CONTROL } from './conditional.js';
import { MovedError, type PublicPostsService } from '../services/content/public-posts.service.js';
import type { PublishingService } from '../services/content/publishing.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  DEPENDENCY_UNAVAILABLE,
  NOT_FOUND,
  RATE_LIMITED,
  UNAUTHORIZED,
  VALIDATION_FAILED,
} from './problem-examples.js';
import { POST_PAGE_EXAMPLE } from './read-examples.js';

export { PUBLIC_CACHE_CONTROL };

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
export class PublicPostsController extends Controller {
  constructor(
    private readonly content: PublicPostsService,
    private readonly publishing: PublishingService,
  ) {
    super();
  }

  /**
   * Published posts, newest first, cursor-paginated. `q` searches title, excerpt and body (ranked);
   * `updatedSince` lists what changed since then, oldest change first (for incremental builds).
   * @summary List published posts
   * @param limit 1–100 (default 20) @isInt limit @minimum limit 1 @maximum limit 100
   * @param tag tag slug
   * @param updatedSince ISO 8601 date-time
   * @param q search words @maxLength q 200
   */
  @Get('posts')
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
  @Example<PublicPostPage>(POST_PAGE_EXAMPLE)
  public async listPosts(
    @Request() req: ExRequest,
    @Query() limit?: number,
    @Query() cursor?: string,
    @Query() tag?: string,
    @Query() featured?: boolean,
    @Query() updatedSince?: string,
    @Query() q?: string,
  ): Promise<PublicPostPage> {
    return cachedRead(this, req, await this.content.listPosts({ limit, cursor, tag, featured, updatedSince, q }));
  }

  /**
   * One published post. An old slug answers 301 with the new location.
   * @summary Get a published post
   */
  @Get('posts/{slug}')
  @Response<Problem>(404, 'No published post has this slug', NOT_FOUND)
  @Response<PostMoved>(301, 'Moved to a new slug')
  @SuccessResponse<{ ETag: string; 'Cache-Control': string }>(200, 'OK')
  @Response<void, { ETag: string; 'Cache-Control': string }>(
    304,
    'Not modified: the ETag sent in If-None-Match is current',
  )
  public async getPost(@Path() slug: string, @Request() req: ExRequest): Promise<PublicPost> {
    try {
      return cachedRead(this, req, await this.content.getPost(slug));
    } catch (err) {
      if (!(err instanceof MovedError)) throw err;
      this.setStatus(301);
      this.setHeader('Location', `/api/v1/posts/${encodeURIComponent(err.slug)}`);
      this.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
      return { slug: err.slug } as unknown as PublicPost;
    }
  }

  /**
   * A draft, for the site's preview page, with a token from `POST /admin/posts/{id}/preview-link`. Never cached.
   * @summary Preview a draft post
   */
  @Get('preview/posts')
  @Response<Problem>(401, 'The token is invalid or expired (code INVALID_TOKEN)', UNAUTHORIZED)
  @Response<Problem>(404, 'The post is gone', NOT_FOUND)
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public previewPost(@Query() token: string): Promise<PublicPost> {
    this.setHeader('Cache-Control', 'private, no-store');
    this.setHeader('X-Robots-Tag', 'noindex');
    return this.publishing.preview(token);
  }
}
