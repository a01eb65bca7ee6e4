/**
 * One organization in tabs: Details (the form and attributes), Members, Isolation and Security.
 * Only the open tab is mounted; the tab itself is kept by the page across selections.
 */
import { useId, type ReactNode } from 'react';
import type { Organization } from '../../../../server/model/organization';
import { panelId, TabList, tabId } from '../../components/TabList';
import { OrgEditor } from '../OrgEditor';
import { IsolationTab } from './IsolationTab';
import { MembersTab } from './MembersTab';
import { OrgHeader } from './OrgHeader';
import { SecurityTab } from './SecurityTab';

export type OrgTab = 'details' | 'members' | 'isolation' | 'security';

const TABS = [
  { id: 'details', label: 'Details', testId: 'org-tab-details' },
  { id: 'members', label: 'Members', testId: 'org-tab-members' },
  { id: 'isolation', label: 'Isolation', testId: 'org-tab-isolation' },
  { id: 'security', label: 'Security', testId: 'org-tab-security' },
] as const;

const TAB_PREFIX = 'org-detail';

export function OrgDetail(props: {
  org: Organization;
  tab: OrgTab;
  onTab: (tab: OrgTab) => void;
  leading?: ReactNode;
}) {
  const { org, tab } = props;
  const titleId = useId();
  return (
    <section className="editor" aria-labelledby={titleId} data-testid="org-editor">
      <OrgHeader
        org={org}
        parentId={org.parentId}
        titleId={titleId}
        leading={props.leading}
        onIsolation={() => props.onTab('isolation')}
      />
      <TabList label={`${org.name} sections`} idPrefix={TAB_PREFIX} items={TABS} value={tab} onChange={props.onTab} />
      <div
        role="tabpanel"
        id={panelId(TAB_PREFIX, tab)}
        aria-labelledby={tabId(TAB_PREFIX, tab)}
        className="tab-panel"
        data-testid={`org-panel-${tab}`}
      >
        {tab === 'details' && <OrgEditor key={`${org.id}@${org.updatedAt}`} org={org} parentId={org.parentId} />}
        {tab === 'members' && <MembersTab key={org.id} org={org} />}
        {tab === 'isolation' && <IsolationTab key={org.id} org={org} />}
        {tab === 'security' && <SecurityTab key={org.id} org={org} />}
      </div>
    </section>
  );
}
