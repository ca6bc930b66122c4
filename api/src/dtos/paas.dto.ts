/** Where an app is: `running` only once it answers HTTP; `failed` / `stopped` carry `lastError`. */
export type PaasAppStatus = 'created' | 'queued' | 'cloning' | 'detecting' | 'building' | 'starting' | 'running' | 'failed' | 'stopped';

/** queued → cloning → detecting → building → starting → running, or failed / stopped; superseded = replaced. */
export type PaasDeploymentStatus = 'queued' | 'cloning' | 'detecting' | 'building' | 'starting' | 'running' | 'failed' | 'stopped' | 'superseded';

export interface CreatePaasAppRequest {
  /** @minLength 1 @maxLength 120 */
  name: string;
  /**
   * Public https git URL (the host must resolve to public addresses only; no credentials).
   * `file://` URLs only when the server runs with PAAS_ALLOW_LOCAL_REPOS=1.
   * @minLength 1 @maxLength 2048
   */
  repoUrl: string;
  /**
   * Branch to deploy; omitted or null = the repository's default branch (main, master…), resolved at
   * each clone. Validated like `git check-ref-format --branch`. @minLength 1 @maxLength 255
   */
  branch?: string | null;
  /**
   * Subdomain under PAAS_DOMAIN; default derived from the name.
   * @pattern ^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$
   */
  slug?: string;
  /** Environment variables for the app (PORT is set by the engine). At most 100. */
  env?: { [name: string]: string };
  /** Listed by the public `GET /api/v1/paas/apps/{slug}` (the site's /paas/<slug> page). Default false. */
  public?: boolean;
  /**
   * Lets an image built from the repository's own Dockerfile run as root (uid 0) when its USER is root or
   * unset. Default false: such an image runs as 10001:10001 instead (an image with its own non-root USER
   * keeps it; generated images always run as 10001). Dangerous: root in the container turns a kernel or
   * runtime escape, or a writable mount, into root on the host. Recorded in the audit log; takes effect
   * with the next deployment (or when the container is created again).
   */
  runAsRoot?: boolean;
  /** Advanced build settings; omitted = all detected. */
  build?: PaasBuildSettingsInput;
}

/**
 * Advanced build settings: each replaces what detection decides (the deployment log says which
 * file or setting decided what). null resets one to detection; in an update an omitted field keeps
 * its value. Commands are a string, run by `sh -c` in the container, or an argv array, run as is.
 * They take effect with the next deployment; a repository's own Dockerfile ignores all but
 * healthCheckPath.
 */
export interface PaasBuildSettingsInput {
  /** The app's folder in the repository (a monorepo package): relative, `/`-separated, no `..`. @maxLength 255 */
  rootDir?: string | null;
  buildCommand?: string | string[] | null;
  startCommand?: string | string[] | null;
  /** Where the build writes a static site, relative to rootDir: served as files. @maxLength 255 */
  outputDir?: string | null;
  /** The port the app listens on (its PORT variable); default 8080 or what the start command fixes. @isInt @minimum 1 @maximum 65535 */
  port?: number | null;
  /** Path the health wait requests, which must answer 2xx or 3xx; default: any answer on `/`. @maxLength 255 */
  healthCheckPath?: string | null;
}

export interface PaasBuildSettings {
  rootDir: string | null;
  buildCommand: string | string[] | null;
  startCommand: string | string[] | null;
  outputDir: string | null;
  port: number | null;
  healthCheckPath: string | null;
}

export interface UpdatePaasAppRequest {
  /** @minLength 1 @maxLength 120 */
  name?: string;
  /** @minLength 1 @maxLength 2048 */
  repoUrl?: string;
  /** null: follow the repository's default branch. @minLength 1 @maxLength 255 */
  branch?: string | null;
  /** Replaces all variables; takes effect with the next deployment. */
  env?: { [name: string]: string };
  public?: boolean;
  /** See `CreatePaasAppRequest.runAsRoot`; takes effect with the next deployment. Audited. */
  runAsRoot?: boolean;
  /** Changes the fields given (null resets one to detection); takes effect with the next deployment. */
  build?: PaasBuildSettingsInput;
}

export interface PaasDeploymentSummary {
  id: string;
  status: PaasDeploymentStatus;
  trigger: string;
  commitSha: string | null;
  reason: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface PaasAppView {
  id: string;
  /** The app answers at `url` (`<slug>.<PAAS_DOMAIN>` on the app router). */
  slug: string;
  name: string;
  repoUrl: string;
  /** null: the repository's default branch; the branch each deployment built is on the deployment. */
  branch: string | null;
  /** Names of the app's variables (values are never returned). */
  envKeys: string[];
  public: boolean;
  /** An own-Dockerfile image whose USER is root may run as root (from the next deployment). */
  runAsRoot: boolean;
  /** Advanced build settings; null fields are detected. */
  build: PaasBuildSettings;
  status: PaasAppStatus;
  /** dockerfile, static, node, nextjs, static-build or python; null before the first detection. */
  detectedType: string | null;
  url: string;
  /** Why the app is failed (the last log lines for a crash loop). */
  lastError: string | null;
  /** The deployment whose container serves the app. */
  activeDeploymentId: string | null;
  /** Git push webhook (GitHub format, `X-Hub-Signature-256`); the secret is shown at creation only. */
  hookUrl: string;
  latestDeployment: PaasDeploymentSummary | null;
  createdAt: string;
  updatedAt: string;
}

export interface PaasAppWithSecret extends PaasAppView {
  /** HMAC-SHA256 secret for the git webhook, shown this once (also by rotate-hook-secret). */
  hookSecret: string;
}

export interface PaasDeploymentView extends PaasDeploymentSummary {
  appId: string;
  branch: string | null;
  detectedType: string | null;
  /** The generated Dockerfile; null when the repository's own was used (or before detection). */
  dockerfile: string | null;
  /** The whole log once the pipeline has ended; follow `logsUrl` (SSE) while it runs. */
  log: string | null;
  logsUrl: string;
  startedAt: string | null;
  durationMs: number | null;
}

/** What the site's /paas/<slug> page shows, for apps marked public. */
export interface PublicPaasApp {
  slug: string;
  name: string;
  status: PaasAppStatus;
  url: string;
}

export interface PaasHookResult {
  /** deployed = a deployment was queued (or joined a queued one); ignored = another branch or event; pong = ping. */
  result: 'deployed' | 'ignored' | 'pong';
  deploymentId?: string;
  reason?: string;
}
