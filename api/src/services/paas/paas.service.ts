import { v7 as uuidv7 } from 'uuid';
import type {
  CreatePaasAppRequest,
  PaasAppView,
  PaasAppWithSecret,
  PaasDeploymentView,
  PaasHookResult,
  PublicPaasApp,
  UpdatePaasAppRequest,
} from '../../dtos/paas.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { PaasControlJobData } from '../../jobs/job-spec.js';
import type { PaasLogRepository } from '../../repositories/paas-log.repository.js';
import type { AppPatch, PaasAppRow, PaasRepository } from '../../repositories/paas.repository.js';
import { changes, type AuditService } from '../audit.service.js';
import { actorUserId, type Actor } from '../auth/principal.js';
import type { Resolver } from '../webhooks/url-guard.js';
import type { Sealer } from '../webhooks/signature.js';
import { hostKeyAlias } from '../../domain/paas/git-access.js';
import { branchProblem, checkRepoUrl, pushedBranch, type RepoSource } from './git-source.js';
import { followDeploymentLog, type LogEvent } from './log-follow.js';
import { settingsOf } from './build-settings.js';
import { accessAudit, checkToken, checkUsername, deployKeyColumns, isSshUrl } from './repo-access.js';
import {
  buildColumns,
  checkBuild,
  checkEnv,
  generateHookSecret,
  slugify,
  toAppView,
  toDeploymentView,
  verifyHubSignature,
  type PaasUrls,
} from './views.js';

/** The producer side of the PaaS jobs (the API never touches Docker; the worker does). */
export interface PaasJobs {
  deploy(deploymentId: string): Promise<void>;
  control(data: PaasControlJobData): Promise<void>;
}

/** Admin management of PaaS apps, their deployments and logs; the public app view; git webhooks. */
export class PaasService {
  constructor(
    private readonly repo: PaasRepository,
    private readonly logs: PaasLogRepository,
    private readonly jobs: PaasJobs,
    private readonly audit: AuditService,
    private readonly hookSecrets: Sealer,
    /** Seals access tokens and deploy keys (a purpose of its own). */
    private readonly repoSecrets: Sealer,
    private readonly urls: PaasUrls,
    private readonly options: { allowLocalRepos: boolean | 'loopback'; resolve?: Resolver },
  ) {}

  async list(): Promise<PaasAppView[]> {
    const apps = await this.repo.listApps();
    return Promise.all(apps.map((app) => this.view(app)));
  }

  async get(id: string): Promise<PaasAppView> {
    return this.view(await this.require(id));
  }

  async create(actor: Actor, input: CreatePaasAppRequest): Promise<PaasAppWithSecret> {
    const name = input.name.trim();
    if (!name)
      throw Errors.validation('The name must not be blank.', [{ field: 'body.name', message: 'must not be blank' }]);
    const repoUrl = (await this.checkUrl(input.repoUrl, input.deployKey === true)).url;
    // No branch: the repository's default branch (main, master, trunk…), resolved at each clone.
    const branch = input.branch === undefined || input.branch === null ? null : checkBranch(input.branch);
    const env = checkEnv(input.env);
    const build = checkBuild(input.build);
    const hookSecret = generateHookSecret();
    const id = uuidv7();
    const token = this.tokenColumns(input, repoUrl);
    const row = {
      id,
      name,
      repoUrl,
      branch,
      env,
      isPublic: input.public ?? false,
      runAsRoot: input.runAsRoot ?? false,
      ...buildColumns(build),
      ...token,
      hookSecret: this.hookSecrets.seal(hookSecret),
      createdBy: actorUserId(actor),
    };
    // The deploy key's comment names the slug, so it is made with each slug tried.
    const withKey = (slug: string) => ({
      ...row,
      slug,
      ...(input.deployKey ? deployKeyColumns(this.repoSecrets, slug) : {}),
    });
    if (input.slug) {
      if (!(await this.repo.insertApp(withKey(input.slug))))
        throw Errors.conflict(`The slug "${input.slug}" is taken.`);
    } else {
      const base = slugify(name);
      let inserted = false;
      for (let n = 1; n <= 20 && !inserted; n++) {
        const slug = n === 1 ? base : `${base.slice(0, 36)}-${n}`;
        inserted = !(await this.repo.slugTaken(slug)) && (await this.repo.insertApp(withKey(slug)));
      }
      if (!inserted) throw Errors.conflict(`No free slug near "${base}"; choose one with "slug".`);
    }
    const stored = await this.require(id);
    await this.audit.record(
      actor,
      'paas.app.create',
      { type: 'paas_app', id },
      {
        name,
        repoUrl,
        branch,
        envKeys: Object.keys(env),
        public: row.isPublic,
        runAsRoot: row.runAsRoot,
        ...(Object.keys(build).length ? { build } : {}),
        ...(stored.gitToken || stored.deployKey ? { access: accessAudit(stored) } : {}),
      },
    );
    if (row.runAsRoot) await this.recordRunAsRoot(actor, id, true);
    return { ...(await this.get(id)), hookSecret };
  }

  async update(actor: Actor, id: string, input: UpdatePaasAppRequest): Promise<PaasAppView> {
    const app = await this.require(id);
    const build = checkBuild(input.build);
    const patch: AppPatch = { ...buildColumns(build), ...(await this.accessPatch(app, input)) };
    if (input.name !== undefined) patch.name = input.name.trim() || app.name;
    if (input.branch !== undefined) patch.branch = input.branch === null ? null : checkBranch(input.branch);
    if (input.env !== undefined) patch.env = checkEnv(input.env);
    if (input.public !== undefined) patch.isPublic = input.public;
    if (input.runAsRoot !== undefined) patch.runAsRoot = input.runAsRoot;
    if (Object.keys(patch).length) await this.repo.updateApp(id, patch);
    await this.audit.record(
      actor,
      'paas.app.update',
      { type: 'paas_app', id },
      changes(
        {
          name: app.name,
          repoUrl: app.repoUrl,
          branch: app.branch,
          envKeys: [...app.env.names],
          public: app.isPublic,
          runAsRoot: app.runAsRoot,
          build: settingsOf(app),
          access: accessAudit(app),
        },
        {
          name: patch.name,
          repoUrl: patch.repoUrl,
          branch: patch.branch,
          envKeys: patch.env && Object.keys(patch.env).sort(),
          public: patch.isPublic,
          runAsRoot: patch.runAsRoot,
          build: Object.keys(build).length ? { ...settingsOf(app), ...build } : undefined,
          // A new token is a change even when the audit cannot show its value.
          access: [patch.gitToken, patch.gitUsername, patch.deployKeyPublic, patch.sshKnownHost].some(
            (v) => v !== undefined,
          )
            ? {
                ...accessAudit({ ...app, ...patch }),
                ...(typeof patch.gitToken === 'string' ? { token: app.gitToken ? 'replaced' : 'set' } : {}),
              }
            : undefined,
        },
      ),
    );
    if (patch.runAsRoot !== undefined && patch.runAsRoot !== app.runAsRoot)
      await this.recordRunAsRoot(actor, id, patch.runAsRoot);
    return this.get(id);
  }

  /** Removes the app now; the worker removes its containers, images, network and checkout. */
  async delete(actor: Actor, id: string): Promise<void> {
    const app = await this.require(id);
    const deploymentIds = (await this.repo.listDeployments(id, 1000)).map((d) => d.id);
    await this.repo.deleteApp(id);
    await this.jobs.control({ appId: id, action: 'delete', requestedAt: Date.now(), deploymentIds });
    await this.audit.record(actor, 'paas.app.delete', { type: 'paas_app', id }, { name: app.name, slug: app.slug });
  }

  /**
   * Queues a deployment. Builds for one app coalesce: while one is still queued, asking again
   * returns that one (it will build the branch's newest commit anyway).
   */
  async deploy(
    actor: Actor | null,
    appId: string,
    trigger: 'manual' | 'webhook',
  ): Promise<{ deployment: PaasDeploymentView; created: boolean }> {
    const app = await this.require(appId);
    const queued = await this.repo.findQueued(appId);
    if (queued) return { deployment: toDeploymentView(queued, this.urls), created: false };
    const id = uuidv7();
    await this.repo.insertDeployment({
      id,
      appId,
      status: 'queued',
      trigger,
      branch: app.branch,
      createdBy: actor ? actorUserId(actor) : null,
    });
    if (app.status !== 'running') await this.repo.updateApp(appId, { status: 'queued' });
    await this.jobs.deploy(id);
    await this.audit.record(
      actor,
      'paas.deploy',
      { type: 'paas_app', id: appId },
      { deploymentId: id, trigger, branch: app.branch },
    );
    return { deployment: toDeploymentView((await this.repo.findDeployment(id))!, this.urls), created: true };
  }

  async control(actor: Actor, appId: string, action: 'stop' | 'start' | 'restart'): Promise<PaasAppView> {
    const app = await this.require(appId);
    if (action !== 'stop' && !app.activeDeploymentId) throw Errors.conflict('The app has never run; deploy it first.');
    await this.jobs.control({ appId, action, requestedAt: Date.now() });
    await this.audit.record(actor, `paas.app.${action}`, { type: 'paas_app', id: appId });
    return this.view(app);
  }

  async rotateHookSecret(actor: Actor, appId: string): Promise<PaasAppWithSecret> {
    await this.require(appId);
    const hookSecret = generateHookSecret();
    await this.repo.updateApp(appId, { hookSecret: this.hookSecrets.seal(hookSecret) });
    await this.audit.record(actor, 'paas.app.rotate-hook-secret', { type: 'paas_app', id: appId });
    return { ...(await this.get(appId)), hookSecret };
  }

  /** A new deploy key; the old one stops working once it is removed from the git host. Audited. */
  async regenerateDeployKey(actor: Actor, appId: string): Promise<PaasAppView> {
    const app = await this.require(appId);
    const columns = deployKeyColumns(this.repoSecrets, app.slug);
    await this.repo.updateApp(appId, columns);
    await this.audit.record(
      actor,
      'paas.app.deploy-key.regenerate',
      { type: 'paas_app', id: appId },
      { previous: accessAudit(app).deployKey ?? 'none', deployKey: accessAudit(columns).deployKey },
    );
    return this.get(appId);
  }

  /** Forgets the pinned ssh host key: the next clone pins whatever key the host presents. Audited. */
  async resetHostKey(actor: Actor, appId: string): Promise<PaasAppView> {
    const app = await this.require(appId);
    await this.repo.updateApp(appId, { sshKnownHost: null });
    await this.audit.record(
      actor,
      'paas.app.host-key.reset',
      { type: 'paas_app', id: appId },
      { previous: accessAudit(app).hostKey, effective: 'next deployment pins the key presented then' },
    );
    return this.get(appId);
  }

  async deployments(appId: string, limit: number): Promise<PaasDeploymentView[]> {
    await this.require(appId);
    const rows = await this.repo.listDeployments(appId, limit);
    return rows.map((d) => toDeploymentView({ ...d, log: null, dockerfile: null }, this.urls));
  }

  async deployment(id: string): Promise<PaasDeploymentView> {
    const row = await this.repo.findDeployment(id);
    if (!row) throw Errors.notFound('Deployment not found.');
    return toDeploymentView(row, this.urls);
  }

  /** The log so far, then live until the pipeline ends; `lastEventId` resumes after that line. */
  async followLogs(
    id: string,
    lastEventId: string | undefined,
    signal: AbortSignal,
  ): Promise<AsyncGenerator<LogEvent>> {
    const after = lastEventId === undefined || lastEventId === '' ? 0 : Number(lastEventId);
    if (!Number.isSafeInteger(after) || after < 0) {
      throw Errors.validation('Last-Event-ID must be a line number.', [
        { field: 'header.Last-Event-ID', message: 'a non-negative integer', value: lastEventId },
      ]);
    }
    if (!(await this.repo.findDeployment(id))) throw Errors.notFound('Deployment not found.');
    return followDeploymentLog(id, after, signal, {
      logs: this.logs,
      deployment: async () => {
        const row = await this.repo.findDeployment(id);
        return row ? { status: row.status, log: row.log } : undefined;
      },
    });
  }

  async publicApp(slug: string): Promise<PublicPaasApp> {
    const app = await this.repo.findAppBySlug(slug);
    if (!app?.isPublic) throw Errors.notFound('App not found.');
    return { slug: app.slug, name: app.name, status: app.status, url: this.urls.app(app.slug) };
  }

  /** GitHub-style push webhook: `X-Hub-Signature-256` over the raw body; deploys pushes to the app's branch. */
  async gitHook(
    appId: string,
    request: { signature?: string; event?: string; rawBody?: Buffer },
  ): Promise<PaasHookResult> {
    const app = await this.repo.findApp(appId);
    if (!app?.hookSecret) throw Errors.notFound('App not found.');
    if (!request.rawBody) throw Errors.unsupportedMediaType('Send the webhook as application/json.');
    if (!verifyHubSignature(this.hookSecrets.open(app.hookSecret), request.rawBody, request.signature)) {
      throw Errors.unauthorized("X-Hub-Signature-256 is missing or does not match the app's hook secret.");
    }
    if (request.event === 'ping') return { result: 'pong' };
    if (request.event && request.event !== 'push')
      return { result: 'ignored', reason: `event ${request.event} is not a push` };
    let body: { ref?: unknown; repository?: { default_branch?: unknown } };
    try {
      body = JSON.parse(request.rawBody.toString('utf8')) as typeof body;
    } catch {
      throw Errors.badRequest('The webhook body is not JSON.');
    }
    const branch = pushedBranch(body?.ref);
    // An app on the default branch follows the one the push event names (GitHub's repository.default_branch),
    // else the branch its latest deployment resolved the default to.
    const deploys =
      app.branch ??
      (typeof body?.repository?.default_branch === 'string' ? body.repository.default_branch : null) ??
      (await this.repo.listDeployments(app.id, 1))[0]?.branch ??
      null;
    if (branch === null || branch !== deploys) {
      return {
        result: 'ignored',
        reason: `push to ${branch ?? String(body?.ref)}, the app deploys ${deploys ?? 'the default branch (the event does not name it)'}`,
      };
    }
    const { deployment } = await this.deploy(null, appId, 'webhook');
    return { result: 'deployed', deploymentId: deployment.id };
  }

  /** Root in an app container is a security decision of its own: one entry a reviewer can filter on. */
  private async recordRunAsRoot(actor: Actor, id: string, enabled: boolean): Promise<void> {
    await this.audit.record(
      actor,
      enabled ? 'paas.app.run-as-root.enable' : 'paas.app.run-as-root.disable',
      { type: 'paas_app', id },
      { runAsRoot: enabled, effective: 'next deployment' },
    );
  }

  private async view(app: PaasAppRow): Promise<PaasAppView> {
    const [latest] = await this.repo.listDeployments(app.id, 1);
    return toAppView(app, latest, this.urls);
  }

  private async require(id: string): Promise<PaasAppRow> {
    const app = await this.repo.findApp(id);
    if (!app) throw Errors.notFound('App not found.');
    return app;
  }

  private async checkUrl(raw: string, allowSsh: boolean): Promise<RepoSource> {
    const result = await checkRepoUrl(raw, {
      allowLocal: this.options.allowLocalRepos,
      allowSsh,
      resolve: this.options.resolve,
    });
    if (!result.ok)
      throw Errors.validation(result.reason, [{ field: 'body.repoUrl', message: result.reason, value: raw }]);
    return result.source;
  }

  /** The token sealed (refused for an ssh URL) and the user name sent with it; null removes either. */
  private tokenColumns(
    input: { gitToken?: string | null; gitUsername?: string | null },
    url: string,
  ): Partial<Pick<PaasAppRow, 'gitToken' | 'gitUsername'>> {
    const columns: Partial<Pick<PaasAppRow, 'gitToken' | 'gitUsername'>> = {};
    if (input.gitUsername !== undefined)
      columns.gitUsername = input.gitUsername === null ? null : checkUsername(input.gitUsername, 'body.gitUsername');
    if (input.gitToken === null) columns.gitToken = null;
    else if (input.gitToken !== undefined) {
      if (isSshUrl(url))
        throw Errors.validation('An access token is for https URLs; an ssh URL signs in with the deploy key.', [
          { field: 'body.gitToken', message: 'only with an https repository URL' },
        ]);
      columns.gitToken = this.repoSecrets.seal(checkToken(input.gitToken, 'body.gitToken'));
    }
    return columns;
  }

  /**
   * The URL and credential columns of an update. An ssh URL needs the deploy key; another ssh host
   * (or port) forgets the pinned host key, which was the old host's.
   */
  private async accessPatch(app: PaasAppRow, input: UpdatePaasAppRequest): Promise<AppPatch> {
    const keepsKey = input.deployKey ?? app.deployKey !== null;
    const patch: AppPatch = {};
    if (input.repoUrl !== undefined) {
      const source = await this.checkUrl(input.repoUrl, keepsKey);
      patch.repoUrl = source.url;
      const pinnedFor = app.sshKnownHost?.split(' ')[0];
      if (pinnedFor && !(source.kind === 'ssh' && source.pin && hostKeyAlias(source.pin) === pinnedFor))
        patch.sshKnownHost = null;
    } else if (!keepsKey && isSshUrl(app.repoUrl)) {
      throw Errors.validation('An ssh repository URL needs the deploy key.', [
        { field: 'body.deployKey', message: 'the ssh URL signs in with the deploy key; change the URL to https first' },
      ]);
    }
    Object.assign(patch, this.tokenColumns(input, patch.repoUrl ?? app.repoUrl));
    if (input.deployKey === true && !app.deployKey) Object.assign(patch, deployKeyColumns(this.repoSecrets, app.slug));
    if (input.deployKey === false && app.deployKey)
      Object.assign(patch, { deployKey: null, deployKeyPublic: null, sshKnownHost: null });
    return patch;
  }
}

function checkBranch(branch: string): string {
  const problem = branchProblem(branch);
  if (problem)
    throw Errors.validation(`The branch name ${problem}.`, [{ field: 'body.branch', message: problem, value: branch }]);
  return branch;
}
