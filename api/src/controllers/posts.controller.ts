import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, Patch, Path, Post, Put, Query, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Page } from '../dtos/content.dto.js';
import type {
  AdminPost, AdminPostSummary, CreatePostRequest, PostRevision, PostRevisionDetail, PostStatus, PreviewLink, PublishPendingRequest,
  SchedulePostRequest, UpdatePostRequest,
} from '../dtos/post.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { PostService } from '../services/content/post.service.js';
import type { PublishingService } from '../services/content/publishing.service.js';

@Route('api/v1/admin/posts')
@Tags('Admin: posts')
export class PostsController extends Controller {
  constructor(private readonly posts: PostService, private readonly publishing: PublishingService) {
    super();
  }

  /**
   * All posts (authors see their own), most recently edited first.
   * @param limit 1–100 @isInt limit @minimum limit 1 @maximum limit 100
   * @param q title or slug contains
   */
  @Get()
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public list(@Request() req: ExRequest, @Query() limit?: number, @Query() cursor?: string, @Query() status?: PostStatus, @Query() tag?: string, @Query() q?: string): Promise<Page<AdminPostSummary>> {
    return this.posts.list(actorOf(req), { limit, cursor, status, tag, q });
  }

  /** Creates a draft. Content is a Lexical editor state; HTML, plain text, reading time and TOC are derived. */
  @Post()
  @Security('bearer', ['content:write'])
  @Security('cookie', ['content:write'])
  @SuccessResponse(201)
  public async create(@Body() body: CreatePostRequest, @Request() req: ExRequest): Promise<AdminPost> {
    this.setStatus(201);
    return this.posts.create(actorOf(req), body);
  }

  @Get('{postId}')
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public get(@Path() postId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.posts.get(actorOf(req), postId);
  }

  /** Saves an edit (a new revision when title, excerpt or content change). Send `version` to detect concurrent edits (409). */
  @Patch('{postId}')
  @Security('bearer', ['content:write'])
  @Security('cookie', ['content:write'])
  public update(@Path() postId: string, @Body() body: UpdatePostRequest, @Request() req: ExRequest): Promise<AdminPost> {
    return this.posts.update(actorOf(req), postId, body);
  }

  /**
   * Keeps edits to a published post aside without changing the live post (the admin autosaves
   * here). The body is that of an update; `version` is the live version the edits start from (409
   * when someone changed it). A post that is not published answers 409: save it directly.
   */
  @Put('{postId}/pending')
  @Security('bearer', ['content:write'])
  @Security('cookie', ['content:write'])
  public savePending(@Path() postId: string, @Body() body: UpdatePostRequest, @Request() req: ExRequest): Promise<AdminPost> {
    return this.posts.savePending(actorOf(req), postId, body);
  }

  /** Makes the pending changes live: one update and one revision; the pending copy is gone. */
  @Post('{postId}/pending/publish')
  @Security('bearer', ['content:write'])
  @Security('cookie', ['content:write'])
  public publishPending(@Path() postId: string, @Request() req: ExRequest, @Body() body?: PublishPendingRequest): Promise<AdminPost> {
    return this.posts.publishPending(actorOf(req), postId, body?.version);
  }

  /** Drops the pending changes; the live post stays as it is. */
  @Delete('{postId}/pending')
  @Security('bearer', ['content:write'])
  @Security('cookie', ['content:write'])
  public discardPending(@Path() postId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.posts.discardPending(actorOf(req), postId);
  }

  @Delete('{postId}')
  @Security('bearer', ['content:write'])
  @Security('cookie', ['content:write'])
  @SuccessResponse(204)
  public async remove(@Path() postId: string, @Request() req: ExRequest): Promise<void> {
    await this.posts.delete(actorOf(req), postId);
    this.setStatus(204);
  }

  @Post('{postId}/publish')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public publish(@Path() postId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.publishing.publish(actorOf(req), postId);
  }

  @Post('{postId}/unpublish')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public unpublish(@Path() postId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.publishing.unpublish(actorOf(req), postId, 'draft');
  }

  @Post('{postId}/archive')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public archive(@Path() postId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.publishing.unpublish(actorOf(req), postId, 'archived');
  }

  /** Publishes at `at` (the worker does it, with the same events as a manual publish). */
  @Post('{postId}/schedule')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public schedule(@Path() postId: string, @Body() body: SchedulePostRequest, @Request() req: ExRequest): Promise<AdminPost> {
    return this.publishing.schedule(actorOf(req), postId, body.at);
  }

  @Get('{postId}/revisions')
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public revisions(@Path() postId: string, @Request() req: ExRequest): Promise<PostRevision[]> {
    return this.posts.revisions(actorOf(req), postId);
  }

  @Get('{postId}/revisions/{revisionId}')
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public revision(@Path() postId: string, @Path() revisionId: string, @Request() req: ExRequest): Promise<PostRevisionDetail> {
    return this.posts.revision(actorOf(req), postId, revisionId);
  }

  /** Restores a revision as a new save. */
  @Post('{postId}/revisions/{revisionId}/restore')
  @Security('bearer', ['content:write'])
  @Security('cookie', ['content:write'])
  public restore(@Path() postId: string, @Path() revisionId: string, @Request() req: ExRequest): Promise<AdminPost> {
    return this.posts.restore(actorOf(req), postId, revisionId);
  }

  /** A signed 30-minute link for the site's preview page. */
  @Post('{postId}/preview-link')
  @Security('bearer', ['content:write'])
  @Security('cookie', ['content:write'])
  public previewLink(@Path() postId: string, @Request() req: ExRequest): Promise<PreviewLink> {
    return this.publishing.previewLink(actorOf(req), postId);
  }
}
