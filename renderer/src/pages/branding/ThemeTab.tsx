/** Placeholder: the Theme tab of the Branding section (being built). */
export function ThemeTab() {
  return (
    <p className="muted" data-testid="branding-theme-placeholder">
      Coming in this change.
    </p>
  );
}
