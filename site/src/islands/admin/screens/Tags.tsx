import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../api/errors';
import type { Tag } from '../api/types';
import { FormError, TextField } from '../components/Field';
import { Modal } from '../components/Modal';
import { useUi } from '../components/UiProvider';
import { Empty, ErrorNote, Loading, PageHeader, RowActions } from '../components/bits';
import { href } from '../lib/router';
import { useApi, useSession } from '../lib/session';
import { useLoad } from '../lib/useLoad';

type Form = { name: string; slug: string; description: string };
const EMPTY: Form = { name: '', slug: '', description: '' };

/** Tags: create (authors too), rename and delete (editors). */
export function Tags() {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const tags = useLoad(async () => unwrap(await api.GET('/api/v1/admin/tags')), []);
  const [editing, setEditing] = useState<Tag | 'new' | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const open = (t: Tag | 'new') => {
    setEditing(t);
    setForm(t === 'new' ? EMPTY : { name: t.name, slug: t.slug, description: t.description });
    setError(undefined);
    setFields({});
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: form.name.trim(),
      description: form.description,
      ...(form.slug.trim() ? { slug: form.slug.trim() } : {}),
    };
    try {
      if (editing === 'new') unwrap(await api.POST('/api/v1/admin/tags', { body }));
      else if (editing)
        unwrap(await api.PATCH('/api/v1/admin/tags/{tagId}', { params: { path: { tagId: editing.id } }, body }));
      setEditing(null);
      tags.reload();
      notify('Tag saved.');
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    }
  };

  const remove = async (t: Tag) => {
    const ok = await confirm({
      title: `Delete the tag “${t.name}”?`,
      message: `It is removed from ${t.postCount} published post(s) and any drafts.`,
      confirmLabel: 'Delete tag',
      danger: true,
    });
    if (!ok) return;
    try {
      unwrap(await api.DELETE('/api/v1/admin/tags/{tagId}', { params: { path: { tagId: t.id } } }));
      tags.reload();
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  return (
    <>
      <PageHeader
        title="Tags"
        actions={
          can('content:write') && (
            <button type="button" className="btn btn-primary" onClick={() => open('new')}>
              New tag
            </button>
          )
        }
      />
      <ErrorNote message={tags.error} retry={tags.reload} />
      {tags.loading && <Loading />}
      {tags.data && !tags.data.length && <Empty>No tags yet.</Empty>}
      {!!tags.data?.length && (
        <div className="table-wrap">
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Slug</th>
                <th scope="col">Posts</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tags.data.map((t) => (
                <tr key={t.id}>
                  <td>
                    <a href={href('/posts', { tag: t.slug })}>{t.name}</a>
                    {t.description && <div className="muted small">{t.description}</div>}
                  </td>
                  <td data-label="Slug">{t.slug}</td>
                  <td data-label="Posts">{t.postCount}</td>
                  <td className="row-actions">
                    <RowActions show={can('content:publish')} onEdit={() => open(t)} onDelete={() => void remove(t)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'New tag' : 'Edit tag'}
        onClose={() => setEditing(null)}
      >
        <form onSubmit={(e) => void submit(e)}>
          <TextField
            label="Name"
            value={form.name}
            onValue={(v) => setForm({ ...form, name: v })}
            maxLength={80}
            required
            error={fields.name}
          />
          <TextField
            label="Slug"
            value={form.slug}
            onValue={(v) => setForm({ ...form, slug: v })}
            maxLength={100}
            placeholder="made from the name"
            error={fields.slug}
          />
          <TextField
            label="Description"
            value={form.description}
            onValue={(v) => setForm({ ...form, description: v })}
            maxLength={500}
            error={fields.description}
          />
          <FormError message={error} />
          <div className="actions">
            <button type="button" className="btn" onClick={() => setEditing(null)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary">
              Save
            </button>
          </div>
        </form>
      </Modal>
    </>
  );
}
