import { messageOf, unwrap } from '../../api/errors';
import type { Message, MessageStatus } from '../../api/types';
import { useUi } from '../../components/UiProvider';
import { Empty, ErrorNote, LoadMore, Loading, PageHeader, Status } from '../../components/bits';
import { inboxChanged } from '../../lib/events';
import { formatDate } from '../../lib/format';
import { href, navigate } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';
import { usePaged } from '../../lib/useLoad';

const TABS: { value: '' | MessageStatus; label: string }[] = [
  { value: 'unread', label: 'Unread' },
  { value: 'read', label: 'Read' },
  { value: 'archived', label: 'Archived' },
  { value: '', label: 'All' },
];

/** Contact-form messages: read, archive, delete; `?open=<id>` expands one. */
export function Inbox({ query }: { query: URLSearchParams }) {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const raw = query.get('status');
  const status = (raw === null ? 'unread' : raw === 'all' ? '' : raw) as '' | MessageStatus;
  const openId = query.get('open') ?? '';
  const messages = usePaged(
    async (cursor) =>
      unwrap(
        await api.GET('/api/v1/admin/messages', {
          params: { query: { limit: 20, cursor, status: status || undefined } },
        }),
      ),
    [status],
  );
  const writable = can('inbox:write');

  const setStatus = async (m: Message, next: MessageStatus) => {
    try {
      const updated = unwrap(
        await api.PATCH('/api/v1/admin/messages/{messageId}', {
          params: { path: { messageId: m.id } },
          body: { status: next },
        }),
      );
      messages.update((items) =>
        status && status !== next
          ? items.filter((i) => i.id !== m.id)
          : items.map((i) => (i.id === m.id ? updated : i)),
      );
      inboxChanged();
      notify(next === 'read' ? 'Marked as read.' : next === 'unread' ? 'Marked as unread.' : 'Archived.');
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  const remove = async (m: Message) => {
    const ok = await confirm({
      title: 'Delete this message?',
      message: `The message from ${m.name} is deleted for good.`,
      confirmLabel: 'Delete',
      danger: true,
    });
    if (!ok) return;
    try {
      unwrap(await api.DELETE('/api/v1/admin/messages/{messageId}', { params: { path: { messageId: m.id } } }));
      messages.update((items) => items.filter((i) => i.id !== m.id));
      inboxChanged();
      notify('Message deleted.');
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  return (
    <>
      <PageHeader title="Inbox" />
      <nav className="tabs" aria-label="Message status">
        {TABS.map((t) => (
          <a
            key={t.label}
            href={href('/inbox', { status: t.value || 'all' })}
            aria-current={(status || 'all') === (t.value || 'all') ? 'page' : undefined}
          >
            {t.label}
          </a>
        ))}
      </nav>
      <ErrorNote message={messages.error} retry={messages.reload} />
      {!messages.loading && !messages.error && !messages.items.length && <Empty>No messages here.</Empty>}
      <ul className="messages">
        {messages.items.map((m) => {
          const open = m.id === openId;
          return (
            <li key={m.id} className={m.status === 'unread' ? 'message unread' : 'message'}>
              <button
                type="button"
                className="message-head"
                aria-expanded={open}
                onClick={() => navigate('/inbox', { status: status || 'all', open: open ? undefined : m.id }, true)}
              >
                <span className="message-from">{m.name}</span>
                <span className="message-subject">{m.subject || '(no subject)'}</span>
                <span className="muted small">{formatDate(m.createdAt)}</span>
                <Status value={m.status} />
              </button>
              {open && (
                <div className="message-body">
                  <p className="muted small">
                    {m.name} &lt;
                    <a href={`mailto:${m.email}?subject=${encodeURIComponent(`Re: ${m.subject}`)}`}>{m.email}</a>&gt;
                    {m.ip && ` · ${m.ip}`}
                  </p>
                  <p className="pre">{m.message}</p>
                </div>
              )}
              {writable && (
                <div className="actions-inline">
                  {m.status !== 'read' && (
                    <button type="button" className="btn btn-small" onClick={() => void setStatus(m, 'read')}>
                      Mark as read
                    </button>
                  )}
                  {m.status === 'read' && (
                    <button type="button" className="btn btn-small" onClick={() => void setStatus(m, 'unread')}>
                      Mark as unread
                    </button>
                  )}
                  {m.status !== 'archived' && (
                    <button type="button" className="btn btn-small" onClick={() => void setStatus(m, 'archived')}>
                      Archive
                    </button>
                  )}
                  <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(m)}>
                    Delete
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {messages.loading && <Loading />}
      <LoadMore hasMore={Boolean(messages.nextCursor)} loading={messages.loading} onMore={messages.more} />
    </>
  );
}
