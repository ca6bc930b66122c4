import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { components } from '../lib/api/schema';
import { strings } from '../lib/i18n.ts';

type ContactRequest = components['schemas']['ContactRequest'];
type Field = 'name' | 'email' | 'subject' | 'message';
type Errors = Partial<Record<Field, string>>;

interface Props {
  /** Where the API is, for the browser (PUBLIC_API_URL at build time). */
  apiUrl: string;
  locale: string;
}

// The same limits as the API's ContactRequest; the API checks again and its 422 is shown per field.
const LIMITS: Record<Field, number> = { name: 120, email: 254, subject: 200, message: 5000 };
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * The contact form. Rendered as a plain HTML form that posts to /contact/send (the site server
 * forwards it to the API), so it works without JavaScript; once hydrated it validates in place and
 * posts JSON to POST /api/v1/contact itself.
 */
export default function ContactForm({ apiUrl, locale }: Props) {
  const t = strings(locale);
  const [errors, setErrors] = useState<Errors>({});
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const [failure, setFailure] = useState('');
  const status = useRef<HTMLParagraphElement>(null);
  // Without JavaScript the browser's own checks guard the plain form; once hydrated, ours do.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  function validate(values: Record<Field, string>): Errors {
    const out: Errors = {};
    for (const field of ['name', 'email', 'message'] as const) if (!values[field].trim()) out[field] = t.required;
    if (values.email.trim() && !EMAIL.test(values.email.trim())) out.email = t.badEmail;
    for (const field of Object.keys(LIMITS) as Field[])
      if (values[field].length > LIMITS[field]) out[field] = t.tooLong(LIMITS[field]);
    return out;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const values = Object.fromEntries(
      (['name', 'email', 'subject', 'message'] as Field[]).map((f) => [f, String(data.get(f) ?? '')]),
    ) as Record<Field, string>;
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length) {
      form.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    const body: ContactRequest = {
      name: values.name.trim(),
      email: values.email.trim(),
      message: values.message,
      website: String(data.get('website') ?? ''),
    };
    if (values.subject.trim()) body.subject = values.subject.trim();
    setState('sending');
    try {
      const res = await fetch(`${apiUrl}/api/v1/contact`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status === 202) {
        form.reset();
        setState('sent');
      } else if (res.status === 422) {
        // The API's own words are English and technical: each field it names gets this page's message.
        const problem = (await res.json()) as components['schemas']['Problem'];
        const fromApi: Errors = {};
        for (const e of problem.errors ?? []) {
          const field = e.field.replace(/^body\./, '') as Field;
          if (field in LIMITS) fromApi[field] = field === 'email' ? t.badEmail : t.invalid;
        }
        setErrors(fromApi);
        setFailure(t.invalid);
        setState('failed');
      } else {
        setFailure(res.status === 429 ? t.tooMany : t.failed);
        setState('failed');
      }
    } catch {
      setFailure(t.failed);
      setState('failed');
    }
    status.current?.focus();
  }

  const field = (
    name: Field,
    label: string,
    input: (props: Record<string, unknown>) => ReactElement,
    required = true,
  ) => (
    <div className="field">
      <label htmlFor={`contact-${name}`}>{label}</label>
      {input({
        id: `contact-${name}`,
        name,
        required,
        maxLength: LIMITS[name],
        'aria-invalid': errors[name] ? true : undefined,
        'aria-describedby': errors[name] ? `contact-${name}-error` : undefined,
      })}
      {errors[name] && (
        <p className="error" id={`contact-${name}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form className="contact" method="post" action="/contact/send" onSubmit={submit} noValidate={hydrated}>
      <p
        ref={status}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={state === 'sent' ? 'notice ok' : state === 'failed' ? 'notice err' : 'hp'}
      >
        {state === 'sent' ? t.sent : state === 'failed' ? failure : ''}
      </p>
      {field('name', t.name, (p) => (
        <input type="text" autoComplete="name" {...p} />
      ))}
      {field('email', t.email, (p) => (
        <input type="email" autoComplete="email" {...p} />
      ))}
      {field(
        'subject',
        t.subject,
        (p) => (
          <input type="text" {...p} />
        ),
        false,
      )}
      {field('message', t.message, (p) => (
        <textarea rows={8} {...p} />
      ))}
      <div className="hp" aria-hidden="true">
        <label htmlFor="contact-website">{t.honeypot}</label>
        <input id="contact-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" disabled={state === 'sending'}>
        {state === 'sending' ? t.sending : t.send}
      </button>
    </form>
  );
}
