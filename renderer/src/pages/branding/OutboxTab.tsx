/** Placeholder: the Outbox tab of the Branding section (being built). */
export function OutboxTab() {
  return (
    <p className="muted" data-testid="branding-outbox-placeholder">
      Coming in this change.
    </p>
  );
}
