/** A token's live expiry: "expires in 58:12" (green), under five minutes (amber), "expired 3 min ago" (red). */
import { expiryStatus } from './token-time';
import { useNow } from './use-now';
import { Icon } from '../../components/icons';

export function ExpiryCountdown({
  expiresAt,
  testId,
  large = false,
  opaque = false,
}: {
  expiresAt: string | null;
  testId?: string;
  large?: boolean;
  /** An opaque token's expiry may simply not be known (refresh tokens), rather than absent. */
  opaque?: boolean;
}) {
  const now = useNow();
  const status = expiryStatus(expiresAt, now);
  const label = status.tone === 'none' && opaque ? 'expiry not recorded' : status.label;
  return (
    <span
      className={`tk-expiry tk-expiry-${status.tone}${large ? ' large' : ''}`}
      data-testid={testId}
      data-tone={status.tone}
      title={expiresAt ? `Expires ${new Date(expiresAt).toLocaleString()}` : label}
    >
      <Icon name="clock" size={large ? 16 : 13} />
      {label}
    </span>
  );
}
