/**
 * The app's credentials: its client ID and, for confidential apps, the secret (masked
 * until revealed on purpose) with a rotation that asks first.
 */
import { useState } from 'react';
import type { Application } from '../../../../server/model/application';
import { revealClientSecret } from '../../api/apps-api';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';

const MASK = '••••••••••••••••••••••••';

export function CredentialsCard({ app }: { app: Application }) {
  const client = useAppStore((s) => s.client);
  const notify = useAppStore((s) => s.notify);
  const rotate = useAppStore((s) => s.rotateAppSecret);
  const [revealed, setRevealed] = useState<string>();
  const [revealing, setRevealing] = useState(false);
  const [rotating, setRotating] = useState(false);

  const reveal = async () => {
    if (!client) return;
    setRevealing(true);
    try {
      setRevealed((await revealClientSecret(client, app.clientId)) ?? undefined);
    } catch (error) {
      notify('error', (error as Error).message);
    } finally {
      setRevealing(false);
    }
  };

  return (
    <section className="apps-card side-card" aria-labelledby="credentials-title" data-testid="app-credentials">
      <h3 id="credentials-title">Credentials</h3>
      <dl className="kv">
        <dt>Client ID</dt>
        <dd className="kv-value">
          <code data-testid="app-client-id-value">{app.clientId}</code>
          <CopyButton text={app.clientId} label="client ID" testId="app-copy-client-id" />
        </dd>
        <dt>Client secret</dt>
        {app.hasSecret ? (
          <dd>
            <div className="kv-value">
              <code className={revealed ? 'secret-value' : 'secret-mask'} data-testid="app-secret-value">
                {revealed ?? MASK}
              </code>
              {revealed && <CopyButton text={revealed} label="client secret" testId="app-copy-secret" />}
            </div>
            <div className="secret-actions">
              {revealed ? (
                <button
                  type="button"
                  className="button small-button"
                  data-testid="app-secret-hide"
                  onClick={() => setRevealed(undefined)}
                >
                  <Icon name="eye-off" size={14} /> Hide
                </button>
              ) : (
                <button
                  type="button"
                  className="button small-button"
                  data-testid="app-secret-reveal"
                  disabled={revealing}
                  onClick={reveal}
                >
                  <Icon name="eye" size={14} /> {revealing ? 'Revealing…' : 'Reveal secret'}
                </button>
              )}
              <button
                type="button"
                className="button small-button"
                data-testid="app-secret-rotate"
                onClick={() => setRotating(true)}
              >
                <Icon name="refresh" size={14} /> Rotate secret
              </button>
            </div>
          </dd>
        ) : (
          <dd className="muted small" data-testid="app-secret-none">
            None: a public client proves itself with PKCE (S256) instead.
          </dd>
        )}
      </dl>

      {rotating && (
        <ConfirmDialog
          title={`Rotate the secret of “${app.name}”?`}
          confirmLabel="Rotate secret"
          busyLabel="Rotating…"
          danger
          testIds={confirmTestIds('app-rotate-dialog')}
          onConfirm={async () => {
            await rotate(app.clientId);
            setRevealed(undefined);
          }}
          onClose={() => setRotating(false)}
        >
          <p>
            A new secret is issued and <strong>the current one stops working at once</strong>: every server still using
            it fails to get tokens until it is given the new secret.
          </p>
          <p className="muted">The new secret is shown once after rotating.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
