/**
 * Pieces the connection and mock IdP forms share: the protocol choice, the NameID format
 * select, the error-and-buttons footer and the delete card under the settings.
 */
import type { ReactNode } from 'react';
import type { ProtocolKind, SamlMockSettings } from '../../../../server/model/federation';
import { Icon } from '../../components/icons';
import { Field, fieldProps } from '../applications/Field';
import { FormError } from './FedParts';
import { NAME_ID_FORMATS } from './mock-idp-form';

export interface KindChoice {
  id: ProtocolKind;
  title: string;
  summary: string;
}

/** The SAML / OpenID Connect radio cards; each input's test id is `${testIdPrefix}-${kind}`. */
export function KindChoiceCards(props: {
  name: string;
  kinds: KindChoice[];
  value: ProtocolKind;
  testIdPrefix: string;
  onChange: (kind: ProtocolKind) => void;
}) {
  return (
    <fieldset className="fed-choice-cards fed-kind-cards">
      <legend>Protocol</legend>
      {props.kinds.map((kind) => (
        <label key={kind.id} className={`fed-choice-card${props.value === kind.id ? ' checked' : ''}`}>
          <input
            type="radio"
            name={props.name}
            value={kind.id}
            checked={props.value === kind.id}
            data-testid={`${props.testIdPrefix}-${kind.id}`}
            onChange={() => props.onChange(kind.id)}
          />
          <span className="fed-choice-text">
            <strong>{kind.title}</strong>
            <span className="muted">{kind.summary}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

type NameIdFormat = SamlMockSettings['nameIdFormat'];

export function NameIdFormatField(props: {
  id: string;
  value: NameIdFormat;
  error: string | undefined;
  errorTestId: string;
  testId: string;
  hint?: ReactNode;
  onChange: (format: NameIdFormat) => void;
}) {
  return (
    <Field id={props.id} label="NameID format" error={props.error} errorTestId={props.errorTestId} hint={props.hint}>
      <select
        {...fieldProps(props.id, props.error)}
        data-testid={props.testId}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as NameIdFormat)}
      >
        {NAME_ID_FORMATS.map((format) => (
          <option key={format.id} value={format.id}>
            {format.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The form's error, then its submit button (and Cancel when the form can be left). */
export function FormFooter(props: {
  error: string | undefined;
  errorTestId: string;
  saving: boolean;
  submitLabel: string;
  busyLabel: string;
  submitTestId: string;
  onCancel?: () => void;
  cancelTestId?: string;
}) {
  return (
    <>
      <FormError message={props.error} testId={props.errorTestId} />
      <div className="form-actions">
        <button type="submit" className="button primary" data-testid={props.submitTestId} disabled={props.saving}>
          {props.saving ? props.busyLabel : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button" data-testid={props.cancelTestId} onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}

/** The card under a resource's settings that starts deleting it. */
export function DangerZone(props: {
  headingId: string;
  title: string;
  children: ReactNode;
  testId: string;
  onDelete: () => void;
}) {
  return (
    <section className="fed-card danger-zone" aria-labelledby={props.headingId}>
      <div>
        <h3 id={props.headingId}>{props.title}</h3>
        <p className="muted small">{props.children}</p>
      </div>
      <button type="button" className="button danger" data-testid={props.testId} onClick={props.onDelete}>
        <Icon name="trash" size={16} /> Delete
      </button>
    </section>
  );
}
