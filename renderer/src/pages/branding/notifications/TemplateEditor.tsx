/**
 * Edits one template slot of one scope: the channel's fields with errors beside them, the
 * variables to insert, and the server's live preview. Saving stores the scope's own
 * template; "Use inherited" drops it so the parent org, workspace or built-in text applies.
 * The parent keys it by slot and template version, so a new template starts a new draft.
 */
import { useRef, useState } from 'react';
import type { NotificationTemplate, TemplateContent, TemplateVariable } from '../../../../../server/model/notification';
import { ApiError } from '../../../api/client';
import { resetTemplate, saveTemplate, type TemplateSlot } from '../../../api/notifications-api';
import { useAppStore } from '../../../store/app-store';
import { useApiClient } from '../../org-detail/use-api';
import { TemplatePreviewPane } from './TemplatePreviewPane';
import { VariableList } from './VariableList';
import {
  contentFor,
  errorsByPath,
  fieldPath,
  fieldsOf,
  insertVariable,
  sameContent,
  type TemplateField,
} from './template-form';

type Issue = { path: string; message: string };

function sourceLabel(template: NotificationTemplate, orgName: (id: string) => string): string {
  if (template.source === 'builtin') return 'Built-in default';
  if (template.source === 'workspace') return template.orgId ? 'Inherited from the workspace' : 'Workspace default';
  if (template.fromOrgId && template.fromOrgId !== template.orgId)
    return `Inherited from ${orgName(template.fromOrgId)}`;
  return 'Customized';
}

export function TemplateEditor({
  scope,
  slot,
  template,
  variables,
  orgName,
  onSaved,
}: {
  scope: string;
  slot: TemplateSlot;
  template: NotificationTemplate;
  variables: TemplateVariable[];
  orgName(id: string): string;
  onSaved(template: NotificationTemplate): void;
}) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const fields = fieldsOf(slot.channel);
  const [draft, setDraft] = useState<TemplateContent>(() => contentFor(slot.channel, template.content));
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const inputs = useRef(new Map<TemplateField, HTMLInputElement | HTMLTextAreaElement>());
  const lastField = useRef<TemplateField>(fields[fields.length > 1 ? 1 : 0]?.field ?? 'text');

  const saved = contentFor(slot.channel, template.content);
  const dirty = !sameContent(draft, saved);
  const errors = errorsByPath(slot.channel, issues);
  const own = template.source === 'org' && template.fromOrgId === template.orgId;
  const ownWorkspace = template.source === 'workspace' && template.orgId === null;

  const change = (field: TemplateField, value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const insert = (name: string) => {
    const field = lastField.current;
    const element = inputs.current.get(field);
    const value = draft[field] ?? '';
    const next = insertVariable(
      value,
      name,
      element
        ? { start: element.selectionStart ?? value.length, end: element.selectionEnd ?? value.length }
        : undefined,
    );
    change(field, next.value);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };

  const act = async (action: () => Promise<NotificationTemplate>, done: string) => {
    setBusy(true);
    try {
      const result = await action();
      onSaved(result);
      notify('success', done);
    } catch (failure) {
      if (failure instanceof ApiError && failure.fields.length) setIssues(failure.fields);
      else notify('error', (failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ntf-editor-grid">
      <section className="ntf-card ntf-editor" aria-labelledby="ntf-editor-title" data-testid="ntf-editor">
        <div className="ntf-card-head">
          <h3 id="ntf-editor-title">Template</h3>
          <span className={`badge${own || ownWorkspace ? ' ntf-badge-own' : ''}`} data-testid="ntf-source">
            {sourceLabel(template, orgName)}
          </span>
        </div>
        <form
          className="ntf-fields"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => saveTemplate(client, scope, slot, draft), 'Saved the template.');
          }}
        >
          {fields.map((spec) => {
            const path = fieldPath(slot.channel, spec.field);
            const id = `ntf-field-${spec.field}`;
            const fieldErrors = errors[path] ?? [];
            const common = {
              id,
              value: draft[spec.field] ?? '',
              spellCheck: false,
              'aria-invalid': fieldErrors.length > 0,
              'aria-describedby': `${id}-hint${fieldErrors.length ? ` ${id}-error` : ''}`,
              'data-testid': `ntf-field-${spec.field}`,
              ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => {
                if (element) inputs.current.set(spec.field, element);
              },
              onFocus: () => (lastField.current = spec.field),
            };
            return (
              <div className="field" key={spec.field}>
                <label htmlFor={id}>
                  {spec.label} <code className="muted">{path}</code>
                </label>
                {spec.rows === 1 ? (
                  <input {...common} onChange={(event) => change(spec.field, event.target.value)} />
                ) : (
                  <textarea {...common} rows={spec.rows} onChange={(event) => change(spec.field, event.target.value)} />
                )}
                {fieldErrors.length > 0 && (
                  <p className="field-error" id={`${id}-error`} role="alert" data-testid={`ntf-error-${spec.field}`}>
                    {fieldErrors.join(' · ')}
                  </p>
                )}
                <p className="field-hint" id={`${id}-hint`}>
                  {spec.hint}
                </p>
              </div>
            );
          })}
          {errors[''] && (
            <p className="form-error" role="alert">
              {errors[''].join(' · ')}
            </p>
          )}
          <div className="ntf-actions">
            <button type="submit" className="button primary" disabled={!dirty || busy} data-testid="ntf-save">
              Save template
            </button>
            <button
              type="button"
              className="button"
              disabled={!dirty || busy}
              onClick={() => {
                setDraft(saved);
                setIssues([]);
              }}
              data-testid="ntf-discard"
            >
              Discard
            </button>
            {(own || ownWorkspace) && (
              <button
                type="button"
                className="button danger"
                disabled={busy}
                onClick={() => void act(() => resetTemplate(client, scope, slot), 'The template is inherited again.')}
                data-testid="ntf-reset"
              >
                {ownWorkspace ? 'Use built-in' : 'Use inherited'}
              </button>
            )}
          </div>
        </form>
      </section>
      <div className="ntf-side">
        <TemplatePreviewPane scope={scope} slot={slot} draft={draft} onProblems={setIssues} />
        <VariableList variables={variables} onInsert={insert} />
      </div>
    </div>
  );
}
