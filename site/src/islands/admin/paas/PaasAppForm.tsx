import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../api/errors';
import type { PaasApp } from '../api/types';
import { CheckField, FormError, TextArea, TextField } from '../components/Field';
import { useApi } from '../lib/session';
import { parseEnv } from './env';

/** Name, repository, branch, variables (replaced whole; values are never shown back), public and run-as-root. */
export function PaasAppForm({ app, onSaved, onCancel }: { app: PaasApp; onSaved(a: PaasApp): void; onCancel(): void }) {
  const api = useApi();
  const [form, setForm] = useState({ name: app.name, repoUrl: app.repoUrl, branch: app.branch, env: '', public: app.public, runAsRoot: app.runAsRoot });
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setFields({});
    const env = form.env.trim() ? parseEnv(form.env) : undefined;
    if (typeof env === 'string') return setFields({ env });
    try {
      onSaved(
        unwrap(
          await api.PATCH('/api/v1/admin/paas/apps/{appId}', {
            params: { path: { appId: app.id } },
            body: { name: form.name.trim(), repoUrl: form.repoUrl.trim(), branch: form.branch.trim(), public: form.public, runAsRoot: form.runAsRoot, ...(env ? { env } : {}) },
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
      <TextField label="Name" value={form.name} onValue={(name) => setForm({ ...form, name })} required error={fields.name} />
      <TextField label="Git URL" type="url" value={form.repoUrl} onValue={(repoUrl) => setForm({ ...form, repoUrl })} required error={fields.repoUrl} />
      <TextField label="Branch" value={form.branch} onValue={(branch) => setForm({ ...form, branch })} error={fields.branch} />
      <TextArea
        label="Environment variables"
        value={form.env}
        onValue={(env) => setForm({ ...form, env })}
        rows={3}
        placeholder="Leave empty to keep the current ones"
        hint={app.envKeys.length ? `Now set: ${app.envKeys.join(', ')}. Writing here replaces all of them.` : 'None set.'}
        error={fields.env}
      />
      <CheckField label="Public (listed on the site's /paas/ page)" checked={form.public} onChecked={(p) => setForm({ ...form, public: p })} />
      <CheckField
        label="Run as root"
        className="field-warn"
        checked={form.runAsRoot}
        onChecked={(runAsRoot) => setForm({ ...form, runAsRoot })}
        hint="Dangerous. Only for an app built from its repository's own Dockerfile whose USER is root or unset; otherwise it runs as uid 10001. As uid 0, a container escape (a kernel or Docker flaw) starts as root on the host, and the app, or whoever takes it over, can rewrite everything in its writable root filesystem. Prefer a USER line in the Dockerfile. Recorded in the audit log; applies from the next deployment."
      />
      <FormError message={error} />
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
        <button type="submit" className="btn btn-primary">Save</button>
      </div>
    </form>
  );
}
