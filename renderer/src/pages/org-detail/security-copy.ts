/** The words of the Security tab: what each MFA mode does and which account emails exist. */
import type { MfaMode } from '../../../../server/model/account';
import type { IconName } from '../../components/icons';

export const MFA_COPY: Record<MfaMode, { title: string; description: string }> = {
  off: { title: 'Password only', description: 'No second step: the password signs the user in.' },
  email: {
    title: 'Email code',
    description: 'A 6-digit code is emailed after the password. It is valid for 5 minutes; 5 wrong codes end it.',
  },
  sms: {
    title: 'SMS code',
    description: 'The 6-digit code is sent by text message. Users without a phone number are told to ask an admin.',
  },
};

export const SECURITY_FACTS: { icon: IconName; title: string; text: string }[] = [
  {
    icon: 'key',
    title: 'Password reset',
    text: '“Forgot password?” on the sign-in page. The link works once, for 30 minutes, and unlocks the account.',
  },
  {
    icon: 'users',
    title: 'Invitations',
    text: 'Members → Invite by email. The accept link works once, for 7 days, until revoked.',
  },
  {
    icon: 'check',
    title: 'Email verification',
    text: 'Users → Send verification email. Confirming it sets email_verified in tokens.',
  },
  {
    icon: 'device',
    title: 'New-device alerts',
    text: 'Sent when a user signs in from a browser they have not used before (not on the first sign-in).',
  },
];
