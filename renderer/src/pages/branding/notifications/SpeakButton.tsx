/**
 * Reads a voice script (or an SMS) aloud with the platform's speech synthesis, in the
 * message's language. Where the platform cannot speak, the button is disabled and says why.
 */
import { useEffect, useState } from 'react';

function speechSupport(): string | undefined {
  if (
    typeof window === 'undefined' ||
    !('speechSynthesis' in window) ||
    typeof SpeechSynthesisUtterance === 'undefined'
  ) {
    return 'This browser cannot speak (no speech synthesis).';
  }
  return undefined;
}

export function SpeakButton({ text, locale, testId }: { text: string; locale: string; testId: string }) {
  const [speaking, setSpeaking] = useState(false);
  const unsupported = speechSupport();

  // Stop talking when the message changes or the view goes away.
  useEffect(
    () => () => {
      if (!speechSupport()) window.speechSynthesis.cancel();
    },
    [text],
  );

  const toggle = () => {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = locale;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    synth.cancel();
    synth.speak(utterance);
    setSpeaking(true);
  };

  return (
    <span className="ntf-speak">
      <button
        type="button"
        className="button ntf-small-button"
        onClick={toggle}
        disabled={unsupported !== undefined}
        title={unsupported ?? (speaking ? 'Stop' : 'Read aloud')}
        data-testid={testId}
        data-speaking={speaking}
      >
        <svg className="icon" width={14} height={14} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
          {speaking ? <rect x="6" y="6" width="12" height="12" rx="1.5" /> : <path d="M7 4.5v15l12.5-7.5z" />}
        </svg>
        {speaking ? 'Stop' : 'Play'}
      </button>
      {unsupported && (
        <span className="muted small" data-testid={`${testId}-reason`}>
          {unsupported}
        </span>
      )}
    </span>
  );
}
