/** Placeholder: the Domains tab of the Branding section (being built). */
export function DomainsTab() {
  return (
    <p className="muted" data-testid="branding-domains-placeholder">
      Coming in this change.
    </p>
  );
}
