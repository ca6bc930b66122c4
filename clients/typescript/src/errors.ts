import type { components } from './generated/schema.js';

/** RFC 9457 problem details as the API sends them (`application/problem+json`). */
export type Problem = components['schemas']['Problem'];

/**
 * A non-2xx answer. `code` is the API's permanent error code (switch on it, not on `title`);
 * `errors` lists the fields a 422 rejected; `retryAfterMs` is set when the API said when to come
 * back (429, 503) and the client's retry budget was spent.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(problem: Problem, init: { method: string; url: string; requestId?: string; retryAfterMs?: number }) {
    super(`${init.method} ${init.url} → ${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId ?? problem.requestId;
    this.retryAfterMs = init.retryAfterMs;
  }

  get title(): string {
    return this.problem.title;
  }

  get detail(): string | undefined {
    return this.problem.detail;
  }

  /** Per-field messages of a validation error (422), empty otherwise. */
  get errors(): NonNullable<Problem['errors']> {
    return this.problem.errors ?? [];
  }

  /**
   * Reads a failed response. Anything that is not problem+json (a proxy's HTML 502, say) still
   * becomes an ApiError, with code `http_<status>` and the start of the body as detail.
   */
  static async from(response: Response, method: string, url: string, retryAfterMs?: number): Promise<ApiError> {
    const text = await response.text().catch(() => '');
    const init = { method, url, requestId: response.headers.get('x-request-id') ?? undefined, retryAfterMs };
    const type = response.headers.get('content-type') ?? '';
    if (/[/+]json\b/.test(type)) {
      try {
        const body = JSON.parse(text) as Partial<Problem>;
        if (typeof body.code === 'string' && typeof body.title === 'string') {
          return new ApiError(
            { type: 'about:blank', ...body, status: body.status ?? response.status } as Problem,
            init,
          );
        }
      } catch {
        // not JSON after all: described below
      }
    }
    return new ApiError(
      {
        type: 'about:blank',
        title: response.statusText || `HTTP ${response.status}`,
        status: response.status,
        code: `http_${response.status}`,
        detail: text.slice(0, 500) || undefined,
      },
      init,
    );
  }
}
