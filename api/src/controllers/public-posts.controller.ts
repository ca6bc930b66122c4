import { Controller, Get, Path, Query, Request, Response, Route, Tags } from '@tsoa/runtime';
import type { Request as ExRequest } from 'express';
import type { Page } from '../dtos/content.dto.js';
import type { PublicPost, PublicPostSummary } from '../dtos/post.dto.js';
import type { ProblemDocument } from '../middleware/problem.js';
import { cachedRead, PUBLIC_CACHE_CONTROL } from './conditional.js';
import { MovedError, type PublicContentService } from '../services/content/public-content.service.js';
import type { PublishingService } from '../services/content/publishing.service.js';

export { PUBLIC_CACHE_CONTROL };

@Route('api/v1')
@Tags('Public content')
export class PublicPostsController extends Controller {
  constructor(private readonly content: PublicContentService, private readonly publishing: PublishingService) {
    super();
  }

  /**
   * Published posts, newest first, cursor-paginated. `q` searches title, excerpt and body (ranked);
   * `updatedSince` lists what changed since then, oldest change first (for incremental builds).
   * @param limit 1–100 (default 20) @isInt limit @minimum limit 1 @maximum limit 100
   * @param tag tag slug
   * @param updatedSince ISO 8601 date-time
   * @param q search words @maxLength q 200
   */
  @Get('posts')
  public async listPosts(@Request() req: ExRequest, @Query() limit?: number, @Query() cursor?: string, @Query() tag?: string, @Query() featured?: boolean, @Query() updatedSince?: string, @Query() q?: string): Promise<Page<PublicPostSummary>> {
    return cachedRead(this, req, await this.content.listPosts({ limit, cursor, tag, featured, updatedSince, q }));
  }

  /** One published post. An old slug answers 301 with the new location. */
  @Get('posts/{slug}')
  @Response<ProblemDocument>(404, 'No published post has this slug')
  @Response<{ slug: string }>(301, 'Moved to a new slug')
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

  /** A draft, for the site's preview page, with a token from `POST /admin/posts/{id}/preview-link`. Never cached. */
  @Get('preview/posts')
  public previewPost(@Query() token: string): Promise<PublicPost> {
    this.setHeader('Cache-Control', 'private, no-store');
    this.setHeader('X-Robots-Tag', 'noindex');
    return this.publishing.preview(token);
  }
}
