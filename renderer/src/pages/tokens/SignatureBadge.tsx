/** The verdict on a token's signature, big enough to read from across the room. */
import type { TokenInspection } from '../../api/tokens-api';
import { Icon } from '../../components/icons';

const LOOK = {
  valid: { icon: 'shield-check', title: 'Signature valid' },
  invalid: { icon: 'shield-x', title: 'Signature invalid' },
  unverified: { icon: 'shield-question', title: 'Signature not verified' },
} as const;

export function SignatureBadge({ signature }: { signature: TokenInspection['signature'] }) {
  const look = LOOK[signature.status];
  return (
    <div
      className={`tk-signature tk-signature-${signature.status}`}
      data-testid="signature-status"
      data-status={signature.status}
      role="status"
    >
      <Icon name={look.icon} size={26} />
      <div className="tk-signature-text">
        <strong>{look.title}</strong>
        <span className="tk-signature-message" data-testid="signature-message">
          {signature.message}
        </span>
        {signature.keySource && !signature.message.includes(signature.keySource) && (
          <span className="tk-signature-keys" data-testid="signature-keys">
            Keys: {signature.keySource}
          </span>
        )}
      </div>
    </div>
  );
}
