/**
 * The searchable organization tree (WAI-ARIA tree pattern): arrow keys move, Right and
 * Left expand and collapse, Enter or click selects.
 */
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../components/icons';
import { useAppStore } from '../store/app-store';
import { buildOrgTree, filterOrgTree, orgMatches, visibleNodes, type OrgNode } from '../store/org-selectors';

export function OrgTree() {
  const { orgs, search, collapsed, selectedOrgId } = useAppStore(
    useShallow((s) => ({
      orgs: s.orgs,
      search: s.search,
      collapsed: s.collapsed,
      // While a new org is being drafted, no existing row reads as selected.
      selectedOrgId: s.creatingUnder === undefined ? s.selectedOrgId : undefined,
    })),
  );
  const selectOrg = useAppStore((s) => s.selectOrg);
  const toggleCollapsed = useAppStore((s) => s.toggleCollapsed);
  const setSearch = useAppStore((s) => s.setSearch);
  const treeRef = useRef<HTMLUListElement>(null);

  const tree = useMemo(() => filterOrgTree(buildOrgTree(orgs), search), [orgs, search]);
  // While searching, every path to a match is shown open.
  const effectiveCollapsed = useMemo(() => (search.trim() ? new Set<string>() : collapsed), [search, collapsed]);
  const visible = useMemo(() => visibleNodes(tree, effectiveCollapsed), [tree, effectiveCollapsed]);
  const matchCount = useMemo(() => orgs.filter((org) => orgMatches(org, search)).length, [orgs, search]);

  const focusItem = (id: string) => {
    treeRef.current?.querySelector<HTMLElement>(`[data-org-id="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent, node: OrgNode) => {
    const index = visible.findIndex((candidate) => candidate.org.id === node.org.id);
    const move = (to: OrgNode | undefined) => {
      if (!to) return;
      event.preventDefault();
      focusItem(to.org.id);
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(visible[index + 1]);
      case 'ArrowUp':
        return move(visible[index - 1]);
      case 'Home':
        return move(visible[0]);
      case 'End':
        return move(visible[visible.length - 1]);
      case 'ArrowRight':
        event.preventDefault();
        if (node.children.length > 0 && effectiveCollapsed.has(node.org.id)) toggleCollapsed(node.org.id);
        else move(node.children[0]);
        return;
      case 'ArrowLeft': {
        event.preventDefault();
        if (node.children.length > 0 && !effectiveCollapsed.has(node.org.id)) toggleCollapsed(node.org.id);
        else if (node.org.parentId) focusItem(node.org.parentId);
        return;
      }
      case 'Enter':
      case ' ':
        event.preventDefault();
        selectOrg(node.org.id);
        return;
      default:
        return;
    }
  };

  const renderNode = (node: OrgNode) => {
    const open = !effectiveCollapsed.has(node.org.id);
    const selected = node.org.id === selectedOrgId;
    const hasChildren = node.children.length > 0;
    return (
      <li
        key={node.org.id}
        role="treeitem"
        aria-selected={selected}
        aria-expanded={hasChildren ? open : undefined}
        aria-level={node.depth + 1}
        className="tree-item"
      >
        <div
          className={`tree-row${selected ? ' selected' : ''}`}
          style={{ paddingLeft: `${0.5 + node.depth * 1.25}rem` }}
          data-org-id={node.org.id}
          data-testid={`org-row-${node.org.slug}`}
          tabIndex={selected || (!selectedOrgId && visible[0]?.org.id === node.org.id) ? 0 : -1}
          onClick={() => selectOrg(node.org.id)}
          onKeyDown={(event) => onKeyDown(event, node)}
        >
          {hasChildren ? (
            <button
              type="button"
              tabIndex={-1}
              className={`twisty${open ? ' open' : ''}`}
              aria-label={open ? `Collapse ${node.org.name}` : `Expand ${node.org.name}`}
              onClick={(event) => {
                event.stopPropagation();
                toggleCollapsed(node.org.id);
              }}
            >
              <Icon name="chevron" size={14} />
            </button>
          ) : (
            <span className="twisty-spacer" />
          )}
          <span className="org-avatar" aria-hidden="true" style={{ background: avatarColor(node.org.slug) }}>
            {initials(node.org.name)}
          </span>
          <span className="tree-text">
            <span className="tree-name">{node.org.name}</span>
            <span className="tree-meta">
              {node.org.slug}
              {node.org.domains.length > 0 && <> · {node.org.domains.join(', ')}</>}
            </span>
          </span>
          {hasChildren && (
            <span className="badge" title="Sub-organizations">
              {node.children.length}
            </span>
          )}
        </div>
        {hasChildren && open && (
          <ul role="group" className="tree-group">
            {node.children.map(renderNode)}
          </ul>
        )}
      </li>
    );
  };

  return (
    <div className="tree-panel">
      <label className="search">
        <Icon name="search" size={16} />
        <span className="visually-hidden">Search organizations</span>
        <input
          type="search"
          placeholder="Search by name, slug or domain"
          value={search}
          data-testid="org-search"
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      {search.trim() && (
        <p className="search-summary" data-testid="org-search-summary">
          {matchCount === 0 ? 'No organization matches.' : `${matchCount} of ${orgs.length} match`}
        </p>
      )}
      <ul role="tree" aria-label="Organizations" className="tree" ref={treeRef} data-testid="org-tree">
        {tree.map(renderNode)}
      </ul>
    </div>
  );
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}` : name.slice(0, 2);
  return letters.toUpperCase();
}

/** A stable, pleasant colour per slug. */
export function avatarColor(slug: string): string {
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 55% 46%)`;
}
