/**
 * Whether a user's email address is verified, beside the address; when it is not, the
 * action that sends the verification email (the link lands in the outbox).
 */
import { useState } from 'react';
import type { User } from '../../../../server/model/user';
import { sendVerificationEmail } from '../../api/accounts-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { useApiClient } from '../org-detail/use-api';
import './email-verification.css';

export function EmailVerification({ user }: { user: Pick<User, 'id' | 'email' | 'emailVerified'> }) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  if (user.emailVerified) {
    return (
      <span className="email-state verified" data-testid={`user-verified-${user.email}`}>
        <Icon name="check" size={12} /> Verified
      </span>
    );
  }

  const send = async () => {
    setSending(true);
    try {
      const result = await sendVerificationEmail(client, user.id);
      notify('success', `Sent a verification email to ${result.sentTo}. The link is in the Outbox.`);
      setSent(true);
    } catch (failure) {
      notify('error', (failure as Error).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <span className="email-state" data-testid={`user-unverified-${user.email}`}>
      <span className="muted">Unverified</span>
      <button
        type="button"
        className="text-button"
        disabled={sending}
        data-testid={`user-send-verification-${user.email}`}
        onClick={() => void send()}
      >
        {sending ? 'Sending…' : sent ? 'Send again' : 'Send verification email'}
      </button>
    </span>
  );
}
