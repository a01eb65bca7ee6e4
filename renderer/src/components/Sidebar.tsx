import { useAppStore, type Section } from '../store/app-store';
import { Icon, type IconName } from './icons';

export const SECTIONS: { id: Section; label: string; icon: IconName }[] = [
  { id: 'organizations', label: 'Organizations', icon: 'organizations' },
  { id: 'applications', label: 'Applications', icon: 'applications' },
  { id: 'connections', label: 'Connections', icon: 'connections' },
  { id: 'mock-idps', label: 'Mock IdPs', icon: 'mock-idps' },
  { id: 'branding', label: 'Branding', icon: 'branding' },
  { id: 'tokens', label: 'Tokens and Traces', icon: 'tokens' },
  { id: 'administration', label: 'Administration and Policies', icon: 'administration' },
  { id: 'export', label: 'Export', icon: 'export' },
];

export function Sidebar() {
  const section = useAppStore((s) => s.section);
  const setSection = useAppStore((s) => s.setSection);
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span className="brand-name">Orgbench</span>
      </div>
      <ul className="nav-list">
        {SECTIONS.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={`nav-item${item.id === section ? ' active' : ''}`}
              aria-current={item.id === section ? 'page' : undefined}
              data-testid={`nav-${item.id}`}
              title={item.label}
              onClick={() => setSection(item.id)}
            >
              <Icon name={item.icon} />
              <span className="nav-label">{item.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="nav-item theme-toggle"
        data-testid="theme-toggle"
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
        <span className="nav-label">{theme === 'dark' ? 'Light theme' : 'Dark theme'}</span>
      </button>
    </nav>
  );
}
