import { unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { CrudDialog, CrudTable } from '../../components/CrudTable';
import { TextField } from '../../components/Field';
import { Empty, ErrorNote, Loading, PageHeader, RowActions } from '../../components/bits';
import { useApi, useSession } from '../../lib/session';
import { useCrudModal } from '../../lib/useCrudModal';
import { useLoad } from '../../lib/useLoad';

type Skill = Schemas['SkillView'];
type Form = { name: string; category: string; level: string; sortOrder: string };

/** Skills shown on the about page, grouped by category. */
export function Skills() {
  const api = useApi();
  const { can } = useSession();
  const skills = useLoad(async () => unwrap(await api.GET('/api/v1/admin/skills')), []);
  const writable = can('content:publish');
  const crud = useCrudModal<Skill, Form>({
    empty: { name: '', category: '', level: '50', sortOrder: '0' },
    formOf: (s) => ({ name: s.name, category: s.category, level: String(s.level), sortOrder: String(s.sortOrder) }),
    save: async (s, form) => {
      const body = {
        name: form.name.trim(),
        category: form.category.trim(),
        level: Number(form.level),
        sortOrder: Number(form.sortOrder),
      };
      if (!s) return unwrap(await api.POST('/api/v1/admin/skills', { body }));
      return unwrap(await api.PATCH('/api/v1/admin/skills/{skillId}', { params: { path: { skillId: s.id } }, body }));
    },
    saved: 'Skill saved.',
    reload: skills.reload,
  });
  const { field } = crud;

  const remove = (s: Skill) =>
    crud.remove(
      {
        title: `Delete “${s.name}”?`,
        message: 'It disappears from the about page.',
        confirmLabel: 'Delete skill',
        danger: true,
      },
      async () => unwrap(await api.DELETE('/api/v1/admin/skills/{skillId}', { params: { path: { skillId: s.id } } })),
    );

  const sorted = [...(skills.data ?? [])].sort(
    (a, b) => a.category.localeCompare(b.category) || a.sortOrder - b.sortOrder,
  );
  return (
    <>
      <PageHeader
        title="Skills"
        actions={
          writable && (
            <button type="button" className="btn btn-primary" onClick={() => crud.open('new')}>
              New skill
            </button>
          )
        }
      />
      <ErrorNote message={skills.error} retry={skills.reload} />
      {skills.loading && <Loading />}
      {skills.data && !skills.data.length && <Empty>No skills yet.</Empty>}
      {sorted.length > 0 && (
        <CrudTable
          rows={sorted}
          columns={[
            { header: 'Category', cell: (s) => s.category },
            { header: 'Skill', cell: (s) => s.name },
            {
              header: 'Level',
              cell: (s) => (
                <>
                  <meter min={0} max={100} value={s.level} aria-label={`${s.name} level`} /> {s.level}
                </>
              ),
            },
            { header: 'Order', cell: (s) => s.sortOrder },
          ]}
          actions={(s) => <RowActions show={writable} onEdit={() => crud.open(s)} onDelete={() => void remove(s)} />}
        />
      )}
      <CrudDialog crud={crud} noun="skill">
        <TextField label="Name" {...field('name')} maxLength={80} required />
        <TextField label="Category" {...field('category')} maxLength={80} required />
        <TextField label="Level (0–100)" type="number" min={0} max={100} {...field('level')} />
        <TextField label="Sort order" type="number" {...field('sortOrder')} />
      </CrudDialog>
    </>
  );
}
