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
import type {
  CreateWebhookRequest,
  UpdateWebhookRequest,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookDeliveryView,
  WebhookView,
  WebhookWithSecret,
} from '../dtos/webhook.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { WebhookService } from '../services/webhooks/webhook.service.js';
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

/**
 * Signed webhooks (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`),
 * delivered from the outbox with retries over about a day and a delivery log with every attempt.
 */
@Route('api/v1/admin')
@Tags('Admin: webhooks')
@Security('bearer', ['webhooks:manage'])
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
export class WebhooksController extends Controller {
  constructor(private readonly webhooks: WebhookService) {
    super();
  }

  /**
   * Every webhook subscription with its events and state; secrets are never shown again.
   * @summary List webhooks
   */
  @Get('webhooks')
  public list(): Promise<WebhookView[]> {
    return this.webhooks.list();
  }

  /**
   * Creates a webhook. The signing secret is in this response only.
   * @summary Create a webhook
   */
  @Post('webhooks')
  @SuccessResponse<{ Location: string }>(201, 'Created')
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
  public async create(@Body() body: CreateWebhookRequest, @Request() req: ExRequest): Promise<WebhookWithSecret> {
    this.setHeader('Cache-Control', 'no-store');
    return created(this, '/api/v1/admin/webhooks', await this.webhooks.create(actorOf(req), body));
  }

  /**
   * One webhook subscription (without its secret).
   * @summary Get a webhook
   */
  @Get('webhooks/{webhookId}')
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public get(@Path() webhookId: string): Promise<WebhookView> {
    return this.webhooks.get(webhookId);
  }

  /**
   * Change name, URL (checked again), events or active.
   * @summary Update a webhook
   */
  @Patch('webhooks/{webhookId}')
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
    @Path() webhookId: string,
    @Body() body: UpdateWebhookRequest,
    @Request() req: ExRequest,
  ): Promise<WebhookView> {
    return this.webhooks.update(actorOf(req), webhookId, body);
  }

  /**
   * Deletes the webhook with its delivery log.
   * @summary Delete a webhook
   */
  @Delete('webhooks/{webhookId}')
  @SuccessResponse(204)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async remove(@Path() webhookId: string, @Request() req: ExRequest): Promise<void> {
    await this.webhooks.delete(actorOf(req), webhookId);
    this.setStatus(204);
  }

  /**
   * A new signing secret, shown this once; the old one stops working at once.
   * @summary Rotate a webhook secret
   */
  @Post('webhooks/{webhookId}/rotate-secret')
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public rotateSecret(@Path() webhookId: string, @Request() req: ExRequest): Promise<WebhookWithSecret> {
    this.setHeader('Cache-Control', 'no-store');
    return this.webhooks.rotateSecret(actorOf(req), webhookId);
  }

  /**
   * The delivery log, newest first, each delivery with all its attempts.
   * @summary List deliveries of a webhook
   * @param limit page size, 1–100
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   */
  @Get('webhooks/{webhookId}/deliveries')
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public deliveries(
    @Path() webhookId: string,
    @Query() limit = 20,
    @Query() cursor?: string,
    @Query() status?: WebhookDeliveryStatus,
  ): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveriesOf(webhookId, { limit, cursor, status });
  }

  /**
   * Sends a delivery again (dead ones included) with a fresh retry budget; its log keeps growing.
   * @summary Replay a delivery
   */
  @Post('webhook-deliveries/{deliveryId}/replay')
  @SuccessResponse(202)
  @Response<Problem>(409, 'The webhook is disabled (code CONFLICT)', CONFLICT)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async replay(@Path() deliveryId: string, @Request() req: ExRequest): Promise<WebhookDeliveryView> {
    this.setStatus(202);
    return this.webhooks.replay(actorOf(req), deliveryId);
  }
}
