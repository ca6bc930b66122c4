import type { PaasRepoAccess } from '../../dtos/paas.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { PaasAppRow, PaasRepository } from '../../repositories/paas.repository.js';
import type { Sealer } from '../webhooks/signature.js';
import { deployKeyComment, generateDeployKey, publicKeyFingerprint } from '../../domain/paas/deploy-key.js';
import { parseKnownHost, type CloneAuth } from '../../domain/paas/git-access.js';
import type { RepoSource } from './git-source.js';
import { PipelineFailure } from './deploy-log.js';

/**
 * A private repository's credentials: an https access token or the app's ssh deploy key, both
 * sealed at rest (SecretBox, purpose `paas-repo-credentials`) and never returned by the API; and
 * the ssh host key pinned at the first clone. The API side writes them, the worker opens them.
 */
type AccessColumns = Pick<PaasAppRow, 'gitToken' | 'gitUsername' | 'deployKey' | 'deployKeyPublic' | 'sshKnownHost'>;

export const REPO_CREDENTIALS_PURPOSE = 'paas-repo-credentials';

/** Printable ASCII without spaces: what git hosts issue as tokens (and nothing that could break a header). */
const TOKEN = /^[\x21-\x7e]{1,1024}$/;
/** No `:` (it ends the user name in HTTP Basic). */
const USERNAME = /^[A-Za-z0-9._@+-]{1,64}$/;

export function checkToken(token: string, field: string): string {
  if (!TOKEN.test(token))
    throw Errors.validation('The access token is not valid.', [
      { field, message: '1–1024 printable ASCII characters without spaces' },
    ]);
  return token;
}

export function checkUsername(username: string, field: string): string {
  if (!USERNAME.test(username))
    throw Errors.validation('The git user name is not valid.', [
      { field, message: '1–64 letters, digits or . _ @ + -', value: username },
    ]);
  return username;
}

/** A new deploy key for the app, as columns (the private half sealed). */
export function deployKeyColumns(box: Sealer, slug: string): Pick<AccessColumns, 'deployKey' | 'deployKeyPublic'> {
  const key = generateDeployKey(deployKeyComment(slug));
  return { deployKey: box.seal(key.privateKey), deployKeyPublic: key.publicKey };
}

/** What the API shows: whether a token is set, the public halves and fingerprints; never a secret. */
export function repoAccessView(row: AccessColumns & Pick<PaasAppRow, 'repoUrl'>): PaasRepoAccess {
  const ssh = isSshUrl(row.repoUrl);
  const pinned = parseKnownHost(row.sshKnownHost);
  return {
    method: ssh ? 'deployKey' : row.gitToken && row.repoUrl.startsWith('https:') ? 'token' : 'none',
    tokenSet: row.gitToken !== null,
    gitUsername: row.gitUsername,
    deployKey: row.deployKeyPublic,
    deployKeyFingerprint: row.deployKeyPublic ? publicKeyFingerprint(row.deployKeyPublic) : null,
    hostKey: pinned ? { host: pinned.host, type: pinned.type, fingerprint: pinned.fingerprint } : null,
  };
}

/** What the audit log records about credentials: that they changed, and public fingerprints. */
export function accessAudit(row: Partial<AccessColumns>): Record<string, unknown> {
  return {
    token: row.gitToken === undefined ? undefined : row.gitToken === null ? 'none' : 'set',
    gitUsername: row.gitUsername,
    deployKey:
      row.deployKeyPublic === undefined
        ? undefined
        : row.deployKeyPublic === null
          ? 'none'
          : publicKeyFingerprint(row.deployKeyPublic),
    hostKey: row.sshKnownHost === undefined ? undefined : (parseKnownHost(row.sshKnownHost)?.fingerprint ?? 'none'),
  };
}

/** `git@host:path` or `ssh://…` (validated by git-source.ts when stored). */
export function isSshUrl(url: string): boolean {
  return url.startsWith('ssh://') || (!url.includes('://') && /^[^@/:]+@[^@/:]+:/.test(url));
}

/** The worker side: opens the app's credentials for one clone and pins the host key it learns. */
export class RepoAccess {
  constructor(
    private readonly repo: Pick<PaasRepository, 'updateApp'>,
    private readonly box: Sealer,
  ) {}

  forClone(app: PaasAppRow, source: RepoSource, log: (line: string) => void): CloneAuth {
    if (source.kind === 'https' && app.gitToken) {
      log(`Signing in with the app's access token (user ${app.gitUsername ?? 'x-access-token'})`);
      return { kind: 'token', username: app.gitUsername ?? 'x-access-token', token: this.box.open(app.gitToken) };
    }
    if (source.kind !== 'ssh') return { kind: 'none' };
    if (!app.deployKey)
      throw new PipelineFailure(
        'The repository URL uses ssh, but the app has no deploy key: turn on "Use a deploy key" in its settings.',
      );
    const pinned = parseKnownHost(app.sshKnownHost);
    log(
      pinned
        ? `Signing in with the app's deploy key; the host key must be the pinned ${pinned.type} ${pinned.fingerprint}`
        : "Signing in with the app's deploy key; first connection: the host key presented now is pinned for later clones",
    );
    return {
      kind: 'ssh',
      privateKey: this.box.open(app.deployKey),
      knownHost: pinned?.line ?? null,
      onHostKey: async (key) => {
        await this.repo.updateApp(app.id, { sshKnownHost: key.line });
        log(
          `Pinned the ssh host key of ${key.host}: ${key.type} ${key.fingerprint} (shown in the app's settings; compare it with the one the git host publishes)`,
        );
      },
    };
  }
}
