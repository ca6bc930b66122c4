import { useState } from 'react';
import { unwrap } from '../../api/errors';
import type { Role, User } from '../../api/types';
import { CrudDialog, CrudTable } from '../../components/CrudTable';
import { CheckField, SelectField, TextField } from '../../components/Field';
import { ErrorNote, LoadMore, Loading, PageHeader, Status, RowActions } from '../../components/bits';
import { relative } from '../../lib/format';
import { ROLE_LABELS, ROLES } from '../../lib/permissions';
import { useApi, useSession } from '../../lib/session';
import { useCrudModal } from '../../lib/useCrudModal';
import { usePaged } from '../../lib/useLoad';

type Form = { email: string; name: string; password: string; role: Role; disabled: boolean };
const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** People who can sign in, their roles, and whether they may. */
export function Users() {
  const api = useApi();
  const { user: me } = useSession();
  const [role, setRole] = useState<'' | Role>('');
  const users = usePaged(
    async (cursor) =>
      unwrap(
        await api.GET('/api/v1/admin/users', { params: { query: { limit: 50, cursor, role: role || undefined } } }),
      ),
    [role],
  );
  const crud = useCrudModal<User, Form>({
    empty: { email: '', name: '', password: '', role: 'author', disabled: false },
    formOf: (u) => ({ email: u.email, name: u.name, password: '', role: u.role, disabled: u.disabled }),
    save: async (u, form) => {
      if (!u)
        return unwrap(
          await api.POST('/api/v1/admin/users', {
            body: { email: form.email.trim(), name: form.name.trim(), password: form.password, role: form.role },
          }),
        );
      return unwrap(
        await api.PATCH('/api/v1/admin/users/{userId}', {
          params: { path: { userId: u.id } },
          body: { name: form.name.trim(), role: form.role, disabled: form.disabled },
        }),
      );
    },
    saved: 'User saved.',
    reload: users.reload,
  });
  const { editing, form, set, field, fields } = crud;

  const remove = (u: User) =>
    crud.remove(
      {
        title: `Delete ${u.name}?`,
        message: `${u.email} can no longer sign in; their posts stay.`,
        confirmLabel: 'Delete user',
        danger: true,
      },
      async () => unwrap(await api.DELETE('/api/v1/admin/users/{userId}', { params: { path: { userId: u.id } } })),
    );

  return (
    <>
      <PageHeader
        title="Users"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => crud.open('new')}>
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
      <CrudTable
        rows={users.items}
        columns={[
          {
            header: 'Name',
            primary: true,
            cell: (u) => (
              <>
                {u.name} {u.disabled && <Status value="disabled" />}
                <div className="muted small">{u.email}</div>
              </>
            ),
          },
          { header: 'Role', cell: (u) => u.role },
          { header: 'Two-factor', className: 'hide-narrow', cell: (u) => (u.totpEnabled ? 'on' : 'off') },
          { header: 'Last sign-in', className: 'hide-narrow', cell: (u) => relative(u.lastLoginAt) },
        ]}
        actions={(u) => (
          <RowActions onEdit={() => crud.open(u)} onDelete={u.id !== me.id ? () => void remove(u) : undefined} />
        )}
      />
      {users.loading && <Loading />}
      <LoadMore hasMore={Boolean(users.nextCursor)} loading={users.loading} onMore={users.more} />
      <CrudDialog crud={crud} noun="user">
        <TextField label="Email" type="email" {...field('email')} required readOnly={editing !== 'new'} />
        <TextField label="Name" {...field('name')} required maxLength={120} />
        {editing === 'new' && (
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            {...field('password')}
            required
            hint="12+ characters; they can change it later."
          />
        )}
        <SelectField
          label="Role"
          value={form.role}
          onValue={(v) => set({ role: v as Role })}
          options={roleOptions}
          error={fields.role}
        />
        {editing !== 'new' && editing?.id !== me.id && (
          <CheckField
            label="Disabled (signs them out everywhere)"
            checked={form.disabled}
            onChecked={(v) => set({ disabled: v })}
            error={fields.disabled}
          />
        )}
      </CrudDialog>
    </>
  );
}
