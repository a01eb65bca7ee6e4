/**
 * Branding → Templates: each org's notification templates (email, SMS, voice) for every
 * kind of message and locale, with the workspace's defaults above them. Pick the scope and
 * the slot; edit with the documented variables; the preview is the server's rendering.
 */
import { useCallback, useState } from 'react';
import type { NotificationChannel, NotificationKind, NotificationLocale } from '../../../../server/model/notification';
import {
  getLocales,
  getNotificationCatalog,
  getTemplate,
  listOverrides,
  type TemplateSlot,
} from '../../api/notifications-api';
import { useAppStore } from '../../store/app-store';
import { useApiClient, useResource } from '../org-detail/use-api';
import { LocaleSettingsCard } from './notifications/LocaleSettingsCard';
import { ScopePicker, WORKSPACE } from './notifications/ScopePicker';
import { SlotPicker } from './notifications/SlotPicker';
import { TemplateEditor } from './notifications/TemplateEditor';
import { effectiveLocale } from './notifications/template-form';
import './notifications/notifications.css';

/** The chosen slot; `locale` null means "the scope's default locale". */
interface Choice {
  kind: NotificationKind;
  channel: NotificationChannel;
  locale: NotificationLocale | null;
}

export function TemplatesTab() {
  const client = useApiClient();
  const orgs = useAppStore((s) => s.orgs);
  const [scope, setScope] = useState(WORKSPACE);
  const [choice, setChoice] = useState<Choice>({ kind: 'invitation', channel: 'email', locale: null });
  const [version, setVersion] = useState(0);

  const catalog = useResource(useCallback(() => getNotificationCatalog(client), [client]));
  const locales = useResource(
    useCallback(() => getLocales(client, scope), [client, scope]),
    version,
  );
  const settings = locales.data;
  const slot: TemplateSlot | undefined = settings
    ? { kind: choice.kind, channel: choice.channel, locale: effectiveLocale(choice.locale, settings) }
    : undefined;
  const slotKey = slot ? `${scope}:${slot.kind}:${slot.channel}:${slot.locale}` : '';

  const overrides = useResource(
    useCallback(() => listOverrides(client, scope), [client, scope]),
    version,
  );
  const template = useResource(
    // `slotKey` names the slot by value, so a new object for the same slot does not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    useCallback(() => (slot ? getTemplate(client, scope, slot) : Promise.resolve(undefined)), [client, slotKey]),
    version,
  );

  const changed = () => setVersion((value) => value + 1);
  const orgName = (id: string) => orgs.find((org) => org.id === id)?.name ?? id;
  const error = catalog.error ?? locales.error ?? template.error;
  const variables = catalog.data?.kinds.find((entry) => entry.kind === choice.kind)?.variables ?? [];
  // The loaded template while it is this slot's (kept during a reload after a save, so the editor stays).
  const loaded = template.data;
  const current =
    loaded && slot && `${loaded.orgId ?? WORKSPACE}:${loaded.kind}:${loaded.channel}:${loaded.locale}` === slotKey
      ? loaded
      : undefined;

  return (
    <div className="ntf-tab" data-testid="ntf-templates">
      <div className="ntf-toolbar">
        <ScopePicker
          id="ntf-scope"
          label="Templates of"
          orgs={orgs}
          value={scope}
          onChange={(next) => {
            setScope(next);
            setChoice((now) => ({ ...now, locale: null }));
          }}
          workspaceLabel="Workspace defaults (every org inherits)"
          testId="ntf-scope"
        />
        {catalog.data && settings && (
          <LocaleSettingsCard
            key={`${scope}:${JSON.stringify(settings)}`}
            scope={scope}
            catalog={catalog.data}
            settings={settings}
            onSaved={changed}
          />
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {catalog.data && settings && slot && (
        <SlotPicker
          catalog={catalog.data}
          slot={slot}
          enabledLocales={settings.enabledLocales}
          customized={overrides.data ?? []}
          onChange={setChoice}
        />
      )}
      {current && slot ? (
        <TemplateEditor
          key={`${slotKey}:${current.source}:${current.fromOrgId ?? ''}:${current.updatedAt ?? ''}`}
          scope={scope}
          slot={slot}
          template={current}
          variables={variables}
          orgName={orgName}
          onSaved={changed}
        />
      ) : (
        !error && <p className="muted">Loading the template…</p>
      )}
    </div>
  );
}
