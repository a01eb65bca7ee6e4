/**
 * Branding → Themes: choose a workspace or an org (searchable), edit its theme with every
 * inherited value shown as such, and watch the real hosted pages change in the live preview.
 */
import { useCallback, useMemo, useState } from 'react';
import { listTenantsAndWorkspaces } from '../../api/apps-api';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { useApiClient, useResource } from '../org-detail/use-api';
import { scopeOptions } from './theme/theme-draft';
import { ThemeScopeEditor } from './theme/ThemeScopeEditor';
import './theme/theme.css';

export function ThemeTab() {
  const client = useApiClient();
  const load = useCallback(
    async () => ({ ...(await listTenantsAndWorkspaces(client)), orgs: await client.listOrganizations() }),
    [client],
  );
  const { data, error } = useResource(load);
  const [query, setQuery] = useState('');
  const [selectedKey, setSelectedKey] = useState<string>();
  const [pendingKey, setPendingKey] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const all = useMemo(() => scopeOptions(data?.workspaces ?? [], data?.orgs ?? []), [data]);
  const shown = useMemo(() => scopeOptions(data?.workspaces ?? [], data?.orgs ?? [], query), [data, query]);
  const selected = all.find((option) => option.key === selectedKey) ?? all[0];

  if (error && !data) {
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  }
  if (!data || !selected) return <p className="muted">Loading…</p>;

  const choose = (key: string) => {
    if (key === selected.key) return;
    if (dirty) setPendingKey(key);
    else setSelectedKey(key);
  };
  const listed = shown.some((option) => option.key === selected.key) ? shown : [selected, ...shown];

  return (
    <div className="theme-tab" data-testid="theme-tab">
      <div className="theme-scopebar">
        <div className="field">
          <label htmlFor="theme-scope-search">Find</label>
          <input
            id="theme-scope-search"
            type="search"
            placeholder="Organization or workspace"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              const first = scopeOptions(data.workspaces, data.orgs, event.target.value)[0];
              // Typing jumps to the first match, unless that would drop unsaved edits.
              if (first && event.target.value.trim() && !dirty) setSelectedKey(first.key);
            }}
            data-testid="theme-scope-search"
          />
        </div>
        <div className="field theme-scope-select">
          <label htmlFor="theme-scope">Theme of</label>
          <select
            id="theme-scope"
            value={selected.key}
            onChange={(event) => choose(event.target.value)}
            data-testid="theme-scope"
          >
            {listed.map((option) => (
              <option key={option.key} value={option.key}>
                {`${'\u2003'.repeat(option.depth)}${option.label} · ${option.hint}`}
              </option>
            ))}
          </select>
        </div>
        <p className="muted theme-chain">
          Pages wear the built-in default ← the workspace theme ← parent organizations ← the organization's own theme.
        </p>
      </div>
      <ThemeScopeEditor key={selected.key} scope={selected.scope} label={selected.label} onDirty={setDirty} />
      {pendingKey && (
        <ConfirmDialog
          title="Discard unsaved changes?"
          confirmLabel="Discard changes"
          busyLabel="Switching…"
          danger
          testIds={confirmTestIds('theme-discard-confirm')}
          onConfirm={async () => {
            setDirty(false);
            setSelectedKey(pendingKey);
          }}
          onClose={() => setPendingKey(undefined)}
        >
          <p>The theme of {selected.label} has changes that are not saved.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
