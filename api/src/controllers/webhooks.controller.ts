import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, Patch, Path, Post, Query, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type {
  CreateWebhookRequest, UpdateWebhookRequest, WebhookDeliveryPage, WebhookDeliveryStatus, WebhookDeliveryView, WebhookView,
  WebhookWithSecret,
} from '../dtos/webhook.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { WebhookService } from '../services/webhooks/webhook.service.js';

/**
 * Signed webhooks (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`),
 * delivered from the outbox with retries over about a day and a delivery log with every attempt.
 */
@Route('api/v1/admin')
@Tags('Admin: webhooks')
@Security('bearer', ['webhooks:manage'])
@Security('cookie', ['webhooks:manage'])
export class WebhooksController extends Controller {
  constructor(private readonly webhooks: WebhookService) {
    super();
  }

  @Get('webhooks')
  public list(): Promise<WebhookView[]> {
    return this.webhooks.list();
  }

  /** Creates a webhook. The signing secret is in this response only. */
  @Post('webhooks')
  @SuccessResponse(201)
  public async create(@Body() body: CreateWebhookRequest, @Request() req: ExRequest): Promise<WebhookWithSecret> {
    this.setStatus(201);
    this.setHeader('Cache-Control', 'no-store');
    return this.webhooks.create(actorOf(req), body);
  }

  @Get('webhooks/{webhookId}')
  public get(@Path() webhookId: string): Promise<WebhookView> {
    return this.webhooks.get(webhookId);
  }

  /** Change name, URL (checked again), events or active. */
  @Patch('webhooks/{webhookId}')
  public update(@Path() webhookId: string, @Body() body: UpdateWebhookRequest, @Request() req: ExRequest): Promise<WebhookView> {
    return this.webhooks.update(actorOf(req), webhookId, body);
  }

  /** Deletes the webhook with its delivery log. */
  @Delete('webhooks/{webhookId}')
  @SuccessResponse(204)
  public async remove(@Path() webhookId: string, @Request() req: ExRequest): Promise<void> {
    await this.webhooks.delete(actorOf(req), webhookId);
    this.setStatus(204);
  }

  /** A new signing secret, shown this once; the old one stops working at once. */
  @Post('webhooks/{webhookId}/rotate-secret')
  public rotateSecret(@Path() webhookId: string, @Request() req: ExRequest): Promise<WebhookWithSecret> {
    this.setHeader('Cache-Control', 'no-store');
    return this.webhooks.rotateSecret(actorOf(req), webhookId);
  }

  /**
   * The delivery log, newest first, each delivery with all its attempts.
   * @param limit page size, 1–100
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   */
  @Get('webhooks/{webhookId}/deliveries')
  public deliveries(@Path() webhookId: string, @Query() limit = 20, @Query() cursor?: string, @Query() status?: WebhookDeliveryStatus): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveriesOf(webhookId, { limit, cursor, status });
  }

  /** Sends a delivery again (dead ones included) with a fresh retry budget; its log keeps growing. */
  @Post('webhook-deliveries/{deliveryId}/replay')
  @SuccessResponse(202)
  public async replay(@Path() deliveryId: string, @Request() req: ExRequest): Promise<WebhookDeliveryView> {
    this.setStatus(202);
    return this.webhooks.replay(actorOf(req), deliveryId);
  }
}
