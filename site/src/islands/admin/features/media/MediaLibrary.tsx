import { useState, type FormEvent } from 'react';
import { unwrap } from '../../api/errors';
import type { Media } from '../../api/types';
import { Modal } from '../../components/Modal';
import { Empty, ErrorNote, LoadMore, Loading, PageHeader } from '../../components/bits';
import { useApi, useSession } from '../../lib/session';
import { usePaged } from '../../lib/useLoad';
import { MediaDetail } from './MediaDetail';
import { thumbOf } from './thumb';
import { Uploader } from './Uploader';

/** The media library: upload (drag and drop, progress), search, and per-item details. */
export function MediaLibrary() {
  const api = useApi();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<Media | null>(null);
  const media = usePaged(
    async (cursor) =>
      unwrap(
        await api.GET('/api/v1/admin/media', { params: { query: { limit: 30, cursor, q: search || undefined } } }),
      ),
    [search],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch(q.trim());
  };

  const uploaded = (m: Media) => media.update((items) => [m, ...items.filter((i) => i.id !== m.id)]);
  const changed = (m: Media) => {
    media.update((items) => items.map((i) => (i.id === m.id ? m : i)));
    setOpen(m);
  };
  const removed = (id: string) => {
    media.update((items) => items.filter((i) => i.id !== id));
    setOpen(null);
  };

  return (
    <>
      <PageHeader title="Media" />
      {can('media:write') && <Uploader onUploaded={uploaded} />}
      <form className="filters" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="media-q">Search media</label>
          <input
            id="media-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="File name or alt text"
          />
        </div>
        <button type="submit" className="btn">
          Search
        </button>
      </form>
      <ErrorNote message={media.error} retry={media.reload} />
      {!media.loading && !media.error && !media.items.length && <Empty>No media{search ? ' matches' : ' yet'}.</Empty>}
      <ul className="media-grid">
        {media.items.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className="media-tile"
              onClick={() => setOpen(m)}
              aria-label={`${m.filename}: details`}
            >
              <img src={thumbOf(m)} alt={m.alt} loading="lazy" />
              <span className="media-name">{m.filename}</span>
              {!m.alt && <span className="media-flag">no alt</span>}
            </button>
          </li>
        ))}
      </ul>
      {media.loading && <Loading />}
      <LoadMore hasMore={Boolean(media.nextCursor)} loading={media.loading} onMore={media.more} />
      <Modal open={open !== null} title={open?.filename ?? ''} onClose={() => setOpen(null)} wide>
        {open && <MediaDetail media={open} onChanged={changed} onDeleted={removed} />}
      </Modal>
    </>
  );
}
