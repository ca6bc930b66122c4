import { v7 as uuidv7 } from 'uuid';
import type { ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from '../dtos/api-key.dto.js';
import { Errors } from '../errors/catalogue.js';
import type { ApiKeyRepository, ApiKeyRow } from '../repositories/api-key.repository.js';
import type { AuditService } from './audit.service.js';
import { API_KEY_SCOPES, type Scope } from './auth/policy.js';
import { actorUserId, type Actor } from './auth/principal.js';
import { randomToken, sha256 } from './auth/token.service.js';

export const API_KEY_PREFIX = 'ovk_';

/** Third-party keys: scoped, optionally expiring, stored as SHA-256 only, secret shown once. */
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditService,
    /** Drops cached lookups so a revoked key stops working in this process at once (others within 10 s). */
    private readonly onRevoked: () => void = () => {},
  ) {}

  async create(actor: Actor, input: CreateApiKeyRequest): Promise<CreatedApiKey> {
    const bad = input.scopes.filter((s) => !API_KEY_SCOPES.includes(s));
    if (bad.length) {
      throw Errors.validation(
        `API keys cannot hold: ${bad.join(', ')}.`,
        bad.map((s) => ({ field: 'body.scopes', message: `scope ${s} is not grantable to API keys`, value: s })),
      );
    }
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && Number.isNaN(expiresAt.getTime())) {
      throw Errors.validation('The expiry is not a date.', [
        { field: 'body.expiresAt', message: 'must be an ISO 8601 date-time' },
      ]);
    }
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw Errors.validation('The expiry is in the past.', [
        { field: 'body.expiresAt', message: 'must be in the future' },
      ]);
    }
    const key = randomToken(API_KEY_PREFIX);
    const id = uuidv7();
    await this.keys.insert({
      id,
      name: input.name.trim(),
      prefix: key.slice(0, 12),
      keyHash: sha256(key),
      scopes: [...new Set(input.scopes)],
      expiresAt,
      createdBy: actorUserId(actor),
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
    });
    await this.audit.record(
      actor,
      'apikey.create',
      { type: 'api_key', id },
      { name: input.name, scopes: input.scopes },
    );
    return { ...toView((await this.keys.findById(id))!), key };
  }

  async list(): Promise<ApiKeyView[]> {
    return (await this.keys.list()).map(toView);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    const row = await this.keys.findById(id);
    if (!row) throw Errors.notFound('API key not found.');
    if (!row.revokedAt) await this.keys.revoke(id);
    this.onRevoked();
    await this.audit.record(actor, 'apikey.revoke', { type: 'api_key', id }, { name: row.name });
  }
}

export function toView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as Scope[],
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdAt: row.createdAt.toISOString(),
  };
}
