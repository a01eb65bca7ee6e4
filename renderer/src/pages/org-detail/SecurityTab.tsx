/**
 * The Security tab: the org's MFA setting (off, email code, SMS code) and what the account
 * emails Orgbench sends on its behalf. Every message lands in the outbox.
 */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { MFA_MODES, PHONE_ATTRIBUTE, type MfaMode } from '../../../../server/model/account';
import type { Organization } from '../../../../server/model/organization';
import { getAccountSettings, setMfaMode } from '../../api/accounts-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { MFA_COPY, SECURITY_FACTS } from './security-copy';
import { useApiClient, useResource } from './use-api';
import './security.css';

export function SecurityTab({ org }: { org: Organization }) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const load = useCallback(() => getAccountSettings(client, org.id), [client, org.id]);
  const { data: settings, error, reload } = useResource(load);
  // The reader's unsaved choice; without one, the saved setting.
  const [draft, setMode] = useState<MfaMode>();
  const mode = draft ?? settings?.mfa ?? 'off';
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const ids = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(undefined);
    try {
      await setMfaMode(client, org.id, mode);
      notify('success', `${org.name}: ${MFA_COPY[mode].title.toLowerCase()} for password sign-ins.`);
      reload();
    } catch (failure) {
      setSaveError((failure as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const changed = settings !== undefined && settings.mfa !== mode;
  return (
    <div className="security-tab" data-testid="security-tab">
      <div className="tab-toolbar">
        <div>
          <h3 className="section-title">Multi-factor authentication</h3>
          <p className="muted small">
            What members of {org.name} enter after a correct password. Users who sign in through {org.name}’s own
            identity provider use that provider’s MFA instead.
          </p>
        </div>
      </div>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <form className="security-form" onSubmit={save} aria-busy={settings === undefined}>
        <fieldset className="choices security-choices" disabled={settings === undefined}>
          <legend className="sr-only">MFA for {org.name}</legend>
          {MFA_MODES.map((value) => (
            <label key={value} className="choice" data-testid={`mfa-mode-${value}`}>
              <input
                type="radio"
                name={`${ids}-mfa`}
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              <span className="choice-text">
                <strong>{MFA_COPY[value].title}</strong>
                <span className="muted small">{MFA_COPY[value].description}</span>
                {value === 'sms' && (
                  <span className="muted small">
                    The number comes from the user’s <code>{PHONE_ATTRIBUTE}</code> attribute (Users → edit).
                  </span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
        {saveError && (
          <p className="form-error" role="alert">
            {saveError}
          </p>
        )}
        <div className="form-actions">
          <span className="muted small" data-testid="mfa-current">
            {settings ? `Now: ${MFA_COPY[settings.mfa].title}` : 'Loading…'}
          </span>
          <span className="spacer" />
          <button type="submit" className="button primary" disabled={!changed || saving} data-testid="mfa-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>

      <section className="security-facts" aria-labelledby={`${ids}-facts`}>
        <h3 className="section-title" id={`${ids}-facts`}>
          Account emails
        </h3>
        <p className="muted small">
          Sent with {org.name}’s templates and theme; every message lands in the Outbox (Branding → Outbox).
        </p>
        <ul className="security-fact-list">
          {SECURITY_FACTS.map((fact) => (
            <li key={fact.title}>
              <span className="security-fact-icon" aria-hidden="true">
                <Icon name={fact.icon} size={16} />
              </span>
              <span>
                <strong>{fact.title}</strong>
                <span className="muted small">{fact.text}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
