/**
 * A mapping preview laid out as the login flows: the attributes the IdP sends (those the
 * mapping read highlighted) → the user fields → the Orgbench user (JIT badge) → the org
 * and its roles, with the group rules that fired marked. A failure leads, in one sentence.
 */
import type { MappingPreview, PreviewField } from '../../../../server/model/mapping-preview';
import { Icon } from '../../components/icons';
import { FIELD_LABELS, JIT_BADGE, jitSentence, showValue, usedAttributes } from './preview-copy';

const FIELDS: PreviewField[] = ['email', 'name', 'givenName', 'familyName', 'groups'];

export function PreviewResult({ preview }: { preview: MappingPreview }) {
  const used = usedAttributes(preview);
  const badge = preview.jit ? JIT_BADGE[preview.jit.action] : undefined;
  return (
    <div className="fed-preview-result" data-testid="conn-preview-result">
      {preview.failure && (
        <p className="fed-preview-failure" role="alert" data-testid="conn-preview-failure">
          <Icon name="shield-x" size={16} />
          <span>
            <code data-testid="conn-preview-failure-rule">{preview.failure.rule}</code> {preview.failure.message}
          </span>
        </p>
      )}

      <section className="fed-preview-step" aria-label="Sent by the IdP">
        <h4>
          <span className="fed-preview-num">1</span> Sent by the IdP
        </h4>
        <dl className="fed-preview-subject">
          <dt>{preview.connection.kind === 'saml' ? 'NameID' : 'sub'}</dt>
          <dd>
            <code data-testid="conn-preview-subject-sent">{preview.sent.subject}</code>
            {preview.sent.subjectNote && <span className="muted small">{preview.sent.subjectNote}</span>}
          </dd>
        </dl>
        <table className="fed-preview-table" data-testid="conn-preview-sent">
          <tbody>
            {Object.entries(preview.sent.attributes).map(([name, value]) => (
              <tr key={name} className={used.has(name) ? 'used' : undefined} data-used={used.has(name) || undefined}>
                <th scope="row">
                  <code>{name}</code>
                  {preview.sent.fromUserinfo.includes(name) && <span className="fed-preview-tag">userinfo</span>}
                </th>
                <td>{showValue(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="fed-preview-step" aria-label="User fields">
        <h4>
          <span className="fed-preview-num">2</span> User fields
        </h4>
        <table className="fed-preview-table" data-testid="conn-preview-fields">
          <tbody>
            {FIELDS.map((field) => {
              const entry = preview.fields[field];
              return (
                <tr key={field} data-testid={`conn-preview-field-${field}`}>
                  <th scope="row">{FIELD_LABELS[field]}</th>
                  <td>{showValue(entry.value)}</td>
                  <td className="fed-preview-from">
                    {entry.from ? (
                      <>
                        from <code>{entry.from}</code>
                      </>
                    ) : entry.value !== null ? (
                      'derived'
                    ) : (
                      'not sent'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="fed-preview-step" aria-label="Orgbench user">
        <h4>
          <span className="fed-preview-num">3</span> Orgbench user
          {badge && (
            <span className={`fed-preview-badge tone-${badge.tone}`} data-testid="conn-preview-jit">
              {badge.label}
            </span>
          )}
        </h4>
        <p className="fed-preview-sentence" data-testid="conn-preview-jit-sentence">
          {jitSentence(preview)}
        </p>
        {preview.jit && preview.jit.changes.length > 0 && (
          <ul className="fed-preview-changes" data-testid="conn-preview-changes">
            {preview.jit.changes.map((change) => (
              <li key={change.field}>
                {FIELD_LABELS[change.field]}: <del>{change.from ?? '—'}</del> → <ins>{change.to ?? '—'}</ins>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="fed-preview-step" aria-label="Organization and roles">
        <h4>
          <span className="fed-preview-num">4</span> In {preview.org.name}
        </h4>
        <RolesBlock preview={preview} />
      </section>
    </div>
  );
}

function RolesBlock({ preview }: { preview: MappingPreview }) {
  const { rules, defaultRoles, result, current } = preview.roles;
  return (
    <>
      {rules.length === 0 ? (
        <p className="muted small">No group → role rules.</p>
      ) : (
        <ul className="fed-preview-rules" data-testid="conn-preview-rules">
          {rules.map((rule, index) => (
            <li
              key={index}
              className={rule.fired ? 'fired' : undefined}
              data-testid={`conn-preview-rule-${index}`}
              data-fired={rule.fired}
            >
              <Icon name={rule.fired ? 'check' : 'close'} size={13} />
              <code title={rule.group}>{rule.group}</code>
              <span aria-hidden="true">→</span>
              <span>{rule.roles.join(', ')}</span>
              {rule.hint && <span className="fed-preview-hint">{rule.hint}</span>}
            </li>
          ))}
        </ul>
      )}
      {defaultRoles.length > 0 && (
        <p className="muted small">Every user of this connection: {defaultRoles.join(', ')}</p>
      )}
      <div className="fed-preview-roles">
        <span className="muted small">Org roles after login</span>
        <span className="fed-preview-role-list" data-testid="conn-preview-roles">
          {preview.failure ? (
            <span className="muted">none — the login fails</span>
          ) : result.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            result.map((role) => (
              <span key={role} className="fed-preview-role">
                {role}
              </span>
            ))
          )}
        </span>
        {current && (
          <span className="muted small" data-testid="conn-preview-current-roles">
            now: {current.length > 0 ? current.join(', ') : 'no roles'}
          </span>
        )}
      </div>
    </>
  );
}
