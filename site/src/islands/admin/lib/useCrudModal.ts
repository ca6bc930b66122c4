import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf } from '../api/errors';
import { useUi, type ConfirmOptions } from '../components/UiProvider';
import { bindField, type BoundField, type TextKeys } from './formField';

export interface CrudModal<T, F> {
  /** The row in the dialog, 'new' for one being created, null when the dialog is closed. */
  editing: T | 'new' | null;
  form: F;
  set(patch: Partial<F>): void;
  /** value, onValue and error for a TextField of the form. */
  field(name: TextKeys<F>): BoundField;
  error: string | undefined;
  fields: Record<string, string>;
  open(item: T | 'new'): void;
  close(): void;
  submit(e: FormEvent): Promise<void>;
  /** Asks `question`; on yes runs `del` and reloads, or shows the API's refusal. */
  remove(question: ConfirmOptions, del: () => Promise<unknown>): Promise<void>;
}

/**
 * A list screen's create/edit dialog and delete: the form state, the API's field errors, the
 * “… saved.” notice and a reload of the list after each change.
 */
export function useCrudModal<T, F>({
  empty,
  formOf,
  save,
  saved,
  reload,
}: {
  empty: F;
  formOf(item: T): F;
  /** Creates (item null) or updates `item` from the form; throws the API's error. */
  save(item: T | null, form: F): Promise<unknown>;
  /** The notice after a save, e.g. “Tag saved.” */
  saved: string;
  reload(): void;
}): CrudModal<T, F> {
  const { confirm, notify } = useUi();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [form, setForm] = useState<F>(empty);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const open = (item: T | 'new') => {
    setEditing(item);
    setForm(item === 'new' ? empty : formOf(item));
    setError(undefined);
    setFields({});
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (editing !== null) await save(editing === 'new' ? null : editing, form);
      setEditing(null);
      reload();
      notify(saved);
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    }
  };

  const remove = async (question: ConfirmOptions, del: () => Promise<unknown>) => {
    if (!(await confirm(question))) return;
    try {
      await del();
      reload();
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  };

  const set = (patch: Partial<F>) => setForm({ ...form, ...patch });
  return {
    editing,
    form,
    set,
    field: (name) => bindField(form, set, fields, name),
    error,
    fields,
    open,
    close: () => setEditing(null),
    submit,
    remove,
  };
}
