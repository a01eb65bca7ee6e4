/** Picks whose templates (or messages) to show: the workspace, or one org in tree order. */
import { useMemo } from 'react';
import type { Organization } from '../../../../../server/model/organization';
import { buildOrgTree, visibleNodes } from '../../../store/org-selectors';

export const WORKSPACE = 'workspace';

export function ScopePicker({
  id,
  label,
  orgs,
  value,
  onChange,
  workspaceLabel,
  testId,
}: {
  id: string;
  label: string;
  orgs: readonly Organization[];
  value: string;
  onChange(value: string): void;
  /** The first option (the workspace defaults, or "All organizations"). */
  workspaceLabel: string;
  testId: string;
}) {
  const options = useMemo(() => visibleNodes(buildOrgTree(orgs), new Set()), [orgs]);
  return (
    <div className="field ntf-scope">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        <option value={WORKSPACE}>{workspaceLabel}</option>
        {options.map(({ org, depth }) => (
          <option key={org.id} value={org.id}>
            {`${'\u2003'.repeat(depth)}${org.name}`}
          </option>
        ))}
      </select>
    </div>
  );
}
