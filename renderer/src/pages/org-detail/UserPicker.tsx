/**
 * Picks one user of the identity pool by email or name (combobox over an always-open
 * list): type to filter, Up/Down to move, Enter or click to choose. Users who are already
 * members are shown but cannot be chosen.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { User } from '../../../../server/model/user';
import { Icon } from '../../components/icons';
import { avatarColor, initials } from '../OrgTree';
import { matchUsers } from '../users/user-selectors';

const MAX_SHOWN = 6;

export function UserPicker(props: {
  users: readonly User[] | undefined;
  memberIds: ReadonlySet<string>;
  selected: User | undefined;
  onSelect: (user: User) => void;
  error: string | undefined;
}) {
  const { users, memberIds, selected, onSelect } = props;
  const ids = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchUsers(users ?? [], query), [users, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  const activeUser = shown[Math.min(active, shown.length - 1)];
  const optionId = (user: User) => `${ids}-option-${user.id}`;

  const choose = (user: User | undefined) => {
    if (user && !memberIds.has(user.id)) onSelect(user);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.max(0, Math.min(shown.length - 1, current + step)));
    } else if (event.key === 'Enter' && activeUser && !memberIds.has(activeUser.id) && activeUser !== selected) {
      // Enter picks the highlighted user; once picked, Enter submits the form as usual.
      event.preventDefault();
      choose(activeUser);
    }
  };

  return (
    <div className="field">
      <label htmlFor={`${ids}-search`}>User</label>
      <div className="search picker-search">
        <Icon name="users" size={16} />
        <input
          id={`${ids}-search`}
          role="combobox"
          aria-expanded="true"
          aria-controls={`${ids}-list`}
          aria-autocomplete="list"
          aria-activedescendant={activeUser ? optionId(activeUser) : undefined}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={`${ids}-note`}
          autoComplete="off"
          placeholder="Search the identity pool by email or name"
          value={query}
          autoFocus
          data-testid="member-user-search"
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul className="picker-list" role="listbox" id={`${ids}-list`} aria-label="Users" data-testid="member-user-list">
        {users === undefined && <li className="picker-empty muted small">Loading users…</li>}
        {users !== undefined && shown.length === 0 && (
          <li className="picker-empty muted small">
            No user matches “{query.trim()}”. Switch to <strong>New user</strong> to create one.
          </li>
        )}
        {shown.map((user) => {
          const member = memberIds.has(user.id);
          const isSelected = selected?.id === user.id;
          return (
            <li
              key={user.id}
              id={optionId(user)}
              role="option"
              aria-selected={isSelected}
              aria-disabled={member || undefined}
              className={`picker-option${user === activeUser ? ' active' : ''}${isSelected ? ' selected' : ''}${member ? ' disabled' : ''}`}
              data-testid={`member-user-option-${user.email}`}
              onMouseEnter={() => setActive(shown.indexOf(user))}
              onClick={() => choose(user)}
            >
              <span className="person-avatar small" aria-hidden="true" style={{ background: avatarColor(user.email) }}>
                {initials(user.name || user.email)}
              </span>
              <span className="person-text">
                <span className="person-name">{user.name}</span>
                <span className="person-email">{user.email}</span>
              </span>
              {member ? (
                <span className="muted small">Already a member</span>
              ) : isSelected ? (
                <span className="picker-check" aria-hidden="true">
                  <Icon name="check" size={16} />
                </span>
              ) : null}
            </li>
          );
        })}
        {matches.length > shown.length && (
          <li className="picker-empty muted small">
            {matches.length - shown.length} more: keep typing to narrow the list.
          </li>
        )}
      </ul>
      {props.error ? (
        <p className="field-error" id={`${ids}-note`} data-testid="error-member-user">
          {props.error}
        </p>
      ) : (
        <p className="field-hint" id={`${ids}-note`}>
          {selected ? (
            <>
              Adding <strong>{selected.email}</strong>.
            </>
          ) : (
            'Choose who to add.'
          )}
        </p>
      )}
    </div>
  );
}
