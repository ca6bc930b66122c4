import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AdminApi } from '../../api/client';
import { ApiError, fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import { sessionStarted } from '../../api/session-hint';
import type { User } from '../../api/types';
import { FormError, TextField } from '../../components/Field';

type Step = 'password' | 'totp' | 'forgot' | 'forgot-sent';

/** Sign-in: e-mail and password, then the two-factor step when the account has TOTP enrolled. */
export function Login({ api, onSignedIn }: { api: AdminApi; onSignedIn(user: User): void }) {
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = 'Sign in · Admin';
    heading.current?.focus();
  }, [step]);

  async function signIn(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const body = {
        email: email.trim(),
        password,
        ...(step === 'totp' ? { totpCode: code.replace(/\s+/g, '') } : {}),
      };
      const res = unwrap(await api.client.POST('/api/v1/auth/login', { body }));
      api.setCsrfToken(res.csrfToken);
      sessionStarted(res.expiresIn);
      // The session lives in cookies: make sure the browser kept them (it does not when the admin
      // and the API are different sites, e.g. localhost vs 127.0.0.1).
      const me = await api.client.GET('/api/v1/auth/me');
      if (!me.response.ok) {
        setError(
          `Signed in, but this browser did not keep the session cookies. Open the admin on the same host as the API (${new URL(api.baseUrl).hostname}).`,
        );
        return;
      }
      onSignedIn(me.data ?? res.user);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'TOTP_REQUIRED' && step === 'password') {
        setStep('totp');
      } else {
        setError(
          err instanceof ApiError && err.status === 429
            ? `${err.message} Wait a moment before trying again.`
            : messageOf(err),
        );
        setFields(fieldErrorsOf(err));
      }
    } finally {
      setBusy(false);
    }
  }

  async function requestReset(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      unwrap(await api.client.POST('/api/v1/auth/password/reset-request', { body: { email: email.trim() } }));
      setStep('forgot-sent');
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  }

  const title = step === 'totp' ? 'Two-factor code' : step.startsWith('forgot') ? 'Reset your password' : 'Sign in';
  return (
    <div className="auth-card">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {step === 'password' && (
        <form onSubmit={signIn} noValidate>
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onValue={setEmail}
            error={fields.email}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onValue={setPassword}
            error={fields.password}
          />
          <FormError message={error} />
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button type="button" className="btn-link" onClick={() => (setError(undefined), setStep('forgot'))}>
            Forgot your password?
          </button>
        </form>
      )}
      {step === 'totp' && (
        <form onSubmit={signIn} noValidate>
          <p>Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
          <TextField
            label="Authentication code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            // The second step appears in place of the first: focus follows to its only field.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            value={code}
            onValue={setCode}
            error={fields.totpCode}
          />
          <FormError message={error} />
          <button type="submit" className="btn btn-primary btn-block" disabled={busy || !code.trim()}>
            {busy ? 'Checking…' : 'Verify'}
          </button>
          <button
            type="button"
            className="btn-link"
            onClick={() => (setCode(''), setError(undefined), setStep('password'))}
          >
            Back
          </button>
        </form>
      )}
      {step === 'forgot' && (
        <form onSubmit={requestReset} noValidate>
          <p>We will e-mail you a link to choose a new password. It works for one hour.</p>
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onValue={setEmail}
            error={fields.email}
          />
          <FormError message={error} />
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            Send reset link
          </button>
          <button type="button" className="btn-link" onClick={() => (setError(undefined), setStep('password'))}>
            Back to sign in
          </button>
        </form>
      )}
      {step === 'forgot-sent' && (
        <div>
          <p role="status">If an account exists for {email}, a reset link is on its way.</p>
          <button type="button" className="btn" onClick={() => setStep('password')}>
            Back to sign in
          </button>
        </div>
      )}
    </div>
  );
}
