/**
 * Org-scoped roles as chips. Typing a role and pressing Enter, comma or space adds it;
 * Backspace in the empty box removes the last one; leaving the box adds what was typed.
 */
import { useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Icon } from '../../components/icons';

/** A steady colour per role name, so `admin` looks the same everywhere. */
export function roleHue(role: string): number {
  let hash = 7;
  for (const char of role) hash = (hash * 33 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

export function RoleChip({ role, onRemove, testId }: { role: string; onRemove?: () => void; testId?: string }) {
  return (
    <span className="role-chip" style={{ '--chip-hue': roleHue(role) } as CSSProperties} data-testid={testId}>
      {role}
      {onRemove && (
        <button
          type="button"
          className="role-chip-remove"
          aria-label={`Remove role ${role}`}
          data-testid={testId ? `${testId}-remove` : undefined}
          onClick={onRemove}
        >
          <Icon name="close" size={12} />
        </button>
      )}
    </span>
  );
}

/** Roles in the order given, each once, without blanks. */
export function addRoles(current: readonly string[], typed: string): string[] {
  const next = [...current];
  for (const role of typed.split(/[\s,]+/)) if (role && !next.includes(role)) next.push(role);
  return next;
}

export function RolesInput(props: {
  id: string;
  value: readonly string[];
  onChange: (roles: string[]) => void;
  suggestions: readonly string[];
  testId: string;
  invalid?: boolean;
  describedBy?: string;
  autoFocus?: boolean;
}) {
  const { value, onChange, testId } = props;
  const [text, setText] = useState('');

  const commit = () => {
    if (!text.trim()) return;
    onChange(addRoles(value, text));
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',' || event.key === ' ') && text.trim()) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && !text && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  const unused = props.suggestions.filter((role) => !value.includes(role));
  return (
    <div className="roles-field">
      <div className={`roles-input${props.invalid ? ' invalid' : ''}`}>
        {value.map((role) => (
          <RoleChip
            key={role}
            role={role}
            testId={`${testId}-chip-${role}`}
            onRemove={() => onChange(value.filter((candidate) => candidate !== role))}
          />
        ))}
        <input
          id={props.id}
          className="roles-text"
          value={text}
          placeholder={value.length === 0 ? 'Type a role and press Enter' : 'Add a role'}
          aria-invalid={props.invalid ? true : undefined}
          aria-describedby={props.describedBy}
          autoFocus={props.autoFocus}
          data-testid={testId}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
        />
      </div>
      {unused.length > 0 && (
        <div className="role-suggestions">
          <span className="muted small">Suggested</span>
          {unused.map((role) => (
            <button
              key={role}
              type="button"
              className="role-suggestion"
              data-testid={`${testId}-suggest-${role}`}
              onClick={() => onChange(addRoles(value, role))}
            >
              <Icon name="plus" size={12} /> {role}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
