export { createOmerVisionClient } from './client.js';
export type {
  ClientOptions,
  GetData,
  OmerVisionClient,
  PageItem,
  PaginateInit,
  PaginatedPath,
  Schemas,
} from './client.js';
export { ApiError, type Problem } from './errors.js';
export { parseRetryAfter, retryingFetch, RETRY_STATUSES, type RetryOptions } from './retrying-fetch.js';
export type { components, operations, paths } from './generated/schema.js';
export type { WebhookEvent, WebhookEventType } from './webhooks.js';
