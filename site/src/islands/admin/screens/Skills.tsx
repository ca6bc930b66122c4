import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../api/errors';
import type { Schemas } from '../api/types';
import { FormError, TextField } from '../components/Field';
import { Modal } from '../components/Modal';
import { useUi } from '../components/UiProvider';
import { Empty, ErrorNote, Loading, PageHeader, RowActions } from '../components/bits';
import { useApi, useSession } from '../lib/session';
import { useLoad } from '../lib/useLoad';

type Skill = Schemas['SkillView'];
type Form = { name: string; category: string; level: string; sortOrder: string };
const EMPTY: Form = { name: '', category: '', level: '50', sortOrder: '0' };

/** Skills shown on the about page, grouped by category. */
export function Skills() {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const skills = useLoad(async () => unwrap(await api.GET('/api/v1/admin/skills')), []);
  const [editing, setEditing] = useState<Skill | 'new' | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const writable = can('content:publish');

  const open = (s: Skill | 'new') => {
    setEditing(s);
    setForm(
      s === 'new'
        ? EMPTY
        : { name: s.name, category: s.category, level: String(s.level), sortOrder: String(s.sortOrder) },
    );
    setError(undefined);
    setFields({});
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: form.name.trim(),
      category: form.category.trim(),
      level: Number(form.level),
      sortOrder: Number(form.sortOrder),
    };
    try {
      if (editing === 'new') unwrap(await api.POST('/api/v1/admin/skills', { body }));
      else if (editing)
        unwrap(await api.PATCH('/api/v1/admin/skills/{skillId}', { params: { path: { skillId: editing.id } }, body }));
      setEditing(null);
      skills.reload();
      notify('Skill saved.');
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    }
  };

  const remove = async (s: Skill) => {
    if (
      !(await confirm({
        title: `Delete “${s.name}”?`,
        message: 'It disappears from the about page.',
        confirmLabel: 'Delete skill',
        danger: true,
      }))
    )
      return;
    try {
      unwrap(await api.DELETE('/api/v1/admin/skills/{skillId}', { params: { path: { skillId: s.id } } }));
      skills.reload();
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  const sorted = [...(skills.data ?? [])].sort(
    (a, b) => a.category.localeCompare(b.category) || a.sortOrder - b.sortOrder,
  );
  return (
    <>
      <PageHeader
        title="Skills"
        actions={
          writable && (
            <button type="button" className="btn btn-primary" onClick={() => open('new')}>
              New skill
            </button>
          )
        }
      />
      <ErrorNote message={skills.error} retry={skills.reload} />
      {skills.loading && <Loading />}
      {skills.data && !skills.data.length && <Empty>No skills yet.</Empty>}
      {sorted.length > 0 && (
        <div className="table-wrap">
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Skill</th>
                <th scope="col">Level</th>
                <th scope="col">Order</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((s) => (
                <tr key={s.id}>
                  <td data-label="Category">{s.category}</td>
                  <td data-label="Skill">{s.name}</td>
                  <td data-label="Level">
                    <meter min={0} max={100} value={s.level} aria-label={`${s.name} level`} /> {s.level}
                  </td>
                  <td data-label="Order">{s.sortOrder}</td>
                  <td className="row-actions">
                    <RowActions show={writable} onEdit={() => open(s)} onDelete={() => void remove(s)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'New skill' : 'Edit skill'}
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
            label="Category"
            value={form.category}
            onValue={(v) => setForm({ ...form, category: v })}
            maxLength={80}
            required
            error={fields.category}
          />
          <TextField
            label="Level (0–100)"
            type="number"
            min={0}
            max={100}
            value={form.level}
            onValue={(v) => setForm({ ...form, level: v })}
            error={fields.level}
          />
          <TextField
            label="Sort order"
            type="number"
            value={form.sortOrder}
            onValue={(v) => setForm({ ...form, sortOrder: v })}
            error={fields.sortOrder}
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
