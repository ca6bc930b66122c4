import { useState, type FormEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { ApiError, fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import type { Media } from '../../api/types';
import { FormError, TextArea } from '../../components/Field';
import { useUi } from '../../components/UiProvider';
import { Status } from '../../components/bits';
import { formatBytes, formatDate } from '../../lib/format';
import { href } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';

/** One place that shows the media, as the API's 409 MEDIA_IN_USE lists it. */
interface Usage {
  type: 'post' | 'page' | 'project' | 'settings';
  id: string;
  title: string;
  field: string;
  clearable: boolean;
}

const PLACE: Record<string, string> = {
  coverMediaId: 'cover image',
  ogImageMediaId: 'social image',
  imageIds: 'gallery',
  content: 'in the text',
  body: 'in the description',
  pendingChanges: 'in changes not published yet',
  value: 'in a link',
};
const SCREEN: Record<Usage['type'], (u: Usage) => string> = {
  post: (u) => href(`/posts/${u.id}`),
  page: (u) => href(`/pages/${u.id}`),
  project: (u) => href(`/projects/${u.id}`),
  settings: () => href('/settings'),
};
const TYPE: Record<Usage['type'], string> = { post: 'Post', page: 'Page', project: 'Project', settings: 'Settings' };

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
  const [usages, setUsages] = useState<Usage[] | null>(null);
  const writable = can('media:write');
  const path = { params: { path: { mediaId: media.id } } };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const updated = unwrap(
        await api.PATCH('/api/v1/admin/media/{mediaId}', { ...path, body: { alt, focalX: focal.x, focalY: focal.y } }),
      );
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

  /** Deletes; while the image is in use, the places are listed here instead (with links to each). */
  const remove = async (force = false) => {
    if (
      !force &&
      !(await confirm({
        title: 'Delete this image?',
        message: `${media.filename} is deleted from the library and storage.`,
        confirmLabel: 'Delete',
        danger: true,
      }))
    )
      return;
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.DELETE('/api/v1/admin/media/{mediaId}', {
        params: { path: { mediaId: media.id }, query: force ? { force: true } : {} },
      });
      if (res.response.status === 409) {
        setUsages(new ApiError(409, res.error).problem?.errors?.map((x) => x.value as Usage) ?? []);
        return;
      }
      unwrap(res);
      notify('Image deleted.');
      onDeleted(media.id);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const inText = usages?.filter((u) => !u.clearable) ?? [];
  const inUse = usages && usages.length > 0 && (
    <div className="in-use" role="alert">
      <p>
        <strong>This image is in use, so it was not deleted.</strong>{' '}
        {inText.length
          ? 'It is shown inside a text or setting: take it out there first (open each place below).'
          : `Deleting it removes it from these ${usages.length} place(s).`}
      </p>
      <ul>
        {usages.map((u) => (
          <li key={`${u.type}:${u.id}:${u.field}`}>
            {TYPE[u.type]} <a href={SCREEN[u.type](u)}>{u.type === 'settings' ? u.title : `“${u.title}”`}</a>{' '}
            <span className="muted">({PLACE[u.field] ?? u.field})</span>
          </li>
        ))}
      </ul>
      {!inText.length && (
        <button type="button" className="btn btn-danger" onClick={() => void remove(true)} disabled={busy}>
          Remove from {usages.length} place(s) and delete
        </button>
      )}
    </div>
  );

  return (
    <div className="media-detail">
      <div className="focal-wrap">
        <button
          type="button"
          className="focal"
          onClick={pickFocal}
          onKeyDown={nudge}
          disabled={!writable}
          aria-label={`Focal point ${focal.x}% from the left, ${focal.y}% from the top. Click the image or use the arrow keys to move it.`}
        >
          <img src={media.url} alt={media.alt} />
          <span className="focal-dot" style={{ left: `${focal.x}%`, top: `${focal.y}%` }} aria-hidden="true" />
        </button>
        <p className="muted small">
          Focal point: {focal.x}% × {focal.y}% — crops keep this spot.
        </p>
      </div>
      <form onSubmit={(e) => void save(e)} className="media-form">
        <TextArea
          label="Alt text"
          value={alt}
          onValue={setAlt}
          maxLength={500}
          rows={3}
          error={fields.alt}
          readOnly={!writable}
          hint="What the image shows, for people who cannot see it."
        />
        {(fields.focalX || fields.focalY) && <p className="field-error">{fields.focalX ?? fields.focalY}</p>}
        <FormError message={error} />
        {inUse}
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <Status value={media.status} />
          </dd>
          <dt>Size</dt>
          <dd>
            {media.width && media.height ? `${media.width} × ${media.height} px, ` : ''}
            {formatBytes(media.sizeBytes)}
          </dd>
          <dt>Type</dt>
          <dd>{media.mimeType}</dd>
          <dt>Variants</dt>
          <dd>
            {media.variants.length ? media.variants.map((v) => `${v.width}w ${v.format}`).join(', ') : 'none yet'}
          </dd>
          <dt>Uploaded</dt>
          <dd>{formatDate(media.createdAt)}</dd>
          <dt>URL</dt>
          <dd>
            <a href={media.url} target="_blank" rel="noopener">
              Original ↗
            </a>
          </dd>
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
