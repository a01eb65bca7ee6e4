/**
 * The theme of one workspace or org: the editor beside the live preview, contrast warnings,
 * and save / discard. A save with colour pairs below WCAG AA asks first.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type ThemeOverrides, type ThemeResponse, type ThemeScope } from '../../../../../server/model/theme';
import { applyOverrides } from '../../../../../server/model/theme-resolve';
import { checkContrast } from '../../../../../server/model/theme-contrast';
import { ApiError, type FieldIssue } from '../../../api/client';
import { fileToBase64, getTheme, listAssets, saveTheme, uploadAsset } from '../../../api/themes-api';
import { ConfirmDialog, confirmTestIds } from '../../../components/ConfirmDialog';
import { useAppStore } from '../../../store/app-store';
import { useApiClient, useResource } from '../../org-detail/use-api';
import { BrandSection } from './BrandSection';
import { ColorsSection } from './ColorsSection';
import { ContrastList } from './ContrastList';
import type { EditorProps } from './editor-props';
import { PreviewPane } from './PreviewPane';
import { TextsSection } from './TextsSection';
import { errorsByPath, sameDraft } from './theme-draft';

interface ScopeProps {
  scope: ThemeScope;
  label: string;
  onDirty: (dirty: boolean) => void;
}

export function ThemeScopeEditor(props: ScopeProps) {
  const client = useApiClient();
  const { scope } = props;
  const theme = useResource(useCallback(() => getTheme(client, scope), [client, scope]));
  if (theme.error && !theme.data) {
    return (
      <p className="form-error" role="alert">
        {theme.error}
      </p>
    );
  }
  if (!theme.data) return <p className="muted">Loading the theme…</p>;
  return <LoadedThemeEditor {...props} initial={theme.data} />;
}

function LoadedThemeEditor(props: ScopeProps & { initial: ThemeResponse }) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const { scope, onDirty } = props;
  const assets = useResource(useCallback(() => listAssets(client), [client]));
  const [saved, setSaved] = useState<ThemeResponse>(props.initial);
  const [draft, setDraft] = useState<ThemeOverrides>(props.initial.overrides);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);

  const dirty = !sameDraft(draft, saved.overrides);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const effective = useMemo(() => applyOverrides(saved.inherited, draft, { kind: 'default' }), [saved, draft]);
  const warnings = useMemo(() => checkContrast(effective.values), [effective]);
  const onPreviewErrors = useCallback((fields: FieldIssue[]) => setErrors(errorsByPath(fields)), []);

  const save = async () => {
    try {
      const answer = await saveTheme(client, scope, draft);
      setSaved(answer);
      setDraft(answer.overrides);
      setErrors({});
      notify('success', `Saved the theme of ${props.label}.`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.fields.length > 0) setErrors(errorsByPath(failure.fields));
      throw failure;
    }
  };
  const upload = async (kind: 'logo' | 'font', file: File) => {
    try {
      const asset = await uploadAsset(client, { kind, name: file.name, data: await fileToBase64(file) });
      assets.reload();
      setErrors((previous) => ({ ...previous, [kind === 'logo' ? 'logo' : 'font']: '' }));
      return asset;
    } catch (failure) {
      const message =
        failure instanceof ApiError && failure.fields[0]
          ? `${file.name} ${failure.fields[0].message}`
          : (failure as Error).message;
      setErrors((previous) => ({ ...previous, [kind]: message }));
      return undefined;
    }
  };
  const editor: EditorProps = {
    draft,
    inherited: saved.inherited,
    effective,
    errors,
    assets: assets.data ?? [],
    onChange: setDraft,
    onUpload: upload,
  };

  return (
    <div className="theme-workspace" data-testid="theme-editor">
      <form
        className="theme-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (warnings.length > 0) setConfirming(true);
          else void save().catch((failure: unknown) => notify('error', (failure as Error).message));
        }}
      >
        <div className="theme-savebar" data-testid="theme-savebar">
          <span className={`theme-state${dirty ? ' dirty' : ''}`} data-testid="theme-state">
            {dirty ? 'Unsaved changes' : saved.updatedAt ? 'Saved' : 'Inherits everything'}
          </span>
          <span className="spacer" />
          <button
            type="button"
            className="link theme-reset-all"
            disabled={Object.keys(draft).length === 0}
            title="Inherit every value again (save to keep)"
            onClick={() => setDraft({})}
            data-testid="theme-reset-all"
          >
            Reset all
          </button>
          <button
            type="button"
            className="button"
            disabled={!dirty}
            onClick={() => (setDraft(saved.overrides), setErrors({}))}
            data-testid="theme-discard"
          >
            Discard
          </button>
          <button type="submit" className="button primary" disabled={!dirty} data-testid="theme-save">
            Save theme
          </button>
        </div>
        {warnings.length > 0 && (
          <div className="theme-warning" role="status" data-testid="theme-contrast-warnings">
            <strong>
              {warnings.length} colour pair{warnings.length === 1 ? '' : 's'} below WCAG AA contrast
            </strong>
            <ContrastList warnings={warnings} testId="theme-contrast-list" />
          </div>
        )}
        <BrandSection {...editor} />
        <ColorsSection {...editor} />
        <TextsSection {...editor} />
      </form>
      <PreviewPane scope={scope} draft={draft} onErrors={onPreviewErrors} />
      {confirming && (
        <ConfirmDialog
          title="Save with low contrast?"
          confirmLabel="Save anyway"
          busyLabel="Saving…"
          testIds={confirmTestIds('theme-contrast-confirm')}
          onConfirm={save}
          onClose={() => setConfirming(false)}
        >
          <p>Some text on these pages will be hard to read for many visitors (WCAG 2.1 AA):</p>
          <ContrastList warnings={warnings} testId="theme-contrast-confirm-list" />
        </ConfirmDialog>
      )}
    </div>
  );
}
