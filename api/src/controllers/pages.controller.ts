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
import type { PageInput, PagePatch, PageView } from '../dtos/catalog.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { PageService } from '../services/content/document-kinds.js';
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

@Route('api/v1/admin/pages')
@Tags('Admin: pages')
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
export class PagesController extends Controller {
  constructor(private readonly pages: PageService) {
    super();
  }

  /**
   * Every page, drafts included.
   * @summary List pages (admin)
   */
  @Get()
  @Security('bearer', ['content:read'])
  public list(): Promise<PageView[]> {
    return this.pages.list();
  }

  /**
   * Creates a draft page.
   * @summary Create a page
   */
  @Post()
  @Security('bearer', ['content:publish'])
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
  public async create(@Body() body: PageInput, @Request() req: ExRequest): Promise<PageView> {
    return created(this, '/api/v1/admin/pages', await this.pages.create(actorOf(req), body));
  }

  /**
   * One page with its editor state.
   * @summary Get a page (admin)
   */
  @Get('{pageId}')
  @Security('bearer', ['content:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public get(@Path() pageId: string): Promise<PageView> {
    return this.pages.get(pageId);
  }

  /**
   * Changes the fields given; `null` clears an optional one (`seoTitle`, `seoDescription`).
   * @summary Update a page
   */
  @Patch('{pageId}')
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
  public update(@Path() pageId: string, @Body() body: PagePatch, @Request() req: ExRequest): Promise<PageView> {
    return this.pages.update(actorOf(req), pageId, body);
  }

  /**
   * Shows the page on the site.
   * @summary Publish a page
   */
  @Post('{pageId}/publish')
  @Security('bearer', ['content:publish'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public publish(@Path() pageId: string, @Request() req: ExRequest): Promise<PageView> {
    return this.pages.setStatus(actorOf(req), pageId, 'published');
  }

  /**
   * Takes the page off the site; it becomes a draft.
   * @summary Unpublish a page
   */
  @Post('{pageId}/unpublish')
  @Security('bearer', ['content:publish'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public unpublish(@Path() pageId: string, @Request() req: ExRequest): Promise<PageView> {
    return this.pages.setStatus(actorOf(req), pageId, 'draft');
  }

  /**
   * Deletes the page; a published one leaves the site at once.
   * @summary Delete a page
   */
  @Delete('{pageId}')
  @Security('bearer', ['content:publish'])
  @SuccessResponse(204)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async remove(@Path() pageId: string, @Request() req: ExRequest): Promise<void> {
    await this.pages.delete(actorOf(req), pageId);
    this.setStatus(204);
  }
}
