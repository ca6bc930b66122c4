import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Delete,
  Get,
  Path,
  Post,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type { ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from '../dtos/api-key.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { ApiKeyService } from '../services/api-key.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  BAD_REQUEST,
  DEPENDENCY_UNAVAILABLE,
  FORBIDDEN,
  NOT_FOUND,
  PAYLOAD_TOO_LARGE,
  RATE_LIMITED,
  UNAUTHORIZED,
  UNSUPPORTED_MEDIA_TYPE,
  VALIDATION_FAILED,
} from './problem-examples.js';

@Route('api/v1/admin/api-keys')
@Tags('Admin: API keys')
@Security('bearer', ['apikeys:manage'])
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
export class ApiKeysController extends Controller {
  constructor(private readonly keys: ApiKeyService) {
    super();
  }

  /**
   * Every key with its scopes, limits and last use; secrets are never shown again.
   * @summary List API keys
   */
  @Get()
  public list(): Promise<ApiKeyView[]> {
    return this.keys.list();
  }

  /**
   * Creates a key. The secret is in this response only; it is stored hashed.
   * @summary Create an API key
   */
  @Post()
  @SuccessResponse(201)
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
  public async create(@Body() body: CreateApiKeyRequest, @Request() req: ExRequest): Promise<CreatedApiKey> {
    this.setStatus(201);
    this.setHeader('Cache-Control', 'no-store');
    return this.keys.create(actorOf(req), body);
  }

  /**
   * Revokes the key at once; requests with it get 401.
   * @summary Revoke an API key
   */
  @Delete('{keyId}')
  @SuccessResponse(204)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async revoke(@Path() keyId: string, @Request() req: ExRequest): Promise<void> {
    await this.keys.revoke(actorOf(req), keyId);
    this.setStatus(204);
  }
}
