import { Readable } from 'node:stream';
import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Patch,
  Path,
  Post,
  Produces,
  Query,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type {
  CreatePaasAppRequest,
  PaasAppView,
  PaasAppWithSecret,
  PaasDeploymentView,
  PaasHookResult,
  PublicPaasApp,
  UpdatePaasAppRequest,
} from '../dtos/paas.dto.js';
import { actorOf } from '../middleware/authentication.js';
import { rawBodyOf } from '../middleware/raw-body.js';
import { sseFrame, type LogEvent } from '../services/paas/log-follow.js';
import type { PaasService } from '../services/paas/paas.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  BAD_REQUEST,
  CONFLICT,
  DEPENDENCY_UNAVAILABLE,
  FORBIDDEN,
  NOT_FOUND,
  PAYLOAD_TOO_LARGE,
  RATE_LIMITED,
  UNAUTHORIZED,
  UNSUPPORTED_MEDIA_TYPE,
  VALIDATION_FAILED,
} from './problem-examples.js';
import { created } from './created.js';

/**
 * PaaS apps: a git URL in, an isolated container out (clone → detect → Dockerfile → build → run →
 * health → switch). Building and running happen in the worker; these routes queue and report.
 */
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
export class PaasController extends Controller {
  constructor(private readonly paas: PaasService) {
    super();
  }

  /**
   * Every app with its status, URL and last deployment.
   * @summary List PaaS apps
   */
  @Get('apps')
  @Security('bearer', ['paas:read'])
  public list(): Promise<PaasAppView[]> {
    return this.paas.list();
  }

  /**
   * Creates an app (not yet deployed). The git webhook secret is in this response only.
   * @summary Create a PaaS app
   */
  @Post('apps')
  @SuccessResponse<{ Location: string }>(201, 'Created')
  @Security('bearer', ['paas:write'])
  @Response<Problem>(409, 'The slug is taken (code CONFLICT)', CONFLICT)
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async create(@Body() body: CreatePaasAppRequest, @Request() req: ExRequest): Promise<PaasAppWithSecret> {
    this.setHeader('Cache-Control', 'no-store');
    return created(this, '/api/v1/admin/paas/apps', await this.paas.create(actorOf(req), body));
  }

  /**
   * One app with its settings, status, repository access and last deployments.
   * @summary Get a PaaS app
   */
  @Get('apps/{appId}')
  @Security('bearer', ['paas:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public get(@Path() appId: string): Promise<PaasAppView> {
    return this.paas.get(appId);
  }

  /**
   * Name, repository, branch, variables (replaced whole) or public; build settings apply to the next deployment.
   * @summary Update a PaaS app
   */
  @Patch('apps/{appId}')
  @Security('bearer', ['paas:write'])
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public update(
    @Path() appId: string,
    @Body() body: UpdatePaasAppRequest,
    @Request() req: ExRequest,
  ): Promise<PaasAppView> {
    return this.paas.update(actorOf(req), appId, body);
  }

  /**
   * Deletes the app; the worker then removes its container, images, network and checkout.
   * @summary Delete a PaaS app
   */
  @Delete('apps/{appId}')
  @SuccessResponse(204)
  @Security('bearer', ['paas:write'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async remove(@Path() appId: string, @Request() req: ExRequest): Promise<void> {
    await this.paas.delete(actorOf(req), appId);
    this.setStatus(204);
  }

  /**
   * Queues a deployment (202), or returns the one already queued for this app (200: builds coalesce).
   * @summary Deploy a PaaS app
   */
  @Post('apps/{appId}/deployments')
  @SuccessResponse(202)
  @Security('bearer', ['paas:write'])
  @Response<PaasDeploymentView>(200, 'A deployment was queued already: that one')
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async deploy(@Path() appId: string, @Request() req: ExRequest): Promise<PaasDeploymentView> {
    const { deployment, created } = await this.paas.deploy(actorOf(req), appId, 'manual');
    this.setStatus(created ? 202 : 200);
    return deployment;
  }

  /**
   * Newest first, without logs.
   * @summary List deployments of an app
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   */
  @Get('apps/{appId}/deployments')
  @Security('bearer', ['paas:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public deployments(@Path() appId: string, @Query() limit = 20): Promise<PaasDeploymentView[]> {
    return this.paas.deployments(appId, limit);
  }

  /**
   * Stops the app's container (the router answers 503). Done by the worker: 202.
   * @summary Stop a PaaS app
   */
  @Post('apps/{appId}/stop')
  @SuccessResponse(202)
  @Security('bearer', ['paas:write'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async stop(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppView> {
    this.setStatus(202);
    return this.paas.control(actorOf(req), appId, 'stop');
  }

  /**
   * Starts the stopped container again (re-created from the image when it is gone).
   * @summary Start a PaaS app
   */
  @Post('apps/{appId}/start')
  @SuccessResponse(202)
  @Security('bearer', ['paas:write'])
  @Response<Problem>(409, 'The app has never run: deploy it first (code CONFLICT)', CONFLICT)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async start(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppView> {
    this.setStatus(202);
    return this.paas.control(actorOf(req), appId, 'start');
  }

  /**
   * Restarts the app's container (done by the worker: 202).
   * @summary Restart a PaaS app
   */
  @Post('apps/{appId}/restart')
  @SuccessResponse(202)
  @Security('bearer', ['paas:write'])
  @Response<Problem>(409, 'The app has never run: deploy it first (code CONFLICT)', CONFLICT)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async restart(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppView> {
    this.setStatus(202);
    return this.paas.control(actorOf(req), appId, 'restart');
  }

  /**
   * A new git webhook secret, shown this once; the old one stops working at once.
   * @summary Rotate the git webhook secret
   */
  @Post('apps/{appId}/rotate-hook-secret')
  @Security('bearer', ['paas:write'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public rotateHookSecret(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppWithSecret> {
    this.setHeader('Cache-Control', 'no-store');
    return this.paas.rotateHookSecret(actorOf(req), appId);
  }

  /**
   * A new ed25519 deploy key for the app (the public half is in `repoAccess.deployKey`; add it to the
   * repository and remove the old one). Audited.
   * @summary Regenerate the deploy key
   */
  @Post('apps/{appId}/deploy-key')
  @Security('bearer', ['paas:write'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public regenerateDeployKey(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppView> {
    return this.paas.regenerateDeployKey(actorOf(req), appId);
  }

  /**
   * Forgets the ssh host key pinned at the first clone; the next clone pins the key the host presents then. Audited.
   * @summary Forget the pinned ssh host key
   */
  @Delete('apps/{appId}/host-key')
  @Security('bearer', ['paas:write'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public resetHostKey(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppView> {
    return this.paas.resetHostKey(actorOf(req), appId);
  }

  /**
   * One deployment with its status, reason, generated Dockerfile and (once finished) the whole log.
   * @summary Get a deployment
   */
  @Get('deployments/{deploymentId}')
  @Security('bearer', ['paas:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public deployment(@Path() deploymentId: string): Promise<PaasDeploymentView> {
    return this.paas.deployment(deploymentId);
  }

  /**
   * The deployment log as Server-Sent Events: every line so far, then new lines live until the
   * pipeline ends (`event: end` with the final status). Each line's `id` is its line number; send
   * it back as `Last-Event-ID` (EventSource does on reconnect) to resume after it.
   * @summary Follow a deployment log (SSE)
   */
  @Get('deployments/{deploymentId}/logs')
  @Produces('text/event-stream')
  @Security('bearer', ['paas:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  @Response<ValidationProblem>(
    422,
    'The id or `Last-Event-ID` is malformed; `errors` names it (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async logs(
    @Path() deploymentId: string,
    @Request() req: ExRequest,
    @Header('Last-Event-ID') lastEventId?: string,
  ): Promise<Readable> {
    const closed = new AbortController();
    req.res?.on('close', () => closed.abort());
    const events = await this.paas.followLogs(deploymentId, lastEventId, closed.signal);
    this.setHeader('Content-Type', 'text/event-stream');
    this.setHeader('Cache-Control', 'no-store');
    this.setHeader('X-Accel-Buffering', 'no');
    return Readable.from(frames(events));
  }
}

async function* frames(events: AsyncGenerator<LogEvent>): AsyncGenerator<string> {
  yield 'retry: 2000\n\n';
  for await (const event of events) yield sseFrame(event);
}

/** Public view of apps marked public (the site's /paas/<slug> page) and the git push webhook. */
@Route('api/v1/paas')
@Tags('PaaS')
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
export class PublicPaasController extends Controller {
  constructor(private readonly paas: PaasService) {
    super();
  }

  /**
   * Name, status and URL of a public app; 404 for unknown and private apps alike.
   * @summary Get a public PaaS app
   */
  @Get('apps/{slug}')
  @SuccessResponse<{ 'Cache-Control': string }>(200, 'The app')
  @Response<Problem>(404, 'Nothing published has this slug (code NOT_FOUND)', NOT_FOUND)
  public app(@Path() slug: string): Promise<PublicPaasApp> {
    this.setHeader('Cache-Control', 'public, max-age=15');
    return this.paas.publicApp(slug);
  }

  /**
   * Git push webhook in GitHub's format (content type application/json): `X-Hub-Signature-256:
   * sha256=<hex HMAC-SHA256 of the raw body with the app's hook secret>`. A push to the app's branch
   * queues a deployment (202); other branches and events are acknowledged and ignored (200).
   * @summary Receive a git push
   */
  @Post('hooks/{appId}')
  @Response<PaasHookResult>(202, "A push to the app's branch: a deployment was queued")
  @Response<Problem>(404, 'No such app (code NOT_FOUND)', NOT_FOUND)
  @Response<Problem>(400, 'The body is not JSON (code BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(415, 'Not sent as application/json (code UNSUPPORTED_MEDIA_TYPE)', UNSUPPORTED_MEDIA_TYPE)
  @Response<Problem>(401, 'Missing or wrong signature (code UNAUTHORIZED)', UNAUTHORIZED)
  public async hook(
    @Path() appId: string,
    @Request() req: ExRequest,
    @Header('X-Hub-Signature-256') signature?: string,
    @Header('X-GitHub-Event') event?: string,
  ): Promise<PaasHookResult> {
    const result = await this.paas.gitHook(appId, { signature, event, rawBody: rawBodyOf(req) });
    this.setStatus(result.result === 'deployed' ? 202 : 200);
    return result;
  }
}
