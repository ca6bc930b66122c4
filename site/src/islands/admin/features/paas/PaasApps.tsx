import { useState } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import { CheckField, FormError, TextArea, TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { Empty, ErrorNote, Loading, PageHeader, SecretOnce, Status } from '../../components/bits';
import { relative } from '../../lib/format';
import { href } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';
import { parseEnv } from './env';
import { CopyValue, RepoAccessFields } from './RepoAccess';
import { accessBody, accessFields, type AccessFields } from './access-fields';

/** Apps run from git repositories in isolated containers. */
export function PaasApps() {
  const api = useApi();
  const { can } = useSession();
  const apps = useLoad(async () => unwrap(await api.GET('/api/v1/admin/paas/apps')), []);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ name: '', repoUrl: 'https://', branch: '', slug: '', env: '', public: false });
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [access, setAccess] = useState<AccessFields>(() => accessFields());
  const [created, setCreated] = useState<{
    id: string;
    name: string;
    secret: string;
    hookUrl: string;
    deployKey: string | null;
  }>();
  const [busy, setBusy] = useState(false);

  const create = async (e: { preventDefault(): void }, deploy: boolean) => {
    e.preventDefault();
    setError(undefined);
    setFields({});
    const env = parseEnv(form.env);
    if (typeof env === 'string') return setFields({ env });
    setBusy(true);
    try {
      const app = unwrap(
        await api.POST('/api/v1/admin/paas/apps', {
          body: {
            name: form.name.trim(),
            repoUrl: form.repoUrl.trim(),
            branch: form.branch.trim() || undefined,
            slug: form.slug.trim() || undefined,
            env,
            public: form.public,
            ...createAccess(access),
          },
        }),
      );
      // A new deploy key is not on the git host yet: deploy once it is.
      if (deploy && access.method !== 'deployKey')
        unwrap(await api.POST('/api/v1/admin/paas/apps/{appId}/deployments', { params: { path: { appId: app.id } } }));
      setCreated({
        id: app.id,
        name: app.name,
        secret: app.hookSecret,
        hookUrl: app.hookUrl,
        deployKey: app.repoAccess.deployKey,
      });
      setAccess(accessFields());
      setOpen(false);
      apps.reload();
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Apps"
        actions={
          can('paas:write') && (
            <button type="button" className="btn btn-primary" onClick={() => (setCreated(undefined), setOpen(true))}>
              New app
            </button>
          )
        }
      >
        <p className="muted">
          Give a git URL; the engine detects the project type, builds an image and runs it with limits.
        </p>
      </PageHeader>
      {created && (
        <>
          <SecretOnce
            label={`Push webhook secret of ${created.name}`}
            secret={created.secret}
            note={`add it with ${created.hookUrl} as a push webhook to deploy on every push; it is never shown again.`}
          />
          {created.deployKey && (
            <div className="secret" role="region" aria-label="Deploy key">
              <p>
                <strong>Deploy key of {created.name}</strong> — add this public key to the repository as a read-only
                deploy key, then deploy the app. It stays visible in the app&apos;s settings.
              </p>
              <CopyValue value={created.deployKey} label="deploy key" />
            </div>
          )}
          <p>
            <a href={href(`/apps/${created.id}`)}>Open {created.name} →</a>
          </p>
        </>
      )}
      <ErrorNote message={apps.error} retry={apps.reload} />
      {apps.loading && <Loading />}
      {apps.data && !apps.data.length && <Empty>No apps yet.</Empty>}
      <ul className="plain-list card-list">
        {apps.data?.map((a) => (
          <li key={a.id}>
            <a href={href(`/apps/${a.id}`)}>{a.name}</a> <Status value={a.status} />
            <div className="muted small">
              {a.repoUrl} @ {a.branch ?? 'default branch'}
              {a.detectedType && ` · ${a.detectedType}`} · updated {relative(a.updatedAt)}
            </div>
          </li>
        ))}
      </ul>
      <Modal open={open} title="New app" onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void create(e, true)}>
          <TextField
            label="Name"
            value={form.name}
            onValue={(name) => setForm({ ...form, name })}
            required
            maxLength={120}
            error={fields.name}
          />
          <TextField
            label="Git URL"
            inputMode="url"
            spellCheck={false}
            value={form.repoUrl}
            onValue={(repoUrl) => setForm({ ...form, repoUrl })}
            required
            error={fields.repoUrl}
            hint="https://github.com/you/app.git; a private one with an access token, or git@github.com:you/app.git with a deploy key (below)."
          />
          <TextField
            label="Branch"
            value={form.branch}
            onValue={(branch) => setForm({ ...form, branch })}
            error={fields.branch}
            hint="Empty: the repository's default branch."
          />
          <TextField
            label="Slug"
            value={form.slug}
            onValue={(slug) => setForm({ ...form, slug })}
            placeholder="made from the name"
            error={fields.slug}
          />
          <TextArea
            label="Environment variables"
            value={form.env}
            onValue={(env) => setForm({ ...form, env })}
            rows={3}
            placeholder="KEY=value, one per line"
            error={fields.env}
          />
          <CheckField
            label="Public (listed with its status on the site's /paas/ page from the next site build; private apps still answer on their own address)"
            checked={form.public}
            onChecked={(p) => setForm({ ...form, public: p })}
          />
          <RepoAccessFields fields={access} onFields={setAccess} errors={fields} />
          <FormError message={error} />
          <div className="actions">
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="button" className="btn" disabled={busy} onClick={(e) => void create(e, false)}>
              Create only
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {access.method === 'deployKey' ? 'Create and show the key' : 'Create and deploy'}
            </button>
          </div>
        </form>
      </Modal>
    </>
  );
}

/** A new app's sign-in: the body's fields without `null`s (there is nothing to remove yet). */
function createAccess(fields: AccessFields): { gitToken?: string; gitUsername?: string; deployKey?: boolean } {
  const body = accessBody(fields);
  return {
    ...(body.gitToken ? { gitToken: body.gitToken } : {}),
    ...(body.gitUsername ? { gitUsername: body.gitUsername } : {}),
    ...(body.deployKey ? { deployKey: true } : {}),
  };
}
