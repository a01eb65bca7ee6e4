/** Confirms a delete; when the org has sub-organizations, asks what becomes of them. */
import { useState } from 'react';
import type { ChildrenPolicy, Organization } from '../../../server/model/organization';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useAppStore } from '../store/app-store';
import { descendantIds } from '../store/org-selectors';

export function DeleteOrgDialog({ org, onClose }: { org: Organization; onClose: () => void }) {
  const orgs = useAppStore((s) => s.orgs);
  const deleteOrg = useAppStore((s) => s.deleteOrg);
  const children = orgs.filter((candidate) => candidate.parentId === org.id);
  const subtree = descendantIds(orgs, org.id).size;
  const parent = orgs.find((candidate) => candidate.id === org.parentId);
  const [policy, setPolicy] = useState<ChildrenPolicy>(children.length > 0 ? 'reparent' : 'refuse');

  return (
    <ConfirmDialog
      title={`Delete “${org.name}”?`}
      confirmLabel={policy === 'cascade' ? `Delete ${subtree + 1} organizations` : 'Delete organization'}
      busyLabel="Deleting…"
      danger
      testIds={{ dialog: 'delete-dialog', confirm: 'delete-confirm' }}
      onConfirm={() => deleteOrg(org.id, policy)}
      onClose={onClose}
    >
      {children.length === 0 ? (
        <p>This removes the organization and its email domains. It cannot be undone.</p>
      ) : (
        <fieldset className="choices">
          <legend>
            “{org.name}” has {children.length} sub-organization{children.length === 1 ? '' : 's'}. What should happen to{' '}
            {children.length === 1 ? 'it' : 'them'}?
          </legend>
          <label className="choice">
            <input
              type="radio"
              name="children"
              value="reparent"
              data-testid="delete-reparent"
              checked={policy === 'reparent'}
              onChange={() => setPolicy('reparent')}
            />
            <span>
              <strong>Keep {children.length === 1 ? 'it' : 'them'}</strong> and move{' '}
              {children.length === 1 ? 'it' : 'them'} up to {parent ? `“${parent.name}”` : 'the top level'}.
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="children"
              value="cascade"
              data-testid="delete-cascade"
              checked={policy === 'cascade'}
              onChange={() => setPolicy('cascade')}
            />
            <span>
              <strong>Delete them too</strong>: {subtree + 1} organizations in all.
            </span>
          </label>
        </fieldset>
      )}
    </ConfirmDialog>
  );
}
