/** Placeholder: the DemoMode tab of the Branding section (being built). */
export function DemoModeTab() {
  return (
    <p className="muted" data-testid="branding-demo-placeholder">
      Coming in this change.
    </p>
  );
}
