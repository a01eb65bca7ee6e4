/** Identity-pool users and their memberships in organizations (with org-scoped roles). */
import { z } from 'zod';

const role = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be a role name such as admin or billing:read');

export const rolesSchema = z.array(role).max(50, 'at most 50 roles');

export const PASSWORD_MIN = 8;

export const createUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address'),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  givenName: z.string().trim().max(100).optional(),
  familyName: z.string().trim().max(100).optional(),
  password: z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(200).optional(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** The admin vouches for the address; otherwise it starts unverified (send a verification email). */
  emailVerified: z.boolean().optional(),
});

export const updateUserSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    givenName: z.string().trim().max(100).nullable().optional(),
    familyName: z.string().trim().max(100).nullable().optional(),
    password: z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(200).optional(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    /** Clears a lockout after repeated failed logins. */
    unlock: z.literal(true).optional(),
    emailVerified: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'must change at least one field' });

export const membershipSchema = z.strictObject({
  userId: z.string().min(1, 'must not be empty'),
  roles: rolesSchema.default([]),
});

export const updateMembershipSchema = z.strictObject({ roles: rolesSchema });

export type CreateUserInput = z.input<typeof createUserSchema>;

export interface User {
  id: string;
  email: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  hasPassword: boolean;
  attributes: Record<string, string | number | boolean>;
  lockedUntil: string | null;
  /** Proved by a verification, password-reset or invitation link (or vouched for by the admin). */
  emailVerified: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Membership {
  orgId: string;
  userId: string;
  roles: string[];
  createdAt: string;
}

export interface MemberView extends Membership {
  user: Pick<User, 'id' | 'email' | 'name'>;
}
