/** A labelled form field with its hint, or its error in place of the hint. */
import type { ReactNode } from 'react';

/** Props that tie an input to its label, hint and error. */
export const fieldProps = (id: string, error: string | undefined) => ({
  id,
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? `${id}-error` : `${id}-hint`,
});

export function Field({
  id,
  label,
  hint,
  error,
  errorTestId,
  optional = false,
  aside,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  errorTestId: string;
  optional?: boolean;
  /** Shown at the end of the label line, e.g. a value in other units. */
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id}>
          {label}
          {optional && <span className="optional-tag">optional</span>}
        </label>
        {aside}
      </div>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`} data-testid={errorTestId} role="alert">
          {error}
        </p>
      ) : (
        hint && (
          <p className="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}
