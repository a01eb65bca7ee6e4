/**
 * Account flows that send notifications: the per-org MFA setting and invitations. Shared
 * by the server (validation) and the renderer (types); imports nothing from Node.
 */
import { z } from 'zod';
import { rolesSchema } from './user';

export const MFA_MODES = ['off', 'email', 'sms'] as const;
export const mfaModeSchema = z.enum(MFA_MODES);
export type MfaMode = z.infer<typeof mfaModeSchema>;

export const MFA_MODE_LABELS: Record<MfaMode, string> = {
  off: 'Off',
  email: 'Email code',
  sms: 'SMS code',
};

/** An org's account-security settings as the admin API shows them. */
export interface AccountSettings {
  orgId: string;
  mfa: MfaMode;
  updatedAt: string | null;
}

export const accountSettingsInputSchema = z.strictObject({ mfa: mfaModeSchema });

/** The user attribute that holds the phone number SMS codes go to. */
export const PHONE_ATTRIBUTE = 'phone_number';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** An invitation to join an org, as listed by the admin API (its link is only in the outbox). */
export interface Invitation {
  id: string;
  orgId: string;
  email: string;
  roles: string[];
  inviterName: string | null;
  status: InvitationStatus;
  createdAt: string;
  sentAt: string;
  /** How many times the invitation email was sent (1 + resends). */
  sends: number;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  /** The user who accepted it. */
  userId: string | null;
}

export const createInvitationSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(254),
  roles: rolesSchema.default([]),
  inviterName: z.string().trim().max(200).optional(),
  locale: z.string().trim().max(10).optional(),
});
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

export const verificationEmailSchema = z.strictObject({
  /** The org whose template and theme the message uses; default: the user's first org. */
  orgId: z.string().min(1).optional(),
  locale: z.string().trim().max(10).optional(),
});
