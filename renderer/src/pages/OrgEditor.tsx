/**
 * The form of one organization (its Details): name, slug, parent, email domains and
 * custom attributes, for create and edit. Validation errors appear beside their field.
 * The parent keys this component by org and version, so a saved change starts a fresh draft.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Organization } from '../../../server/model/organization';
import { ApiError } from '../api/client';
import { Icon } from '../components/icons';
import { useAppStore } from '../store/app-store';
import { orgPath, parentCandidates } from '../store/org-selectors';
import { DeleteOrgDialog } from './DeleteOrgDialog';
import { draftFrom, fieldErrorsFrom, toInput, validateDraft, type FieldErrors, type OrgDraft } from './org-form';
import {
  attributeErrorsFrom,
  attributesChanged,
  hasAttributeErrors,
  rowsFrom,
  toAttributes,
  validateRows,
  type AttributeErrors,
  type AttributeRow,
} from './org-detail/attributes-form';
import { AttributesEditor } from './org-detail/AttributesEditor';

const NO_ATTRIBUTE_ERRORS: AttributeErrors = { rows: {} };

export function OrgEditor({ org, parentId }: { org: Organization | undefined; parentId: string | null }) {
  const orgs = useAppStore((s) => s.orgs);
  const createOrg = useAppStore((s) => s.createOrg);
  const updateOrg = useAppStore((s) => s.updateOrg);
  const startCreate = useAppStore((s) => s.startCreate);
  const cancelCreate = useAppStore((s) => s.cancelCreate);
  const selectOrg = useAppStore((s) => s.selectOrg);
  const [draft, setDraft] = useState<OrgDraft>(() => draftFrom(org, parentId));
  const [rows, setRows] = useState<AttributeRow[]>(() => rowsFrom(org?.attributes));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attributeErrors, setAttributeErrors] = useState<AttributeErrors>(NO_ATTRIBUTE_ERRORS);
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const ids = useId();

  const candidates = useMemo(() => parentCandidates(orgs, org?.id ?? null), [orgs, org]);
  const children = org ? orgs.filter((candidate) => candidate.parentId === org.id) : [];
  const dirty =
    JSON.stringify(draft) !== JSON.stringify(draftFrom(org, parentId)) ||
    attributesChanged(rows, org?.attributes ?? {});

  const update = (field: keyof OrgDraft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const changeRows = (next: AttributeRow[]) => {
    setRows(next);
    setAttributeErrors(NO_ATTRIBUTE_ERRORS);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft);
    const foundInRows = validateRows(rows);
    setErrors(found);
    setAttributeErrors(foundInRows);
    setFormError(undefined);
    if (Object.values(found).some(Boolean) || hasAttributeErrors(foundInRows)) return;
    setSaving(true);
    try {
      const input = toInput(draft);
      const attributes = toAttributes(rows);
      if (org) {
        await updateOrg(org.id, {
          name: input.name,
          slug: input.slug ?? org.slug,
          parentId: input.parentId ?? null,
          domains: input.domains ?? [],
          attributes,
        });
      } else {
        await createOrg({ ...input, ...(Object.keys(attributes).length > 0 ? { attributes } : {}) });
      }
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        setErrors(fieldErrorsFrom(error.fields, draft));
        setAttributeErrors(attributeErrorsFrom(error.fields, rows));
      } else {
        setFormError((error as Error).message);
      }
    } finally {
      setSaving(false);
    }
  };

  const field = (name: keyof OrgDraft) => ({
    id: `${ids}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${ids}-${name}-error` : `${ids}-${name}-hint`,
  });

  const errorFor = (name: keyof OrgDraft, hint: string) =>
    errors[name] ? (
      <p className="field-error" id={`${ids}-${name}-error`} data-testid={`error-${name}`}>
        {errors[name]}
      </p>
    ) : (
      <p className="field-hint" id={`${ids}-${name}-hint`}>
        {hint}
      </p>
    );

  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-name`}>Name</label>
          <input
            {...field('name')}
            data-testid="org-name"
            value={draft.name}
            autoFocus={!org}
            onChange={(e) => update('name')(e.target.value)}
          />
          {errorFor('name', 'The customer’s display name, e.g. Acme Corporation.')}
        </div>

        <div className="field">
          <label htmlFor={`${ids}-slug`}>Slug</label>
          <input
            {...field('slug')}
            data-testid="org-slug"
            value={draft.slug}
            placeholder={org ? undefined : 'derived from the name'}
            onChange={(e) => update('slug')(e.target.value)}
          />
          {errorFor('slug', 'Used in URLs, vanity hosts and the organization authorize parameter.')}
        </div>

        <div className="field">
          <label htmlFor={`${ids}-parentId`}>Parent organization</label>
          <select
            {...field('parentId')}
            data-testid="org-parent"
            value={draft.parentId}
            onChange={(e) => update('parentId')(e.target.value)}
          >
            <option value="">None (top level)</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {orgPath(orgs, candidate.id)
                  .map((step) => step.name)
                  .join(' › ')}
              </option>
            ))}
          </select>
          {errorFor('parentId', 'Sub-organizations may nest to any depth.')}
        </div>

        <div className="field">
          <label htmlFor={`${ids}-domains`}>Email domains</label>
          <textarea
            {...field('domains')}
            data-testid="org-domains"
            rows={3}
            value={draft.domains}
            placeholder={org ? 'No email domains' : 'acme.com\nacme.co.uk'}
            onChange={(e) => update('domains')(e.target.value)}
          />
          {errorFor(
            'domains',
            'One per line. Users with these email domains are routed to this organization; each domain belongs to one organization.',
          )}
        </div>

        <AttributesEditor rows={rows} errors={attributeErrors} onChange={changeRows} />

        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}

        <div className="form-actions">
          <button
            type="submit"
            className="button primary"
            data-testid="org-save"
            disabled={saving || (org !== undefined && !dirty)}
          >
            {saving ? 'Saving…' : org ? 'Save changes' : 'Create organization'}
          </button>
          {!org && (
            <button type="button" className="button" data-testid="org-cancel" onClick={cancelCreate}>
              Cancel
            </button>
          )}
          {org && (
            <>
              <button type="button" className="button" data-testid="org-add-child" onClick={() => startCreate(org.id)}>
                <Icon name="plus" size={16} /> Add sub-organization
              </button>
              <span className="spacer" />
              <button
                type="button"
                className="button danger"
                data-testid="org-delete"
                onClick={() => setDeleting(true)}
              >
                <Icon name="trash" size={16} /> Delete
              </button>
            </>
          )}
        </div>
      </form>

      {org && children.length > 0 && (
        <div className="children">
          <h3>Sub-organizations</h3>
          <ul>
            {children.map((child) => (
              <li key={child.id}>
                <button type="button" className="link" onClick={() => selectOrg(child.id)}>
                  {child.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {org && deleting && <DeleteOrgDialog org={org} onClose={() => setDeleting(false)} />}
    </>
  );
}
