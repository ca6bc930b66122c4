import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Delete,
  Get,
  Path,
  Put,
  Query,
  Request,
  Response,
  Route,
  Security,
  Tags,
} from '@tsoa/runtime';
import type { PaasEnvList, SetPaasEnvVariableRequest } from '../dtos/paas-env.dto.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { PaasEnvService } from '../services/paas/app-env.service.js';
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

/**
 * An app's environment variables one by one (the bulk `env` of PATCH /apps/{appId} still replaces
 * them all). Changes reach the app with its next deployment; a restart keeps the running values.
 */
@Route('api/v1/admin/paas')
@Tags('Admin: PaaS')
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
export class PaasEnvController extends Controller {
  constructor(private readonly env: PaasEnvService) {
    super();
  }

  /**
   * Names in order with every value shown as `••••••`. With `reveal=true` the stored
   * values are returned instead: administrators only, and each reveal is recorded in the audit log.
   * @summary The app's variables by name, values masked
   * @param reveal return the values themselves (admins only; audited)
   */
  @Get('apps/{appId}/env')
  @Security('bearer', ['paas:read'])
  @Response<Problem>(403, 'Revealing values needs an administrator', FORBIDDEN)
  @Response<Problem>(404, 'No such app', NOT_FOUND)
  @Response<Problem>(
    409,
    'A stored value no longer opens (sealed under another JWT_SECRET or for another app)',
    CONFLICT,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public list(@Path() appId: string, @Request() req: ExRequest, @Query() reveal?: boolean): Promise<PaasEnvList> {
    this.setHeader('Cache-Control', 'no-store');
    return this.env.list(actorOf(req), appId, reveal === true);
  }

  /**
   * Adds the variable or replaces its value; the others are untouched. Names follow
   * POSIX (`[A-Za-z_][A-Za-z0-9_]*`, at most 128); `PORT` is set by the engine and refused. Values
   * are at most 8192 characters without NUL; an app has at most 100 variables. Audited without the
   * value. Takes effect with the next deployment.
   * @summary Add or replace one variable
   * @param name the variable's name
   */
  @Put('apps/{appId}/env/{name}')
  @Security('bearer', ['paas:write'])
  @Response<Problem>(404, 'No such app', NOT_FOUND)
  @Response<Problem>(
    409,
    'A stored value no longer opens (sealed under another JWT_SECRET or for another app)',
    CONFLICT,
  )
  @Response<ValidationProblem>(
    422,
    'A bad name (`name`) or value (`body.value`), or the 100-variable limit; nothing was written',
    VALIDATION_FAILED,
  )
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  public set(
    @Path() appId: string,
    @Path() name: string,
    @Body() body: SetPaasEnvVariableRequest,
    @Request() req: ExRequest,
  ): Promise<PaasEnvList> {
    return this.env.set(actorOf(req), appId, name, body.value);
  }

  /**
   * Removes the variable; the others are untouched. Audited. Takes effect with the next
   * deployment.
   * @summary Remove one variable
   * @param name the variable's name
   */
  @Delete('apps/{appId}/env/{name}')
  @Security('bearer', ['paas:write'])
  @Response<Problem>(404, 'No such app, or it has no variable of that name', NOT_FOUND)
  @Response<Problem>(
    409,
    'A stored value no longer opens (sealed under another JWT_SECRET or for another app)',
    CONFLICT,
  )
  public remove(@Path() appId: string, @Path() name: string, @Request() req: ExRequest): Promise<PaasEnvList> {
    return this.env.remove(actorOf(req), appId, name);
  }
}
