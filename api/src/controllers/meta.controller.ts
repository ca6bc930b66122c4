import { Controller, Get, Response, Route, Tags } from '@tsoa/runtime';
import type { ApiIndex } from '../dtos/health.dto.js';
import type { Problem } from '../dtos/problem.dto.js';
import { DEPENDENCY_UNAVAILABLE, RATE_LIMITED } from './problem-examples.js';

@Route('api/v1')
@Tags('Meta')
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
export class MetaController extends Controller {
  constructor(private readonly index: ApiIndex) {
    super();
  }

  /**
   * Where the contract and its docs live.
   * @summary Describe the API
   */
  @Get()
  public describe(): ApiIndex {
    return this.index;
  }
}
