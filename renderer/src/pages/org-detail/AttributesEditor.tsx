/** Key/value rows for an organization's custom attributes; each row's error shows under it. */
import { useId } from 'react';
import { Icon } from '../../components/icons';
import { newRow, retype, type AttributeErrors, type AttributeRow, type AttributeType } from './attributes-form';

const TYPES: { id: AttributeType; label: string }[] = [
  { id: 'string', label: 'Text' },
  { id: 'number', label: 'Number' },
  { id: 'boolean', label: 'Yes / no' },
];

export function AttributesEditor(props: {
  rows: AttributeRow[];
  errors: AttributeErrors;
  onChange: (rows: AttributeRow[]) => void;
}) {
  const { rows, errors, onChange } = props;
  const ids = useId();
  const replace = (row: AttributeRow) => onChange(rows.map((candidate) => (candidate.id === row.id ? row : candidate)));

  return (
    <fieldset className="attributes" aria-describedby={`${ids}-hint`} data-testid="org-attributes">
      <legend>Attributes</legend>
      <p className="field-hint" id={`${ids}-hint`}>
        Custom data about this customer, such as its plan or number of seats. Token settings can copy attributes into
        tokens.
      </p>
      {rows.length > 0 && (
        <div className="attr-rows">
          <div className="attr-row attr-header" aria-hidden="true">
            <span>Name</span>
            <span>Type</span>
            <span>Value</span>
            <span />
          </div>
          {rows.map((row, index) => {
            const error = errors.rows[row.id];
            const message = error?.key ?? error?.value;
            const errorId = `${ids}-${row.id}-error`;
            return (
              <div className="attr-item" key={row.id}>
                <div className="attr-row">
                  <input
                    className="attr-key"
                    aria-label={`Name of attribute ${index + 1}`}
                    placeholder="plan"
                    value={row.key}
                    aria-invalid={error?.key ? true : undefined}
                    aria-describedby={message ? errorId : undefined}
                    data-testid={`attr-key-${index}`}
                    onChange={(event) => replace({ ...row, key: event.target.value })}
                  />
                  <select
                    aria-label={`Type of attribute ${index + 1}`}
                    value={row.type}
                    data-testid={`attr-type-${index}`}
                    onChange={(event) => replace(retype(row, event.target.value as AttributeType))}
                  >
                    {TYPES.map((type) => (
                      <option key={type.id} value={type.id}>
                        {type.label}
                      </option>
                    ))}
                  </select>
                  {row.type === 'boolean' ? (
                    <select
                      aria-label={`Value of attribute ${index + 1}`}
                      value={row.value}
                      data-testid={`attr-value-${index}`}
                      onChange={(event) => replace({ ...row, value: event.target.value })}
                    >
                      <option value="true">true</option>
                      <option value="false">false</option>
                    </select>
                  ) : (
                    <input
                      aria-label={`Value of attribute ${index + 1}`}
                      inputMode={row.type === 'number' ? 'decimal' : undefined}
                      placeholder={row.type === 'number' ? '250' : 'enterprise'}
                      value={row.value}
                      aria-invalid={error?.value ? true : undefined}
                      aria-describedby={message ? errorId : undefined}
                      data-testid={`attr-value-${index}`}
                      onChange={(event) => replace({ ...row, value: event.target.value })}
                    />
                  )}
                  <button
                    type="button"
                    className="icon-button attr-remove"
                    aria-label={`Remove attribute ${row.key || index + 1}`}
                    data-testid={`attr-remove-${index}`}
                    onClick={() => onChange(rows.filter((candidate) => candidate.id !== row.id))}
                  >
                    <Icon name="trash" size={16} />
                  </button>
                </div>
                {message && (
                  <p className="field-error" id={errorId} data-testid={`error-attr-${index}`}>
                    {message}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      )}
      {errors.general && (
        <p className="field-error" data-testid="error-attributes">
          {errors.general}
        </p>
      )}
      <div>
        <button
          type="button"
          className="button small"
          data-testid="attr-add"
          onClick={() => onChange([...rows, newRow()])}
        >
          <Icon name="plus" size={14} /> Add attribute
        </button>
      </div>
    </fieldset>
  );
}
