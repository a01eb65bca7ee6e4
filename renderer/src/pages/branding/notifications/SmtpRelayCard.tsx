/**
 * The optional SMTP relay: every email that lands in the outbox is also sent to this
 * server. The password is write-only — the server only says whether one is set — and a
 * blank password field keeps the stored one.
 */
import { useEffect, useState } from 'react';
import type { SmtpSettingsView, SmtpTlsMode } from '../../../../../server/model/notification';
import { ApiError } from '../../../api/client';
import { getSmtpSettings, saveSmtpSettings, sendSmtpTest } from '../../../api/notifications-api';
import { useAppStore } from '../../../store/app-store';
import { useApiClient } from '../../org-detail/use-api';

const TLS_LABELS: Record<SmtpTlsMode, string> = {
  starttls: 'STARTTLS (usually port 587)',
  tls: 'TLS from the start (usually 465)',
  none: 'None (local test servers only)',
};

type Draft = Omit<SmtpSettingsView, 'passwordSet' | 'port'> & { port: string; password: string };

function toDraft(view: SmtpSettingsView): Draft {
  const { passwordSet: _passwordSet, ...rest } = view;
  return { ...rest, port: String(view.port), password: '' };
}

export function SmtpRelayCard() {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const [view, setView] = useState<SmtpSettingsView>();
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [testTo, setTestTo] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getSmtpSettings(client).then(
      (loaded) => {
        setView(loaded);
        setDraft(toDraft(loaded));
      },
      (failure: unknown) => notify('error', (failure as Error).message),
    );
  }, [client, notify]);

  if (!draft || !view) return null;
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setErrors({});
  };

  const save = async () => {
    setBusy(true);
    try {
      const { password, port, ...rest } = draft;
      const saved = await saveSmtpSettings(client, { ...rest, port: Number(port), ...(password ? { password } : {}) });
      setView(saved);
      setDraft(toDraft(saved));
      notify('success', saved.enabled ? 'Emails are now relayed to the SMTP server.' : 'Saved; the relay is off.');
    } catch (failure) {
      if (failure instanceof ApiError && failure.fields.length) {
        setErrors(Object.fromEntries(failure.fields.map((field) => [field.path, field.message])));
      } else notify('error', (failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const test = async () => {
    setBusy(true);
    try {
      await sendSmtpTest(client, testTo);
      notify('success', `The SMTP server accepted a test email to ${testTo}.`);
    } catch (failure) {
      notify('error', (failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const input = (key: 'host' | 'port' | 'username' | 'from', label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`ntf-smtp-${key}`}>{label}</label>
      <input
        id={`ntf-smtp-${key}`}
        value={draft[key]}
        inputMode={key === 'port' ? 'numeric' : undefined}
        aria-invalid={errors[key] !== undefined}
        onChange={(event) => set({ [key]: event.target.value })}
        data-testid={`ntf-smtp-${key}`}
      />
      {errors[key] && (
        <p className="field-error" data-testid={`ntf-smtp-error-${key}`}>
          {errors[key]}
        </p>
      )}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );

  return (
    <details className="ntf-card ntf-smtp" data-testid="ntf-smtp">
      <summary>
        <h3>SMTP relay</h3>
        <span className={`badge${view.enabled ? ' ntf-badge-own' : ''}`} data-testid="ntf-smtp-state">
          {view.enabled ? `on · ${view.host}:${view.port}` : 'off'}
        </span>
      </summary>
      <p className="muted small ntf-card-intro">
        Optional. Emails always land in the outbox; with the relay on they are also sent to this server (for example a
        local MailHog or your team’s test mailbox). Failures are recorded on the message, never shown to the user.
      </p>
      <label className="ntf-check">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
          data-testid="ntf-smtp-enabled"
        />
        Relay emails to this server
      </label>
      <div className="ntf-smtp-grid">
        {input('host', 'Host')}
        {input('port', 'Port')}
        <div className="field">
          <label htmlFor="ntf-smtp-tls">Encryption</label>
          <select
            id="ntf-smtp-tls"
            value={draft.tls}
            data-testid="ntf-smtp-tls"
            onChange={(event) => set({ tls: event.target.value as SmtpTlsMode })}
          >
            {Object.entries(TLS_LABELS).map(([mode, label]) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {input('from', 'From address', 'e.g. no-reply@acme.test')}
        {input('username', 'Username', 'Leave empty when the server needs no login.')}
        <div className="field">
          <label htmlFor="ntf-smtp-password">Password</label>
          <input
            id="ntf-smtp-password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            placeholder={view.passwordSet ? '•••••••• (stored; type to replace)' : ''}
            onChange={(event) => set({ password: event.target.value })}
            data-testid="ntf-smtp-password"
          />
        </div>
      </div>
      <div className="ntf-actions">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void save()}
          data-testid="ntf-smtp-save"
        >
          Save relay
        </button>
        <span className="ntf-spacer" />
        <input
          className="ntf-test-to"
          type="email"
          placeholder="test recipient"
          aria-label="Test recipient"
          value={testTo}
          onChange={(event) => setTestTo(event.target.value)}
          data-testid="ntf-smtp-test-to"
        />
        <button
          type="button"
          className="button"
          disabled={busy || !view.enabled || !testTo}
          onClick={() => void test()}
          data-testid="ntf-smtp-test"
        >
          Send test
        </button>
      </div>
    </details>
  );
}
