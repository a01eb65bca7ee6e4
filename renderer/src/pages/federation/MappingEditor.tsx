/**
 * How IdP data becomes an Orgbench member: which attribute (SAML) or claim (OIDC) fills
 * each user field, group → role rules, roles for everyone, and the just-in-time mode.
 */
import type { ProtocolKind } from '../../../../server/model/federation';
import { Icon } from '../../components/icons';
import { Field, fieldProps } from '../applications/Field';
import { RolesInput } from '../org-detail/RolesInput';
import { JIT_MODES, MAPPED_FIELDS, nextRowKey, type GroupRoleRow, type MappingDraft } from './connection-form';
import { errorAt, type PathErrors } from './path-errors';

const ROLE_SUGGESTIONS = ['admin', 'member', 'viewer', 'billing'];

export function MappingEditor(props: {
  ids: string;
  kind: ProtocolKind;
  value: MappingDraft;
  errors: PathErrors;
  onChange: (next: MappingDraft, field: string) => void;
}) {
  const { ids, kind, value, errors, onChange } = props;
  const noun = kind === 'saml' ? 'attribute' : 'claim';
  const setRows = (groupRoles: GroupRoleRow[], field: string) => onChange({ ...value, groupRoles }, field);
  const setRow = (index: number, patch: Partial<GroupRoleRow>, field: string) =>
    setRows(
      value.groupRoles.map((row, at) => (at === index ? { ...row, ...patch } : row)),
      `mapping.groupRoles[${index}].${field}`,
    );
  const defaultRolesError = errorAt(errors, 'mapping.defaultRoles');

  return (
    <div className="fed-mapping" data-testid="conn-mapping">
      <fieldset className="fed-fieldset">
        <legend>User fields</legend>
        <p className="muted small fed-legend-hint">
          The {noun} that fills each field. When a name is empty or missing from the answer, the usual names are tried
          (email, mail, …/claims/emailaddress, urn:oid:0.9.2342.19200300.100.1.3…).
        </p>
        <div className="fed-attr-grid">
          {MAPPED_FIELDS.map((field) => {
            const path = `mapping.attributes.${field.id}`;
            const error = errorAt(errors, path);
            return (
              <Field
                key={field.id}
                id={`${ids}-attr-${field.id}`}
                label={field.label}
                optional={!field.required}
                error={error}
                errorTestId={`conn-error-${path}`}
              >
                <input
                  {...fieldProps(`${ids}-attr-${field.id}`, error)}
                  className="fed-mono-input"
                  data-testid={`map-attr-${field.id}`}
                  value={value.attributes[field.id]}
                  placeholder={field.required ? 'email' : 'usual names'}
                  spellCheck={false}
                  onChange={(event) =>
                    onChange({ ...value, attributes: { ...value.attributes, [field.id]: event.target.value } }, path)
                  }
                />
              </Field>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="fed-fieldset">
        <legend>Group → role rules</legend>
        <p className="muted small fed-legend-hint">
          A member of an IdP group gets these roles in the organization (on top of the default roles).
        </p>
        {value.groupRoles.length > 0 && (
          <ol className="fed-rules" data-testid="map-rules">
            {value.groupRoles.map((row, index) => {
              const groupError = errorAt(errors, `mapping.groupRoles[${index}].group`);
              const rolesError = errorAt(errors, `mapping.groupRoles[${index}].roles`);
              return (
                <li key={row.key} className="fed-rule" data-testid={`map-rule-${index}`}>
                  <div className="field fed-rule-group">
                    <label htmlFor={`${ids}-group-${index}`} className="visually-hidden">
                      IdP group of rule {index + 1}
                    </label>
                    <input
                      id={`${ids}-group-${index}`}
                      className="fed-mono-input"
                      aria-invalid={groupError ? true : undefined}
                      aria-describedby={groupError ? `${ids}-group-${index}-error` : undefined}
                      data-testid={`map-group-${index}`}
                      value={row.group}
                      placeholder="IdP group, e.g. admins"
                      spellCheck={false}
                      onChange={(event) => setRow(index, { group: event.target.value }, 'group')}
                    />
                    {groupError && (
                      <p
                        className="field-error"
                        id={`${ids}-group-${index}-error`}
                        data-testid={`conn-error-mapping.groupRoles[${index}].group`}
                        role="alert"
                      >
                        {groupError}
                      </p>
                    )}
                  </div>
                  <span className="fed-rule-arrow" aria-hidden="true">
                    →
                  </span>
                  <div className="field fed-rule-roles">
                    <label htmlFor={`${ids}-roles-${index}`} className="visually-hidden">
                      Roles of rule {index + 1}
                    </label>
                    <RolesInput
                      id={`${ids}-roles-${index}`}
                      value={row.roles}
                      onChange={(roles) => setRow(index, { roles }, 'roles')}
                      suggestions={[]}
                      testId={`map-roles-${index}`}
                      invalid={Boolean(rolesError)}
                      describedBy={rolesError ? `${ids}-roles-${index}-error` : undefined}
                    />
                    {rolesError && (
                      <p
                        className="field-error"
                        id={`${ids}-roles-${index}-error`}
                        data-testid={`conn-error-mapping.groupRoles[${index}].roles`}
                        role="alert"
                      >
                        {rolesError}
                      </p>
                    )}
                  </div>
                  <button
                    type="button"
                    className="icon-button fed-icon-button danger"
                    aria-label={`Remove rule ${index + 1}`}
                    data-testid={`map-rule-remove-${index}`}
                    onClick={() =>
                      setRows(
                        value.groupRoles.filter((_, at) => at !== index),
                        'mapping.groupRoles',
                      )
                    }
                  >
                    <Icon name="trash" size={16} />
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        <button
          type="button"
          className="button fed-small-button fed-add-rule"
          data-testid="map-rule-add"
          onClick={() =>
            setRows([...value.groupRoles, { key: nextRowKey(), group: '', roles: [] }], 'mapping.groupRoles')
          }
        >
          <Icon name="plus" size={14} /> Add a rule
        </button>
      </fieldset>

      <fieldset className="fed-fieldset">
        <legend>Default roles</legend>
        <Field
          id={`${ids}-default-roles`}
          label="Roles every user of this connection gets"
          optional
          error={defaultRolesError}
          errorTestId="conn-error-mapping.defaultRoles"
        >
          <RolesInput
            id={`${ids}-default-roles`}
            value={value.defaultRoles}
            onChange={(defaultRoles) => onChange({ ...value, defaultRoles }, 'mapping.defaultRoles')}
            suggestions={ROLE_SUGGESTIONS}
            testId="map-default-roles"
            invalid={Boolean(defaultRolesError)}
          />
        </Field>
      </fieldset>

      <fieldset className="fed-fieldset fed-jit">
        <legend>Just-in-time provisioning</legend>
        <div className="fed-choice-cards fed-jit-cards">
          {JIT_MODES.map((mode) => (
            <label key={mode.id} className={`fed-choice-card${value.jit === mode.id ? ' checked' : ''}`}>
              <input
                type="radio"
                name={`${ids}-jit`}
                value={mode.id}
                checked={value.jit === mode.id}
                data-testid={`map-jit-${mode.id}`}
                onChange={() => onChange({ ...value, jit: mode.id }, 'mapping.jit')}
              />
              <span className="fed-choice-text">
                <strong>{mode.label}</strong>
                <span className="muted">{mode.explain}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
