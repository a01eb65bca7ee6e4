/**
 * Demo mode for sales: choose customers, then present their real login pages side by
 * side in a full-screen view driven by single keys, and sign in live as their personas.
 * Everything is served by this Orgbench (no network needed).
 */
import { useCallback, useState } from 'react';
import { getDemoCustomers, type DemoCustomer } from '../../api/demo-mode-api';
import { useApiClient, useResource } from '../org-detail/use-api';
import { CustomerPicker } from './demo/CustomerPicker';
import { CustomerSummary } from './demo/CustomerSummary';
import { DemoScreen, enterFullscreen } from './demo/DemoScreen';
import './demo/demo-setup.css';

export function DemoModeTab() {
  const client = useApiClient();
  const defaults = useResource(useCallback(() => getDemoCustomers(client), [client]));
  const [chosen, setChosen] = useState<string[]>();
  const [presenting, setPresenting] = useState<DemoCustomer[]>();
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);

  // Until the presenter changes it, the selection is the server's default (the demo orgs).
  const selection = chosen ?? defaults.data?.defaults ?? [];
  const key = selection.join(',');
  const preview = useResource(useCallback(() => getDemoCustomers(client, key ? key.split(',') : []), [client, key]));

  const start = async () => {
    enterFullscreen(); // inside the click: browsers allow fullscreen only on a user gesture
    setStarting(true);
    setError(undefined);
    try {
      setPresenting((await getDemoCustomers(client, selection)).customers);
    } catch (failure) {
      if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
      setError((failure as Error).message);
    } finally {
      setStarting(false);
    }
  };

  if (defaults.error && !defaults.data) {
    return (
      <p className="form-error" role="alert">
        {defaults.error}
      </p>
    );
  }
  if (!defaults.data) return <p className="muted">Loading customers…</p>;

  return (
    <div className="demo-tab-panel" data-testid="demo-mode-tab">
      <div className="demo-intro">
        <div>
          <h2>Present customers side by side</h2>
          <p className="muted">
            Each customer's own hosted login, branded and served by this Orgbench, with no network needed. Sign in live
            as a persona of its IdP; the sign-in ends in the sample app.
          </p>
        </div>
        <button
          type="button"
          className="button primary"
          disabled={selection.length === 0 || starting}
          onClick={() => void start()}
          data-testid="demo-start"
        >
          Start demo
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {defaults.data.organizations.length === 0 ? (
        <p className="muted" data-testid="demo-empty">
          No organizations yet. Create some, or start Orgbench with <code>--demo</code> for Acme, Globex and Initech.
        </p>
      ) : (
        <div className="demo-setup">
          <CustomerPicker organizations={defaults.data.organizations} chosen={selection} onChange={setChosen} />
          <CustomerSummary customers={preview.data?.customers ?? []} />
        </div>
      )}
      <p className="muted small">
        Keys while presenting: <kbd>1</kbd>–<kbd>9</kbd> show one customer large, <kbd>←</kbd>/<kbd>→</kbd> the next,{' '}
        <kbd>0</kbd> or <kbd>G</kbd> all of them, <kbd>R</kbd> restarts the login on screen, <kbd>Esc</kbd> leaves.
      </p>
      {presenting && <DemoScreen customers={presenting} onLeave={() => setPresenting(undefined)} />}
    </div>
  );
}
