/**
 * Creates a connection for an organization: the protocol, the IdP (a mock hosted here or a
 * real one), SAML options and the mapping. The SP side to hand to the IdP admin exists once
 * the connection does, so it is shown on the detail page right after.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Connection, MockIdp, ProtocolKind } from '../../../../server/model/federation';
import { createConnection } from '../../api/federation-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { Field, fieldProps } from '../applications/Field';
import { useApiClient } from '../org-detail/use-api';
import {
  emptyConnectionDraft,
  mappingAttributesFrom,
  toCreateInput,
  validateConnection,
  type ConnectionDraft,
} from './connection-form';
import { BackLink, SwitchField } from './FedParts';
import { FormFooter, KindChoiceCards, type KindChoice } from './FormParts';
import { IdpSideFields } from './IdpSideFields';
import { MappingEditor } from './MappingEditor';
import { errorAt } from './path-errors';
import { SamlOptionsFields } from './SamlOptionsFields';
import { presetNames } from './vendor-presets';
import { useFormErrors } from './use-form-errors';

/** Every path the create form shows beside a field; anything else goes above the buttons. */
export const CONNECTION_FIELDS = ['orgId', 'name', 'kind', 'mockIdp', 'saml', 'oidc', 'mapping', 'enabled'] as const;

const KINDS: KindChoice[] = [
  { id: 'saml', title: 'SAML 2.0', summary: 'Metadata, certificates and signed assertions.' },
  { id: 'oidc', title: 'OpenID Connect', summary: 'Issuer discovery, a client, and ID tokens.' },
];

export function ConnectionCreateForm(props: {
  orgId: string | undefined;
  mockIdps: MockIdp[];
  onCancel: () => void;
  onCreated: (connection: Connection) => void;
}) {
  const client = useApiClient();
  const orgs = useAppStore((s) => s.orgs);
  const notify = useAppStore((s) => s.notify);
  const ids = useId();
  const [draft, setDraft] = useState<ConnectionDraft>(() => emptyConnectionDraft(props.orgId ?? orgs[0]?.id ?? ''));
  const { errors, formError, saving, setSaving, clear, judge, fail } = useFormErrors(CONNECTION_FIELDS);

  const update = (patch: Partial<ConnectionDraft>, field: string) => {
    setDraft((current) => {
      const next = { ...current, ...patch };
      // Choosing a mock IdP names the connection and maps the attributes its vendor sends.
      const mock = props.mockIdps.find((idp) => idp.id === next.mockIdp && idp.kind === next.kind);
      if (patch.mockIdp !== undefined && mock) {
        next.mapping = { ...next.mapping, attributes: mappingAttributesFrom(presetNames(mock.preset, mock.kind)) };
        if (!current.name.trim()) next.name = mock.name;
      }
      if (patch.kind !== undefined && patch.kind !== current.kind) next.mockIdp = '';
      return next;
    });
    clear(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateConnection(draft);
    if (!draft.orgId) Object.assign(found, { orgId: 'choose the organization' });
    if (!judge(found)) {
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      const created = await createConnection(client, draft.orgId, toCreateInput(draft));
      notify('success', `Created the connection “${created.name}”.`);
      props.onCreated(created);
    } catch (error) {
      fail(error);
      focusFirstError();
    }
  };

  const orgError = errorAt(errors, 'orgId');
  const nameError = errorAt(errors, 'name');
  const org = orgs.find((candidate) => candidate.id === draft.orgId);
  return (
    <div className="fed-create-layout">
      <section className="fed-card" aria-labelledby={`${ids}-title`} data-testid="conn-create">
        <header className="fed-form-header">
          <BackLink label="Connections" onClick={props.onCancel} testId="conn-create-back" />
          <h2 id={`${ids}-title`}>Create connection</h2>
        </header>
        <form className="form fed-form" onSubmit={submit} noValidate>
          <div className="fed-two-fields">
            <Field
              id={`${ids}-org`}
              label="Organization"
              error={orgError}
              errorTestId="conn-error-orgId"
              hint={
                org && org.domains.length > 0 ? `People of ${org.domains.join(', ')} are sent to this IdP.` : undefined
              }
            >
              <select
                {...fieldProps(`${ids}-org`, orgError)}
                data-testid="conn-org"
                value={draft.orgId}
                onChange={(event) => update({ orgId: event.target.value }, 'orgId')}
              >
                {orgs.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={`${ids}-name`}
              label="Name"
              error={nameError}
              errorTestId="conn-error-name"
              hint="Shown on the IdP chooser."
            >
              <input
                {...fieldProps(`${ids}-name`, nameError)}
                data-testid="conn-name"
                value={draft.name}
                placeholder="e.g. Acme Okta"
                onChange={(event) => update({ name: event.target.value }, 'name')}
              />
            </Field>
          </div>

          <KindChoiceCards
            name={`${ids}-kind`}
            kinds={KINDS}
            value={draft.kind}
            testIdPrefix="conn-kind"
            onChange={(kind) => update({ kind }, 'kind')}
          />

          <IdpSideFields ids={ids} draft={draft} errors={errors} update={update} mockIdps={props.mockIdps} />

          {draft.kind === 'saml' && (
            <SamlOptionsFields
              ids={ids}
              value={draft.samlOptions}
              errors={errors}
              onChange={(samlOptions, field) => update({ samlOptions }, field)}
            />
          )}

          <MappingEditor
            ids={ids}
            kind={draft.kind}
            value={draft.mapping}
            errors={errors}
            onChange={(mapping, field) => update({ mapping }, field)}
          />

          <SwitchField
            id={`${ids}-enabled`}
            label="Enabled"
            hint="Home-realm discovery sends the org’s people to enabled connections only."
            checked={draft.enabled}
            onChange={(enabled) => update({ enabled }, 'enabled')}
            testId="conn-enabled"
          />

          <FormFooter
            error={formError}
            errorTestId="conn-form-error"
            saving={saving}
            submitLabel="Create connection"
            busyLabel="Creating…"
            submitTestId="conn-create-submit"
            onCancel={props.onCancel}
            cancelTestId="conn-create-cancel"
          />
        </form>
      </section>
      <NextSteps kind={draft.kind} source={draft.source} />
    </div>
  );
}

/** Moves focus to the first field with an error, so a keyboard user lands on it. */
function focusFirstError() {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('.fed-page [aria-invalid="true"]')?.focus();
  });
}

function NextSteps({ kind, source }: { kind: ProtocolKind; source: ConnectionDraft['source'] }) {
  return (
    <aside className="fed-card fed-facts" aria-labelledby="conn-next-title" data-testid="conn-next-steps">
      <div className="fed-facts-head">
        <span className="fed-vendor-mark fed-vendor-generic" aria-hidden="true">
          <Icon name="connections" size={16} />
        </span>
        <h3 id="conn-next-title">After creating</h3>
      </div>
      <ol className="fed-steps">
        {source === 'mock' ? (
          <li>
            Orgbench trusts the mock IdP’s {kind === 'saml' ? 'certificate' : 'issuer'} and registers itself there.
          </li>
        ) : (
          <li>
            Give the IdP admin this connection’s{' '}
            {kind === 'saml' ? 'SP entity ID, ACS URL and metadata' : 'redirect URI'}, shown on the next page.
          </li>
        )}
        <li>People whose email domain belongs to the organization are sent to this IdP to sign in.</li>
        <li>The mapping turns their attributes and groups into a member with roles.</li>
        <li>Every login is traced step by step in Tokens and Traces.</li>
      </ol>
    </aside>
  );
}
