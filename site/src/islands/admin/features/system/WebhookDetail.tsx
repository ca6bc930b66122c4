import { useState } from 'react';
import { messageOf, unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useUi } from '../../components/UiProvider';
import { Empty, ErrorNote, LoadMore, Loading, PageHeader, SecretOnce, Status } from '../../components/bits';
import { formatDate, formatDuration } from '../../lib/format';
import { href, navigate } from '../../lib/router';
import { useApi } from '../../lib/session';
import { useLoad, usePaged } from '../../lib/useLoad';
import { WebhookForm } from './WebhookForm';

type DeliveryStatus = Schemas['WebhookDeliveryStatus'];

/** One webhook: settings, secret rotation, and the delivery log with replay. */
export function WebhookDetail({ id }: { id: string }) {
  const api = useApi();
  const { confirm, notify } = useUi();
  const path = { params: { path: { webhookId: id } } };
  const hook = useLoad(async () => unwrap(await api.GET('/api/v1/admin/webhooks/{webhookId}', path)), [id]);
  const [status, setStatus] = useState<'' | DeliveryStatus>('');
  const deliveries = usePaged(
    async (cursor) =>
      unwrap(
        await api.GET('/api/v1/admin/webhooks/{webhookId}/deliveries', {
          params: { path: { webhookId: id }, query: { limit: 25, cursor, status: status || undefined } },
        }),
      ),
    [id, status],
  );
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [openDelivery, setOpenDelivery] = useState<string>();

  const rotate = async () => {
    if (
      !(await confirm({
        title: 'Rotate the signing secret?',
        message: 'Deliveries are signed with the new secret at once; update the receiver right away.',
        confirmLabel: 'Rotate',
        danger: true,
      }))
    )
      return;
    try {
      setSecret(unwrap(await api.POST('/api/v1/admin/webhooks/{webhookId}/rotate-secret', path)).secret);
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };
  const remove = async () => {
    if (
      !(await confirm({
        title: 'Delete this webhook?',
        message: 'It stops receiving events and its delivery log is deleted.',
        confirmLabel: 'Delete webhook',
        danger: true,
      }))
    )
      return;
    try {
      unwrap(await api.DELETE('/api/v1/admin/webhooks/{webhookId}', path));
      navigate('/webhooks');
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };
  const replay = async (deliveryId: string) => {
    try {
      const d = unwrap(
        await api.POST('/api/v1/admin/webhook-deliveries/{deliveryId}/replay', { params: { path: { deliveryId } } }),
      );
      deliveries.update((items) => items.map((i) => (i.id === d.id ? d : i)));
      notify('Delivery queued again.');
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  if (hook.loading) return <Loading />;
  if (!hook.data)
    return (
      <>
        <PageHeader title="Webhook" />
        <ErrorNote message={hook.error} retry={hook.reload} />
      </>
    );
  const w = hook.data;
  return (
    <>
      <PageHeader
        title={w.name}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="btn" onClick={() => void rotate()}>
              Rotate secret
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void remove()}>
              Delete
            </button>
          </>
        }
      >
        <p className="muted small">
          <a href={href('/webhooks')}>← All webhooks</a> · <Status value={w.active ? 'active' : 'inactive'} /> · {w.url}
        </p>
        <p className="muted small">{w.events.join(', ')}</p>
      </PageHeader>
      {secret && <SecretOnce label="New signing secret" secret={secret} note="it is never shown again." />}
      <section className="card" aria-labelledby="deliveries-h">
        <h2 id="deliveries-h">Deliveries</h2>
        <div className="filters">
          <SelectField
            label="Status"
            value={status}
            onValue={(v) => setStatus(v as '' | DeliveryStatus)}
            options={[
              { value: '', label: 'All' },
              { value: 'pending', label: 'Pending' },
              { value: 'succeeded', label: 'Succeeded' },
              { value: 'dead', label: 'Dead' },
            ]}
          />
          <button type="button" className="btn" onClick={deliveries.reload} disabled={deliveries.loading}>
            Refresh
          </button>
        </div>
        <ErrorNote message={deliveries.error} retry={deliveries.reload} />
        {!deliveries.loading && !deliveries.items.length && <Empty>No deliveries yet.</Empty>}
        <ul className="deliveries">
          {deliveries.items.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className="delivery-head"
                aria-expanded={openDelivery === d.id}
                onClick={() => setOpenDelivery(openDelivery === d.id ? undefined : d.id)}
              >
                <Status value={d.status} /> <span>{d.eventType}</span>
                <span className="muted small">
                  {d.responseStatus ?? '—'} · {formatDuration(d.durationMs)} · {formatDate(d.createdAt)}
                </span>
              </button>
              {openDelivery === d.id && (
                <div className="delivery-body">
                  {d.nextAttemptAt && <p className="small">Next attempt {formatDate(d.nextAttemptAt)}</p>}
                  <ol className="attempts">
                    {d.attempts.map((a) => (
                      <li key={a.attempt}>
                        #{a.attempt} · {a.responseStatus ?? 'no answer'} · {formatDuration(a.durationMs)} ·{' '}
                        {formatDate(a.createdAt)}
                        {a.error && <div className="field-error">{a.error}</div>}
                        {a.responseSnippet && <pre className="log small">{a.responseSnippet}</pre>}
                      </li>
                    ))}
                  </ol>
                </div>
              )}
              <button type="button" className="btn btn-small" onClick={() => void replay(d.id)}>
                Replay
              </button>
            </li>
          ))}
        </ul>
        <LoadMore hasMore={Boolean(deliveries.nextCursor)} loading={deliveries.loading} onMore={deliveries.more} />
      </section>
      <Modal open={editing} title="Edit webhook" onClose={() => setEditing(false)}>
        <WebhookForm
          initial={{ name: w.name, url: w.url, events: w.events, active: w.active }}
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            hook.setData(unwrap(await api.PATCH('/api/v1/admin/webhooks/{webhookId}', { ...path, body })));
            setEditing(false);
            notify('Webhook saved.');
          }}
        />
      </Modal>
    </>
  );
}
