import { useEffect, useRef, useState, type ReactNode } from 'react';

// The first screen after loading or signing in leaves focus at the top (Tab reaches the skip link).
let firstScreen = true;

/** The screen's title; it takes focus when the screen changes so screen readers announce it. */
export function PageHeader({ title, actions, children }: { title: string; actions?: ReactNode; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Admin`;
    if (firstScreen) firstScreen = false;
    else ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <header className="page-head">
      <div>
        <h1 ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}

export function Status({ value }: { value: string }) {
  return <span className={`badge badge-${value}`}>{value}</span>;
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

export function ErrorNote({ message, retry }: { message?: string; retry?(): void }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      <span>{message}</span>
      {retry && (
        <button type="button" className="btn btn-small" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** "Load more" for cursor-paginated lists. */
export function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore(): void }) {
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" className="btn" onClick={onMore} disabled={loading}>
        {loading ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}

/** A secret shown exactly once, with a copy button that says whether it worked, and a way to hide it. */
export function SecretOnce({
  label,
  secret,
  note,
  onDone,
}: {
  label: string;
  secret: string;
  note: string;
  onDone?(): void;
}) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => setCopied(null), [secret]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="secret" role="region" aria-label={label}>
      <p>
        <strong>{label}</strong> — {note}
      </p>
      <code className="secret-value">{secret}</code>
      <div className="actions-inline">
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied ✓' : 'Copy'}
        </button>
        {onDone && (
          <button type="button" className="btn btn-small" onClick={onDone}>
            Done, hide it
          </button>
        )}
        <span className="small" role="status" aria-live="polite">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'no'
              ? 'Copying is blocked here: select the key and copy it by hand.'
              : ''}
        </span>
      </div>
    </div>
  );
}

/** The Edit / Delete pair at the end of a list row; nothing when the user may not change the row. */
export function RowActions({ show = true, onEdit, onDelete }: { show?: boolean; onEdit(): void; onDelete?(): void }) {
  if (!show) return null;
  return (
    <>
      <button type="button" className="btn btn-small" onClick={onEdit}>
        Edit
      </button>
      {onDelete && (
        <button type="button" className="btn btn-small btn-danger" onClick={onDelete}>
          Delete
        </button>
      )}
    </>
  );
}
