/** Chooses the template slot to edit: kind, channel and locale. */
import type {
  NotificationChannel,
  NotificationKind,
  NotificationLocale,
} from '../../../../../server/model/notification';
import type { NotificationCatalog, TemplateSlot } from '../../../api/notifications-api';

function Segmented<T extends string>({
  label,
  items,
  value,
  onChange,
  testId,
}: {
  label: string;
  items: { id: T; label: string; note?: string }[];
  value: T;
  onChange(value: T): void;
  testId: string;
}) {
  return (
    <div className="ntf-segment-field">
      <span className="ntf-segment-label">{label}</span>
      <div className="segmented" role="group" aria-label={label} data-testid={testId}>
        {items.map((item) => (
          <button
            key={item.id}
            type="button"
            className={`tab${item.id === value ? ' selected' : ''}`}
            aria-pressed={item.id === value}
            title={item.note}
            onClick={() => onChange(item.id)}
            data-testid={`${testId}-${item.id}`}
          >
            {item.label}
            {item.note && <span className="ntf-dim"> (off)</span>}
          </button>
        ))}
      </div>
    </div>
  );
}

export function SlotPicker({
  catalog,
  slot,
  enabledLocales,
  customized,
  onChange,
}: {
  catalog: NotificationCatalog;
  slot: TemplateSlot;
  enabledLocales: readonly NotificationLocale[];
  /** Slots this scope has its own template for (marked in the kind list). */
  customized: readonly TemplateSlot[];
  onChange(slot: TemplateSlot): void;
}) {
  const kind = catalog.kinds.find((entry) => entry.kind === slot.kind);
  const countFor = (k: NotificationKind) => customized.filter((other) => other.kind === k).length;
  return (
    <div className="ntf-slot-picker">
      <div className="field ntf-inline-field">
        <label htmlFor="ntf-kind">Message</label>
        <select
          id="ntf-kind"
          value={slot.kind}
          onChange={(event) => onChange({ ...slot, kind: event.target.value as NotificationKind })}
          data-testid="ntf-kind"
        >
          {catalog.kinds.map((entry) => (
            <option key={entry.kind} value={entry.kind}>
              {entry.label}
              {countFor(entry.kind) ? ` (${countFor(entry.kind)} customized)` : ''}
            </option>
          ))}
        </select>
      </div>
      <Segmented<NotificationChannel>
        label="Channel"
        items={catalog.channels
          .filter((entry) => kind?.channels.includes(entry.channel) ?? true)
          .map((entry) => ({ id: entry.channel, label: entry.label }))}
        value={slot.channel}
        onChange={(channel) => onChange({ ...slot, channel })}
        testId="ntf-channel"
      />
      <Segmented<NotificationLocale>
        label="Locale"
        items={catalog.locales
          .filter((entry) => enabledLocales.includes(entry.locale) || entry.locale === slot.locale)
          .map((entry) => ({
            id: entry.locale,
            label: entry.locale.toUpperCase(),
            ...(enabledLocales.includes(entry.locale) ? {} : { note: `${entry.label} is not enabled` }),
          }))}
        value={slot.locale}
        onChange={(locale) => onChange({ ...slot, locale })}
        testId="ntf-locale-tab"
      />
    </div>
  );
}
