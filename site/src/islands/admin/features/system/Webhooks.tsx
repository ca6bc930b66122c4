import { useState } from 'react';
import { unwrap } from '../../api/errors';
import { Modal } from '../../components/Modal';
import { Empty, ErrorNote, Loading, PageHeader, SecretOnce, Status } from '../../components/bits';
import { href } from '../../lib/router';
import { useApi } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';
import { WebhookForm } from './WebhookForm';

/** Subscriptions to content events (Standard Webhooks, signed). */
export function Webhooks() {
  const api = useApi();
  const hooks = useLoad(async () => unwrap(await api.GET('/api/v1/admin/webhooks')), []);
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string>();

  return (
    <>
      <PageHeader
        title="Webhooks"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => (setSecret(undefined), setOpen(true))}>
            New webhook
          </button>
        }
      />
      {secret && (
        <SecretOnce label="Signing secret" secret={secret} note="verify deliveries with it; it is never shown again." />
      )}
      <ErrorNote message={hooks.error} retry={hooks.reload} />
      {hooks.loading && <Loading />}
      {hooks.data && !hooks.data.length && <Empty>No webhooks.</Empty>}
      <ul className="plain-list card-list">
        {hooks.data?.map((w) => (
          <li key={w.id}>
            <a href={href(`/webhooks/${w.id}`)}>{w.name}</a> <Status value={w.active ? 'active' : 'inactive'} />
            <div className="muted small">{w.url}</div>
            <div className="muted small">{w.events.join(', ')}</div>
          </li>
        ))}
      </ul>
      <Modal open={open} title="New webhook" onClose={() => setOpen(false)}>
        <WebhookForm
          initial={{ name: '', url: 'https://', events: ['site.changed'], active: true }}
          onCancel={() => setOpen(false)}
          onSubmit={async (body) => {
            const created = unwrap(await api.POST('/api/v1/admin/webhooks', { body }));
            setSecret(created.secret);
            setOpen(false);
            hooks.reload();
          }}
        />
      </Modal>
    </>
  );
}
