/** Placeholder: the Templates tab of the Branding section (being built). */
export function TemplatesTab() {
  return (
    <p className="muted" data-testid="branding-templates-placeholder">
      Coming in this change.
    </p>
  );
}
