import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Delete,
  Get,
  Patch,
  Path,
  Query,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type {
  ContactMessagePage,
  ContactMessageView,
  MessageStatus,
  UnreadCount,
  UpdateMessageRequest,
} from '../dtos/contact.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { ContactService } from '../services/contact.service.js';
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

@Route('api/v1/admin/messages')
@Tags('Admin: inbox')
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
export class MessagesController extends Controller {
  constructor(private readonly contact: ContactService) {
    super();
  }

  /**
   * Contact messages, newest first.
   * @summary List contact messages
   * @param limit page size, 1–100
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   */
  @Get()
  @Security('bearer', ['inbox:read'])
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public list(
    @Query() limit = 50,
    @Query() cursor?: string,
    @Query() status?: MessageStatus,
  ): Promise<ContactMessagePage> {
    this.setHeader('Cache-Control', 'no-store');
    return this.contact.list({ limit, cursor, status });
  }

  /**
   * For the dashboard badge.
   * @summary Count unread messages
   */
  @Get('unread-count')
  @Security('bearer', ['inbox:read'])
  public unreadCount(): Promise<UnreadCount> {
    this.setHeader('Cache-Control', 'no-store');
    return this.contact.unreadCount();
  }

  /**
   * One message. Does not mark it read (PATCH does).
   * @summary Get a contact message
   */
  @Get('{messageId}')
  @Security('bearer', ['inbox:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public get(@Path() messageId: string): Promise<ContactMessageView> {
    this.setHeader('Cache-Control', 'no-store');
    return this.contact.get(messageId);
  }

  /**
   * Mark read or unread, or archive.
   * @summary Update a contact message
   */
  @Patch('{messageId}')
  @Security('bearer', ['inbox:write'])
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
    @Path() messageId: string,
    @Body() body: UpdateMessageRequest,
    @Request() req: ExRequest,
  ): Promise<ContactMessageView> {
    return this.contact.update(actorOf(req), messageId, body);
  }

  /**
   * Deletes the message for good.
   * @summary Delete a contact message
   */
  @Delete('{messageId}')
  @Security('bearer', ['inbox:write'])
  @SuccessResponse(204)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async remove(@Path() messageId: string, @Request() req: ExRequest): Promise<void> {
    await this.contact.delete(actorOf(req), messageId);
    this.setStatus(204);
  }
}
