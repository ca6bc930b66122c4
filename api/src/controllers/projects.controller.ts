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
import type { ProjectInput, ProjectPatch, ProjectView } from '../dtos/catalog.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { ProjectService } from '../services/content/document-kinds.js';
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

@Route('api/v1/admin/projects')
@Tags('Admin: projects')
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
export class ProjectsController extends Controller {
  constructor(private readonly projects: ProjectService) {
    super();
  }

  /**
   * Every project, drafts included, in display order.
   * @summary List projects (admin)
   */
  @Get()
  @Security('bearer', ['content:read'])
  public list(): Promise<ProjectView[]> {
    return this.projects.list();
  }

  /**
   * Creates a draft project.
   * @summary Create a project
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
  public async create(@Body() body: ProjectInput, @Request() req: ExRequest): Promise<ProjectView> {
    return created(this, '/api/v1/admin/projects', await this.projects.create(actorOf(req), body));
  }

  /**
   * One project with its editor state.
   * @summary Get a project (admin)
   */
  @Get('{projectId}')
  @Security('bearer', ['content:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public get(@Path() projectId: string): Promise<ProjectView> {
    return this.projects.get(projectId);
  }

  /**
   * Changes the fields given; `null` clears an optional one.
   * @summary Update a project
   */
  @Patch('{projectId}')
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
  public update(
    @Path() projectId: string,
    @Body() body: ProjectPatch,
    @Request() req: ExRequest,
  ): Promise<ProjectView> {
    return this.projects.update(actorOf(req), projectId, body);
  }

  /**
   * Shows the project on the site.
   * @summary Publish a project
   */
  @Post('{projectId}/publish')
  @Security('bearer', ['content:publish'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public publish(@Path() projectId: string, @Request() req: ExRequest): Promise<ProjectView> {
    return this.projects.setStatus(actorOf(req), projectId, 'published');
  }

  /**
   * Takes the project off the site; it becomes a draft.
   * @summary Unpublish a project
   */
  @Post('{projectId}/unpublish')
  @Security('bearer', ['content:publish'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public unpublish(@Path() projectId: string, @Request() req: ExRequest): Promise<ProjectView> {
    return this.projects.setStatus(actorOf(req), projectId, 'draft');
  }

  /**
   * Deletes the project; a published one leaves the site at once.
   * @summary Delete a project
   */
  @Delete('{projectId}')
  @Security('bearer', ['content:publish'])
  @SuccessResponse(204)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async remove(@Path() projectId: string, @Request() req: ExRequest): Promise<void> {
    await this.projects.delete(actorOf(req), projectId);
    this.setStatus(204);
  }
}
