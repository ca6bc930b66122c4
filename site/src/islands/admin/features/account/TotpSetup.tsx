import { useMemo, useState, type FormEvent } from 'react';
import { encode } from 'uqr';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import { FormError, TextField } from '../../components/Field';
import { useUi } from '../../components/UiProvider';
import { useApi, useSession } from '../../lib/session';

type Step = { kind: 'idle' } | { kind: 'enrolling'; secret: string; uri: string } | { kind: 'codes'; codes: string[] };

/** Two-factor sign-in: enrol (secret + otpauth link), confirm with a code, see recovery codes once. */
export function TotpSetup() {
  const api = useApi();
  const { user, setUser } = useSession();
  const { confirm, notify } = useUi();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const fail = (err: unknown) => {
    setError(messageOf(err));
    setFields(fieldErrorsOf(err));
  };

  const enroll = async () => {
    setError(undefined);
    try {
      const e = unwrap(await api.POST('/api/v1/auth/totp/enroll'));
      setStep({ kind: 'enrolling', secret: e.secret, uri: e.otpauthUri });
    } catch (err) {
      fail(err);
    }
  };

  // Nothing is on until a code is confirmed: cancelling just forgets the unconfirmed secret.
  const cancel = () => {
    setStep({ kind: 'idle' });
    setCode('');
    setError(undefined);
    setFields({});
  };

  const activate = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const res = unwrap(await api.POST('/api/v1/auth/totp/activate', { body: { code: code.replace(/\s+/g, '') } }));
      setStep({ kind: 'codes', codes: res.recoveryCodes });
      setUser({ ...user, totpEnabled: true });
      setCode('');
    } catch (err) {
      fail(err);
    }
  };

  const disable = async (e: FormEvent) => {
    e.preventDefault();
    if (
      !(await confirm({
        title: 'Turn off two-factor sign-in?',
        message: 'Your password alone will sign you in again.',
        confirmLabel: 'Turn off',
        danger: true,
      }))
    )
      return;
    try {
      unwrap(await api.POST('/api/v1/auth/totp/disable', { body: { password } }));
      setUser({ ...user, totpEnabled: false });
      setPassword('');
      notify('Two-factor sign-in is off.');
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section className="card" aria-labelledby="totp-h">
      <h2 id="totp-h">Two-factor sign-in</h2>
      {step.kind === 'codes' ? (
        <div className="secret">
          <p>
            <strong>Recovery codes</strong> — each works once if you lose your authenticator. Store them now; they are
            not shown again.
          </p>
          <ul className="codes">
            {step.codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" className="btn" onClick={() => setStep({ kind: 'idle' })}>
            I stored them
          </button>
        </div>
      ) : user.totpEnabled ? (
        <form onSubmit={(e) => void disable(e)}>
          <p>On: sign-in asks for a code from your authenticator app.</p>
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            error={fields.password}
          />
          <FormError message={error} />
          <button type="submit" className="btn btn-danger" disabled={!password}>
            Turn off
          </button>
        </form>
      ) : step.kind === 'enrolling' ? (
        <form onSubmit={(e) => void activate(e)}>
          <p>Scan this code with your authenticator app, then type the six-digit code it shows.</p>
          <QrCode text={step.uri} label="QR code for your authenticator app" />
          <p className="small">
            Cannot scan? Open <a href={step.uri}>the otpauth link</a> on this device, or type the secret:
          </p>
          <p>
            <code className="secret-value">{step.secret}</code>
          </p>
          <TextField
            label="Code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onValue={setCode}
            error={fields.code}
          />
          <FormError message={error} />
          <div className="actions actions-start">
            <button type="button" className="btn" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={!code.trim()}>
              Turn on
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>Off. A code from an authenticator app makes a stolen password useless on its own.</p>
          <FormError message={error} />
          <button type="button" className="btn btn-primary" onClick={() => void enroll()}>
            Set up two-factor sign-in
          </button>
        </>
      )}
    </section>
  );
}

/** The otpauth link as a QR code, drawn here (an SVG of its modules): the secret never leaves the page. */
function QrCode({ text, label }: { text: string; label: string }) {
  const qr = useMemo(() => encode(text, { ecc: 'M', border: 4 }), [text]);
  const path = useMemo(
    () => qr.data.flatMap((row, y) => row.map((on, x) => (on ? `M${x} ${y}h1v1h-1z` : ''))).join(''),
    [qr],
  );
  return (
    <svg className="qr" role="img" aria-label={label} viewBox={`0 0 ${qr.size} ${qr.size}`} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
