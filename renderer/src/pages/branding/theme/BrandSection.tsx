/** Logo, font and corner radius: uploaded files are chosen from a list or uploaded on the spot. */
import { useRef, useState } from 'react';
import { BUNDLED_FONTS, RADIUS_MAX } from '../../../../../server/model/theme';
import { wire, type EditorProps } from './editor-props';
import { InheritedField } from './ThemeFields';

function UploadButton(props: {
  accept: string;
  label: string;
  testId: string;
  onFile: (file: File) => Promise<unknown>;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        data-testid={props.testId}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          setBusy(true);
          try {
            await props.onFile(file);
          } finally {
            setBusy(false);
          }
        }}
      />
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Uploading…' : props.label}
      </button>
    </>
  );
}

export function BrandSection(props: EditorProps) {
  const { setValue: setLogo, ...logo } = wire(props, 'logo');
  const { setValue: setFont, ...font } = wire(props, 'font');
  const { setValue: setRadius, ...radius } = wire(props, 'radius');
  const values = props.effective.values;
  const logos = props.assets.filter((asset) => asset.kind === 'logo');
  const fonts = props.assets.filter((asset) => asset.kind === 'font');
  return (
    <fieldset className="theme-section" data-testid="theme-section-brand">
      <legend>Logo, font and shape</legend>
      <InheritedField
        label="Logo"
        {...logo}
        hint="PNG, JPEG, WebP or SVG, up to 256 KiB; shown above the sign-in card."
      >
        {(id) => (
          <div className="theme-inline">
            <select
              id={id}
              value={values.logo ?? ''}
              onChange={(event) => setLogo(event.target.value || null)}
              data-testid="theme-logo"
            >
              <option value="">No logo</option>
              {logos.map((asset) => (
                <option key={asset.id} value={asset.id}>
                  {asset.name} ({Math.ceil(asset.size / 1024)} KiB)
                </option>
              ))}
            </select>
            <UploadButton
              accept=".png,.jpg,.jpeg,.webp,.svg,image/png,image/jpeg,image/webp,image/svg+xml"
              label="Upload logo…"
              testId="theme-logo-file"
              onFile={async (file) => {
                const asset = await props.onUpload('logo', file);
                if (asset) setLogo(asset.id);
              }}
            />
          </div>
        )}
      </InheritedField>
      <InheritedField label="Font" {...font} hint="Bundled fonts are served by Orgbench itself, so pages work offline.">
        {(id) => (
          <div className="theme-inline">
            <select
              id={id}
              value={values.font}
              onChange={(event) => setFont(event.target.value)}
              data-testid="theme-font"
            >
              <optgroup label="Bundled">
                {BUNDLED_FONTS.map((bundled) => (
                  <option key={bundled.id} value={bundled.id}>
                    {bundled.label}
                  </option>
                ))}
              </optgroup>
              {fonts.length > 0 && (
                <optgroup label="Uploaded">
                  {fonts.map((asset) => (
                    <option key={asset.id} value={`asset:${asset.id}`}>
                      {asset.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
            <UploadButton
              accept=".woff2,.woff,.ttf,font/woff2,font/woff,font/ttf"
              label="Upload font…"
              testId="theme-font-file"
              onFile={async (file) => {
                const asset = await props.onUpload('font', file);
                if (asset) setFont(`asset:${asset.id}`);
              }}
            />
          </div>
        )}
      </InheritedField>
      <InheritedField label="Corner radius" {...radius}>
        {(id) => (
          <div className="theme-inline">
            <input
              id={id}
              type="range"
              min={0}
              max={RADIUS_MAX}
              step={1}
              value={values.radius}
              onChange={(event) => setRadius(Number(event.target.value))}
              data-testid="theme-radius"
            />
            <output htmlFor={id} className="theme-radius-value">
              {values.radius} px
            </output>
          </div>
        )}
      </InheritedField>
    </fieldset>
  );
}
