/** A modal confirmation for a destructive step; Escape or Cancel leaves everything as it was. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** Resolves when done; a rejection is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      data-testid="confirm-dialog"
      onClose={props.onClose}
    >
      <h2 id={titleId}>{props.title}</h2>
      <div className="confirm-body">{props.children}</div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" data-testid="confirm-cancel" onClick={props.onClose} autoFocus>
          Cancel
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button danger solid"
          data-testid="confirm-ok"
          disabled={busy}
          onClick={confirm}
        >
          {busy ? props.busyLabel : props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
