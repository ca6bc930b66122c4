import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { FormError, TextField } from '../../components/Field';
import { useUi } from '../../components/UiProvider';
import { ErrorNote, Loading } from '../../components/bits';
import { useApi, useSession } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';

type EnvList = Schemas['PaasEnvList'];

interface Props {
  appId: string;
  /** Whether the app has a deployment to redeploy (else the first deployment picks the values up). */
  deployed: boolean;
  onRedeploy(): void;
  /** After a change (the app's `envKeys` follow). */
  onChanged(): void;
}

/**
 * The app's environment variables as a table: names with masked values, shown on demand to admins
 * (each reveal is audited), edited, removed and added one at a time. Values reach the app with the
 * next deployment: the container keeps the values it was created with, a restart included.
 */
export function AppEnv({ appId, deployed, onRedeploy, onChanged }: Props) {
  const api = useApi();
  const { can, user } = useSession();
  const { confirm, notify } = useUi();
  const writable = can('paas:write');
  const isAdmin = user.role === 'admin';
  const path = { appId };
  const list = useLoad(
    async () => unwrap(await api.GET('/api/v1/admin/paas/apps/{appId}/env', { params: { path } })),
    [appId],
  );
  const [editing, setEditing] = useState<string>();
  // Changed since the page opened: the running app still has the old values.
  const [changed, setChanged] = useState(false);
  const vars = list.data?.variables ?? [];

  const reveal = async (on: boolean) => {
    try {
      list.setData(
        unwrap(await api.GET('/api/v1/admin/paas/apps/{appId}/env', { params: { path, query: { reveal: on } } })),
      );
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };
  const saved = (next: EnvList, text: string) => {
    list.setData(next);
    setChanged(true);
    onChanged();
    notify(`${text} ${deployed ? 'Redeploy to apply it.' : 'The first deployment uses it.'}`);
  };
  const remove = async (name: string) => {
    if (
      !(await confirm({
        title: `Remove ${name}?`,
        message: 'The app keeps its current value until the next deployment.',
        confirmLabel: 'Remove variable',
        danger: true,
      }))
    )
      return;
    try {
      saved(
        unwrap(await api.DELETE('/api/v1/admin/paas/apps/{appId}/env/{name}', { params: { path: { appId, name } } })),
        `${name} removed.`,
      );
    } catch (err) {
      notify(messageOf(err), 'error');
      list.reload();
    }
  };

  return (
    <section className="card" aria-labelledby="env-h">
      <div className="row env-head">
        <h2 id="env-h">Environment variables</h2>
        {isAdmin && vars.length > 0 && (
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={list.data?.revealed ?? false}
            onClick={() => void reveal(!list.data?.revealed)}
          >
            {list.data?.revealed ? 'Hide values' : 'Show values'}
          </button>
        )}
      </div>
      <p className="muted small">
        Changes apply with the next deployment; a restart keeps the values the app started with.
        {isAdmin ? ' Showing values is recorded in the audit log.' : ' Only administrators can show values.'}
      </p>
      {changed && writable && deployed && (
        <div className="notice" role="status">
          <span>The running app still has the previous values.</span>
          <button type="button" className="btn btn-small btn-primary" onClick={() => (setChanged(false), onRedeploy())}>
            Redeploy now
          </button>
        </div>
      )}
      <ErrorNote message={list.error} retry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && !vars.length && <p className="muted">No variables yet.</p>}
      {vars.length > 0 && (
        <div className="table-wrap">
          <table className="table table-cards env-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
                {writable && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {vars.map((v) =>
                editing === v.name ? (
                  <tr key={v.name}>
                    <td colSpan={writable ? 3 : 2}>
                      <EnvForm
                        appId={appId}
                        name={v.name}
                        initial={v.masked ? '' : v.value}
                        onDone={(next) => (setEditing(undefined), next && saved(next, `${v.name} saved.`))}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={v.name}>
                    <td>
                      <code>{v.name}</code>
                    </td>
                    <td data-label="Value" className="env-value">
                      {v.masked ? (
                        <span aria-label="hidden value">{v.value}</span>
                      ) : (
                        <code>{v.value === '' ? <span className="muted">(empty)</span> : v.value}</code>
                      )}
                    </td>
                    {writable && (
                      <td className="row-actions">
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-label={`Edit ${v.name}`}
                          onClick={() => setEditing(v.name)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          aria-label={`Remove ${v.name}`}
                          onClick={() => void remove(v.name)}
                        >
                          Remove
                        </button>
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {writable && (
        <details className="panel" open={!vars.length}>
          <summary>Add a variable</summary>
          <EnvForm
            appId={appId}
            existing={vars.map((v) => v.name)}
            onDone={(next, name) => next && saved(next, `${name} added.`)}
          />
        </details>
      )}
    </section>
  );
}

/** Sets one variable: a new one (name and value) or a new value for `name`. */
function EnvForm({
  appId,
  name: fixedName,
  initial = '',
  existing = [],
  onDone,
}: {
  appId: string;
  name?: string;
  initial?: string;
  existing?: string[];
  onDone(next: EnvList | undefined, name: string): void;
}) {
  const api = useApi();
  const { confirm } = useUi();
  const [name, setName] = useState(fixedName ?? '');
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const target = fixedName ?? name.trim();
    setError(undefined);
    setFields({});
    if (!target) return setFields({ name: 'Give the variable a name.' });
    if (
      !fixedName &&
      existing.includes(target) &&
      !(await confirm({
        title: `Replace ${target}?`,
        message: `${target} is already set; its value will be replaced.`,
        confirmLabel: 'Replace value',
      }))
    )
      return;
    setBusy(true);
    try {
      const next = unwrap(
        await api.PUT('/api/v1/admin/paas/apps/{appId}/env/{name}', {
          params: { path: { appId, name: target } },
          body: { value },
        }),
      );
      if (!fixedName) {
        setName('');
        setValue('');
      }
      onDone(next, target);
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="env-form"
      onSubmit={(e) => void submit(e)}
      aria-label={fixedName ? `Edit ${fixedName}` : 'Add a variable'}
    >
      {!fixedName && (
        <TextField
          label="Name"
          value={name}
          onValue={setName}
          autoComplete="off"
          spellCheck={false}
          maxLength={128}
          placeholder="DATABASE_URL"
          error={fields.name}
          hint="Letters, digits and _, not starting with a digit. PORT is set by the platform."
        />
      )}
      <TextField
        label={fixedName ? `New value of ${fixedName}` : 'Value'}
        value={value}
        onValue={setValue}
        autoComplete="off"
        spellCheck={false}
        error={fields.value}
        hint={
          fixedName && !initial ? 'The current value is hidden; what you type replaces it.' : 'At most 8192 characters.'
        }
      />
      <FormError message={error} />
      <div className="actions-inline">
        {fixedName && (
          <button type="button" className="btn btn-small" onClick={() => onDone(undefined, fixedName)}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
          {busy ? 'Saving…' : fixedName ? 'Save value' : 'Add variable'}
        </button>
      </div>
    </form>
  );
}
