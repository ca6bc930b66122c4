import { useEffect, useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf } from '../api/errors';
import type { LexicalDocument } from '../api/types';
import { useUi } from '../components/UiProvider';
import { EMPTY_DOC } from '../features/posts/draft';
import { bindField, type BoundField, type TextKeys } from './formField';
import { DOCUMENTS, type DocumentKind, type DocumentKinds, type DocumentView } from './documents';
import { navigate } from './router';
import { useApi, useSession } from './session';
import { useLoad, type Loaded } from './useLoad';
import { useUnsavedChanges } from './unsaved';

/** How one kind's editor maps a document to its form and back. Define it once at module level (it is a hook dependency). */
export interface DocumentForm<K extends DocumentKind, F> {
  empty: F;
  formOf(doc: DocumentView<K>): F;
  contentOf(doc: DocumentView<K>): LexicalDocument;
  /** The body sent on create and on save. */
  payload(form: F, content: LexicalDocument): DocumentKinds[K]['input'];
  /** Field errors found before anything is sent (none: undefined). */
  check?(form: F, doc: DocumentView<K> | null): Record<string, string> | undefined;
}

export interface DocumentEditor<K extends DocumentKind, F> {
  kind: K;
  /** The document's id from the address; undefined for a new one. */
  id: string | undefined;
  /** Lowercase singular: “page”, “project”. */
  noun: string;
  loaded: Loaded<DocumentView<K> | null>;
  /** The document as the server last returned it; null until it is first saved. */
  doc: DocumentView<K> | null;
  form: F;
  set(patch: Partial<F>): void;
  /** value, onValue, error and readOnly for a TextField or TextArea of the form. */
  field(name: TextKeys<F>): BoundField & { readOnly: boolean };
  content: LexicalDocument;
  setContent(doc: LexicalDocument): void;
  /** Changes when the rich-text editor must start again from `content` (a load or a reload). */
  editorKey: number;
  error: string | undefined;
  fields: Record<string, string>;
  /** The first field error whose key starts with `prefix` (e.g. “content” for “content.root”). */
  fieldError(prefix: string): string | undefined;
  busy: boolean;
  readOnly: boolean;
  save(e?: FormEvent): Promise<DocumentView<K> | undefined>;
  publish(): Promise<void>;
  unpublish(): Promise<void>;
  remove(): Promise<void>;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The state and actions of a slugged document's editor (pages, projects): load, edit with an
 * unsaved-changes guard, save (creating on first save), publish (saving first), unpublish and delete,
 * each with its confirmation, its notice and the API's field errors.
 */
export function useDocumentEditor<K extends DocumentKind, F>(
  kind: K,
  id: string | undefined,
  spec: DocumentForm<K, F>,
): DocumentEditor<K, F> {
  const api = useApi();
  const { can } = useSession();
  const { confirm, notify } = useUi();
  const endpoints = DOCUMENTS[kind];
  const { noun } = endpoints;
  const loaded = useLoad(async () => (id ? endpoints.get(api, id) : null), [id]);
  const [doc, setDoc] = useState<DocumentView<K> | null>(null);
  const [form, setForm] = useState<F>(spec.empty);
  const [content, setContentState] = useState<LexicalDocument>(EMPTY_DOC);
  const [editorKey, setEditorKey] = useState(0);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(() => dirty);

  useEffect(() => {
    if (!loaded.data) return;
    setDoc(loaded.data);
    setForm(spec.formOf(loaded.data));
    setContentState(spec.contentOf(loaded.data));
    setEditorKey((k) => k + 1);
    setDirty(false);
  }, [loaded.data, spec]);

  const act = async (fn: () => Promise<DocumentView<K>>, done: string): Promise<DocumentView<K> | undefined> => {
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const result = await fn();
      setDoc(result);
      notify(done);
      return result;
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const problems = spec.check?.(form, doc);
    if (problems) {
      setFields(problems);
      return undefined;
    }
    const saved = await act(
      async () => {
        const body = spec.payload(form, content);
        if (doc) return endpoints.update(api, doc.id, body);
        const created = await endpoints.create(api, body);
        navigate(`/${kind}/${created.id}`, undefined, true);
        return created;
      },
      `${capital(noun)} saved.`,
    );
    if (saved) {
      setDirty(false);
      setForm(spec.formOf(saved));
    }
    return saved;
  };

  const publish = async () => {
    const saved = await save();
    if (saved) await act(() => endpoints.publish(api, saved.id), `${capital(noun)} published.`);
  };

  const unpublish = async () => {
    if (
      !doc ||
      !(await confirm({
        title: `Unpublish this ${noun}?`,
        message: 'It disappears from the site.',
        confirmLabel: 'Unpublish',
      }))
    )
      return;
    await act(() => endpoints.unpublish(api, doc.id), `${capital(noun)} unpublished.`);
  };

  const remove = async () => {
    if (
      !doc ||
      !(await confirm({
        title: `Delete this ${noun}?`,
        message: `“${doc.title}” is deleted for good.`,
        confirmLabel: `Delete ${noun}`,
        danger: true,
      }))
    )
      return;
    try {
      await endpoints.remove(api, doc.id);
      notify(`${capital(noun)} deleted.`);
      navigate(`/${kind}`);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const set = (patch: Partial<F>) => (setForm({ ...form, ...patch }), setDirty(true));
  const readOnly = !can('content:publish');
  return {
    kind,
    id,
    noun,
    loaded,
    doc,
    form,
    set,
    field: (name) => ({ ...bindField(form, set, fields, name), readOnly }),
    content,
    setContent: (next) => (setContentState(next), setDirty(true)),
    editorKey,
    error,
    fields,
    fieldError: (prefix) => Object.entries(fields).find(([k]) => k.startsWith(prefix))?.[1],
    busy,
    readOnly,
    save,
    publish,
    unpublish,
    remove,
  };
}
