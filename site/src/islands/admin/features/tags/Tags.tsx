import { unwrap } from '../../api/errors';
import type { Tag } from '../../api/types';
import { CrudDialog, CrudTable } from '../../components/CrudTable';
import { TextField } from '../../components/Field';
import { Empty, ErrorNote, Loading, PageHeader, RowActions } from '../../components/bits';
import { href } from '../../lib/router';
import { useApi, useSession } from '../../lib/session';
import { useCrudModal } from '../../lib/useCrudModal';
import { useLoad } from '../../lib/useLoad';

type Form = { name: string; slug: string; description: string };

/** Tags: create (authors too), rename and delete (editors). */
export function Tags() {
  const api = useApi();
  const { can } = useSession();
  const tags = useLoad(async () => unwrap(await api.GET('/api/v1/admin/tags')), []);
  const crud = useCrudModal<Tag, Form>({
    empty: { name: '', slug: '', description: '' },
    formOf: (t) => ({ name: t.name, slug: t.slug, description: t.description }),
    save: async (t, form) => {
      const body = {
        name: form.name.trim(),
        description: form.description,
        ...(form.slug.trim() ? { slug: form.slug.trim() } : {}),
      };
      if (!t) return unwrap(await api.POST('/api/v1/admin/tags', { body }));
      return unwrap(await api.PATCH('/api/v1/admin/tags/{tagId}', { params: { path: { tagId: t.id } }, body }));
    },
    saved: 'Tag saved.',
    reload: tags.reload,
  });
  const { field } = crud;

  const remove = (t: Tag) =>
    crud.remove(
      {
        title: `Delete the tag “${t.name}”?`,
        message: `It is removed from ${t.postCount} published post(s) and any drafts.`,
        confirmLabel: 'Delete tag',
        danger: true,
      },
      async () => unwrap(await api.DELETE('/api/v1/admin/tags/{tagId}', { params: { path: { tagId: t.id } } })),
    );

  return (
    <>
      <PageHeader
        title="Tags"
        actions={
          can('content:write') && (
            <button type="button" className="btn btn-primary" onClick={() => crud.open('new')}>
              New tag
            </button>
          )
        }
      />
      <ErrorNote message={tags.error} retry={tags.reload} />
      {tags.loading && <Loading />}
      {tags.data && !tags.data.length && <Empty>No tags yet.</Empty>}
      {!!tags.data?.length && (
        <CrudTable
          rows={tags.data}
          columns={[
            {
              header: 'Name',
              primary: true,
              cell: (t) => (
                <>
                  <a href={href('/posts', { tag: t.slug })}>{t.name}</a>
                  {t.description && <div className="muted small">{t.description}</div>}
                </>
              ),
            },
            { header: 'Slug', cell: (t) => t.slug },
            { header: 'Posts', cell: (t) => t.postCount },
          ]}
          actions={(t) => (
            <RowActions show={can('content:publish')} onEdit={() => crud.open(t)} onDelete={() => void remove(t)} />
          )}
        />
      )}
      <CrudDialog crud={crud} noun="tag">
        <TextField label="Name" {...field('name')} maxLength={80} required />
        <TextField label="Slug" {...field('slug')} maxLength={100} placeholder="made from the name" />
        <TextField label="Description" {...field('description')} maxLength={500} />
      </CrudDialog>
    </>
  );
}
