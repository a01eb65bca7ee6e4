import { useEffect } from 'react';
import { StatusBar } from './components/StatusBar';
import { Sidebar } from './components/Sidebar';
import { Toast } from './components/Toast';
import { ApplicationsPage } from './pages/applications/ApplicationsPage';
import { BrandingPage } from './pages/branding/BrandingPage';
import { ConnectionsPage } from './pages/federation/ConnectionsPage';
import { MockIdpsPage } from './pages/federation/MockIdpsPage';
import { OrganizationsPage } from './pages/OrganizationsPage';
import { UpcomingPage } from './pages/UpcomingPage';
import { TokensPage } from './pages/tokens/TokensPage';
import { useAppStore } from './store/app-store';

const HEALTH_INTERVAL_MS = 5000;

export function App() {
  const status = useAppStore((s) => s.status);
  const error = useAppStore((s) => s.connectionError);
  const section = useAppStore((s) => s.section);
  const checkHealth = useAppStore((s) => s.checkHealth);

  useEffect(() => {
    if (status !== 'ready') return undefined;
    const timer = setInterval(() => void checkHealth(), HEALTH_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [status, checkHealth]);

  if (status === 'connecting') {
    return (
      <div className="splash" data-app-state="connecting">
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <p>Connecting to the Orgbench server…</p>
      </div>
    );
  }
  if (status === 'failed') {
    return (
      <div className="splash" data-app-state="failed" role="alert">
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <h1>Orgbench could not connect</h1>
        <p data-testid="connect-error">{error}</p>
      </div>
    );
  }
  return (
    <div className="app" data-app-state="ready">
      <Sidebar />
      <main className="main">
        {section === 'organizations' ? (
          <OrganizationsPage />
        ) : section === 'applications' ? (
          <ApplicationsPage />
        ) : section === 'tokens' ? (
          <TokensPage />
        ) : section === 'connections' ? (
          <ConnectionsPage />
        ) : section === 'mock-idps' ? (
          <MockIdpsPage />
        ) : section === 'branding' ? (
          <BrandingPage />
        ) : (
          <UpcomingPage section={section} />
        )}
      </main>
      <StatusBar />
      <Toast />
    </div>
  );
}
