import type { ReactElement, ReactNode } from 'react';
import type { DocumentKind } from '../lib/documents';
import { href } from '../lib/router';
import type { DocumentEditor } from '../lib/useDocumentEditor';
import type { ImagePayload } from '../editor/ImageNode';
import { RichTextEditor } from '../editor/RichTextEditor';
import { FormError, TextField } from './Field';
import { ErrorNote, Loading, PageHeader, Status } from './bits';

/** Save, then Publish or Unpublish (by status), then Delete: a document's actions in its side card. */
export function PublishActions({
  status,
  saved,
  busy,
  onPublish,
  onUnpublish,
  onDelete,
}: {
  status: string | undefined;
  /** Whether the document exists yet (Publish needs a first save; Delete needs something to delete). */
  saved: boolean;
  busy: boolean;
  onPublish(): void;
  onUnpublish(): void;
  onDelete(): void;
}) {
  return (
    <div className="actions-stack">
      <button type="submit" className="btn" disabled={busy}>
        Save
      </button>
      {status !== 'published' && (
        <button type="button" className="btn btn-primary" disabled={busy || !saved} onClick={onPublish}>
          Publish
        </button>
      )}
      {status === 'published' && (
        <button type="button" className="btn" disabled={busy} onClick={onUnpublish}>
          Unpublish
        </button>
      )}
      {saved && (
        <button type="button" className="btn btn-danger" disabled={busy} onClick={onDelete}>
          Delete
        </button>
      )}
    </div>
  );
}

/**
 * The screen around a document editor (see useDocumentEditor): loading and load errors, the header
 * with its way back and status, the two-column form, and the side card that ends with the error and
 * the publish actions.
 */
export function DocumentEditorFrame<K extends DocumentKind, F extends { title: string }>({
  editor: ed,
  picker,
  contentLabel,
  contentField,
  belowTitle,
  belowContent,
  side,
}: {
  editor: DocumentEditor<K, F>;
  /** Images in the rich text come from this picker (its dialog is rendered here too). */
  picker: { pickImage(): Promise<ImagePayload | null>; element: ReactElement };
  contentLabel: string;
  /** The rich text's name in the API's field errors (“content”, “body”). */
  contentField: string;
  belowTitle?: ReactNode;
  belowContent?: ReactNode;
  side: ReactNode;
}) {
  const title = ed.noun.charAt(0).toUpperCase() + ed.noun.slice(1);
  if (ed.id && ed.loaded.loading) return <Loading />;
  if (ed.loaded.error)
    return (
      <>
        <PageHeader title={title} />
        <ErrorNote message={ed.loaded.error} retry={ed.loaded.reload} />
      </>
    );
  return (
    <>
      <PageHeader title={ed.doc ? `Edit ${ed.noun}` : `New ${ed.noun}`}>
        <p className="muted small">
          <a href={href(`/${ed.kind}`)}>← All {ed.kind}</a>
          {ed.doc && (
            <>
              {' '}
              · <Status value={ed.doc.status} />
            </>
          )}
        </p>
      </PageHeader>
      <form onSubmit={(e) => void ed.save(e)} className="editor-layout">
        <div className="editor-main">
          <TextField
            label="Title"
            className="title-field"
            value={ed.form.title}
            onValue={(v) => ed.set({ title: v } as Partial<F>)}
            maxLength={300}
            required
            error={ed.fields.title}
            readOnly={ed.readOnly}
          />
          {belowTitle}
          <RichTextEditor
            key={ed.editorKey}
            label={contentLabel}
            initial={ed.content}
            onChange={ed.setContent}
            pickImage={picker.pickImage}
            readOnly={ed.readOnly}
            error={ed.fieldError(contentField)}
          />
          {belowContent}
        </div>
        <aside className="editor-side">
          <section className="card">
            {side}
            <FormError message={ed.error} />
            {!ed.readOnly && (
              <PublishActions
                status={ed.doc?.status}
                saved={Boolean(ed.doc)}
                busy={ed.busy}
                onPublish={() => void ed.publish()}
                onUnpublish={() => void ed.unpublish()}
                onDelete={() => void ed.remove()}
              />
            )}
          </section>
        </aside>
      </form>
      {picker.element}
    </>
  );
}
