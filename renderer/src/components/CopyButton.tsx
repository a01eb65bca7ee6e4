/** Copies a value to the clipboard and says "Copied" for a moment. */
import { useEffect, useState, type MouseEvent } from 'react';
import { useAppStore } from '../store/app-store';
import { Icon } from './icons';

const COPIED_MS = 1500;

export function CopyButton({
  text,
  label,
  testId,
  variant = 'quiet',
  withText = false,
}: {
  text: string;
  /** What is copied, for the accessible name and the tooltip: "client ID" → "Copy client ID". */
  label: string;
  testId?: string;
  /** `quiet` sits beside a value; `button` is a standard button, beside a section heading. */
  variant?: 'quiet' | 'button';
  /** Shows "Copy" / "Copied" after the icon. */
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
      notify('error', `Could not copy the ${label}: the clipboard is not available here.`);
    }
  };

  const classes = [variant === 'button' ? 'button copy-button' : 'copy-button quiet'];
  if (withText) classes.push('with-text');
  if (copied) classes.push('copied');

  return (
    <button
      type="button"
      className={classes.join(' ')}
      aria-label={`Copy ${label}`}
      title={copied ? 'Copied' : `Copy ${label}`}
      data-testid={testId}
      onClick={(event) => void copy(event)}
    >
      <Icon name={copied ? 'check' : 'copy'} size={variant === 'button' ? 15 : 14} />
      {withText && <span>{copied ? 'Copied' : 'Copy'}</span>}
      <span className="visually-hidden" aria-live="polite">
        {copied ? 'Copied' : ''}
      </span>
    </button>
  );
}
