import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ValidateError } from '@tsoa/runtime';
import multer from 'multer';
import type { Logger } from 'pino';
import { AppError, type FieldError } from '../errors/app-error.js';
import { Errors } from '../errors/catalogue.js';
import { sendProblem } from './problem.js';

interface HttpParserError extends Error {
  type?: string;
  status?: number;
  expose?: boolean;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
]);
const CONNECTION_NAMES = new Set([
  'ClientClosedError',
  'ClientOfflineError',
  'ConnectionTimeoutError',
  'SocketClosedUnexpectedlyError',
]);

/**
 * A backing service (MySQL, Redis) that is down or overloaded is not a bug in this request: the
 * client gets a 503 with Retry-After instead of a 500, and the detail goes to the log.
 */
export function isDependencyFailure(err: unknown): boolean {
  for (
    let e = err as { code?: string; name?: string; message?: string; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    if ((e.code && CONNECTION_CODES.has(e.code)) || (e.name && CONNECTION_NAMES.has(e.name))) return true;
    if (
      typeof e.message === 'string' &&
      /^(Pool is closed|Queue limit reached|Connection lost|connect ETIMEDOUT|The client is closed)/.test(e.message)
    )
      return true;
  }
  return false;
}

/** Maps any thrown value to a known AppError, or undefined when it is a bug. */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (isDependencyFailure(err)) {
    return Errors.dependencyUnavailable('A backing service is unavailable. Try again shortly.', undefined, {
      'Retry-After': '5',
    });
  }
  if (err instanceof ValidateError) {
    const fields = Object.entries(err.fields).flatMap(([field, f]) =>
      Object.entries(taggedUnionMember(field, f.message) ?? { [field]: f }),
    );
    const errors: FieldError[] = fields.map(([field, f]) => ({
      field,
      message: f.message,
      ...(f.value !== undefined ? { value: f.value } : {}),
    }));
    return Errors.validation(
      `${errors.length} field(s) failed validation: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }
  if (err instanceof multer.MulterError) return multerError(err);
  const column = columnTooLong(err);
  if (column)
    return Errors.validation(`${column} is too long.`, [{ field: column, message: 'too long for the stored value' }]);
  // The router cannot decode a path parameter (`%FF`, `%E0%A4%A`, a lone surrogate): the client's URL.
  if (err instanceof URIError) {
    return Errors.badRequest('The URL path is not valid percent-encoded UTF-8.', [
      { field: 'path', message: 'invalid percent-encoding' },
    ]);
  }
  const parserError = err as HttpParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return Errors.malformedJson('The request body is not valid JSON.', [{ field: 'body', message: 'invalid JSON' }]);
    case 'entity.too.large':
      return Errors.payloadTooLarge('The request body exceeds the size limit.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return Errors.unsupportedMediaType(parserError.message);
    default:
      if (parserError?.expose && parserError.status && parserError.status >= 400 && parserError.status < 500) {
        return Errors.badRequest(parserError.message);
      }
      return undefined;
  }
}

type TsoaFieldErrors = Record<string, { message: string; value?: unknown }>;
const UNION_FAILED = 'Could not match the union against any of the items. Issues: ';
const ENUM_FAILED = 'should be one of the following; ';

/**
 * tsoa reports a value that fits no member of a union as one error holding every member's errors.
 * In a tagged union (members told apart by a literal property, like an imported setting's `key`)
 * only the member whose tag matches says what is wrong, and its errors name the field
 * (`settings.$2.value.$0.href`); when no tag matches, the tag is the field.
 */
function taggedUnionMember(field: string, message: string): TsoaFieldErrors | undefined {
  if (!message.startsWith(UNION_FAILED)) return undefined;
  let members: TsoaFieldErrors[];
  try {
    members = JSON.parse(message.slice(UNION_FAILED.length)) as TsoaFieldErrors[];
  } catch {
    return undefined;
  }
  if (!Array.isArray(members) || members.length < 2) return undefined;
  const tagOf = (errors: TsoaFieldErrors) =>
    Object.entries(errors).find(
      ([f, e]) =>
        f.startsWith(`${field}.`) && !f.slice(field.length + 1).includes('.') && e.message.startsWith(ENUM_FAILED),
    );
  const tags = members.map(tagOf);
  const matching = members.filter((_, i) => !tags[i]);
  if (matching.length === 1) {
    // tsoa 6 names an element of a nested array from that array's name on (`value.$0.href`): a
    // member's arrays are its own properties, so such a path belongs under the member.
    return Object.fromEntries(
      Object.entries(matching[0]!).map(([f, e]) => [f === field || f.startsWith(`${field}.`) ? f : `${field}.${f}`, e]),
    );
  }
  const [first] = tags;
  if (matching.length || !first || tags.some((t) => t![0] !== first[0])) return undefined;
  const allowed = tags.map((t) => t![1].message.slice(ENUM_FAILED.length).replace(/^\[|\]$/g, '')).join(', ');
  return { [first[0]]: { message: `${ENUM_FAILED}[${allowed}]`, value: first[1].value } };
}

/**
 * A value longer than its column, in a field the contract leaves unbounded: the client's input, not
 * a bug (like Directus's VALUE_TOO_LONG). Named after the column, e.g. `body.coverMediaId`.
 */
function columnTooLong(err: unknown): string | undefined {
  const e = err as { code?: string; sqlMessage?: string; cause?: { code?: string; sqlMessage?: string } } | undefined;
  const cause = e?.code === 'ER_DATA_TOO_LONG' ? e : e?.cause?.code === 'ER_DATA_TOO_LONG' ? e.cause : undefined;
  if (!cause) return undefined;
  const column = /column '([^']+)'/.exec(cause.sqlMessage ?? '')?.[1];
  return column ? `body.${column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())}` : 'body';
}

/** Multipart limits (middleware/upload.ts): too big is 413, a wrong shape names the field. */
function multerError(err: multer.MulterError): AppError {
  const field = err.field ?? 'file';
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return Errors.payloadTooLarge('The uploaded file is larger than the upload limit.', [
        { field, message: 'file too large' },
      ]);
    case 'LIMIT_FIELD_VALUE':
      return Errors.validation(`The form field "${field}" is too long.`, [{ field, message: 'value too long' }]);
    case 'LIMIT_UNEXPECTED_FILE':
      return Errors.validation(`Unexpected file field "${field}"; send one image in the field "file".`, [
        { field, message: 'unexpected file field' },
      ]);
    default:
      return Errors.badRequest(`The multipart body breaks a limit: ${err.message}.`, [{ field, message: err.message }]);
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const known = toAppError(err);
    if (known?.status === 503)
      logger.warn({ err, requestId: res.locals.requestId, url: req.originalUrl }, 'dependency unavailable');
    if (known) {
      res.locals.errorCode = known.code;
      return sendProblem(res, known);
    }
    // A bug: the client learns nothing about internals, the log gets everything.
    logger.error({ err, requestId: res.locals.requestId, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.locals.errorCode = Errors.internal.code;
    sendProblem(
      res,
      Errors.internal(`Something went wrong. Quote request id ${res.locals.requestId} when reporting it.`),
    );
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, Errors.routeNotFound(`${req.method} ${req.path} does not exist.`));
};
