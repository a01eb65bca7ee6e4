/** A modal that asks before something that cannot be undone; failures stay in it. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  danger = false,
  testId,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  danger?: boolean;
  testId: string;
  /** Resolves when done (the dialog then closes); a rejection is shown in the dialog. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} data-testid={testId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <div className="apps-confirm-body">{children}</div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" data-testid={`${testId}-cancel`} onClick={onClose} autoFocus>
          Cancel
        </button>
        <span className="spacer" />
        <button
          type="button"
          className={`button ${danger ? 'danger solid' : 'primary'}`}
          data-testid={`${testId}-confirm`}
          disabled={busy}
          onClick={confirm}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
