import { useState, type FormEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { ApiError, fieldErrorsOf, messageOf, unwrap } from '../api/errors';
import type { Media } from '../api/types';
import { FormError, TextArea } from '../components/Field';
import { useUi } from '../components/UiProvider';
import { Status } from '../components/bits';
import { formatBytes, formatDate } from '../lib/format';
import { useApi, useSession } from '../lib/session';

interface Props {
  media: Media;
  onChanged(m: Media): void;
  onDeleted(id: string): void;
}

/** Alt text, focal point (click the image or use the arrow keys), facts and delete. */
export function MediaDetail({ media, onChanged, onDeleted }: Props) {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const [alt, setAlt] = useState(media.alt);
  const [focal, setFocal] = useState({ x: media.focalX ?? 50, y: media.focalY ?? 50 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const writable = can('media:write');
  const path = { params: { path: { mediaId: media.id } } };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const updated = unwrap(await api.PATCH('/api/v1/admin/media/{mediaId}', { ...path, body: { alt, focalX: focal.x, focalY: focal.y } }));
      onChanged(updated);
      notify('Media saved.');
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  const pickFocal = (e: MouseEvent<HTMLButtonElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setFocal({
      x: Math.round(Math.min(100, Math.max(0, ((e.clientX - box.left) / box.width) * 100))),
      y: Math.round(Math.min(100, Math.max(0, ((e.clientY - box.top) / box.height) * 100))),
    });
  };

  const nudge = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 10 : 2;
    const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!d) return;
    e.preventDefault();
    setFocal((f) => ({ x: Math.min(100, Math.max(0, f.x + d[0]!)), y: Math.min(100, Math.max(0, f.y + d[1]!)) }));
  };

  const remove = async () => {
    const ok = await confirm({ title: 'Delete this image?', message: `${media.filename} is deleted from the library and storage.`, confirmLabel: 'Delete', danger: true });
    if (!ok) return;
    setBusy(true);
    try {
      const first = await api.DELETE('/api/v1/admin/media/{mediaId}', path);
      if (first.response.status === 409) {
        const usage = new ApiError(409, first.error);
        const places = usage.problem?.errors?.map((x) => x.message) ?? [];
        const force = await confirm({
          title: 'This image is in use',
          message: (
            <>
              <p>It is used in {places.length || 'some'} place(s):</p>
              <ul>{places.map((p) => <li key={p}>{p}</li>)}</ul>
              <p>Deleting it removes it from those places too.</p>
            </>
          ),
          confirmLabel: 'Delete anyway',
          danger: true,
        });
        if (!force) return;
        unwrap(await api.DELETE('/api/v1/admin/media/{mediaId}', { params: { path: { mediaId: media.id }, query: { force: true } } }));
      } else {
        unwrap(first);
      }
      notify('Image deleted.');
      onDeleted(media.id);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="media-detail">
      <div className="focal-wrap">
        <button type="button" className="focal" onClick={pickFocal} onKeyDown={nudge} disabled={!writable} aria-label={`Focal point ${focal.x}% from the left, ${focal.y}% from the top. Click the image or use the arrow keys to move it.`}>
          <img src={media.url} alt={media.alt} />
          <span className="focal-dot" style={{ left: `${focal.x}%`, top: `${focal.y}%` }} aria-hidden="true" />
        </button>
        <p className="muted small">Focal point: {focal.x}% × {focal.y}% — crops keep this spot.</p>
      </div>
      <form onSubmit={(e) => void save(e)} className="media-form">
        <TextArea label="Alt text" value={alt} onValue={setAlt} maxLength={500} rows={3} error={fields.alt} readOnly={!writable} hint="What the image shows, for people who cannot see it." />
        {(fields.focalX || fields.focalY) && <p className="field-error">{fields.focalX ?? fields.focalY}</p>}
        <FormError message={error} />
        <dl className="facts">
          <dt>Status</dt>
          <dd><Status value={media.status} /></dd>
          <dt>Size</dt>
          <dd>{media.width && media.height ? `${media.width} × ${media.height} px, ` : ''}{formatBytes(media.sizeBytes)}</dd>
          <dt>Type</dt>
          <dd>{media.mimeType}</dd>
          <dt>Variants</dt>
          <dd>{media.variants.length ? media.variants.map((v) => `${v.width}w ${v.format}`).join(', ') : 'none yet'}</dd>
          <dt>Uploaded</dt>
          <dd>{formatDate(media.createdAt)}</dd>
          <dt>URL</dt>
          <dd><a href={media.url} target="_blank" rel="noopener">Original ↗</a></dd>
        </dl>
        {writable && (
          <div className="actions">
            <button type="button" className="btn btn-danger" onClick={() => void remove()} disabled={busy}>
              Delete
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Save
            </button>
          </div>
        )}
      </form>
    </div>
  );
}
