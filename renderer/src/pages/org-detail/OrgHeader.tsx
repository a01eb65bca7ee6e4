/** Where the organization sits in the tree, its name and its identity, above every tab. */
import { useMemo, type ReactNode } from 'react';
import { ISOLATION_LABELS, type Organization } from '../../../../server/model/organization';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { orgPath } from '../../store/org-selectors';
import { MODEL_COPY } from './isolation-copy';

export function OrgHeader(props: {
  org: Organization | undefined;
  parentId: string | null;
  /** The id of the title, for the section it names. */
  titleId: string;
  /** Controls shown before the breadcrumb (the tree toggle). */
  leading?: ReactNode;
  /** Called when the isolation badge is chosen (opens the Isolation tab). */
  onIsolation?: () => void;
}) {
  const { org, parentId } = props;
  const orgs = useAppStore((s) => s.orgs);
  const selectOrg = useAppStore((s) => s.selectOrg);
  const path = useMemo(
    () => (org ? orgPath(orgs, org.id) : parentId ? orgPath(orgs, parentId) : []),
    [orgs, org, parentId],
  );

  return (
    <header className="editor-header">
      <div className="header-line">
        {props.leading}
        <nav className="breadcrumb" aria-label="Position in the tree">
          {path.length === 0 && <span>Top level</span>}
          {path.map((step) => (
            <button type="button" className="crumb" key={step.id} onClick={() => selectOrg(step.id)}>
              {step.name}
            </button>
          ))}
          {!org && <span className="crumb">New</span>}
        </nav>
      </div>
      <h2 id={props.titleId}>{org ? org.name : parentId ? 'New sub-organization' : 'New organization'}</h2>
      {org && (
        <p className="muted small header-meta">
          <code>{org.id}</code>
          <span>· created {new Date(org.createdAt).toLocaleString()}</span>
          <button
            type="button"
            className="model-badge"
            data-testid="org-isolation-badge"
            title="See the isolation models"
            onClick={props.onIsolation}
          >
            <Icon name={MODEL_COPY[org.isolation].icon} size={13} />
            {ISOLATION_LABELS[org.isolation]}
          </button>
        </p>
      )}
    </header>
  );
}
