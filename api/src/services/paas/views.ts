import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  PaasAppView,
  PaasBuildSettingsInput,
  PaasDeploymentSummary,
  PaasDeploymentView,
} from '../../dtos/paas.dto.js';
import { Errors } from '../../errors/catalogue.js';
import { slugify as slugOf } from '../../lib/slug.js';
import type { PaasAppRow, PaasDeploymentRow } from '../../repositories/paas.repository.js';
import { checkBuildSettings, settingsOf, storedCommand, type BuildSettings } from './build-settings.js';
import { repoAccessView } from './repo-access.js';

/** How the service builds the URLs it shows. */
export interface PaasUrls {
  /** Public URL of an app. */
  app(slug: string): string;
  /** Base of the API, for hook and log URLs. */
  api: string;
}

/** `PAAS_APP_URL` with `{slug}`, else `http://<slug>.<PAAS_DOMAIN>:<PAAS_ROUTER_PORT>`. */
export function paasUrls(env: {
  PAAS_APP_URL?: string;
  PAAS_DOMAIN: string;
  PAAS_ROUTER_PORT: number;
  PUBLIC_API_URL: string;
}): PaasUrls {
  return {
    app: (slug) =>
      env.PAAS_APP_URL
        ? env.PAAS_APP_URL.replaceAll('{slug}', slug)
        : `http://${slug}.${env.PAAS_DOMAIN}:${env.PAAS_ROUTER_PORT}`,
    api: env.PUBLIC_API_URL.replace(/\/$/, ''),
  };
}

export function toSummary(d: Omit<PaasDeploymentRow, 'log' | 'dockerfile'>): PaasDeploymentSummary {
  return {
    id: d.id,
    status: d.status,
    trigger: d.trigger,
    commitSha: d.commitSha,
    reason: d.reason,
    createdAt: d.createdAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
  };
}

export function toAppView(
  row: PaasAppRow,
  latest: Omit<PaasDeploymentRow, 'log' | 'dockerfile'> | undefined,
  urls: PaasUrls,
): PaasAppView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    repoUrl: row.repoUrl,
    branch: row.branch,
    envKeys: [...row.env.names],
    public: row.isPublic,
    runAsRoot: row.runAsRoot,
    build: settingsOf(row),
    repoAccess: repoAccessView(row),
    status: row.status,
    detectedType: row.detectedType,
    url: urls.app(row.slug),
    lastError: row.lastError,
    activeDeploymentId: row.activeDeploymentId,
    hookUrl: `${urls.api}/api/v1/paas/hooks/${row.id}`,
    latestDeployment: latest ? toSummary(latest) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDeploymentView(d: PaasDeploymentRow, urls: PaasUrls): PaasDeploymentView {
  return {
    ...toSummary(d),
    appId: d.appId,
    branch: d.branch,
    detectedType: d.detectedType,
    dockerfile: d.dockerfile,
    log: d.log,
    logsUrl: `${urls.api}/api/v1/admin/paas/deployments/${d.id}/logs`,
    startedAt: d.startedAt?.toISOString() ?? null,
    durationMs: d.durationMs,
  };
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/** Set by the engine on every container (container-spec.ts, service-spec.ts): an app's own value would be overwritten. */
const RESERVED_ENV = new Set(['PORT']);
export const MAX_ENV_VARIABLES = 100;
export const MAX_ENV_VALUE = 8192;

/** What is wrong with a variable's name, if anything. */
export function envNameProblem(name: string): string | undefined {
  if (!ENV_NAME.test(name)) return 'names are letters, digits and _ (not starting with a digit), at most 128';
  if (RESERVED_ENV.has(name)) return `${name} is set by the engine`;
  return undefined;
}

/** What is wrong with a variable's value, if anything. */
export function envValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_ENV_VALUE || value.includes('\0'))
    return `values are strings of at most ${MAX_ENV_VALUE} characters without NUL`;
  return undefined;
}

/** App variables: valid names, bounded sizes, nothing the engine owns. */
export function checkEnv(env: Record<string, string> | undefined, field = 'body.env'): Record<string, string> {
  if (env === undefined) return {};
  const entries = Object.entries(env);
  if (entries.length > MAX_ENV_VARIABLES)
    throw Errors.validation(`At most ${MAX_ENV_VARIABLES} variables.`, [
      { field, message: `at most ${MAX_ENV_VARIABLES} variables` },
    ]);
  const problems = entries.flatMap(([name, value]) => {
    const message = envNameProblem(name) ?? envValueProblem(value);
    return message ? [{ field: `${field}.${name}`, message }] : [];
  });
  if (problems.length) throw Errors.validation('Some environment variables are not valid.', problems);
  return Object.fromEntries(entries);
}

/** Build settings from a request, validated and normalised; a 422 names each bad field. */
export function checkBuild(input: PaasBuildSettingsInput | undefined, field = 'body.build'): Partial<BuildSettings> {
  if (input === undefined) return {};
  const { settings, problems } = checkBuildSettings(input);
  if (problems.length)
    throw Errors.validation(
      'Some build settings are not valid.',
      problems.map((p) => ({ field: `${field}.${p.field}`, message: p.message })),
    );
  return settings;
}

type BuildColumns = Pick<
  PaasAppRow,
  'rootDir' | 'buildCommand' | 'startCommand' | 'outputDir' | 'listenPort' | 'healthCheckPath' | 'placement'
>;

/** The app-row columns of the settings given (absent ones stay absent). */
export function buildColumns(settings: Partial<BuildSettings>): Partial<BuildColumns> {
  const { port, buildCommand, startCommand, ...rest } = settings;
  return {
    ...rest,
    ...(port !== undefined ? { listenPort: port } : {}),
    ...(buildCommand !== undefined ? { buildCommand: storedCommand(buildCommand) } : {}),
    ...(startCommand !== undefined ? { startCommand: storedCommand(startCommand) } : {}),
  };
}

/** A DNS label from a name (lib/slug.ts, at most 40 characters): `My Blog!` → `my-blog`. */
export function slugify(name: string): string {
  return slugOf(name, { max: 40, fallback: 'app' });
}

export const HOOK_SECRET_PREFIX = 'ovhook_';

export function generateHookSecret(): string {
  return HOOK_SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/** GitHub's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>`, compared in constant time. */
export function verifyHubSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function hubSignature(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
