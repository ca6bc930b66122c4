import { useCallback, useRef, useState, type ReactElement } from 'react';
import { unwrap } from '../../api/errors';
import type { Media } from '../../api/types';
import { Modal } from '../../components/Modal';
import type { ImagePayload } from '../../editor/ImageNode';
import { Empty, ErrorNote, LoadMore } from '../../components/bits';
import { useApi, useSession } from '../../lib/session';
import { usePaged } from '../../lib/useLoad';
import { thumbOf } from './thumb';
import { Uploader } from './Uploader';

/** `pick()` opens the library in a dialog and resolves with the chosen (or just uploaded) item. */
export function useMediaPicker(title = 'Choose an image'): {
  pick(): Promise<Media | null>;
  /** pick(), as the rich-text editor inserts it. */
  pickImage(): Promise<ImagePayload | null>;
  element: ReactElement;
} {
  const [open, setOpen] = useState(false);
  const resolver = useRef<(m: Media | null) => void>(undefined);

  const pick = useCallback(() => {
    setOpen(true);
    return new Promise<Media | null>((resolve) => (resolver.current = resolve));
  }, []);

  const done = (m: Media | null) => {
    setOpen(false);
    resolver.current?.(m);
    resolver.current = undefined;
  };

  const element = (
    <Modal open={open} title={title} onClose={() => done(null)} wide>
      {open && <PickerBody onPick={done} />}
    </Modal>
  );
  const pickImage = async () => {
    const m = await pick();
    return m ? { src: m.url, altText: m.alt, width: m.width ?? undefined, height: m.height ?? undefined } : null;
  };
  return { pick, pickImage, element };
}

function PickerBody({ onPick }: { onPick(m: Media): void }) {
  const api = useApi();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const media = usePaged(
    async (cursor) =>
      unwrap(
        await api.GET('/api/v1/admin/media', { params: { query: { limit: 24, cursor, q: search || undefined } } }),
      ),
    [search],
  );

  return (
    <div className="picker">
      {can('media:write') && <Uploader compact multiple={false} onUploaded={onPick} />}
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <div className="field">
          <label htmlFor="picker-q">Search the library</label>
          <input id="picker-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button className="btn" type="submit">
          Search
        </button>
      </form>
      <ErrorNote message={media.error} retry={media.reload} />
      {!media.loading && !media.items.length && <Empty>No images yet. Upload one above.</Empty>}
      <ul className="media-grid">
        {media.items.map((m) => (
          <li key={m.id}>
            <button type="button" className="media-tile" onClick={() => onPick(m)} aria-label={`Choose ${m.filename}`}>
              <img src={thumbOf(m)} alt={m.alt} loading="lazy" />
              <span className="media-name">{m.filename}</span>
            </button>
          </li>
        ))}
      </ul>
      <LoadMore hasMore={Boolean(media.nextCursor)} loading={media.loading} onMore={media.more} />
    </div>
  );
}
