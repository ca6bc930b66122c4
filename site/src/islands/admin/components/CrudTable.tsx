import type { ReactNode } from 'react';
import { FormError } from './Field';
import { Modal } from './Modal';
import type { CrudModal } from '../lib/useCrudModal';

export interface Column<T> {
  header: string;
  /** The row's name (the first cell): no label on a phone card, where it stands as the card's heading. */
  primary?: boolean;
  /** On the header and the cells (e.g. hide-narrow). */
  className?: string;
  /** On the cells only. */
  cellClassName?: string;
  cell(row: T): ReactNode;
}

/**
 * A list as a table that becomes one card a row below 640 px (each cell labelled with its column),
 * with the row's actions (RowActions) last.
 */
export function CrudTable<T extends { id: string }>({
  columns,
  rows,
  actions,
}: {
  columns: Column<T>[];
  rows: T[];
  actions(row: T): ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-cards">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((c) => (
                <td
                  key={c.header}
                  data-label={c.primary ? undefined : c.header}
                  className={[c.className, c.cellClassName].filter(Boolean).join(' ') || undefined}
                >
                  {c.cell(row)}
                </td>
              ))}
              <td className="row-actions">{actions(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The create/edit dialog of a useCrudModal: its fields, the API's error, Cancel and Save. */
export function CrudDialog<T, F>({
  crud,
  noun,
  children,
}: {
  crud: CrudModal<T, F>;
  noun: string;
  children: ReactNode;
}) {
  return (
    <Modal
      open={crud.editing !== null}
      title={crud.editing === 'new' ? `New ${noun}` : `Edit ${noun}`}
      onClose={crud.close}
    >
      <form onSubmit={(e) => void crud.submit(e)}>
        {children}
        <FormError message={crud.error} />
        <div className="actions">
          <button type="button" className="btn" onClick={crud.close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
