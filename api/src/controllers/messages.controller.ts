import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, Patch, Path, Query, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { ContactMessagePage, ContactMessageView, MessageStatus, UnreadCount, UpdateMessageRequest } from '../dtos/contact.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { ContactService } from '../services/contact.service.js';

@Route('api/v1/admin/messages')
@Tags('Admin: inbox')
export class MessagesController extends Controller {
  constructor(private readonly contact: ContactService) {
    super();
  }

  /**
   * Contact messages, newest first.
   * @param limit page size, 1–100
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   */
  @Get()
  @Security('bearer', ['inbox:read'])
  @Security('cookie', ['inbox:read'])
  public list(@Query() limit = 50, @Query() cursor?: string, @Query() status?: MessageStatus): Promise<ContactMessagePage> {
    this.setHeader('Cache-Control', 'no-store');
    return this.contact.list({ limit, cursor, status });
  }

  /** For the dashboard badge. */
  @Get('unread-count')
  @Security('bearer', ['inbox:read'])
  @Security('cookie', ['inbox:read'])
  public unreadCount(): Promise<UnreadCount> {
    this.setHeader('Cache-Control', 'no-store');
    return this.contact.unreadCount();
  }

  /** One message. Does not mark it read (PATCH does). */
  @Get('{messageId}')
  @Security('bearer', ['inbox:read'])
  @Security('cookie', ['inbox:read'])
  public get(@Path() messageId: string): Promise<ContactMessageView> {
    this.setHeader('Cache-Control', 'no-store');
    return this.contact.get(messageId);
  }

  /** Mark read or unread, or archive. */
  @Patch('{messageId}')
  @Security('bearer', ['inbox:write'])
  @Security('cookie', ['inbox:write'])
  public update(@Path() messageId: string, @Body() body: UpdateMessageRequest, @Request() req: ExRequest): Promise<ContactMessageView> {
    return this.contact.update(actorOf(req), messageId, body);
  }

  @Delete('{messageId}')
  @Security('bearer', ['inbox:write'])
  @Security('cookie', ['inbox:write'])
  @SuccessResponse(204)
  public async remove(@Path() messageId: string, @Request() req: ExRequest): Promise<void> {
    await this.contact.delete(actorOf(req), messageId);
    this.setStatus(204);
  }
}
