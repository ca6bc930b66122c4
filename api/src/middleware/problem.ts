import type { Response } from 'express';
import type { AppError, FieldError } from '../errors/app-error.js';
import { PROBLEM_BASE } from '../errors/catalogue.js';

/** RFC 9457 problem details, plus our permanent `code` and per-field `errors`. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

export function toProblem(error: AppError, instance?: string, requestId?: string): ProblemDocument {
  return {
    type: `${PROBLEM_BASE}#${error.code}`,
    title: error.definition.title,
    status: error.status,
    ...(error.detail && error.detail !== error.definition.title ? { detail: error.detail } : {}),
    ...(instance ? { instance } : {}),
    code: error.code,
    ...(requestId ? { requestId } : {}),
    ...(error.errors?.length ? { errors: error.errors } : {}),
  };
}

export function sendProblem(res: Response, error: AppError): void {
  const req = res.req;
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  res
    .status(error.status)
    .type('application/problem+json')
    .send(JSON.stringify(toProblem(error, req.originalUrl.split('?')[0], res.locals.requestId)));
}
