import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import { FormError, TextField } from '../../components/Field';
import { useUi } from '../../components/UiProvider';
import { ErrorNote, PageHeader } from '../../components/bits';
import { deviceName } from '../../lib/device';
import { formatDate, relative } from '../../lib/format';
import { useApi, useSession } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';
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

  const revoke = async (id: string, device: string) => {
    if (
      !(await confirm({
        title: `Sign out ${device}?`,
        message: 'That device has to sign in again.',
        confirmLabel: 'Sign out session',
        danger: true,
      }))
    )
      return;
    try {
      unwrap(await api.DELETE('/api/v1/auth/sessions/{sessionId}', { params: { path: { sessionId: id } } }));
      sessions.reload();
      notify(`${device} is signed out.`);
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  const others = sessions.data?.filter((s) => !s.current) ?? [];
  const revokeOthers = async () => {
    const ok = await confirm({
      title: 'Sign out every other session?',
      message: `${others.length} other session(s) end at once; this device stays signed in.`,
      confirmLabel: 'Sign out all others',
      danger: true,
    });
    if (!ok) return;
    try {
      const { revoked } = unwrap(await api.DELETE('/api/v1/auth/sessions'));
      sessions.reload();
      notify(`${revoked} other session(s) signed out.`);
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };
  // This device first, then the most recently used.
  const listed = [...(sessions.data ?? [])].sort(
    (a, b) =>
      Number(b.current) - Number(a.current) || (b.lastUsedAt ?? b.createdAt).localeCompare(a.lastUsedAt ?? a.createdAt),
  );

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
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={current}
            onValue={setCurrent}
            error={fields.currentPassword}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            value={next}
            onValue={setNext}
            error={fields.newPassword}
            hint="12 characters or more; common passwords are refused."
          />
          <FormError message={errors.password} />
          <button type="submit" className="btn btn-primary" disabled={!current || !next}>
            Change password
          </button>
        </form>
      </div>
      <TotpSetup />
      <section className="card" aria-labelledby="sessions-h">
        <div className="section-head">
          <h2 id="sessions-h">Sessions</h2>
          {others.length > 0 && (
            <button type="button" className="btn btn-small btn-danger" onClick={() => void revokeOthers()}>
              Sign out all other sessions
            </button>
          )}
        </div>
        <ErrorNote message={sessions.error} retry={sessions.reload} />
        <ul className="sessions" aria-label="Signed-in sessions">
          {listed.map((s) => {
            const device = deviceName(s.userAgent);
            return (
              <li key={s.id} className={s.current ? 'session session-current' : 'session'}>
                <div className="session-main">
                  <strong title={s.userAgent ?? undefined}>{device}</strong>
                  {s.current && <span className="badge badge-active">this device</span>}
                  <div className="muted small">
                    {s.ip ?? 'unknown address'} · last used {relative(s.lastUsedAt ?? s.createdAt)} · signed in{' '}
                    {formatDate(s.createdAt)} · expires {formatDate(s.expiresAt)}
                  </div>
                </div>
                {!s.current && (
                  <button type="button" className="btn btn-small" onClick={() => void revoke(s.id, device)}>
                    Sign out
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
