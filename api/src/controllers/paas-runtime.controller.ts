import { Readable } from 'node:stream';
import type { Request as ExRequest } from 'express';
import { Controller, Get, Header, Path, Produces, Query, Request, Route, Security, Tags } from '@tsoa/runtime';
import type { PaasAppMetrics } from '../dtos/paas-runtime.dto.js';
import { appLogFrame, type AppLogEvent } from '../services/paas/app-log-follow.js';
import type { PaasAppRuntimeService } from '../services/paas/app-runtime.service.js';

/** A running app's output and resource use, gathered from the engine by the worker. */
@Route('api/v1/admin/paas')
@Tags('Admin: PaaS')
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
   * @param tail lines of history first (default 200)
   * @isInt tail
   * @minimum tail 0
   * @maximum tail 1000
   */
  @Get('apps/{appId}/logs')
  @Produces('text/event-stream')
  @Security('bearer', ['paas:read'])
  @Security('cookie', ['paas:read'])
  public async appLogs(@Path() appId: string, @Request() req: ExRequest, @Query() tail = 200, @Header('Last-Event-ID') lastEventId?: string): Promise<Readable> {
    const closed = new AbortController();
    req.res?.on('close', () => closed.abort());
    const events = await this.runtime.followLogs(appId, tail, lastEventId, closed.signal);
    this.setHeader('Content-Type', 'text/event-stream');
    this.setHeader('Cache-Control', 'no-store');
    this.setHeader('X-Accel-Buffering', 'no');
    return Readable.from(frames(events));
  }

  /** CPU, memory and restarts of the app's serving container (nulls when none runs). */
  @Get('apps/{appId}/metrics')
  @Security('bearer', ['paas:read'])
  @Security('cookie', ['paas:read'])
  public appMetrics(@Path() appId: string): Promise<PaasAppMetrics> {
    this.setHeader('Cache-Control', 'no-store');
    return this.runtime.appMetrics(appId);
  }
}

async function* frames(events: AsyncGenerator<AppLogEvent>): AsyncGenerator<string> {
  yield 'retry: 2000\n\n';
  for await (const event of events) yield appLogFrame(event);
}
