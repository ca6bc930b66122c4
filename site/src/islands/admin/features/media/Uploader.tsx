import { useId, useRef, useState, type DragEvent } from 'react';
import { messageOf } from '../../api/errors';
import type { Media } from '../../api/types';
import { uploadMedia, type UploadHandle } from '../../api/upload';
import { formatBytes } from '../../lib/format';
import { useSession } from '../../lib/session';

interface Item {
  id: number;
  name: string;
  size: number;
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  error?: string;
  handle?: UploadHandle;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/** Drop zone and file button; each file uploads with its own progress bar. */
export function Uploader({
  onUploaded,
  multiple = true,
  compact,
}: {
  onUploaded(media: Media): void;
  multiple?: boolean;
  compact?: boolean;
}) {
  const { api } = useSession();
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const [alt, setAlt] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);
  const inputId = useId();
  const altId = useId();

  const patch = (id: number, p: Partial<Item>) =>
    setItems((list) => list.map((i) => (i.id === id ? { ...i, ...p } : i)));

  const start = (files: FileList | File[]) => {
    for (const file of Array.from(files).slice(0, multiple ? 20 : 1)) {
      const id = nextId.current++;
      const handle = uploadMedia(api, file, alt, (f) => patch(id, { progress: f }));
      setItems((list) =>
        [{ id, name: file.name, size: file.size, progress: 0, state: 'uploading' as const, handle }, ...list].slice(
          0,
          12,
        ),
      );
      handle.promise.then(
        (media) => {
          patch(id, { state: 'done', progress: 1, handle: undefined });
          onUploaded(media);
        },
        (err: unknown) =>
          patch(id, {
            state: 'failed',
            error: err instanceof DOMException ? 'Cancelled.' : messageOf(err),
            handle: undefined,
          }),
      );
    }
    setAlt('');
    if (input.current) input.current.value = '';
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) start(e.dataTransfer.files);
  };

  return (
    <div className="uploader">
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{compact ? 'Drop an image here, or' : 'Drop images here (JPEG, PNG, WebP, AVIF, GIF), or'}</p>
        <label htmlFor={inputId} className="btn">
          Choose {multiple ? 'files' : 'a file'}
        </label>
        <input
          ref={input}
          id={inputId}
          className="visually-hidden"
          type="file"
          accept={ACCEPT}
          multiple={multiple}
          onChange={(e) => e.target.files && start(e.target.files)}
        />
        <div className="field field-inline">
          <label htmlFor={altId}>Alt text for the upload</label>
          <input
            id={altId}
            value={alt}
            onChange={(e) => setAlt(e.target.value)}
            maxLength={500}
            placeholder="Describe the image"
          />
        </div>
      </div>
      {items.length > 0 && (
        <ul className="uploads" aria-label="Uploads">
          {items.map((i) => (
            <li key={i.id} className={`upload upload-${i.state}`}>
              <span className="upload-name">
                {i.name} <span className="muted small">({formatBytes(i.size)})</span>
              </span>
              <progress max={1} value={i.progress} aria-label={`Upload of ${i.name}`} />
              <span className="small" aria-live="polite">
                {i.state === 'uploading'
                  ? `${Math.round(i.progress * 100)}%`
                  : i.state === 'done'
                    ? 'Uploaded'
                    : i.error}
              </span>
              {i.state === 'uploading' && (
                <button type="button" className="btn btn-small" onClick={() => i.handle?.abort()}>
                  Cancel
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
