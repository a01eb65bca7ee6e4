/**
 * The locales a scope sends in: which are enabled and which is the default (used when a
 * message asks for none, or for one the org does not enable). An org inherits the choice
 * of its parent org or the workspace until it saves its own. Keyed by the parent on the
 * loaded settings, so new settings start a new draft.
 */
import { useState } from 'react';
import type { NotificationLocale } from '../../../../../server/model/notification';
import { ApiError } from '../../../api/client';
import {
  resetLocales,
  saveLocales,
  type LocaleSettingsView,
  type NotificationCatalog,
} from '../../../api/notifications-api';
import { useAppStore } from '../../../store/app-store';
import { useApiClient } from '../../org-detail/use-api';
import { WORKSPACE } from './ScopePicker';

export function LocaleSettingsCard({
  scope,
  catalog,
  settings,
  onSaved,
}: {
  scope: string;
  catalog: NotificationCatalog;
  settings: LocaleSettingsView;
  onSaved(settings: LocaleSettingsView): void;
}) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const [enabled, setEnabled] = useState<NotificationLocale[]>(settings.enabledLocales);
  const [fallback, setFallback] = useState<NotificationLocale>(settings.defaultLocale);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const dirty =
    fallback !== settings.defaultLocale ||
    enabled.length !== settings.enabledLocales.length ||
    enabled.some((locale) => !settings.enabledLocales.includes(locale));

  const toggle = (locale: NotificationLocale) => {
    setError(undefined);
    setEnabled((current) =>
      current.includes(locale)
        ? current.filter((other) => other !== locale)
        : catalog.locales.map((entry) => entry.locale).filter((l) => l === locale || current.includes(l)),
    );
  };

  const run = async (action: () => Promise<LocaleSettingsView>, done: string) => {
    setBusy(true);
    try {
      const saved = await action();
      onSaved(saved);
      notify('success', done);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.fields[0]
          ? failure.fields.map((f) => `${f.path}: ${f.message}`).join(' · ')
          : (failure as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ntf-card ntf-locales" aria-labelledby="ntf-locales-title" data-testid="ntf-locales">
      <div className="ntf-card-head">
        <h3 id="ntf-locales-title">Locales</h3>
        {settings.inherited && (
          <span className="badge" data-testid="ntf-locales-inherited">
            inherited
          </span>
        )}
      </div>
      <div className="ntf-locale-row">
        <fieldset className="ntf-locale-choices">
          <legend className="visually-hidden">Enabled locales</legend>
          {catalog.locales.map(({ locale, label }) => (
            <label key={locale} className="ntf-check">
              <input
                type="checkbox"
                checked={enabled.includes(locale)}
                onChange={() => toggle(locale)}
                data-testid={`ntf-locale-${locale}`}
              />
              {label} <code>{locale}</code>
            </label>
          ))}
        </fieldset>
        <div className="field ntf-inline-field">
          <label htmlFor="ntf-default-locale">Default</label>
          <select
            id="ntf-default-locale"
            value={fallback}
            onChange={(event) => setFallback(event.target.value as NotificationLocale)}
            data-testid="ntf-default-locale"
          >
            {catalog.locales.map(({ locale, label }) => (
              <option key={locale} value={locale}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="ntf-actions">
          <button
            type="button"
            className="button primary ntf-small-button"
            disabled={!dirty || busy}
            onClick={() =>
              void run(
                () => saveLocales(client, scope, { enabledLocales: enabled, defaultLocale: fallback }),
                'Saved the locales.',
              )
            }
            data-testid="ntf-locales-save"
          >
            Save locales
          </button>
          {scope !== WORKSPACE && !settings.inherited && (
            <button
              type="button"
              className="button ntf-small-button"
              disabled={busy}
              onClick={() =>
                void run(() => resetLocales(client, scope), 'The organization inherits its locales again.')
              }
              data-testid="ntf-locales-reset"
            >
              Inherit
            </button>
          )}
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="ntf-locales-error">
          {error}
        </p>
      )}
    </section>
  );
}
