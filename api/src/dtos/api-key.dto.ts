import type { Scope } from '../services/auth/policy.js';

export interface CreateApiKeyRequest {
  /** @minLength 1 @maxLength 120 */
  name: string;
  /** Any of content:read, content:write, content:publish, media:read, media:write, inbox:read, paas:read, site:read, site:build. @minItems 1 */
  scopes: Scope[];
  /** ISO 8601; omitted = never expires. @format date-time */
  expiresAt?: string;
  /** Requests per minute for this key (default 600). @isInt @minimum 1 @maximum 100000 */
  rateLimitPerMinute?: number;
}

export interface ApiKeyView {
  id: string;
  name: string;
  /** The first characters of the key, to recognise it. */
  prefix: string;
  scopes: Scope[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  rateLimitPerMinute: number | null;
  createdAt: string;
}

export interface CreatedApiKey extends ApiKeyView {
  /** The secret, shown this once: send it as `Authorization: Bearer <key>` or `X-API-Key`. */
  key: string;
}
