import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import type { Schemas, Scope } from '../../api/types';
import { FormError, TextField } from '../../components/Field';
import { CrudTable } from '../../components/CrudTable';
import { Modal } from '../../components/Modal';
import { useUi } from '../../components/UiProvider';
import { Empty, ErrorNote, Loading, PageHeader, SecretOnce, Status } from '../../components/bits';
import { formatDate, relative } from '../../lib/format';
import { useApi } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';

type ApiKey = Schemas['ApiKeyView'];
/** What a third-party key may be granted (the API refuses anything else). */
const KEY_SCOPES: Scope[] = [
  'content:read',
  'content:write',
  'content:publish',
  'media:read',
  'media:write',
  'inbox:read',
  'paas:read',
  'site:read',
];

export function ApiKeys() {
  const api = useApi();
  const { confirm, notify } = useUi();
  const keys = useLoad(async () => unwrap(await api.GET('/api/v1/admin/api-keys')), []);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['content:read']);
  const [expires, setExpires] = useState('');
  const [rate, setRate] = useState('');
  /** The plaintext of the key just created, shown until hidden, the key is revoked, or the screen is left. */
  const [secret, setSecret] = useState<{ id: string; key: string }>();
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setFields({});
    try {
      const created = unwrap(
        await api.POST('/api/v1/admin/api-keys', {
          body: {
            name: name.trim(),
            scopes,
            ...(expires ? { expiresAt: new Date(expires).toISOString() } : {}),
            ...(rate ? { rateLimitPerMinute: Number(rate) } : {}),
          },
        }),
      );
      setSecret({ id: created.id, key: created.key });
      setOpen(false);
      setName('');
      keys.reload();
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    }
  };

  const revoke = async (k: ApiKey) => {
    if (
      !(await confirm({
        title: `Revoke “${k.name}”?`,
        message: 'Every program using this key stops working at once.',
        confirmLabel: 'Revoke key',
        danger: true,
      }))
    )
      return;
    try {
      unwrap(await api.DELETE('/api/v1/admin/api-keys/{keyId}', { params: { path: { keyId: k.id } } }));
      if (secret?.id === k.id) setSecret(undefined);
      keys.reload();
      notify('Key revoked.');
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  const toggle = (s: Scope) => setScopes((list) => (list.includes(s) ? list.filter((x) => x !== s) : [...list, s]));

  return (
    <>
      <PageHeader
        title="API keys"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => (setSecret(undefined), setOpen(true))}>
            New key
          </button>
        }
      >
        <p className="muted">
          For programs that call the API: send as <code>Authorization: Bearer ovk_…</code> or <code>X-API-Key</code>.
        </p>
      </PageHeader>
      {secret && (
        <SecretOnce
          label="New API key"
          secret={secret.key}
          note="copy it now; it is never shown again."
          onDone={() => setSecret(undefined)}
        />
      )}
      <ErrorNote message={keys.error} retry={keys.reload} />
      {keys.loading && <Loading />}
      {keys.data && !keys.data.length && <Empty>No API keys.</Empty>}
      {!!keys.data?.length && (
        <CrudTable
          rows={keys.data}
          columns={[
            {
              header: 'Name',
              primary: true,
              cell: (k) => (
                <>
                  {k.name} <span className="muted small">{k.prefix}…</span> {k.revokedAt && <Status value="revoked" />}
                </>
              ),
            },
            { header: 'Scopes', cellClassName: 'small', cell: (k) => k.scopes.join(', ') },
            { header: 'Last used', className: 'hide-narrow', cell: (k) => relative(k.lastUsedAt) },
            {
              header: 'Expires',
              className: 'hide-narrow',
              cell: (k) => (k.expiresAt ? formatDate(k.expiresAt) : 'never'),
            },
          ]}
          actions={(k) =>
            !k.revokedAt && (
              <button type="button" className="btn btn-small btn-danger" onClick={() => void revoke(k)}>
                Revoke
              </button>
            )
          }
        />
      )}
      <Modal open={open} title="New API key" onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void create(e)}>
          <TextField
            label="Name"
            value={name}
            onValue={setName}
            required
            maxLength={120}
            error={fields.name}
            hint="Who or what uses it"
          />
          <fieldset className="field">
            <legend>Scopes</legend>
            <div className="checks">
              {KEY_SCOPES.map((s) => (
                <label key={s} className="check">
                  <input type="checkbox" checked={scopes.includes(s)} onChange={() => toggle(s)} /> {s}
                </label>
              ))}
            </div>
            {fields.scopes && <span className="field-error">{fields.scopes}</span>}
          </fieldset>
          <TextField
            label="Expires (optional)"
            type="datetime-local"
            value={expires}
            onValue={setExpires}
            error={fields.expiresAt}
          />
          <TextField
            label="Requests per minute (optional)"
            type="number"
            min={1}
            value={rate}
            onValue={setRate}
            error={fields.rateLimitPerMinute}
          />
          <FormError message={error} />
          <div className="actions">
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={!scopes.length}>
              Create key
            </button>
          </div>
        </form>
      </Modal>
    </>
  );
}
