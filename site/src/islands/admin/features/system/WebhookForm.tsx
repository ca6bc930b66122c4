import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { CheckField, FormError, TextField } from '../../components/Field';

type ContentEvent = Schemas['ContentEvent'];
export type WebhookInput = { name: string; url: string; events: ContentEvent[]; active: boolean };

export const EVENTS: ContentEvent[] = [
  'site.changed',
  'post.published',
  'post.updated',
  'post.unpublished',
  'post.deleted',
  'project.published',
  'project.updated',
  'project.unpublished',
  'project.deleted',
  'page.published',
  'page.updated',
  'page.unpublished',
  'page.deleted',
  'settings.updated',
  'media.created',
  'media.updated',
  'media.deleted',
];

/** Name, URL (checked by the API against private addresses), events and active. */
export function WebhookForm({
  initial,
  onSubmit,
  onCancel,
}: {
  initial: WebhookInput;
  onSubmit(v: WebhookInput): Promise<void>;
  onCancel(): void;
}) {
  const [v, setV] = useState(initial);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      await onSubmit({ ...v, name: v.name.trim(), url: v.url.trim() });
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (ev: ContentEvent) =>
    setV({ ...v, events: v.events.includes(ev) ? v.events.filter((x) => x !== ev) : [...v.events, ev] });

  return (
    <form onSubmit={(e) => void submit(e)}>
      <TextField
        label="Name"
        value={v.name}
        onValue={(name) => setV({ ...v, name })}
        required
        maxLength={120}
        error={fields.name}
      />
      <TextField
        label="URL"
        type="url"
        value={v.url}
        onValue={(url) => setV({ ...v, url })}
        required
        error={fields.url}
        hint="Public http(s) address that answers 2xx."
      />
      <fieldset className="field">
        <legend>Events</legend>
        <div className="checks">
          {EVENTS.map((ev) => (
            <label key={ev} className="check">
              <input type="checkbox" checked={v.events.includes(ev)} onChange={() => toggle(ev)} /> {ev}
            </label>
          ))}
        </div>
        {fields.events && <span className="field-error">{fields.events}</span>}
      </fieldset>
      <CheckField label="Active" checked={v.active} onChecked={(active) => setV({ ...v, active })} />
      <FormError message={error} />
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || !v.events.length}>
          Save
        </button>
      </div>
    </form>
  );
}
