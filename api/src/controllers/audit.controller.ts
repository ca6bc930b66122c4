import { Controller, Get, Query, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { AuditPage } from '../dtos/audit.dto.js';
import type { AuditService } from '../services/audit.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  DEPENDENCY_UNAVAILABLE,
  FORBIDDEN,
  RATE_LIMITED,
  UNAUTHORIZED,
  VALIDATION_FAILED,
} from './problem-examples.js';

@Route('api/v1/admin/audit')
@Tags('Admin: audit log')
@Security('bearer', ['audit:read'])
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
export class AuditController extends Controller {
  constructor(private readonly audit: AuditService) {
    super();
  }

  /**
   * Newest first.
   * @summary List audit log entries
   * @param limit page size, 1–200
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 200
   * @param cursor `nextCursor` of the previous page
   */
  @Get()
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public list(
    @Query() limit = 50,
    @Query() cursor?: string,
    @Query() actorUserId?: string,
    @Query() targetType?: string,
  ): Promise<AuditPage> {
    return this.audit.list({ limit, cursor, actorUserId, targetType });
  }
}
