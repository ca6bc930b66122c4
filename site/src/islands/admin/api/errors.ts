import { humanMessage, validationSummary } from './humanize';
import type { Schemas } from './types';

type Problem = Schemas['Problem'];

/** An API answer that is not a success, with the RFC 9457 problem and its field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | undefined;
  /**
   * Field errors keyed without the `body.`/`query.` prefix (`title`, `seo.description`,
   * `content.root…`), in words for people (the API's own text stays in `problem`).
   */
  readonly fields: Record<string, string>;

  constructor(status: number, problem: unknown) {
    const p = isProblem(problem) ? problem : undefined;
    // tsoa's summary names request paths ("1 field(s) failed validation: body.password"): say which fields instead.
    const generic =
      p?.code === 'VALIDATION_FAILED' && /field\(s\) failed validation/.test(p.detail ?? '') && p.errors?.length;
    super(
      generic
        ? validationSummary(p.errors!.map((e) => e.field))
        : p?.detail || p?.title || (status === 0 ? 'The API could not be reached.' : `The API answered ${status}.`),
    );
    this.name = 'ApiError';
    this.status = status;
    this.problem = p;
    this.code = p?.code ?? (status === 0 ? 'NETWORK' : String(status));
    this.fields = {};
    for (const e of p?.errors ?? []) {
      const key = e.field.replace(/^(body|query|path)\./, '');
      const text = humanMessage(e.message);
      this.fields[key] = this.fields[key] ? `${this.fields[key]} ${text}` : text;
    }
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/** Unwraps an openapi-fetch result: the data, or a thrown ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
  return result.data as T;
}

/** The human message of anything thrown by an API call. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return 'The API could not be reached. Check your connection and try again.';
  return err instanceof Error ? err.message : String(err);
}

/** Field errors of a thrown ApiError (empty for anything else). */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  return err instanceof ApiError ? err.fields : {};
}
