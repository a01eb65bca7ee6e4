/** A just-issued client secret, shown this once with a copy button and a warning. */
import { useEffect, useRef } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import type { FreshSecret } from '../../store/apps-slice';

export function SecretOnce({ fresh }: { fresh: FreshSecret }) {
  const dismiss = useAppStore((s) => s.dismissFreshSecret);
  const boxRef = useRef<HTMLElement>(null);

  // The secret is shown once: bring it into view and to the screen reader's attention.
  useEffect(() => {
    boxRef.current?.focus();
  }, [fresh.secret]);

  return (
    <section
      ref={boxRef}
      tabIndex={-1}
      className="secret-once"
      aria-labelledby="secret-once-title"
      data-testid="app-secret-once"
    >
      <div className="secret-once-head">
        <Icon name="key" size={18} />
        <h3 id="secret-once-title">{fresh.reason === 'created' ? 'Your client secret' : 'Your new client secret'}</h3>
      </div>
      <div className="secret-box">
        <code data-testid="app-secret-once-value">{fresh.secret}</code>
        <CopyButton text={fresh.secret} label="client secret" testId="app-secret-once-copy" withText />
      </div>
      <p className="secret-once-warning">
        <Icon name="warning" size={16} />
        <span>
          Copy it now and keep it somewhere safe: it will not be shown again here. You can still look it up later with
          the explicit “Reveal secret” action.
          {fresh.reason === 'rotated' && ' The previous secret has stopped working.'}
        </span>
      </p>
      <div className="form-actions">
        <button type="button" className="button" data-testid="app-secret-once-dismiss" onClick={dismiss}>
          <Icon name="check" size={16} /> I have copied it
        </button>
      </div>
    </section>
  );
}
