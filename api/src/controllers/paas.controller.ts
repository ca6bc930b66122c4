import { Readable } from 'node:stream';
import type { Request as ExRequest } from 'express';
import {
  Body, Controller, Delete, Get, Header, Patch, Path, Post, Produces, Query, Request, Route, Security, SuccessResponse, Tags,
} from '@tsoa/runtime';
import type {
  CreatePaasAppRequest, PaasAppView, PaasAppWithSecret, PaasDeploymentView, PaasHookResult, PublicPaasApp, UpdatePaasAppRequest,
} from '../dtos/paas.dto.js';
import { actorOf } from '../middleware/authentication.js';
import { rawBodyOf } from '../middleware/raw-body.js';
import { sseFrame, type LogEvent } from '../services/paas/log-follow.js';
import type { PaasService } from '../services/paas/paas.service.js';

/**
 * PaaS apps: a git URL in, an isolated container out (clone → detect → Dockerfile → build → run →
 * health → switch). Building and running happen in the worker; these routes queue and report.
 */
@Route('api/v1/admin/paas')
@Tags('Admin: PaaS')
export class PaasController extends Controller {
  constructor(private readonly paas: PaasService) {
    super();
  }

  @Get('apps')
  @Security('bearer', ['paas:read'])
  @Security('cookie', ['paas:read'])
  public list(): Promise<PaasAppView[]> {
    return this.paas.list();
  }

  /** Creates an app (not yet deployed). The git webhook secret is in this response only. */
  @Post('apps')
  @SuccessResponse(201)
  @Security('bearer', ['paas:write'])
  @Security('cookie', ['paas:write'])
  public async create(@Body() body: CreatePaasAppRequest, @Request() req: ExRequest): Promise<PaasAppWithSecret> {
    this.setStatus(201);
    this.setHeader('Cache-Control', 'no-store');
    return this.paas.create(actorOf(req), body);
  }

  @Get('apps/{appId}')
  @Security('bearer', ['paas:read'])
  @Security('cookie', ['paas:read'])
  public get(@Path() appId: string): Promise<PaasAppView> {
    return this.paas.get(appId);
  }

  /** Name, repository, branch, variables (replaced whole) or public; build settings apply to the next deployment. */
  @Patch('apps/{appId}')
  @Security('bearer', ['paas:write'])
  @Security('cookie', ['paas:write'])
  public update(@Path() appId: string, @Body() body: UpdatePaasAppRequest, @Request() req: ExRequest): Promise<PaasAppView> {
    return this.paas.update(actorOf(req), appId, body);
  }

  /** Deletes the app; the worker then removes its container, images, network and checkout. */
  @Delete('apps/{appId}')
  @SuccessResponse(204)
  @Security('bearer', ['paas:write'])
  @Security('cookie', ['paas:write'])
  public async remove(@Path() appId: string, @Request() req: ExRequest): Promise<void> {
    await this.paas.delete(actorOf(req), appId);
    this.setStatus(204);
  }

  /** Queues a deployment (202), or returns the one already queued for this app (200: builds coalesce). */
  @Post('apps/{appId}/deployments')
  @SuccessResponse(202)
  @Security('bearer', ['paas:write'])
  @Security('cookie', ['paas:write'])
  public async deploy(@Path() appId: string, @Request() req: ExRequest): Promise<PaasDeploymentView> {
    const { deployment, created } = await this.paas.deploy(actorOf(req), appId, 'manual');
    this.setStatus(created ? 202 : 200);
    return deployment;
  }

  /**
   * Newest first, without logs.
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   */
  @Get('apps/{appId}/deployments')
  @Security('bearer', ['paas:read'])
  @Security('cookie', ['paas:read'])
  public deployments(@Path() appId: string, @Query() limit = 20): Promise<PaasDeploymentView[]> {
    return this.paas.deployments(appId, limit);
  }

  /** Stops the app's container (the router answers 503). Done by the worker: 202. */
  @Post('apps/{appId}/stop')
  @SuccessResponse(202)
  @Security('bearer', ['paas:write'])
  @Security('cookie', ['paas:write'])
  public async stop(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppView> {
    this.setStatus(202);
    return this.paas.control(actorOf(req), appId, 'stop');
  }

  /** Starts the stopped container again (re-created from the image when it is gone). */
  @Post('apps/{appId}/start')
  @SuccessResponse(202)
  @Security('bearer', ['paas:write'])
  @Security('cookie', ['paas:write'])
  public async start(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppView> {
    this.setStatus(202);
    return this.paas.control(actorOf(req), appId, 'start');
  }

  @Post('apps/{appId}/restart')
  @SuccessResponse(202)
  @Security('bearer', ['paas:write'])
  @Security('cookie', ['paas:write'])
  public async restart(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppView> {
    this.setStatus(202);
    return this.paas.control(actorOf(req), appId, 'restart');
  }

  /** A new git webhook secret, shown this once; the old one stops working at once. */
  @Post('apps/{appId}/rotate-hook-secret')
  @Security('bearer', ['paas:write'])
  @Security('cookie', ['paas:write'])
  public rotateHookSecret(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppWithSecret> {
    this.setHeader('Cache-Control', 'no-store');
    return this.paas.rotateHookSecret(actorOf(req), appId);
  }

  /**
   * A new ed25519 deploy key for the app (the public half is in `repoAccess.deployKey`; add it to the
   * repository and remove the old one). Audited.
   */
  @Post('apps/{appId}/deploy-key')
  @Security('bearer', ['paas:write'])
  @Security('cookie', ['paas:write'])
  public regenerateDeployKey(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppView> {
    return this.paas.regenerateDeployKey(actorOf(req), appId);
  }

  /** Forgets the ssh host key pinned at the first clone; the next clone pins the key the host presents then. Audited. */
  @Delete('apps/{appId}/host-key')
  @Security('bearer', ['paas:write'])
  @Security('cookie', ['paas:write'])
  public resetHostKey(@Path() appId: string, @Request() req: ExRequest): Promise<PaasAppView> {
    return this.paas.resetHostKey(actorOf(req), appId);
  }

  /** One deployment with its status, reason, generated Dockerfile and (once finished) the whole log. */
  @Get('deployments/{deploymentId}')
  @Security('bearer', ['paas:read'])
  @Security('cookie', ['paas:read'])
  public deployment(@Path() deploymentId: string): Promise<PaasDeploymentView> {
    return this.paas.deployment(deploymentId);
  }

  /**
   * The deployment log as Server-Sent Events: every line so far, then new lines live until the
   * pipeline ends (`event: end` with the final status). Each line's `id` is its line number; send
   * it back as `Last-Event-ID` (EventSource does on reconnect) to resume after it.
   */
  @Get('deployments/{deploymentId}/logs')
  @Produces('text/event-stream')
  @Security('bearer', ['paas:read'])
  @Security('cookie', ['paas:read'])
  public async logs(@Path() deploymentId: string, @Request() req: ExRequest, @Header('Last-Event-ID') lastEventId?: string): Promise<Readable> {
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
export class PublicPaasController extends Controller {
  constructor(private readonly paas: PaasService) {
    super();
  }

  /** Name, status and URL of a public app; 404 for unknown and private apps alike. */
  @Get('apps/{slug}')
  public app(@Path() slug: string): Promise<PublicPaasApp> {
    this.setHeader('Cache-Control', 'public, max-age=15');
    return this.paas.publicApp(slug);
  }

  /**
   * Git push webhook in GitHub's format (content type application/json): `X-Hub-Signature-256:
   * sha256=<hex HMAC-SHA256 of the raw body with the app's hook secret>`. A push to the app's branch
   * queues a deployment (202); other branches and events are acknowledged and ignored (200).
   */
  @Post('hooks/{appId}')
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
