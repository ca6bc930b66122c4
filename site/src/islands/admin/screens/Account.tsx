import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../api/errors';
import { FormError, TextField } from '../components/Field';
import { useUi } from '../components/UiProvider';
import { ErrorNote, PageHeader } from '../components/bits';
import { formatDate, relative } from '../lib/format';
import { useApi, useSession } from '../lib/session';
import { useLoad } from '../lib/useLoad';
import { TotpSetup } from './TotpSetup';

/** Your profile, password, two-factor sign-in and signed-in sessions. */
export function Account() {
  const api = useApi();
  const { user, setUser } = useSession();
  const { confirm, notify } = useUi();
  const [name, setName] = useState(user.name);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ profile?: string; password?: string }>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const sessions = useLoad(async () => unwrap(await api.GET('/api/v1/auth/sessions')), []);

  const saveProfile = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    try {
      setUser(unwrap(await api.PATCH('/api/v1/auth/me', { body: { name: name.trim() } })));
      notify('Profile saved.');
    } catch (err) {
      setErrors({ profile: messageOf(err) });
      setFields(fieldErrorsOf(err));
    }
  };

  const changePassword = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFields({});
    try {
      unwrap(await api.POST('/api/v1/auth/password', { body: { currentPassword: current, newPassword: next } }));
      setCurrent('');
      setNext('');
      sessions.reload();
      notify('Password changed. Your other sessions were signed out.');
    } catch (err) {
      setErrors({ password: messageOf(err) });
      setFields(fieldErrorsOf(err));
    }
  };

  const revoke = async (id: string) => {
    if (!(await confirm({ title: 'Sign out that session?', message: 'The device has to sign in again.', confirmLabel: 'Sign out session', danger: true }))) return;
    try {
      unwrap(await api.DELETE('/api/v1/auth/sessions/{sessionId}', { params: { path: { sessionId: id } } }));
      sessions.reload();
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  return (
    <>
      <PageHeader title="Your account">
        <p className="muted">
          {user.email} · {user.role} · last sign-in {relative(user.lastLoginAt)}
        </p>
      </PageHeader>
      <div className="grid-2">
        <form className="card" onSubmit={(e) => void saveProfile(e)}>
          <h2>Profile</h2>
          <TextField label="Name" value={name} onValue={setName} maxLength={120} required error={fields.name} />
          <FormError message={errors.profile} />
          <button type="submit" className="btn btn-primary">
            Save profile
          </button>
        </form>
        <form className="card" onSubmit={(e) => void changePassword(e)}>
          <h2>Password</h2>
          <TextField label="Current password" type="password" autoComplete="current-password" value={current} onValue={setCurrent} error={fields.currentPassword} />
          <TextField label="New password" type="password" autoComplete="new-password" value={next} onValue={setNext} error={fields.newPassword} hint="12 characters or more; common passwords are refused." />
          <FormError message={errors.password} />
          <button type="submit" className="btn btn-primary" disabled={!current || !next}>
            Change password
          </button>
        </form>
      </div>
      <TotpSetup />
      <section className="card" aria-labelledby="sessions-h">
        <h2 id="sessions-h">Sessions</h2>
        <ErrorNote message={sessions.error} retry={sessions.reload} />
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">IP</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {sessions.data?.map((s) => (
                <tr key={s.id}>
                  <td>{s.userAgent ?? 'Unknown'}{s.current && <strong> (this one)</strong>}</td>
                  <td>{s.ip ?? '—'}</td>
                  <td>{relative(s.lastUsedAt ?? s.createdAt)}</td>
                  <td>{formatDate(s.expiresAt)}</td>
                  <td>
                    {!s.current && (
                      <button type="button" className="btn btn-small" onClick={() => void revoke(s.id)}>
                        Sign out
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
