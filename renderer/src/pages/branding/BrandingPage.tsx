/**
 * Branding: how each customer's sign-in looks and speaks — its theme, its notification
 * templates and what landed in the outbox, its vanity login hosts, and a demo mode that
 * shows several customers' login pages side by side. Each tab is its own module.
 */
import { useState } from 'react';
import { panelId, TabList, tabId, type TabItem } from '../../components/TabList';
import { DemoModeTab } from './DemoModeTab';
import { DomainsTab } from './DomainsTab';
import { OutboxTab } from './OutboxTab';
import { TemplatesTab } from './TemplatesTab';
import { ThemeTab } from './ThemeTab';

export type BrandingTab = 'theme' | 'templates' | 'outbox' | 'domains' | 'demo';

const TABS: readonly TabItem<BrandingTab>[] = [
  { id: 'theme', label: 'Themes', testId: 'branding-tab-theme' },
  { id: 'templates', label: 'Templates', testId: 'branding-tab-templates' },
  { id: 'outbox', label: 'Outbox', testId: 'branding-tab-outbox' },
  { id: 'domains', label: 'Vanity domains', testId: 'branding-tab-domains' },
  { id: 'demo', label: 'Demo mode', testId: 'branding-tab-demo' },
];

const TAB_PREFIX = 'branding';

export function BrandingPage() {
  const [tab, setTab] = useState<BrandingTab>('theme');
  return (
    <div className="page" data-testid="page-branding">
      <header className="page-header">
        <div>
          <h1>Branding</h1>
          <p className="muted">Each customer's login pages, messages and domains, as its users will see them.</p>
        </div>
      </header>
      <TabList label="Branding sections" idPrefix={TAB_PREFIX} items={TABS} value={tab} onChange={setTab} />
      <section
        role="tabpanel"
        id={panelId(TAB_PREFIX, tab)}
        aria-labelledby={tabId(TAB_PREFIX, tab)}
        className="tab-panel"
        data-testid={`branding-panel-${tab}`}
      >
        {tab === 'theme' && <ThemeTab />}
        {tab === 'templates' && <TemplatesTab />}
        {tab === 'outbox' && <OutboxTab />}
        {tab === 'domains' && <DomainsTab />}
        {tab === 'demo' && <DemoModeTab />}
      </section>
    </div>
  );
}
