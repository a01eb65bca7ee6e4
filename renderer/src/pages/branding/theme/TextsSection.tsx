/** Texts of the pages (title, button labels, footer), legal links, and custom CSS. */
import {
  CUSTOM_CSS_MAX,
  LEGAL_LINKS_MAX,
  TEXT_LIMITS,
  type LegalLink,
  type TextKey,
} from '../../../../../server/model/theme';
import { wire, type EditorProps } from './editor-props';
import { InheritedField } from './ThemeFields';

const TEXT_LABELS: Record<TextKey, string> = {
  pageTitle: 'Sign-in page title',
  continueButton: '"Continue" button',
  signInButton: '"Sign in" button',
  footer: 'Footer',
};

function LegalLinks(props: EditorProps) {
  const { setValue, ...field } = wire(props, 'texts.legalLinks');
  const links = props.effective.values.texts.legalLinks;
  const update = (next: LegalLink[]) => setValue(next);
  return (
    <InheritedField label="Legal links" {...field} hint="Shown in the footer; http(s) addresses only.">
      {(id) => (
        <div className="theme-links" id={id} data-testid="theme-legal-links">
          {links.map((link, index) => (
            <div className="theme-link-row" key={index}>
              <input
                aria-label={`Link ${index + 1} label`}
                placeholder="Privacy"
                value={link.label}
                maxLength={40}
                onChange={(event) =>
                  update(links.map((l, i) => (i === index ? { ...l, label: event.target.value } : l)))
                }
                data-testid={`theme-link-label-${index}`}
              />
              <input
                aria-label={`Link ${index + 1} address`}
                placeholder="https://example.com/privacy"
                value={link.url}
                onChange={(event) => update(links.map((l, i) => (i === index ? { ...l, url: event.target.value } : l)))}
                data-testid={`theme-link-url-${index}`}
              />
              <button
                type="button"
                className="button"
                aria-label={`Remove link ${index + 1}`}
                onClick={() => update(links.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </div>
          ))}
          {links.length < LEGAL_LINKS_MAX && (
            <button
              type="button"
              className="button theme-add-link"
              onClick={() => update([...links, { label: '', url: 'https://' }])}
              data-testid="theme-link-add"
            >
              Add link
            </button>
          )}
        </div>
      )}
    </InheritedField>
  );
}

export function TextsSection(props: EditorProps) {
  const css = wire(props, 'customCss');
  const { setValue: setCss, ...cssField } = css;
  return (
    <>
      <fieldset className="theme-section" data-testid="theme-section-texts">
        <legend>Texts</legend>
        {(Object.keys(TEXT_LABELS) as TextKey[]).map((key) => {
          const { setValue, ...field } = wire(props, `texts.${key}`);
          return (
            <InheritedField key={key} label={TEXT_LABELS[key]} {...field}>
              {(id) => (
                <input
                  id={id}
                  value={props.effective.values.texts[key]}
                  maxLength={TEXT_LIMITS[key]}
                  onChange={(event) => setValue(event.target.value)}
                  data-testid={`theme-text-${key}`}
                />
              )}
            </InheritedField>
          );
        })}
        <LegalLinks {...props} />
      </fieldset>
      <fieldset className="theme-section" data-testid="theme-section-css">
        <legend>Custom CSS</legend>
        <InheritedField
          label="Custom CSS"
          {...cssField}
          hint={`Up to ${CUSTOM_CSS_MAX / 1024} KiB. No @import, no url() except uploaded assets, no expression().`}
        >
          {(id) => (
            <textarea
              id={id}
              rows={6}
              spellCheck={false}
              value={props.effective.values.customCss}
              placeholder=".card { box-shadow: none; }"
              aria-invalid={Boolean(cssField.error)}
              onChange={(event) => setCss(event.target.value)}
              data-testid="theme-custom-css"
            />
          )}
        </InheritedField>
      </fieldset>
    </>
  );
}
