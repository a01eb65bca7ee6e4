import { useAppStore } from '../store/app-store';

/** Server addresses and health, always visible along the bottom of the window. */
export function StatusBar() {
  const info = useAppStore((s) => s.info);
  const health = useAppStore((s) => s.health);
  const mode = useAppStore((s) => s.mode);
  const issuer = info?.issuers[0]?.issuer;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`health health-${health}`} data-testid="server-health" role="status">
        <span className="dot" aria-hidden="true" />
        {health === 'ok' ? 'Server running' : health === 'down' ? 'Server unreachable' : 'Checking server…'}
      </span>
      {info && (
        <>
          <span className="status-item" title="Protocol listener: issuers, login pages, mock IdPs">
            Protocol <code data-testid="protocol-url">{info.protocolUrl}</code>
          </span>
          {issuer && (
            <span className="status-item hide-narrow" title="Default workspace issuer">
              Issuer <code>{issuer}</code>
            </span>
          )}
          <span className="status-item hide-narrow" title="Admin listener: this UI and the admin API">
            Admin <code>{info.adminUrl}</code>
          </span>
        </>
      )}
      <span className="status-spacer" />
      {info && (
        <span className="status-item muted">
          {mode === 'desktop' ? 'Desktop' : 'Browser mode'} · v{info.version}
        </span>
      )}
    </footer>
  );
}
