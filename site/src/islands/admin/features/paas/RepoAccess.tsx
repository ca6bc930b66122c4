import { useEffect, useState } from 'react';
import { messageOf, unwrap } from '../../api/errors';
import type { PaasApp } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { useUi } from '../../components/UiProvider';
import { useApi } from '../../lib/session';
import type { AccessFields, AccessMethod } from './access-fields';

const METHODS = [
  { value: 'none', label: 'Public repository (no sign-in)' },
  { value: 'token', label: 'HTTPS with an access token' },
  { value: 'deployKey', label: 'SSH with a deploy key' },
];

/**
 * "Private repository": an https access token (write-only: the API only says whether one is set)
 * or the app's ssh deploy key, whose public half is shown to paste into the git host, with the
 * fingerprint of the host key pinned at the first clone.
 */
export function RepoAccessFields({
  app,
  fields,
  onFields,
  errors,
  onApp,
}: {
  app?: PaasApp;
  fields: AccessFields;
  onFields(f: AccessFields): void;
  errors: Record<string, string>;
  /** After regenerating the key or resetting the host key (both saved at once). */
  onApp?(a: PaasApp): void;
}) {
  const access = app?.repoAccess;
  const set = (patch: Partial<AccessFields>) => onFields({ ...fields, ...patch });
  return (
    <details
      className="panel"
      open={fields.method !== 'none' || Boolean(errors.gitToken || errors.gitUsername || errors.deployKey)}
    >
      <summary>Private repository</summary>
      <SelectField
        label="Sign-in"
        value={fields.method}
        options={METHODS}
        onValue={(method) => set({ method: method as AccessMethod })}
        error={errors.deployKey}
      />
      {fields.method === 'token' && (
        <>
          <TextField
            label="Access token"
            type="password"
            autoComplete="off"
            value={fields.token}
            onValue={(token) => set({ token })}
            required={!access?.tokenSet}
            placeholder={access?.tokenSet ? 'Set — leave empty to keep it' : 'Paste a read-only token'}
            error={errors.gitToken}
            hint="Stored encrypted and never shown again. Use a read-only token: a GitHub fine-grained token with Contents: read, a GitLab project or deploy token with read_repository, a Bitbucket access token with repository read."
          />
          <TextField
            label="User name"
            value={fields.username}
            onValue={(username) => set({ username })}
            placeholder="x-access-token"
            error={errors.gitUsername}
            hint="Sent with the token. Empty: the host's usual one (GitHub x-access-token, GitLab oauth2, Bitbucket x-token-auth)."
          />
        </>
      )}
      {fields.method === 'deployKey' &&
        (access?.deployKey ? (
          <DeployKey app={app!} onApp={onApp} />
        ) : (
          <p className="muted">
            The server generates an ed25519 key when you save; its public half appears here to add to the repository as
            a read-only deploy key. Use an ssh URL: <code>git@host:owner/repo.git</code>.
          </p>
        ))}
      {fields.method !== 'deployKey' && access?.deployKey && (
        <p className="muted small">Saving deletes the app&apos;s deploy key.</p>
      )}
      {fields.method !== 'token' && access?.tokenSet && (
        <p className="muted small">Saving deletes the stored access token.</p>
      )}
    </details>
  );
}

/** The deploy key's public half with a copy button, its fingerprint, the pinned host key, and their two actions. */
function DeployKey({ app, onApp }: { app: PaasApp; onApp?(a: PaasApp): void }) {
  const api = useApi();
  const { confirm, notify } = useUi();
  const access = app.repoAccess;
  const path = { params: { path: { appId: app.id } } };
  const act = async (action: 'regenerate' | 'reset') => {
    const ok = await confirm(
      action === 'regenerate'
        ? {
            title: 'Generate a new deploy key?',
            message:
              'Deployments fail until you add the new public key to the repository (and remove the old one there).',
            confirmLabel: 'Generate',
            danger: true,
          }
        : {
            title: 'Reset the pinned host key?',
            message:
              'The next clone trusts whatever key the host presents and pins it. Do this only when the git host has really changed its key: compare the new fingerprint with the one it publishes.',
            confirmLabel: 'Reset',
            danger: true,
          },
    );
    if (!ok) return;
    try {
      const next =
        action === 'regenerate'
          ? unwrap(await api.POST('/api/v1/admin/paas/apps/{appId}/deploy-key', path))
          : unwrap(await api.DELETE('/api/v1/admin/paas/apps/{appId}/host-key', path));
      onApp?.(next);
      notify(
        action === 'regenerate'
          ? 'New deploy key generated: add it to the repository.'
          : 'Host key reset: the next clone pins the key presented then.',
      );
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };
  return (
    <div role="group" aria-label="Deploy key">
      <p className="small">
        Add this public key to the repository as a <strong>read-only deploy key</strong> (GitHub: Settings → Deploy
        keys; GitLab: Settings → Repository → Deploy keys):
      </p>
      <CopyValue value={access.deployKey!} label="deploy key" />
      <p className="muted small">Fingerprint {access.deployKeyFingerprint}</p>
      <p className="small">
        Host key:{' '}
        {access.hostKey ? (
          <>
            <code>
              {access.hostKey.type} {access.hostKey.fingerprint}
            </code>{' '}
            (pinned for {access.hostKey.host} at the first clone; compare it with the fingerprint the git host
            publishes)
          </>
        ) : (
          'not pinned yet — the first clone pins the key the host presents.'
        )}
      </p>
      <div className="actions-inline">
        <button type="button" className="btn btn-small" onClick={() => void act('regenerate')}>
          New deploy key
        </button>
        {access.hostKey && (
          <button type="button" className="btn btn-small" onClick={() => void act('reset')}>
            Reset host key
          </button>
        )}
      </div>
    </div>
  );
}

/** A value to copy (not a secret: shown as long as it exists), with a copy button that says whether it worked. */
export function CopyValue({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => setCopied(null), [value]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <>
      <code className="secret-value">{value}</code>
      <div className="actions-inline">
        <button type="button" className="btn btn-small" onClick={() => void copy()} aria-label={`Copy the ${label}`}>
          {copied === 'yes' ? 'Copied ✓' : 'Copy'}
        </button>
        <span className="small" role="status" aria-live="polite">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'no'
              ? 'Copying is blocked here: select it and copy it by hand.'
              : ''}
        </span>
      </div>
    </>
  );
}
