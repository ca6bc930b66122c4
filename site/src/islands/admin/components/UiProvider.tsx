import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Modal } from './Modal';

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Red button: the action deletes or cannot be undone. */
  danger?: boolean;
}

type Kind = 'ok' | 'error' | 'info';
interface Toast {
  id: number;
  kind: Kind;
  text: string;
}

interface Ui {
  /** Asks first, in a real dialog; resolves true only when the user confirms. */
  confirm(options: ConfirmOptions): Promise<boolean>;
  notify(text: string, kind?: Kind): void;
}

const UiContext = createContext<Ui | null>(null);

export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUi() outside <UiProvider>');
  return ui;
}

export function UiProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<(ok: boolean) => void>(undefined);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const confirm = useCallback((options: ConfirmOptions) => {
    resolver.current?.(false);
    setPending(options);
    return new Promise<boolean>((resolve) => (resolver.current = resolve));
  }, []);

  const answer = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = undefined;
    setPending(null);
  };

  const notify = useCallback((text: string, kind: Kind = 'ok') => {
    const id = nextId.current++;
    setToasts((t) => [...t.slice(-3), { id, kind, text }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), kind === 'error' ? 9000 : 4500);
  }, []);

  const ui = useMemo(() => ({ confirm, notify }), [confirm, notify]);

  return (
    <UiContext.Provider value={ui}>
      {children}
      <Modal open={pending !== null} title={pending?.title ?? ''} onClose={() => answer(false)}>
        {pending && (
          <div className="confirm">
            <div className="confirm-message">{pending.message}</div>
            <div className="actions">
              {/* The ARIA dialog pattern: focus moves into the dialog, onto its least destructive action. */}
              {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
              <button type="button" className="btn" onClick={() => answer(false)} autoFocus>
                Cancel
              </button>
              <button
                type="button"
                className={pending.danger ? 'btn btn-danger' : 'btn btn-primary'}
                onClick={() => answer(true)}
              >
                {pending.confirmLabel}
              </button>
            </div>
          </div>
        )}
      </Modal>
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <p key={t.id} className={`toast toast-${t.kind}`}>
            {t.text}
          </p>
        ))}
      </div>
    </UiContext.Provider>
  );
}
