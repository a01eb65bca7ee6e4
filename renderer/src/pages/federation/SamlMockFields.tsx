/** A SAML mock IdP's signing, encryption, NameID and lifetime settings (create and edit). */
import type { SamlMockSettings } from '../../../../server/model/federation';
import { Icon } from '../../components/icons';
import { Field, fieldProps } from '../applications/Field';
import { SwitchField } from './FedParts';
import { NameIdFormatField } from './FormParts';
import { NAME_ID_FORMATS } from './mock-idp-form';
import { errorAt, type PathErrors } from './path-errors';

export function SamlMockFields(props: {
  ids: string;
  value: SamlMockSettings;
  errors: PathErrors;
  onChange: (next: SamlMockSettings) => void;
}) {
  const { ids, value, errors } = props;
  const set = <K extends keyof SamlMockSettings>(key: K, next: SamlMockSettings[K]) =>
    props.onChange({ ...value, [key]: next });
  const lifetimeError = errorAt(errors, 'saml.assertionLifetimeMinutes');
  const nameIdError = errorAt(errors, 'saml.nameIdFormat');
  return (
    <fieldset className="fed-fieldset">
      <legend>SAML answers</legend>
      <div className="fed-switch-grid">
        <SwitchField
          id={`${ids}-sign-response`}
          label="Sign the response"
          hint="An enveloped signature on samlp:Response."
          checked={value.signResponse}
          onChange={(checked) => set('signResponse', checked)}
          testId="mock-idp-sign-response"
        />
        <SwitchField
          id={`${ids}-sign-assertion`}
          label="Sign the assertion"
          hint="What most SPs require; Okta signs both."
          checked={value.signAssertion}
          onChange={(checked) => set('signAssertion', checked)}
          testId="mock-idp-sign-assertion"
        />
        <SwitchField
          id={`${ids}-encrypt`}
          label="Encrypt the assertion"
          hint="AES-256-GCM to the connection’s SP certificate."
          checked={value.encryptAssertion}
          onChange={(checked) => set('encryptAssertion', checked)}
          testId="mock-idp-encrypt"
        />
      </div>
      {!value.signResponse && !value.signAssertion && (
        <p className="fed-warning" data-testid="mock-idp-unsigned-warning">
          <Icon name="warning" size={14} /> Nothing is signed: every connection that checks signatures refuses these
          answers.
        </p>
      )}
      <div className="fed-inline-fields">
        <NameIdFormatField
          id={`${ids}-nameid`}
          value={value.nameIdFormat}
          error={nameIdError}
          errorTestId="mock-idp-error-nameid"
          testId="mock-idp-nameid"
          hint={NAME_ID_FORMATS.find((format) => format.id === value.nameIdFormat)?.hint}
          onChange={(format) => set('nameIdFormat', format)}
        />
        <Field
          id={`${ids}-lifetime`}
          label="Assertion lifetime"
          error={lifetimeError}
          errorTestId="mock-idp-error-lifetime"
          hint="Minutes until NotOnOrAfter."
        >
          <input
            {...fieldProps(`${ids}-lifetime`, lifetimeError)}
            type="number"
            min={1}
            max={1440}
            data-testid="mock-idp-lifetime"
            value={Number.isNaN(value.assertionLifetimeMinutes) ? '' : value.assertionLifetimeMinutes}
            onChange={(event) => set('assertionLifetimeMinutes', event.target.valueAsNumber)}
          />
        </Field>
      </div>
    </fieldset>
  );
}
