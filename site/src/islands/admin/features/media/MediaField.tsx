import { useEffect, useState } from 'react';
import type { Media } from '../../api/types';
import { useApi } from '../../lib/session';
import { thumbOf } from './thumb';

interface Props {
  label: string;
  value: string | null;
  onChange(id: string | null): void;
  pick(): Promise<Media | null>;
  error?: string;
  disabled?: boolean;
}

/** A media reference (cover, OG image): a thumbnail with Choose and Remove. */
export function MediaField({ label, value, onChange, pick, error, disabled }: Props) {
  const api = useApi();
  const [media, setMedia] = useState<Media | null>(null);

  useEffect(() => {
    if (!value) return setMedia(null);
    if (media?.id === value) return;
    let live = true;
    api.GET('/api/v1/admin/media/{mediaId}', { params: { path: { mediaId: value } } }).then(
      (r) => live && setMedia(r.data ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, value, media?.id]);

  const choose = async () => {
    const m = await pick();
    if (m) {
      setMedia(m);
      onChange(m.id);
    }
  };

  return (
    <fieldset className="field media-field">
      <legend>{label}</legend>
      {value && media ? (
        <img src={thumbOf(media)} alt={media.alt} />
      ) : value ? (
        <p className="muted small">Image {value}</p>
      ) : (
        <p className="muted small">None</p>
      )}
      <div className="actions-inline">
        <button type="button" className="btn btn-small" onClick={() => void choose()} disabled={disabled}>
          {value ? 'Replace' : 'Choose'}
        </button>
        {value && (
          <button type="button" className="btn btn-small" onClick={() => onChange(null)} disabled={disabled}>
            Remove
          </button>
        )}
      </div>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
