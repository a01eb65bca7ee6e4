/**
 * The user form's draft and its checks, shared by "New user" in the identity pool and
 * by creating a user while adding a member. The rules are the server's zod schemas.
 */
import { createUserSchema, updateUserSchema, type CreateUserInput, type User } from '../../../../server/model/user';
import type { UserPatch } from '../../api/users-api';
import { errorsFrom, issuesOf, type Errors } from '../org-detail/field-errors';

export interface UserDraft {
  email: string;
  name: string;
  /** Empty means "no password" on create and "keep the password" on edit. */
  password: string;
}

export const USER_FIELDS = ['email', 'name', 'password'] as const;
export type UserField = (typeof USER_FIELDS)[number];
export type UserErrors = Errors<UserField>;

export const emptyUserDraft = (): UserDraft => ({ email: '', name: '', password: '' });

export const userDraftFrom = (user: User): UserDraft => ({ email: user.email, name: user.name, password: '' });

export function toCreateInput(draft: UserDraft): CreateUserInput {
  return {
    email: draft.email.trim(),
    name: draft.name.trim(),
    ...(draft.password ? { password: draft.password } : {}),
  };
}

export function toPatch(draft: UserDraft, user: User): UserPatch {
  return {
    ...(draft.name.trim() !== user.name ? { name: draft.name.trim() } : {}),
    ...(draft.password ? { password: draft.password } : {}),
  };
}

/** Client-side check of a new user; empty when valid. */
export function validateNewUser(draft: UserDraft): UserErrors {
  const result = createUserSchema.safeParse(toCreateInput(draft));
  return result.success ? {} : errorsFrom(issuesOf(result.error), USER_FIELDS);
}

/** Client-side check of an edit; an unchanged form is not an error, just nothing to save. */
export function validateUserEdit(draft: UserDraft, user: User): UserErrors {
  const patch = toPatch(draft, user);
  if (Object.keys(patch).length === 0) return {};
  const result = updateUserSchema.safeParse(patch);
  return result.success ? {} : errorsFrom(issuesOf(result.error), USER_FIELDS);
}
