/** One entry of the catalogue: a permanent code, an HTTP status and a human title. */
export interface ErrorDefinition {
  readonly code: string;
  readonly status: number;
  readonly title: string;
}

export interface FieldError {
  /** Where the problem is, e.g. `body.email` or `query.limit`. */
  field: string;
  message: string;
  value?: unknown;
}

/** An expected failure. Its detail is safe to show to the client. */
export class AppError extends Error {
  /** Plain fields, not getters: tsoa's auth middleware assigns `error.status` on failures. */
  status: number;
  readonly code: string;

  constructor(
    readonly definition: ErrorDefinition,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? definition.title);
    this.name = 'AppError';
    this.status = definition.status;
    this.code = definition.code;
  }
}

export function defineError(code: string, status: number, title: string) {
  const definition: ErrorDefinition = Object.freeze({ code, status, title });
  const make = (detail?: string, errors?: FieldError[], headers?: Record<string, string>) =>
    new AppError(definition, detail, errors, headers);
  return Object.assign(make, { definition, code, status });
}
