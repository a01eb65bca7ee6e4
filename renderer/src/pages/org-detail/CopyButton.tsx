/** Copies a value (an issuer, a client ID) for pasting into an app's configuration. */
import { useAppStore } from '../../store/app-store';
import { Glyph } from './glyphs';

export function CopyButton({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const notify = useAppStore((s) => s.notify);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      notify('success', `Copied the ${label}.`);
    } catch {
      notify('error', `Could not copy the ${label}: select the text and copy it instead.`);
    }
  };
  return (
    <button type="button" className="copy-button" aria-label={`Copy the ${label}`} data-testid={testId} onClick={copy}>
      <Glyph name="copy" size={14} />
    </button>
  );
}
