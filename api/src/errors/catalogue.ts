import { defineError } from './app-error.js';

/**
 * The error catalogue. Codes are permanent: clients match on them, so rename the title freely but
 * never the code. `type` in a problem document is `${PROBLEM_BASE}#${code}`.
 */
export const Errors = {
  badRequest: defineError('BAD_REQUEST', 400, 'Bad request'),
  malformedJson: defineError('MALFORMED_JSON', 400, 'Malformed JSON body'),
  unauthorized: defineError('UNAUTHORIZED', 401, 'Authentication required'),
  invalidCredentials: defineError('INVALID_CREDENTIALS', 401, 'Invalid credentials'),
  invalidToken: defineError('INVALID_TOKEN', 401, 'Invalid or expired token'),
  totpRequired: defineError('TOTP_REQUIRED', 401, 'A two-factor code is required'),
  refreshReused: defineError('REFRESH_TOKEN_REUSED', 401, 'Refresh token already used; the session was revoked'),
  forbidden: defineError('FORBIDDEN', 403, 'Forbidden'),
  csrf: defineError('CSRF_FAILED', 403, 'CSRF check failed'),
  notFound: defineError('NOT_FOUND', 404, 'Not found'),
  routeNotFound: defineError('ROUTE_NOT_FOUND', 404, 'No such route'),
  methodNotAllowed: defineError('METHOD_NOT_ALLOWED', 405, 'Method not allowed'),
  conflict: defineError('CONFLICT', 409, 'Conflict'),
  versionConflict: defineError('VERSION_CONFLICT', 409, 'The resource was changed by someone else'),
  preconditionFailed: defineError('PRECONDITION_FAILED', 412, 'Precondition failed'),
  payloadTooLarge: defineError('PAYLOAD_TOO_LARGE', 413, 'Request body too large'),
  unsupportedMediaType: defineError('UNSUPPORTED_MEDIA_TYPE', 415, 'Unsupported media type'),
  headersTooLarge: defineError('HEADERS_TOO_LARGE', 431, 'Request header fields too large'),
  validation: defineError('VALIDATION_FAILED', 422, 'Validation failed'),
  rateLimited: defineError('RATE_LIMITED', 429, 'Too many requests'),
  internal: defineError('INTERNAL', 500, 'Internal server error'),
  dependencyUnavailable: defineError('DEPENDENCY_UNAVAILABLE', 503, 'A required service is unavailable'),
  storageUnavailable: defineError('STORAGE_UNAVAILABLE', 503, 'The media store is unavailable'),
  mediaInUse: defineError('MEDIA_IN_USE', 409, 'The media is in use'),
  backupRefused: defineError('BACKUP_REFUSED', 409, 'The restore was refused'),
  backupInvalid: defineError('BACKUP_INVALID', 422, 'The backup archive cannot be used'),
  backupPassphrase: defineError('BACKUP_PASSPHRASE', 422, 'Wrong or missing backup passphrase'),
} as const;

export const PROBLEM_BASE = 'https://omervision.dev/problems';
