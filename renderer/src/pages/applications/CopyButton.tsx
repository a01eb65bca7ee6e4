/** Copies a value to the clipboard and says so for a moment. */
import { useEffect, useState, type MouseEvent } from 'react';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';

const COPIED_MS = 1500;

export function CopyButton({
  text,
  label,
  testId,
  withText = false,
}: {
  text: string;
  /** What is copied, for the accessible name: "Copy client ID". */
  label: string;
  testId: string;
  withText?: boolean;
}) {
  const notify = useAppStore((s) => s.notify);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async (event: MouseEvent) => {
    // Copy buttons sit inside clickable rows; copying must not open the row.
    event.stopPropagation();
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      notify('error', 'Could not copy: the clipboard is not available here.');
    }
  };

  return (
    <button
      type="button"
      className={`apps-copy${withText ? ' with-text' : ''}${copied ? ' copied' : ''}`}
      aria-label={copied ? `${label} copied` : `Copy ${label}`}
      title={copied ? 'Copied' : `Copy ${label}`}
      data-testid={testId}
      onClick={copy}
    >
      <Icon name={copied ? 'check' : 'copy'} size={14} />
      {withText && <span>{copied ? 'Copied' : 'Copy'}</span>}
    </button>
  );
}
