/**
 * Examples of the problem documents the contract lists (`@Response<Problem>(status, description,
 * EXAMPLE)`). tsoa reads these constants at generation time, so they must stay plain object
 * literals (no spreads, computed values or `as const`). Codes and titles are those of
 * errors/catalogue.ts; `problem-examples.spec.ts` keeps them in step.
 */

export const BAD_REQUEST = {
  type: 'https://omervision.dev/problems#MALFORMED_JSON',
  title: 'Malformed JSON body',
  status: 400,
  detail: 'Unexpected token } in JSON at position 17',
  instance: '/api/v1/admin/posts',
  code: 'MALFORMED_JSON',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
};

export const UNAUTHORIZED = {
  type: 'https://omervision.dev/problems#UNAUTHORIZED',
  title: 'Authentication required',
  status: 401,
  detail: 'Sign in, or send an access token or API key.',
  instance: '/api/v1/admin/posts',
  code: 'UNAUTHORIZED',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
};

export const FORBIDDEN = {
  type: 'https://omervision.dev/problems#FORBIDDEN',
  title: 'Forbidden',
  status: 403,
  detail: 'This needs the content:publish permission.',
  instance: '/api/v1/admin/posts/0197a3c2-8000-7d00-9e00-0123456789ab/publish',
  code: 'FORBIDDEN',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
};

export const NOT_FOUND = {
  type: 'https://omervision.dev/problems#NOT_FOUND',
  title: 'Not found',
  status: 404,
  detail: 'No post has this id.',
  instance: '/api/v1/admin/posts/0197a3c2-8000-7d00-9e00-0123456789ab',
  code: 'NOT_FOUND',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
};

export const CONFLICT = {
  type: 'https://omervision.dev/problems#CONFLICT',
  title: 'Conflict',
  status: 409,
  detail: 'The slug "hello-world" is taken.',
  instance: '/api/v1/admin/posts',
  code: 'CONFLICT',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
  errors: [{ field: 'body.slug', message: 'already in use' }],
};

export const VERSION_CONFLICT = {
  type: 'https://omervision.dev/problems#VERSION_CONFLICT',
  title: 'The resource was changed by someone else',
  status: 409,
  detail: 'Version 7 is not the current version (8). Reload and apply your changes again.',
  instance: '/api/v1/admin/posts/0197a3c2-8000-7d00-9e00-0123456789ab',
  code: 'VERSION_CONFLICT',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
};

export const PAYLOAD_TOO_LARGE = {
  type: 'https://omervision.dev/problems#PAYLOAD_TOO_LARGE',
  title: 'Request body too large',
  status: 413,
  detail: 'The request body exceeds the size limit.',
  instance: '/api/v1/admin/posts',
  code: 'PAYLOAD_TOO_LARGE',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
};

export const UNSUPPORTED_MEDIA_TYPE = {
  type: 'https://omervision.dev/problems#UNSUPPORTED_MEDIA_TYPE',
  title: 'Unsupported media type',
  status: 415,
  detail: 'Send the body as application/json.',
  instance: '/api/v1/admin/posts',
  code: 'UNSUPPORTED_MEDIA_TYPE',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
};

export const VALIDATION_FAILED = {
  type: 'https://omervision.dev/problems#VALIDATION_FAILED',
  title: 'Validation failed',
  status: 422,
  detail: 'body.title: must not be empty',
  instance: '/api/v1/admin/posts',
  code: 'VALIDATION_FAILED',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
  errors: [{ field: 'body.title', message: 'must not be empty', value: '' }],
};

export const RATE_LIMITED = {
  type: 'https://omervision.dev/problems#RATE_LIMITED',
  title: 'Too many requests',
  status: 429,
  detail: 'Too many requests from this address. Slow down.',
  instance: '/api/v1/posts',
  code: 'RATE_LIMITED',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
};

export const DEPENDENCY_UNAVAILABLE = {
  type: 'https://omervision.dev/problems#DEPENDENCY_UNAVAILABLE',
  title: 'A required service is unavailable',
  status: 503,
  detail: 'A backing service is unavailable. Try again shortly.',
  instance: '/api/v1/posts',
  code: 'DEPENDENCY_UNAVAILABLE',
  requestId: '0197a3c2-8000-7d00-9e00-0123456789ab',
};
