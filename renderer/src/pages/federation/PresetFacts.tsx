/** What the chosen vendor preset sends: its habits and its attribute or claim names. */
import type { ProtocolKind, VendorPreset } from '../../../../server/model/federation';
import { PRESET_INFO, presetNames } from './vendor-presets';

const FIELD_LABELS = [
  ['email', 'Email'],
  ['name', 'Display name'],
  ['givenName', 'Given name'],
  ['familyName', 'Family name'],
  ['groups', 'Groups'],
] as const;

export function PresetFacts({ preset, kind }: { preset: VendorPreset; kind: ProtocolKind }) {
  const info = PRESET_INFO[preset];
  const names = presetNames(preset, kind);
  return (
    <aside className="fed-card fed-facts" aria-labelledby="fed-preset-facts-title" data-testid="mock-idp-preset-facts">
      <div className="fed-facts-head">
        <span className={`fed-vendor-mark fed-vendor-${preset}`} aria-hidden="true">
          {info.label.slice(0, 1)}
        </span>
        <h3 id="fed-preset-facts-title">{info.label}</h3>
      </div>
      <p className="small">{info.summary}</p>
      <ul className="fed-habits">
        {info.habits.map((habit) => (
          <li key={habit}>{habit}</li>
        ))}
      </ul>
      <h4>{kind === 'saml' ? 'Attribute names' : 'Claim names'}</h4>
      <dl className="fed-names">
        {FIELD_LABELS.map(([field, label]) => (
          <div key={field}>
            <dt>{label}</dt>
            <dd>{names[field] ? <code>{names[field]}</code> : <span className="muted">not sent</span>}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        Its login page borrows the vendor’s colours and wording, never its logo. The protocol and slug cannot change
        later.
      </p>
    </aside>
  );
}
