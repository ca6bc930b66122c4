import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../api/errors';
import type { Role, User } from '../api/types';
import { CheckField, FormError, SelectField, TextField } from '../components/Field';
import { Modal } from '../components/Modal';
import { useUi } from '../components/UiProvider';
import { ErrorNote, LoadMore, Loading, PageHeader, Status, RowActions } from '../components/bits';
import { relative } from '../lib/format';
import { ROLE_LABELS, ROLES } from '../lib/permissions';
import { useApi, useSession } from '../lib/session';
import { usePaged } from '../lib/useLoad';

type Form = { email: string; name: string; password: string; role: Role; disabled: boolean };
const EMPTY: Form = { email: '', name: '', password: '', role: 'author', disabled: false };
const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** People who can sign in, their roles, and whether they may. */
export function Users() {
  const api = useApi();
  const { user: me } = useSession();
  const { confirm, notify } = useUi();
  const [role, setRole] = useState<'' | Role>('');
  const users = usePaged(
    async (cursor) =>
      unwrap(
        await api.GET('/api/v1/admin/users', { params: { query: { limit: 50, cursor, role: role || undefined } } }),
      ),
    [role],
  );
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const open = (u: User | 'new') => {
    setEditing(u);
    setForm(u === 'new' ? EMPTY : { email: u.email, name: u.name, password: '', role: u.role, disabled: u.disabled });
    setError(undefined);
    setFields({});
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (editing === 'new')
        unwrap(
          await api.POST('/api/v1/admin/users', {
            body: { email: form.email.trim(), name: form.name.trim(), password: form.password, role: form.role },
          }),
        );
      else if (editing)
        unwrap(
          await api.PATCH('/api/v1/admin/users/{userId}', {
            params: { path: { userId: editing.id } },
            body: { name: form.name.trim(), role: form.role, disabled: form.disabled },
          }),
        );
      setEditing(null);
      users.reload();
      notify('User saved.');
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    }
  };

  const remove = async (u: User) => {
    if (
      !(await confirm({
        title: `Delete ${u.name}?`,
        message: `${u.email} can no longer sign in; their posts stay.`,
        confirmLabel: 'Delete user',
        danger: true,
      }))
    )
      return;
    try {
      unwrap(await api.DELETE('/api/v1/admin/users/{userId}', { params: { path: { userId: u.id } } }));
      users.reload();
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  return (
    <>
      <PageHeader
        title="Users"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => open('new')}>
            New user
          </button>
        }
      />
      <div className="filters">
        <SelectField
          label="Role"
          value={role}
          onValue={(v) => setRole(v as '' | Role)}
          options={[{ value: '', label: 'All roles' }, ...ROLES.map((r) => ({ value: r, label: r }))]}
        />
      </div>
      <ErrorNote message={users.error} retry={users.reload} />
      <div className="table-wrap">
        <table className="table table-cards">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col" className="hide-narrow">
                Two-factor
              </th>
              <th scope="col" className="hide-narrow">
                Last sign-in
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.items.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.name} {u.disabled && <Status value="disabled" />}
                  <div className="muted small">{u.email}</div>
                </td>
                <td data-label="Role">{u.role}</td>
                <td data-label="Two-factor" className="hide-narrow">
                  {u.totpEnabled ? 'on' : 'off'}
                </td>
                <td data-label="Last sign-in" className="hide-narrow">
                  {relative(u.lastLoginAt)}
                </td>
                <td className="row-actions">
                  <RowActions onEdit={() => open(u)} onDelete={u.id !== me.id ? () => void remove(u) : undefined} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {users.loading && <Loading />}
      <LoadMore hasMore={Boolean(users.nextCursor)} loading={users.loading} onMore={users.more} />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'New user' : 'Edit user'}
        onClose={() => setEditing(null)}
      >
        <form onSubmit={(e) => void submit(e)}>
          <TextField
            label="Email"
            type="email"
            value={form.email}
            onValue={(v) => setForm({ ...form, email: v })}
            required
            readOnly={editing !== 'new'}
            error={fields.email}
          />
          <TextField
            label="Name"
            value={form.name}
            onValue={(v) => setForm({ ...form, name: v })}
            required
            maxLength={120}
            error={fields.name}
          />
          {editing === 'new' && (
            <TextField
              label="Password"
              type="password"
              autoComplete="new-password"
              value={form.password}
              onValue={(v) => setForm({ ...form, password: v })}
              required
              hint="12+ characters; they can change it later."
              error={fields.password}
            />
          )}
          <SelectField
            label="Role"
            value={form.role}
            onValue={(v) => setForm({ ...form, role: v as Role })}
            options={roleOptions}
            error={fields.role}
          />
          {editing !== 'new' && editing?.id !== me.id && (
            <CheckField
              label="Disabled (signs them out everywhere)"
              checked={form.disabled}
              onChecked={(v) => setForm({ ...form, disabled: v })}
              error={fields.disabled}
            />
          )}
          <FormError message={error} />
          <div className="actions">
            <button type="button" className="btn" onClick={() => setEditing(null)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary">
              Save
            </button>
          </div>
        </form>
      </Modal>
    </>
  );
}
