/**
 * The building blocks of the theme editor: a field that says whether its value is set here
 * or inherited (and from where), with "Reset to inherited"; and a colour field (picker + hex).
 */
import { useId, useState, type ReactNode } from 'react';
import type { ThemeSource } from '../../../../../server/model/theme';
import { shortSourceLabel, sourceLabel } from './theme-draft';

export function InheritedField(props: {
  label: string;
  /** Leaf path, for test ids (`colors.primary` → `theme-field-colors.primary`). */
  path: string;
  set: boolean;
  inheritedFrom: ThemeSource | undefined;
  onReset: () => void;
  error?: string | undefined;
  hint?: ReactNode;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field theme-field${props.set ? ' is-set' : ''}`} data-testid={`theme-field-${props.path}`}>
      <div className="field-label-row">
        <label htmlFor={id}>{props.label}</label>
        {props.set ? (
          <button
            type="button"
            className="link theme-reset"
            onClick={props.onReset}
            data-testid={`theme-reset-${props.path}`}
            title={`Use the value of ${sourceLabel(props.inheritedFrom)} again`}
          >
            Reset
          </button>
        ) : (
          <span
            className="theme-inherited"
            title={`Inherited from ${sourceLabel(props.inheritedFrom)}`}
            data-testid={`theme-inherited-${props.path}`}
          >
            {shortSourceLabel(props.inheritedFrom)}
          </span>
        )}
      </div>
      {props.children(id)}
      {props.error ? (
        <p className="field-error" role="alert" data-testid={`theme-error-${props.path}`}>
          {props.error}
        </p>
      ) : (
        props.hint && <p className="field-hint">{props.hint}</p>
      )}
    </div>
  );
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A colour: the native picker and a hex text box kept in step; only a full `#rrggbb` is passed on. */
export function ColorInput(props: { id: string; value: string; testId: string; onChange: (hex: string) => void }) {
  const [text, setText] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  // A new value from outside (picker, reset, discard) replaces what is typed.
  if (shown !== props.value) {
    setShown(props.value);
    setText(props.value);
  }
  return (
    <div className="theme-color">
      <input
        type="color"
        aria-label="Pick a colour"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value.toLowerCase())}
        data-testid={`${props.testId}-picker`}
      />
      <input
        id={props.id}
        className="theme-hex"
        value={text}
        spellCheck={false}
        maxLength={7}
        aria-invalid={!HEX.test(text)}
        onChange={(event) => {
          setText(event.target.value);
          if (HEX.test(event.target.value)) props.onChange(event.target.value.toLowerCase());
        }}
        onBlur={() => setText(props.value)}
        data-testid={props.testId}
      />
    </div>
  );
}
