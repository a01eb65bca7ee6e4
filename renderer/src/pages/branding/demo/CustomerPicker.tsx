/**
 * Which customers the demo shows, in order: tick orgs (the number is the key that shows
 * it large). At most nine fit the keys.
 */
import { DEMO_MAX_CUSTOMERS, type DemoCustomersResponse } from '../../../api/demo-mode-api';

export function CustomerPicker(props: {
  organizations: DemoCustomersResponse['organizations'];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  const { chosen } = props;
  const full = chosen.length >= DEMO_MAX_CUSTOMERS;
  const toggle = (slug: string) =>
    props.onChange(chosen.includes(slug) ? chosen.filter((value) => value !== slug) : [...chosen, slug]);
  const depthOf = (parentId: string | null, seen = 0): number => {
    const parent = props.organizations.find((org) => org.id === parentId);
    return parent && seen < 8 ? depthOf(parent.parentId, seen + 1) + 1 : 0;
  };
  return (
    <fieldset className="demo-picker" data-testid="demo-picker">
      <legend>Customers on screen</legend>
      <ul>
        {props.organizations.map((org) => {
          const position = chosen.indexOf(org.slug);
          return (
            <li key={org.id} style={{ paddingInlineStart: `${depthOf(org.parentId) * 18}px` }}>
              <label className={position >= 0 ? 'chosen' : undefined}>
                <input
                  type="checkbox"
                  checked={position >= 0}
                  disabled={position < 0 && full}
                  onChange={() => toggle(org.slug)}
                  data-testid={`demo-pick-${org.slug}`}
                />
                <span className="demo-picker-name">{org.name}</span>
                <code className="muted">{org.slug}</code>
                {position >= 0 && <kbd className="demo-picker-key">{position + 1}</kbd>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
