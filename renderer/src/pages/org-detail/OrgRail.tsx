/**
 * The organization tree folded into a rail of avatars, for when a tab needs the width
 * (the isolation comparison). Tree order; sub-organizations are drawn smaller.
 */
import { useMemo, type CSSProperties } from 'react';
import { useAppStore } from '../../store/app-store';
import { buildOrgTree, visibleNodes } from '../../store/org-selectors';
import { avatarColor, initials } from '../OrgTree';

const NOTHING_COLLAPSED = new Set<string>();

export function OrgRail() {
  const orgs = useAppStore((s) => s.orgs);
  const selectedId = useAppStore((s) => s.selectedOrgId);
  const selectOrg = useAppStore((s) => s.selectOrg);
  const nodes = useMemo(() => visibleNodes(buildOrgTree(orgs), NOTHING_COLLAPSED), [orgs]);

  return (
    <nav className="org-rail" aria-label="Organizations" data-testid="org-rail">
      <ul>
        {nodes.map(({ org, depth }) => {
          const selected = org.id === selectedId;
          return (
            <li key={org.id} style={{ '--depth': Math.min(depth, 3) } as CSSProperties}>
              <button
                type="button"
                className={`rail-item${selected ? ' selected' : ''}${depth > 0 ? ' nested' : ''}`}
                title={`${org.name} (${org.slug})`}
                aria-label={org.name}
                aria-current={selected ? 'true' : undefined}
                data-testid={`org-rail-${org.slug}`}
                onClick={() => selectOrg(org.id)}
              >
                <span className="org-avatar" aria-hidden="true" style={{ background: avatarColor(org.slug) }}>
                  {initials(org.name)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
