import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Delete,
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
import type { UserView } from '../dtos/auth.dto.js';
import type { CreateUserRequest, UpdateUserRequest, UserPage } from '../dtos/user.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { Role } from '../services/auth/policy.js';
import type { UserService } from '../services/user.service.js';
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

@Route('api/v1/admin/users')
@Tags('Admin: users')
@Security('bearer', ['users:manage'])
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
export class UsersController extends Controller {
  constructor(private readonly users: UserService) {
    super();
  }

  /**
   * Every user of the admin, cursor-paginated.
   * @summary List users
   * @param limit page size, 1–100
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   */
  @Get()
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public list(@Query() limit = 50, @Query() cursor?: string, @Query() role?: Role): Promise<UserPage> {
    return this.users.list({ limit, cursor, role });
  }

  /**
   * Creates a user with a role; they sign in with the password given (checked for strength, 422).
   * @summary Create a user
   */
  @Post()
  @SuccessResponse<{ Location: string }>(201, 'Created')
  @Response<Problem>(409, 'The e-mail address is taken (code CONFLICT)', CONFLICT)
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
  public async create(@Body() body: CreateUserRequest, @Request() req: ExRequest): Promise<UserView> {
    return created(this, '/api/v1/admin/users', await this.users.create(actorOf(req), body));
  }

  /**
   * One user, by id.
   * @summary Get a user
   */
  @Get('{userId}')
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public get(@Path() userId: string): Promise<UserView> {
    return this.users.get(userId);
  }

  /**
   * Change name or role, or disable (which ends the user's sessions at once).
   * @summary Update a user
   */
  @Patch('{userId}')
  @Response<Problem>(409, 'The change would leave no active admin (code CONFLICT)', CONFLICT)
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
  public update(@Path() userId: string, @Body() body: UpdateUserRequest, @Request() req: ExRequest): Promise<UserView> {
    return this.users.update(actorOf(req), userId, body);
  }

  /**
   * Deletes the user and ends their sessions; their content stays (authorless).
   * @summary Delete a user
   */
  @Delete('{userId}')
  @SuccessResponse(204)
  @Response<Problem>(409, 'The last active admin cannot be deleted (code CONFLICT)', CONFLICT)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async remove(@Path() userId: string, @Request() req: ExRequest): Promise<void> {
    await this.users.delete(actorOf(req), userId);
    this.setStatus(204);
  }
}
