/** Colours of the light look and of the dark variant (its own colours, on or off). */
import { COLOR_KEYS, COLOR_LABELS } from '../../../../../server/model/theme';
import { readPath } from '../../../../../server/model/theme-resolve';
import { wire, type EditorProps } from './editor-props';
import { ColorInput, InheritedField } from './ThemeFields';

function ColorGrid(props: EditorProps & { prefix: 'colors' | 'dark.colors' }) {
  return (
    <div className="theme-color-grid">
      {COLOR_KEYS.map((key) => {
        const path = `${props.prefix}.${key}`;
        const { setValue, ...field } = wire(props, path);
        const value = String(readPath(props.effective.values, path));
        return (
          <InheritedField key={path} label={COLOR_LABELS[key]} {...field}>
            {(id) => <ColorInput id={id} value={value} testId={`theme-color-${path}`} onChange={setValue} />}
          </InheritedField>
        );
      })}
    </div>
  );
}

export function ColorsSection(props: EditorProps) {
  const dark = wire(props, 'dark.enabled');
  const { setValue: setDark, ...darkField } = dark;
  const enabled = props.effective.values.dark.enabled;
  return (
    <>
      <fieldset className="theme-section" data-testid="theme-section-colors">
        <legend>Colours</legend>
        <ColorGrid {...props} prefix="colors" />
      </fieldset>
      <fieldset className="theme-section" data-testid="theme-section-dark">
        <legend>Dark variant</legend>
        <InheritedField
          label="Follow the browser's dark mode"
          {...darkField}
          hint="Pages switch to these colours when the visitor's system prefers dark."
        >
          {(id) => (
            <label className="theme-toggle" htmlFor={id}>
              <input
                id={id}
                type="checkbox"
                checked={enabled}
                onChange={(event) => setDark(event.target.checked)}
                data-testid="theme-dark-enabled"
              />
              {enabled ? 'On: a dark variant with its own colours' : 'Off: always the light colours'}
            </label>
          )}
        </InheritedField>
        {enabled && <ColorGrid {...props} prefix="dark.colors" />}
      </fieldset>
    </>
  );
}
