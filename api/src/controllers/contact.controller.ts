import type { Request as ExRequest } from 'express';
import { Body, Controller, Post, Request, Route, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Accepted } from '../dtos/auth.dto.js';
import type { ContactRequest } from '../dtos/contact.dto.js';
import { clientInfo } from '../middleware/authentication.js';
import type { ContactService } from '../services/contact.service.js';

@Route('api/v1/contact')
@Tags('Contact')
export class ContactController extends Controller {
  constructor(private readonly contact: ContactService) {
    super();
  }

  /**
   * Sends a message to the site owner (stored in the admin inbox and e-mailed). Limited per IP
   * (`RATE_LIMIT_CONTACT_PER_HOUR`, 429 with Retry-After above it).
   */
  @Post()
  @SuccessResponse(202)
  public async submit(@Body() body: ContactRequest, @Request() req: ExRequest): Promise<Accepted> {
    this.setStatus(202);
    return this.contact.submit(body, clientInfo(req));
  }
}
