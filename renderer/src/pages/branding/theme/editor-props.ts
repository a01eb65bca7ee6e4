/** What every section of the theme editor gets, and the per-field wiring built from it. */
import {
  type ResolvedTheme,
  type ThemeAsset,
  type ThemeOverrides,
  type ThemeSource,
} from '../../../../../server/model/theme';
import { withoutPath, withPath } from '../../../../../server/model/theme-resolve';
import { errorAt, isSet } from './theme-draft';

export interface EditorProps {
  draft: ThemeOverrides;
  /** What the scope inherits (its own overrides left out). */
  inherited: ResolvedTheme;
  /** The draft laid over `inherited`: what the pages will show. */
  effective: ResolvedTheme;
  errors: Record<string, string>;
  assets: ThemeAsset[];
  onChange: (next: ThemeOverrides) => void;
  onUpload: (kind: 'logo' | 'font', file: File) => Promise<ThemeAsset | undefined>;
}

export interface FieldWiring {
  path: string;
  set: boolean;
  inheritedFrom: ThemeSource | undefined;
  error: string | undefined;
  onReset: () => void;
}

/** The InheritedField props of `path`, and a setter for its value. */
export function wire(props: EditorProps, path: string): FieldWiring & { setValue: (value: unknown) => void } {
  return {
    path,
    set: isSet(props.draft, path),
    inheritedFrom: props.inherited.sources[path],
    error: errorAt(props.errors, path),
    onReset: () => props.onChange(withoutPath(props.draft, path)),
    setValue: (value: unknown) => props.onChange(withPath(props.draft, path, value)),
  };
}
