import { useEffect, useState, type FormEvent } from 'react';
import type { AdminApi } from '../../api/client';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import { FormError, TextField } from '../../components/Field';
import { href } from '../../lib/router';

/** The page the reset e-mail links to (`#/reset-password?token=…`). */
export function ResetPassword({ api, token }: { api: AdminApi; token: string }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  useEffect(() => {
    document.title = 'Choose a new password · Admin';
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setFields({});
    if (password !== again) {
      setFields({ again: 'The two passwords differ.' });
      return;
    }
    setBusy(true);
    try {
      unwrap(await api.client.POST('/api/v1/auth/password/reset', { body: { token, newPassword: password } }));
      setDone(true);
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-card">
      <h1>Choose a new password</h1>
      {!token && <FormError message="This link has no token. Open the link from the e-mail again." />}
      {done ? (
        <p role="status">
          Your password was changed and every session was signed out. <a href={href('/')}>Sign in</a> with the new one.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            value={password}
            onValue={setPassword}
            error={fields.newPassword}
            hint="At least 12 characters; common passwords are refused."
          />
          <TextField
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            required
            value={again}
            onValue={setAgain}
            error={fields.again}
          />
          <FormError message={error ?? fields.token} />
          <button type="submit" className="btn btn-primary btn-block" disabled={busy || !token}>
            Set password
          </button>
        </form>
      )}
    </div>
  );
}
