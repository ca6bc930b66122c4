import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, Path, Post, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from '../dtos/api-key.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { ApiKeyService } from '../services/api-key.service.js';

@Route('api/v1/admin/api-keys')
@Tags('Admin: API keys')
@Security('bearer', ['apikeys:manage'])
@Security('cookie', ['apikeys:manage'])
export class ApiKeysController extends Controller {
  constructor(private readonly keys: ApiKeyService) {
    super();
  }

  @Get()
  public list(): Promise<ApiKeyView[]> {
    return this.keys.list();
  }

  /** Creates a key. The secret is in this response only; it is stored hashed. */
  @Post()
  @SuccessResponse(201)
  public async create(@Body() body: CreateApiKeyRequest, @Request() req: ExRequest): Promise<CreatedApiKey> {
    this.setStatus(201);
    this.setHeader('Cache-Control', 'no-store');
    return this.keys.create(actorOf(req), body);
  }

  @Delete('{keyId}')
  @SuccessResponse(204)
  public async revoke(@Path() keyId: string, @Request() req: ExRequest): Promise<void> {
    await this.keys.revoke(actorOf(req), keyId);
    this.setStatus(204);
  }
}
