/**
 * The "Workspaces & keys" tab: pick a workspace (an issuer), then edit its token
 * settings, the APIs it issues JWT access tokens for, and its tenant's signing keys.
 */
import { useCallback, useEffect, useState } from 'react';
import { getWorkspaceDetail, type WorkspaceDetail } from '../../api/apps-api';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { discoveryUrl, parseWorkspaceKey, workspaceKey } from '../../store/apps-selectors';
import { ApisCard } from './ApisCard';
import { IssuerText } from './IssuerText';
import { NewWorkspaceDialog } from './NewWorkspaceDialog';
import { SigningKeysCard } from './SigningKeysCard';
import { WorkspaceSettingsForm } from './WorkspaceSettingsForm';

export function WorkspacesPanel() {
  const client = useAppStore((s) => s.client);
  const workspaces = useAppStore((s) => s.workspaces);
  const tenants = useAppStore((s) => s.tenants);
  const orgs = useAppStore((s) => s.orgs);
  const apps = useAppStore((s) => s.apps);
  const selected = useAppStore((s) => s.selectedWorkspace);
  const selectWorkspace = useAppStore((s) => s.selectWorkspace);
  const [detail, setDetail] = useState<WorkspaceDetail>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const key =
    selected && workspaces.some((w) => workspaceKey(w) === selected)
      ? selected
      : workspaces[0] && workspaceKey(workspaces[0]);

  const load = useCallback(async () => {
    if (!client || !key) return;
    const { tenantId, workspaceId } = parseWorkspaceKey(key);
    try {
      setDetail(await getWorkspaceDetail(client, tenantId, workspaceId));
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [client, key]);

  useEffect(() => {
    if (!client || !key) return undefined;
    // A late answer for a workspace no longer selected must not replace the current one.
    let current = true;
    const { tenantId, workspaceId } = parseWorkspaceKey(key);
    getWorkspaceDetail(client, tenantId, workspaceId).then(
      (loaded) => {
        if (!current) return;
        setDetail(loaded);
        setError(undefined);
      },
      (failure: unknown) => {
        if (current) setError((failure as Error).message);
      },
    );
    return () => {
      current = false;
    };
  }, [client, key]);

  if (workspaces.length === 0) {
    return <div className="apps-card muted">Loading workspaces…</div>;
  }

  const shown = detail && workspaceKey(detail) === key ? detail : undefined;
  const tenant = tenants.find((candidate) => candidate.id === shown?.tenantId);
  const dedicatedTo = tenant?.orgId ? orgs.find((org) => org.id === tenant.orgId)?.name : undefined;

  return (
    <div className="ws-layout">
      <nav className="ws-picker" aria-label="Workspaces">
        {workspaces.map((workspace) => {
          const id = workspaceKey(workspace);
          const owner = tenants.find((t) => t.id === workspace.tenantId);
          const count = apps.filter(
            (app) => app.tenantId === workspace.tenantId && app.workspaceId === workspace.id,
          ).length;
          return (
            <button
              key={id}
              type="button"
              className={`ws-pick${id === key ? ' active' : ''}`}
              aria-current={id === key ? 'true' : undefined}
              data-testid={`ws-pick-${workspace.tenantId}-${workspace.id}`}
              onClick={() => selectWorkspace(id)}
            >
              <span className="ws-pick-name">
                <Icon name="globe" size={16} /> {owner?.name ?? workspace.tenantId} › {workspace.name}
              </span>
              <IssuerText issuer={workspace.issuer} />
              <span className="muted small">
                {owner?.kind === 'dedicated' ? 'Dedicated tenant' : 'Shared tenant'} · {count} app
                {count === 1 ? '' : 's'}
              </span>
            </button>
          );
        })}
        <button type="button" className="button" data-testid="ws-new" onClick={() => setCreating(true)}>
          <Icon name="plus" size={16} /> New workspace
        </button>
        {creating && <NewWorkspaceDialog onClose={() => setCreating(false)} />}
      </nav>

      <div className="ws-content" data-testid="ws-detail">
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {!shown ? (
          !error && <div className="apps-card muted">Loading the workspace…</div>
        ) : (
          <>
            <section className="apps-card ws-summary" aria-labelledby="ws-title">
              <div className="ws-summary-head">
                <h2 id="ws-title" data-testid="ws-name">
                  {shown.name}
                </h2>
                <span className="badge">{shown.preset === 'b2b' ? 'B2B preset' : 'Basic preset'}</span>
                {dedicatedTo && <span className="badge">Dedicated to {dedicatedTo}</span>}
              </div>
              <dl className="kv">
                <dt>Issuer</dt>
                <dd className="kv-value">
                  <code data-testid="ws-issuer">{shown.issuer}</code>
                  <CopyButton text={shown.issuer} label="issuer" testId="ws-copy-issuer" />
                </dd>
                <dt>Discovery URL</dt>
                <dd className="kv-value">
                  <code>{discoveryUrl(shown.issuer)}</code>
                  <CopyButton text={discoveryUrl(shown.issuer)} label="discovery URL" testId="ws-copy-discovery" />
                </dd>
              </dl>
            </section>
            <WorkspaceSettingsForm key={`${key}@${shown.updatedAt}`} workspace={shown} onSaved={load} />
            <ApisCard workspace={shown} onChanged={load} />
            <SigningKeysCard workspace={shown} tenantName={tenant?.name ?? shown.tenantId} onChanged={load} />
          </>
        )}
      </div>
    </div>
  );
}
