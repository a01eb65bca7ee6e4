/**
 * Small pieces both federation sections draw: the protocol badge, a switch with its
 * explanation, fault chips, a back link and a labelled value with a copy button.
 */
import type { ReactNode } from 'react';
import type { ActiveFault, ProtocolKind } from '../../../../server/model/federation';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { faultChipText, FAULT_HELP } from './fault-copy';
import { KIND_LABEL } from './vendor-presets';

export function ProtocolBadge({ kind }: { kind: ProtocolKind }) {
  return (
    <span className={`fed-kind-badge fed-kind-${kind}`} data-kind={kind}>
      {KIND_LABEL[kind]}
    </span>
  );
}

export function SwitchField(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
  disabled?: boolean;
}) {
  return (
    <div className="fed-switch">
      <input
        id={props.id}
        type="checkbox"
        role="switch"
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <span className="fed-switch-text">
        <label htmlFor={props.id}>{props.label}</label>
        {props.hint && (
          <span className="muted small" id={`${props.id}-hint`}>
            {props.hint}
          </span>
        )}
      </span>
    </div>
  );
}

export function FaultChip({ fault, testId }: { fault: ActiveFault; testId?: string }) {
  return (
    <span className={`fed-fault-chip fed-fault-${fault.mode}`} title={FAULT_HELP[fault.fault]} data-testid={testId}>
      <Icon name="warning" size={12} />
      {faultChipText(fault)}
    </span>
  );
}

export function BackLink({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <button type="button" className="link back-link" data-testid={testId} onClick={onClick}>
      <Icon name="arrow-left" size={14} /> {label}
    </button>
  );
}

/** A read-only value (URL, ID, fingerprint) with its copy button. */
export function CopyValue(props: {
  label: string;
  value: string;
  copyLabel: string;
  testId: string;
  hint?: ReactNode;
}) {
  return (
    <div className="fed-copy-value">
      <dt>{props.label}</dt>
      <dd>
        <div className="fed-value-box">
          <code data-testid={props.testId}>{props.value}</code>
          <CopyButton text={props.value} label={props.copyLabel} testId={`${props.testId}-copy`} />
        </div>
        {props.hint && <p className="field-hint">{props.hint}</p>}
      </dd>
    </div>
  );
}

export function FormError({ message, testId }: { message: string | undefined; testId: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
