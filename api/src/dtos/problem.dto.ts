/**
 * Error and header shapes of the published contract. Every error is an RFC 9457 problem document
 * (`application/problem+json`, made by middleware/problem.ts) with a permanent `code` from
 * errors/catalogue.ts; clients match on `code`, never on `title` or `detail`.
 */

/** One thing wrong with the request, by where it is. */
export interface ProblemFieldError {
  /** Where the problem is: `body.<field>`, `query.<name>`, `path.<name>` or `file`. */
  field: string;
  /** What is wrong, in English. */
  message: string;
  /** The value that was refused, when it is safe to echo (or details, e.g. where a media item is used). */
  value?: unknown;
}

/** An RFC 9457 problem document: what every error answer of this API is. */
export interface Problem {
  /** `https://omervision.dev/problems#<code>`: a stable URI per kind of error. */
  type: string;
  /** Short human summary of the kind of error (may be reworded; `code` never is). */
  title: string;
  /** The HTTP status, repeated. @isInt */
  status: number;
  /** What went wrong this time, safe to show to a user. */
  detail?: string;
  /** The request path this answer is about. */
  instance?: string;
  /** Permanent machine-readable code, e.g. `NOT_FOUND`, `VERSION_CONFLICT`, `RATE_LIMITED`. */
  code: string;
  /** The request's `X-Request-Id`, to quote when reporting a problem. */
  requestId?: string;
  /** Per-field details, when the error is about particular fields. */
  errors?: ProblemFieldError[];
}

/** A problem document about the request's input (code `VALIDATION_FAILED` or `BAD_REQUEST`), naming each field. */
export interface ValidationProblem extends Problem {
  /** One entry per refused field. */
  errors: ProblemFieldError[];
}
