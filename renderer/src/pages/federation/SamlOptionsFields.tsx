/**
 * What a SAML connection demands of its IdP and how it asks: signatures, SHA-1 (with a
 * warning), signed AuthnRequests, NameID format, IdP-initiated logins, binding, skew.
 */
import type { SamlConnectionConfig } from '../../../../server/model/federation';
import { Icon } from '../../components/icons';
import { Field, fieldProps } from '../applications/Field';
import type { SamlOptionsDraft } from './connection-form';
import { SwitchField } from './FedParts';
import { NameIdFormatField } from './FormParts';
import { errorAt, type PathErrors } from './path-errors';

export function SamlOptionsFields(props: {
  ids: string;
  value: SamlOptionsDraft;
  errors: PathErrors;
  onChange: (next: SamlOptionsDraft, field: string) => void;
}) {
  const { ids, value, errors } = props;
  const set = <K extends keyof SamlOptionsDraft>(key: K, next: SamlOptionsDraft[K]) =>
    props.onChange({ ...value, [key]: next }, `saml.${key}`);
  const skewError = errorAt(errors, 'saml.clockSkewSeconds');
  const nameIdError = errorAt(errors, 'saml.nameIdFormat');
  const bindingError = errorAt(errors, 'saml.binding');

  return (
    <fieldset className="fed-fieldset" data-testid="conn-saml-options">
      <legend>SAML options</legend>
      <div className="fed-switch-grid">
        <SwitchField
          id={`${ids}-want-assertions`}
          label="Require signed assertions"
          hint="Refuse an assertion without its own signature."
          checked={value.wantAssertionsSigned}
          onChange={(checked) => set('wantAssertionsSigned', checked)}
          testId="conn-want-assertions-signed"
        />
        <SwitchField
          id={`${ids}-want-response`}
          label="Require a signed response"
          hint="Also demand a signature on the whole Response."
          checked={value.wantResponseSigned}
          onChange={(checked) => set('wantResponseSigned', checked)}
          testId="conn-want-response-signed"
        />
        <SwitchField
          id={`${ids}-sign-authn`}
          label="Sign AuthnRequests"
          hint="With this connection’s SP key (in its metadata)."
          checked={value.signAuthnRequests}
          onChange={(checked) => set('signAuthnRequests', checked)}
          testId="conn-sign-authn"
        />
        <SwitchField
          id={`${ids}-idp-initiated`}
          label="Allow IdP-initiated login"
          hint="Accept answers nobody asked for (app tiles). Weaker against replays and login CSRF."
          checked={value.idpInitiated}
          onChange={(checked) => set('idpInitiated', checked)}
          testId="conn-idp-initiated"
        />
        <SwitchField
          id={`${ids}-sha1`}
          label="Allow SHA-1 signatures"
          hint="Only for a legacy IdP that cannot sign with SHA-256."
          checked={value.allowSha1}
          onChange={(checked) => set('allowSha1', checked)}
          testId="conn-allow-sha1"
        />
      </div>
      {!value.wantAssertionsSigned && !value.wantResponseSigned && (
        <p className="fed-warning" role="status" data-testid="conn-unsigned-warning">
          <Icon name="warning" size={16} />
          <span>
            <strong>Require at least one signature.</strong> Unsigned SAML lets anyone who can post to the ACS URL sign
            in as anyone, so Orgbench refuses every login through this connection until one is required.
          </span>
        </p>
      )}
      {value.allowSha1 && (
        <p className="fed-warning" role="status" data-testid="conn-sha1-warning">
          <Icon name="warning" size={16} />
          <span>
            <strong>SHA-1 is broken:</strong> collisions are practical (SHAttered), so a SHA-1 signature no longer
            proves the IdP wrote the assertion. Turn this off once the IdP signs with SHA-256.
          </span>
        </p>
      )}
      <div className="fed-three-fields">
        <NameIdFormatField
          id={`${ids}-nameid`}
          value={value.nameIdFormat}
          error={nameIdError}
          errorTestId="conn-error-saml.nameIdFormat"
          testId="conn-nameid-format"
          onChange={(format) => set('nameIdFormat', format)}
        />
        <Field id={`${ids}-binding`} label="Request binding" error={bindingError} errorTestId="conn-error-saml.binding">
          <select
            {...fieldProps(`${ids}-binding`, bindingError)}
            data-testid="conn-binding"
            value={value.binding}
            onChange={(event) => set('binding', event.target.value as SamlConnectionConfig['binding'])}
          >
            <option value="redirect">HTTP-Redirect</option>
            <option value="post">HTTP-POST</option>
          </select>
        </Field>
        <Field
          id={`${ids}-skew`}
          label="Clock skew"
          error={skewError}
          errorTestId="conn-error-saml.clockSkewSeconds"
          hint="Seconds of tolerance, 0–300."
        >
          <input
            {...fieldProps(`${ids}-skew`, skewError)}
            type="number"
            min={0}
            max={300}
            data-testid="conn-clock-skew"
            value={value.clockSkewSeconds}
            onChange={(event) => set('clockSkewSeconds', event.target.value)}
          />
        </Field>
      </div>
    </fieldset>
  );
}
