import type { Request as ExRequest } from 'express';
import { Body, Controller, Post, Request, Response, Route, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Accepted } from '../dtos/auth.dto.js';
import type { ContactRequest } from '../dtos/contact.dto.js';
import { clientInfo } from '../middleware/authentication.js';
import type { ContactService } from '../services/contact.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  BAD_REQUEST,
  DEPENDENCY_UNAVAILABLE,
  PAYLOAD_TOO_LARGE,
  RATE_LIMITED,
  UNSUPPORTED_MEDIA_TYPE,
  VALIDATION_FAILED,
} from './problem-examples.js';

@Route('api/v1/contact')
@Tags('Contact')
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
export class ContactController extends Controller {
  constructor(private readonly contact: ContactService) {
    super();
  }

  /**
   * Sends a message to the site owner (stored in the admin inbox and e-mailed). Limited per IP
   * (`RATE_LIMIT_CONTACT_PER_HOUR`, 429 with Retry-After above it).
   * @summary Send a contact message
   */
  @Post()
  @SuccessResponse(202)
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
  public async submit(@Body() body: ContactRequest, @Request() req: ExRequest): Promise<Accepted> {
    this.setStatus(202);
    return this.contact.submit(body, clientInfo(req));
  }
}
