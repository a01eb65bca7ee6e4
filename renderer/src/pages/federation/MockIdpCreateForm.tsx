/**
 * Creates a mock IdP: name and slug, SAML or OIDC, the vendor it imitates (explained
 * beside the form) and, for SAML, what it signs and encrypts.
 */
import { useId, useState, type FormEvent } from 'react';
import type { MockIdp, VendorPreset } from '../../../../server/model/federation';
import { createMockIdp } from '../../api/federation-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { Field, fieldProps } from '../applications/Field';
import { useApiClient } from '../org-detail/use-api';
import { BackLink } from './FedParts';
import { FormFooter, KindChoiceCards, type KindChoice } from './FormParts';
import {
  emptyMockIdpDraft,
  MOCK_IDP_FIELDS,
  slugFrom,
  toMockIdpInput,
  validateMockIdp,
  type MockIdpDraft,
} from './mock-idp-form';
import { errorAt } from './path-errors';
import { PresetFacts } from './PresetFacts';
import { SamlMockFields } from './SamlMockFields';
import { PRESET_INFO, VENDOR_PRESETS } from './vendor-presets';
import { useFormErrors } from './use-form-errors';

const KINDS: KindChoice[] = [
  { id: 'saml', title: 'SAML 2.0', summary: 'Metadata, signed assertions, NameID: what most enterprise IdPs speak.' },
  { id: 'oidc', title: 'OpenID Connect', summary: 'Discovery, ID tokens and claims, with the vendor’s claim names.' },
];

export function MockIdpCreateForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (idp: MockIdp) => void;
}) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const ids = useId();
  const [draft, setDraft] = useState<MockIdpDraft>(emptyMockIdpDraft);
  const { errors, formError, saving, setSaving, clear, judge, fail } = useFormErrors(MOCK_IDP_FIELDS);

  const update = (patch: Partial<MockIdpDraft>, field: string) => {
    setDraft((current) => ({ ...current, ...patch }));
    clear(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateMockIdp(draft);
    if (!judge(found)) return;
    setSaving(true);
    try {
      const created = await createMockIdp(client, toMockIdpInput(draft));
      notify('success', `Created the mock IdP “${created.name}” with ${created.personas.length} personas.`);
      onCreated(created);
    } catch (error) {
      fail(error);
    }
  };

  const nameError = errorAt(errors, 'name');
  const slugError = errorAt(errors, 'slug');
  return (
    <div className="fed-create-layout">
      <section className="fed-card" aria-labelledby={`${ids}-title`} data-testid="mock-idp-create">
        <header className="fed-form-header">
          <BackLink label="Mock IdPs" onClick={onCancel} testId="mock-idp-create-back" />
          <h2 id={`${ids}-title`}>Create mock IdP</h2>
        </header>
        <form className="form fed-form" onSubmit={submit} noValidate>
          <div className="fed-two-fields">
            <Field
              id={`${ids}-name`}
              label="Name"
              error={nameError}
              errorTestId="mock-idp-error-name"
              hint="Shown on its login page and in traces."
            >
              <input
                {...fieldProps(`${ids}-name`, nameError)}
                data-testid="mock-idp-name"
                value={draft.name}
                placeholder="e.g. Acme Okta"
                autoFocus
                onChange={(event) => {
                  const name = event.target.value;
                  update({ name, ...(draft.slugTouched ? {} : { slug: slugFrom(name) }) }, 'name');
                }}
              />
            </Field>
            <Field
              id={`${ids}-slug`}
              label="Slug"
              error={slugError}
              errorTestId="mock-idp-error-slug"
              hint="In its URLs; cannot change later."
            >
              <input
                {...fieldProps(`${ids}-slug`, slugError)}
                className="fed-mono-input"
                data-testid="mock-idp-slug"
                value={draft.slug}
                placeholder="acme-okta"
                spellCheck={false}
                onChange={(event) => update({ slug: event.target.value, slugTouched: true }, 'slug')}
              />
            </Field>
          </div>

          <KindChoiceCards
            name={`${ids}-kind`}
            kinds={KINDS}
            value={draft.kind}
            testIdPrefix="mock-idp-kind"
            onChange={(kind) => update({ kind }, 'kind')}
          />

          <fieldset className="fed-choice-cards fed-preset-cards">
            <legend>Imitates</legend>
            {VENDOR_PRESETS.map((preset) => (
              <PresetCard
                key={preset}
                preset={preset}
                name={`${ids}-preset`}
                checked={draft.preset === preset}
                onSelect={() => update({ preset }, 'preset')}
              />
            ))}
          </fieldset>

          {draft.kind === 'saml' && (
            <SamlMockFields
              ids={ids}
              value={draft.saml}
              errors={errors}
              onChange={(saml) => update({ saml }, 'saml')}
            />
          )}

          <p className="muted small fed-note">
            <Icon name="users" size={14} /> It starts with three personas (jane, sam, lee); add or generate more after.
          </p>

          <FormFooter
            error={formError}
            errorTestId="mock-idp-form-error"
            saving={saving}
            submitLabel="Create mock IdP"
            busyLabel="Creating…"
            submitTestId="mock-idp-create-submit"
            onCancel={onCancel}
            cancelTestId="mock-idp-create-cancel"
          />
        </form>
      </section>
      <PresetFacts preset={draft.preset} kind={draft.kind} />
    </div>
  );
}

function PresetCard(props: { preset: VendorPreset; name: string; checked: boolean; onSelect: () => void }) {
  const info = PRESET_INFO[props.preset];
  return (
    <label className={`fed-choice-card fed-preset-card${props.checked ? ' checked' : ''}`}>
      <input
        type="radio"
        name={props.name}
        value={props.preset}
        checked={props.checked}
        data-testid={`mock-idp-preset-${props.preset}`}
        onChange={props.onSelect}
      />
      <span className={`fed-vendor-mark fed-vendor-${props.preset}`} aria-hidden="true">
        {info.label.slice(0, 1)}
      </span>
      <span className="fed-choice-text">
        <strong>{info.label}</strong>
        <span className="muted">{info.summary}</span>
      </span>
    </label>
  );
}
