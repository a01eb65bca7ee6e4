/** Email, name and password fields of a user, each with its hint or its error beside it. */
import { useId } from 'react';
import { PASSWORD_MIN } from '../../../../server/model/user';
import type { UserDraft, UserErrors, UserField } from './user-form';

export function UserFields(props: {
  draft: UserDraft;
  errors: UserErrors;
  onChange: (field: UserField, value: string) => void;
  /** Test ids are `${testIdPrefix}-email` and `error-${testIdPrefix}-email`, and so on. */
  testIdPrefix: string;
  mode: 'create' | 'edit';
  autoFocus?: boolean;
}) {
  const ids = useId();
  const { draft, errors, testIdPrefix, mode } = props;

  const field = (name: UserField, label: string, hint: string, input: { type: string; autoComplete: string }) => (
    <div className="field">
      <label htmlFor={`${ids}-${name}`}>{label}</label>
      <input
        id={`${ids}-${name}`}
        type={input.type}
        autoComplete={input.autoComplete}
        value={draft[name]}
        disabled={mode === 'edit' && name === 'email'}
        autoFocus={props.autoFocus && name === (mode === 'edit' ? 'name' : 'email')}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${ids}-${name}-note`}
        data-testid={`${testIdPrefix}-${name}`}
        onChange={(event) => props.onChange(name, event.target.value)}
      />
      {errors[name] ? (
        <p className="field-error" id={`${ids}-${name}-note`} data-testid={`error-${testIdPrefix}-${name}`}>
          {errors[name]}
        </p>
      ) : (
        <p className="field-hint" id={`${ids}-${name}-note`}>
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <>
      {field(
        'email',
        'Email',
        mode === 'edit' ? 'The sign-in name; it cannot change.' : 'The sign-in name, e.g. jane@acme.com.',
        { type: 'email', autoComplete: 'off' },
      )}
      {field('name', 'Name', 'Shown on the login pages and in the name claim.', { type: 'text', autoComplete: 'off' })}
      {field(
        'password',
        mode === 'edit' ? 'New password' : 'Password',
        mode === 'edit'
          ? `Leave empty to keep the current password. At least ${PASSWORD_MIN} characters.`
          : `Optional, at least ${PASSWORD_MIN} characters. Without one, the user signs in only through a connection.`,
        { type: 'password', autoComplete: 'new-password' },
      )}
    </>
  );
}
