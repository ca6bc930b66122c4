import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface Common {
  label: string;
  /** The API's message for this field (422), shown under it and announced with it. */
  error?: string;
  hint?: ReactNode;
}

function useDescribed(error?: string, hint?: ReactNode) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  const extra = (
    <>
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </>
  );
  return { id, describedBy, extra };
}

type InputProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> & { onValue?(value: string): void };

export function TextField({ label, error, hint, onValue, className, ...rest }: InputProps) {
  const { id, describedBy, extra } = useDescribed(error, hint);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onValue?.(e.target.value)}
        {...rest}
      />
      {extra}
    </div>
  );
}

type AreaProps = Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> & { onValue?(value: string): void };

export function TextArea({ label, error, hint, onValue, className, ...rest }: AreaProps) {
  const { id, describedBy, extra } = useDescribed(error, hint);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onValue?.(e.target.value)}
        {...rest}
      />
      {extra}
    </div>
  );
}

type SelectProps = Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> & {
    onValue?(value: string): void;
    options: { value: string; label: string }[];
  };

export function SelectField({ label, error, hint, onValue, options, className, ...rest }: SelectProps) {
  const { id, describedBy, extra } = useDescribed(error, hint);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onValue?.(e.target.value)}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {extra}
    </div>
  );
}

type CheckProps = Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'type'> & { onChecked?(checked: boolean): void };

export function CheckField({ label, error, hint, onChecked, className, ...rest }: CheckProps) {
  const { id, describedBy, extra } = useDescribed(error, hint);
  return (
    <div className={`field field-check ${className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChecked?.(e.target.checked)}
        {...rest}
      />
      <label htmlFor={id}>{label}</label>
      {extra}
    </div>
  );
}

/** The error that belongs to no single field (network, 403, 409…). */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
