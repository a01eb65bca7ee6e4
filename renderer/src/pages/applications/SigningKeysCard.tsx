/**
 * The signing keys of a workspace's tenant, and their rotation with overlap: new keys
 * sign at once, the ones they replace keep verifying as "retiring".
 */
import { useState } from 'react';
import { rotateTenantKeys, type SigningKey, type WorkspaceDetail } from '../../api/apps-api';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';

const STATUS_ORDER: Record<SigningKey['status'], number> = { active: 0, retiring: 1, retired: 2 };

const STATUS_HINTS: Record<SigningKey['status'], string> = {
  active: 'Signs new tokens; published in the JWKS.',
  retiring: 'No longer signs; still published so tokens it signed keep verifying.',
  retired: 'Removed from the JWKS; tokens it signed no longer verify.',
};

/** Active keys first, then retiring, then retired; newest first within each. */
export const sortKeys = (keys: readonly SigningKey[]): SigningKey[] =>
  [...keys].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.createdAt.localeCompare(a.createdAt));

export function SigningKeysCard({
  workspace,
  tenantName,
  onChanged,
}: {
  workspace: WorkspaceDetail;
  tenantName: string;
  onChanged: () => Promise<void>;
}) {
  const client = useAppStore((s) => s.client);
  const notify = useAppStore((s) => s.notify);
  const workspaces = useAppStore((s) => s.workspaces);
  const [confirming, setConfirming] = useState(false);
  const sharing = workspaces.filter((candidate) => candidate.tenantId === workspace.tenantId).length;

  return (
    <section className="apps-card" aria-labelledby="keys-title" data-testid="ws-keys">
      <div className="card-head">
        <div>
          <h3 id="keys-title">Signing keys</h3>
          <p className="muted small card-intro">
            Keys of the tenant “{tenantName}”{sharing > 1 ? `, shared by its ${sharing} workspaces` : ''}. Apps verify
            tokens with them through the JWKS.
          </p>
        </div>
        <button type="button" className="button" data-testid="ws-keys-rotate" onClick={() => setConfirming(true)}>
          <Icon name="refresh" size={16} /> Rotate keys
        </button>
      </div>

      <table className="keys-table">
        <thead>
          <tr>
            <th scope="col">Key ID</th>
            <th scope="col">Algorithm</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {sortKeys(workspace.keys).map((key) => (
            <tr key={key.kid} data-testid={`ws-key-${key.kid}`} data-status={key.status}>
              <td className="key-kid">
                <span className="client-id">
                  <code title={key.kid}>{key.kid}</code>
                  <CopyButton text={key.kid} label="key ID" testId={`ws-key-copy-${key.kid}`} />
                </span>
              </td>
              <td className="key-alg">
                <code>{key.alg}</code>
              </td>
              <td className="key-status">
                <span className={`key-status-badge status-${key.status}`} title={STATUS_HINTS[key.status]}>
                  {key.status}
                </span>
              </td>
              <td className="key-created muted small">{new Date(key.createdAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {confirming && (
        <ConfirmDialog
          title={`Rotate the signing keys of “${tenantName}”?`}
          confirmLabel="Rotate keys"
          busyLabel="Rotating…"
          testIds={confirmTestIds('ws-rotate-keys-dialog')}
          onConfirm={async () => {
            if (!client) return;
            await rotateTenantKeys(client, workspace.tenantId);
            notify('success', `Rotated the signing keys of “${tenantName}”.`);
            await onChanged();
          }}
          onClose={() => setConfirming(false)}
        >
          <p>New RS256 and ES256 keys start signing tokens at once.</p>
          <p>
            The current keys become <strong>retiring</strong>: they stay in the JWKS, so tokens they signed keep
            verifying until they expire. Keys already retiring are <strong>retired</strong> and leave the JWKS.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
