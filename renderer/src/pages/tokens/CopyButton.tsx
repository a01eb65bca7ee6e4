/** A button that copies text to the clipboard and says so for a moment. */
import { useEffect, useState } from 'react';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';

const CONFIRM_MS = 1500;

export function CopyButton({
  text,
  label,
  testId,
  compact = false,
}: {
  text: string;
  /** What is copied, e.g. "token": used in the accessible name and the button text. */
  label: string;
  testId: string;
  compact?: boolean;
}) {
  const notify = useAppStore((s) => s.notify);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      notify('error', `Could not copy the ${label}: the clipboard is not available here.`);
    }
  };

  return (
    <button
      type="button"
      className={`button tk-copy-button${compact ? ' compact' : ''}${copied ? ' copied' : ''}`}
      data-testid={testId}
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      onClick={() => void copy()}
    >
      <Icon name={copied ? 'check' : 'copy'} size={15} />
      {!compact && <span>{copied ? 'Copied' : 'Copy'}</span>}
      <span className="visually-hidden" aria-live="polite">
        {copied ? 'Copied' : ''}
      </span>
    </button>
  );
}
