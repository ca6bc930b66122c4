import { v7 as uuidv7 } from 'uuid';
import type {
  CreateSiteBuildRequest,
  SiteBuildDetail,
  SiteBuildPage,
  SiteBuildStatus,
  SiteBuildView,
  SiteRebuildAccepted,
  SiteRollbackResult,
  UpdateSiteBuildRequest,
} from '../dtos/site-build.dto.js';
import { Errors } from '../errors/catalogue.js';
import type { Tx } from '../repositories/database.js';
import type { OutboxEvent } from '../repositories/outbox.repository.js';
import type {
  BuilderAnswer,
  BuilderCall,
  SiteBuildPatch,
  SiteBuildRepository,
  SiteBuildRow,
} from '../repositories/site-build.repository.js';
import type { WebhookRow } from '../repositories/webhook.repository.js';
import type { AuditService } from './audit.service.js';
import type { Actor } from './auth/principal.js';
import { openSecret, signedHeaders, type Sealer } from './webhooks/signature.js';

const FINISHED: SiteBuildStatus[] = ['succeeded', 'failed', 'superseded'];
/** Where the builder listens for the API's signed calls (the site.changed webhook lives next to it). */
export const BUILDER_HOOK_PATH = '/_builder/hooks/site-changed';
export const BUILDER_ROLLBACK_PATH = '/_builder/rollback';

export interface SiteBuildDeps {
  builds: SiteBuildRepository;
  tx: { run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> };
  outbox: { add(event: OutboxEvent, tx: Tx): Promise<string> };
  webhooks: { list(): Promise<WebhookRow[]> };
  secrets: Sealer;
  http: { post(call: BuilderCall): Promise<BuilderAnswer | null> };
  audit: AuditService;
  /** SITE_BUILDER_URL: the builder's own base URL. */
  builderUrl: string;
}

/**
 * Build records of the static site (written by the builder with its API key), manual rebuilds (a
 * `site.changed` event, so they take the same path as a publish) and rollbacks (forwarded to the
 * builder, signed like a webhook with the secret of the builder's own subscription).
 */
export class SiteBuildService {
  constructor(private readonly d: SiteBuildDeps) {}

  async list(opts: { limit: number; cursor?: string }): Promise<SiteBuildPage> {
    const rows = await this.d.builds.list({ limit: opts.limit + 1, before: opts.cursor });
    const page = rows.slice(0, opts.limit);
    return { items: page.map(toView), nextCursor: rows.length > opts.limit ? page[page.length - 1]!.id : null };
  }

  async get(id: string): Promise<SiteBuildDetail> {
    return toDetail(await this.require(id));
  }

  async open(actor: Actor, input: CreateSiteBuildRequest): Promise<SiteBuildDetail> {
    const id = uuidv7();
    const status = input.status ?? 'building';
    await this.d.builds.insert({
      id,
      trigger: input.trigger,
      status,
      startedAt: status === 'building' ? new Date() : null,
    });
    await this.d.audit.record(actor, 'site.build.open', { type: 'site_build', id }, { trigger: input.trigger, status });
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: UpdateSiteBuildRequest): Promise<SiteBuildDetail> {
    const row = await this.require(id);
    if (FINISHED.includes(row.status))
      throw Errors.conflict(`This build is ${row.status} already; a finished build does not change.`);
    const patch: SiteBuildPatch = {
      status: input.status,
      release: input.release,
      pagesBuilt: input.pagesBuilt,
      pagesSkipped: input.pagesSkipped,
      durationMs: input.durationMs,
      log: input.log,
      error: input.error,
    };
    if (input.status === 'building' && !row.startedAt) patch.startedAt = new Date();
    if (input.status && FINISHED.includes(input.status)) patch.finishedAt = new Date();
    for (const key of Object.keys(patch) as (keyof SiteBuildPatch)[]) if (patch[key] === undefined) delete patch[key];
    if (!(await this.d.builds.updateOpen(id, patch, row)))
      throw Errors.conflict('This build finished meanwhile; a finished build does not change.');
    if (patch.finishedAt) {
      await this.d.audit.record(
        actor,
        'site.build.finish',
        { type: 'site_build', id },
        {
          status: [row.status, input.status],
          release: input.release ?? row.release,
          durationMs: input.durationMs,
        },
      );
    }
    return this.get(id);
  }

  /** Emits `site.changed` (cause `manual`): the builder gets it through its webhook like any publish. */
  async rebuild(actor: Actor): Promise<SiteRebuildAccepted> {
    const requestId = uuidv7();
    const eventId = await this.d.tx.run((tx) =>
      this.d.outbox.add(
        {
          type: 'site.changed',
          aggregateType: 'site',
          aggregateId: requestId,
          payload: { cause: 'manual', at: new Date().toISOString() },
        },
        tx,
      ),
    );
    await this.d.audit.record(actor, 'site.rebuild', { type: 'site', id: requestId }, { eventId });
    return { eventId };
  }

  /** Asks the builder to point `current` at an earlier release; recorded as a build with trigger `rollback`. */
  async rollback(actor: Actor, release?: string): Promise<SiteRollbackResult> {
    const started = Date.now();
    const hookUrl = new URL(BUILDER_HOOK_PATH, this.d.builderUrl).toString();
    const hook = (await this.d.webhooks.list()).find((h) => h.url === hookUrl);
    if (!hook)
      throw Errors.conflict(
        `No webhook subscription points at the site builder (${hookUrl}); run the seed (make seed) to create it.`,
      );
    const body = JSON.stringify({
      type: 'site.rollback',
      timestamp: new Date().toISOString(),
      data: { release: release ?? null },
    });
    const answer = await this.d.http.post({
      url: new URL(BUILDER_ROLLBACK_PATH, this.d.builderUrl).toString(),
      headers: {
        ...signedHeaders(
          openSecret(hook.secret, this.d.secrets),
          `rb_${uuidv7()}`,
          Math.floor(Date.now() / 1000),
          body,
        ),
      },
      body,
      timeoutMs: 10_000,
    });
    if (!answer)
      throw Errors.dependencyUnavailable(`The site builder at ${this.d.builderUrl} did not answer; is it running?`);
    const result = answer.body as { release?: string; previous?: string | null; error?: string };
    if (answer.status === 404) throw Errors.notFound(result.error ?? 'The builder has no such release.');
    if (answer.status === 409) throw Errors.conflict(result.error ?? 'The builder cannot roll back now.');
    if (answer.status !== 200 || typeof result.release !== 'string') {
      throw Errors.dependencyUnavailable(`The site builder refused the rollback (HTTP ${answer.status}).`);
    }
    const id = uuidv7();
    const now = new Date();
    await this.d.builds.insert({
      id,
      trigger: 'rollback',
      status: 'succeeded',
      release: result.release,
      pagesBuilt: 0,
      durationMs: Date.now() - started,
      startedAt: new Date(started),
      finishedAt: now,
      log: `rolled back from ${result.previous ?? '(none)'} to ${result.release}\n`,
    });
    await this.d.audit.record(
      actor,
      'site.rollback',
      { type: 'site_build', id },
      { release: [result.previous ?? null, result.release] },
    );
    return { release: result.release, previous: result.previous ?? null, buildId: id };
  }

  private async require(id: string): Promise<SiteBuildRow> {
    const row = await this.d.builds.findById(id);
    if (!row) throw Errors.notFound('Site build not found.');
    return row;
  }
}

function toView(row: SiteBuildRow): SiteBuildView {
  return {
    id: row.id,
    status: row.status,
    trigger: row.trigger,
    release: row.release,
    pagesBuilt: row.pagesBuilt,
    pagesSkipped: row.pagesSkipped,
    durationMs: row.durationMs,
    error: row.error,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function toDetail(row: SiteBuildRow): SiteBuildDetail {
  return { ...toView(row), log: row.log };
}
