/**
 * A modal that asks before a step that cannot be undone. Escape or Cancel leaves everything
 * as it was; a failed step is shown inside the dialog, which stays open.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** The test ids of the dialog and its two buttons (the e2e tests find them by these). */
export interface ConfirmTestIds {
  dialog: string;
  cancel?: string;
  confirm: string;
}

/** `prefix`, `prefix-cancel` and `prefix-confirm`. */
export const confirmTestIds = (prefix: string): ConfirmTestIds => ({
  dialog: prefix,
  cancel: `${prefix}-cancel`,
  confirm: `${prefix}-confirm`,
});

const DEFAULT_TEST_IDS: ConfirmTestIds = { dialog: 'confirm-dialog', cancel: 'confirm-cancel', confirm: 'confirm-ok' };

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  danger = false,
  testIds = DEFAULT_TEST_IDS,
  onConfirm,
  onClose,
}: {
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** A red confirm button, for a step that destroys something. */
  danger?: boolean;
  testIds?: ConfirmTestIds;
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
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} data-testid={testIds.dialog} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-body">{children}</div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" data-testid={testIds.cancel} onClick={onClose} autoFocus>
          Cancel
        </button>
        <span className="spacer" />
        <button
          type="button"
          className={`button ${danger ? 'danger solid' : 'primary'}`}
          data-testid={testIds.confirm}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
