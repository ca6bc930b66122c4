import { useEffect, useRef, useState } from 'react';
import type { Media } from '../../api/types';
import { useApi } from '../../lib/session';
import { thumbOf } from '../media/thumb';

interface Props {
  ids: string[];
  onChange(ids: string[]): void;
  pick(): Promise<Media | null>;
  readOnly: boolean;
  error?: string;
}

/** An ordered list of images: add from the library, move earlier or later, remove. */
export function ProjectGallery({ ids, onChange, pick, readOnly, error }: Props) {
  const api = useApi();
  const [known, setKnown] = useState<Record<string, Media>>({});
  // Each id is looked up once, found or not (a deleted image must not be asked for forever).
  const asked = useRef(new Set<string>());

  useEffect(() => {
    const missing = ids.filter((id) => !known[id] && !asked.current.has(id));
    if (!missing.length) return;
    missing.forEach((id) => asked.current.add(id));
    void Promise.all(
      missing.map((id) =>
        api.GET('/api/v1/admin/media/{mediaId}', { params: { path: { mediaId: id } } }).then(
          (r) => r.data,
          () => undefined,
        ),
      ),
    ).then((found) =>
      setKnown((k) => ({
        ...k,
        ...Object.fromEntries(found.filter((m): m is Media => Boolean(m)).map((m) => [m.id, m])),
      })),
    );
  }, [api, ids, known]);

  const add = async () => {
    const m = await pick();
    if (!m || ids.includes(m.id)) return;
    setKnown((k) => ({ ...k, [m.id]: m }));
    onChange([...ids, m.id]);
  };
  const move = (i: number, by: number) => {
    const next = [...ids];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };

  return (
    <fieldset className="card gallery">
      <legend>Gallery</legend>
      <ol className="gallery-list">
        {ids.map((id, i) => {
          const m = known[id];
          return (
            <li key={id}>
              {m ? <img src={thumbOf(m)} alt={m.alt} /> : <span className="muted small">{id}</span>}
              {!readOnly && (
                <div className="actions-inline">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Move image ${i + 1} earlier`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Move image ${i + 1} later`}
                    disabled={i === ids.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Remove image ${i + 1}`}
                    onClick={() => onChange(ids.filter((x) => x !== id))}
                  >
                    Remove
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && ids.length < 30 && (
        <button type="button" className="btn btn-small" onClick={() => void add()}>
          Add an image
        </button>
      )}
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
