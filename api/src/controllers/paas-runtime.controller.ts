import { Readable } from 'node:stream';
import type { Request as ExRequest } from 'express';
import {
  Controller,
  Get,
  Header,
  Path,
  Produces,
  Query,
  Request,
  Response,
  Route,
  Security,
  Tags,
} from '@tsoa/runtime';
import type { PaasAppMetrics } from '../dtos/paas-runtime.dto.js';
import { appLogFrame, type AppLogEvent } from '../services/paas/app-log-follow.js';
import type { PaasAppRuntimeService } from '../services/paas/app-runtime.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  DEPENDENCY_UNAVAILABLE,
  FORBIDDEN,
  NOT_FOUND,
  RATE_LIMITED,
  UNAUTHORIZED,
  VALIDATION_FAILED,
} from './problem-examples.js';

/** A running app's output and resource use, gathered from the engine by the worker. */
@Route('api/v1/admin/paas')
@Tags('Admin: PaaS')
@Response<Problem>(
  401,
  'No valid credentials: sign in, or send an access token or API key (codes UNAUTHORIZED, INVALID_TOKEN)',
  UNAUTHORIZED,
)
@Response<Problem>(
  403,
  'The credentials lack a scope this needs, or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
  FORBIDDEN,
)
@Response<Problem, { 'Retry-After': string }>(
  429,
  'Over the rate limit of the address or API key (code RATE_LIMITED); retry after Retry-After seconds',
  RATE_LIMITED,
)
@Response<Problem, { 'Retry-After': string }>(
  503,
  'A backing service (database, Redis, media store) is unavailable (code DEPENDENCY_UNAVAILABLE); retry after Retry-After seconds',
  DEPENDENCY_UNAVAILABLE,
)
export class PaasRuntimeController extends Controller {
  constructor(private readonly runtime: PaasAppRuntimeService) {
    super();
  }

  /**
   * The app's stdout and stderr as Server-Sent Events: the newest `tail` lines, then new lines as the
   * app writes them, across restarts and redeployments, until the client leaves (`event: end` when the
   * app is deleted). Each event's data is `{"ts", "stream": "stdout"|"stderr", "line"}`; its `id` is
   * the line's id: send it back as `Last-Event-ID` (EventSource does on reconnect) to get every
   * retained line after it instead of the tail.
   * @summary Follow an app's output (SSE)
   * @param tail lines of history first (default 200)
   * @isInt tail
   * @minimum tail 0
   * @maximum tail 1000
   */
  @Get('apps/{appId}/logs')
  @Produces('text/event-stream')
  @Security('bearer', ['paas:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async appLogs(
    @Path() appId: string,
    @Request() req: ExRequest,
    @Query() tail = 200,
    @Header('Last-Event-ID') lastEventId?: string,
  ): Promise<Readable> {
    const closed = new AbortController();
    req.res?.on('close', () => closed.abort());
    const events = await this.runtime.followLogs(appId, tail, lastEventId, closed.signal);
    this.setHeader('Content-Type', 'text/event-stream');
    this.setHeader('Cache-Control', 'no-store');
    this.setHeader('X-Accel-Buffering', 'no');
    return Readable.from(frames(events));
  }

  /**
   * CPU, memory and restarts of the app's serving container (nulls when none runs).
   * @summary Get an app's resource use
   */
  @Get('apps/{appId}/metrics')
  @Security('bearer', ['paas:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public appMetrics(@Path() appId: string): Promise<PaasAppMetrics> {
    this.setHeader('Cache-Control', 'no-store');
    return this.runtime.appMetrics(appId);
  }
}

async function* frames(events: AsyncGenerator<AppLogEvent>): AsyncGenerator<string> {
  yield 'retry: 2000\n\n';
  for await (const event of events) yield appLogFrame(event);
}
