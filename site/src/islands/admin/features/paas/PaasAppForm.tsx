import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import type { PaasApp } from '../../api/types';
import { CheckField, FormError, TextArea, TextField } from '../../components/Field';
import { useApi } from '../../lib/session';
import { buildBody, buildFields, type BuildFields } from './build-settings';
import { parseEnv } from './env';
import { RepoAccessFields } from './RepoAccess';
import { accessBody, accessFields, type AccessFields } from './access-fields';

/** Name, repository and its sign-in, branch, variables (replaced whole; values are never shown back), public, run-as-root and advanced build settings. */
export function PaasAppForm({
  app,
  onSaved,
  onCancel,
  onChanged,
}: {
  app: PaasApp;
  onSaved(a: PaasApp): void;
  onCancel(): void;
  onChanged?(a: PaasApp): void;
}) {
  const api = useApi();
  const [form, setForm] = useState({
    name: app.name,
    repoUrl: app.repoUrl,
    branch: app.branch ?? '',
    env: '',
    public: app.public,
    runAsRoot: app.runAsRoot,
  });
  const [build, setBuild] = useState<BuildFields>(() => buildFields(app.build));
  const [access, setAccess] = useState<AccessFields>(() => accessFields(app));
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setFields({});
    const env = form.env.trim() ? parseEnv(form.env) : undefined;
    if (typeof env === 'string') return setFields({ env });
    const settings = buildBody(build);
    if ('errors' in settings) return setFields(settings.errors);
    try {
      onSaved(
        unwrap(
          await api.PATCH('/api/v1/admin/paas/apps/{appId}', {
            params: { path: { appId: app.id } },
            body: {
              name: form.name.trim(),
              repoUrl: form.repoUrl.trim(),
              branch: form.branch.trim() || null,
              public: form.public,
              runAsRoot: form.runAsRoot,
              build: settings.build,
              ...accessBody(access, app),
              ...(env ? { env } : {}),
            },
          }),
        ),
      );
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <TextField
        label="Name"
        value={form.name}
        onValue={(name) => setForm({ ...form, name })}
        required
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
        hint="https://host/owner/repo.git, or git@host:owner/repo.git with a deploy key."
      />
      <RepoAccessFields app={app} fields={access} onFields={setAccess} errors={fields} onApp={onChanged} />
      <TextField
        label="Branch"
        value={form.branch}
        onValue={(branch) => setForm({ ...form, branch })}
        error={fields.branch}
        hint="Empty: the repository's default branch."
      />
      <TextArea
        label="Replace all environment variables"
        value={form.env}
        onValue={(env) => setForm({ ...form, env })}
        rows={3}
        placeholder="Leave empty to keep the current ones"
        hint={`${app.envKeys.length ? `Now set: ${app.envKeys.join(', ')}. KEY=value lines written here replace all of them.` : 'None set. KEY=value, one per line.'} To change one, use Environment variables on the app page.`}
        error={fields.env}
      />
      <CheckField
        label="Public (listed with its status on the site's /paas/ page from the next site build; private apps still answer on their own address)"
        checked={form.public}
        onChecked={(p) => setForm({ ...form, public: p })}
      />
      <CheckField
        label="Run as root"
        className="field-warn"
        checked={form.runAsRoot}
        onChecked={(runAsRoot) => setForm({ ...form, runAsRoot })}
        hint="Dangerous. Only for an app built from its repository's own Dockerfile whose USER is root or unset; otherwise it runs as uid 10001. As uid 0, a container escape (a kernel or Docker flaw) starts as root on the host, and the app, or whoever takes it over, can rewrite everything in its writable root filesystem. Prefer a USER line in the Dockerfile. Recorded in the audit log; applies from the next deployment."
      />
      <BuildSettingsFields build={build} onBuild={setBuild} fields={fields} />
      <FormError message={error} />
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Save
        </button>
      </div>
    </form>
  );
}

/** "Advanced build settings": each field replaces what detection decides; empty = detected (the deployment log says what was). */
function BuildSettingsFields({
  build,
  onBuild,
  fields,
}: {
  build: BuildFields;
  onBuild(b: BuildFields): void;
  fields: Record<string, string>;
}) {
  const set = (key: keyof BuildFields) => (value: string) => onBuild({ ...build, [key]: value });
  const command = 'Runs by sh -c; a JSON array such as ["node", "server.js"] runs without a shell. Empty: detected.';
  return (
    <details
      className="panel"
      open={Object.values(build).some((v) => v !== '') || Object.keys(fields).some((k) => k.startsWith('build.'))}
    >
      <summary>Advanced build settings</summary>
      <TextField
        label="Root directory"
        value={build.rootDir}
        onValue={set('rootDir')}
        placeholder="apps/web"
        error={fields['build.rootDir']}
        hint="The app's folder in a monorepo, relative to the repository root. Empty: the root."
      />
      <TextField
        label="Build command"
        value={build.buildCommand}
        onValue={set('buildCommand')}
        placeholder="npm run build"
        error={fields['build.buildCommand']}
        hint={command}
      />
      <TextField
        label="Start command"
        value={build.startCommand}
        onValue={set('startCommand')}
        placeholder="node server.js"
        error={fields['build.startCommand']}
        hint={`${command} It must listen on 0.0.0.0:$PORT.`}
      />
      <TextField
        label="Output directory"
        value={build.outputDir}
        onValue={set('outputDir')}
        placeholder="dist"
        error={fields['build.outputDir']}
        hint="A build that writes a static site here is served as files (relative to the root directory)."
      />
      <TextField
        label="Port"
        inputMode="numeric"
        value={build.port}
        onValue={set('port')}
        placeholder="8080"
        error={fields['build.port']}
        hint="The port the app listens on (its PORT variable). Empty: 8080, or what the start command fixes."
      />
      <TextField
        label="Health-check path"
        value={build.healthCheckPath}
        onValue={set('healthCheckPath')}
        placeholder="/healthz"
        error={fields['build.healthCheckPath']}
        hint="The deployment is healthy once this path answers 2xx or 3xx. Empty: any answer on /."
      />
      <TextArea
        label="Placement constraints"
        value={build.placement}
        onValue={set('placement')}
        rows={2}
        placeholder="node.labels.region==eu"
        error={fields['build.placement']}
        hint="With the Swarm driver: the nodes this app may run on, one constraint per line (node.labels.<name>, node.role, node.hostname with == or !=). Empty: any node the installation allows. A single Docker engine ignores them."
      />
      <p className="muted">
        Applies from the next deployment; a repository's own Dockerfile uses only the health-check path and the
        placement.
      </p>
    </details>
  );
}
