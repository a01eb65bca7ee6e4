/** Pure functions over the identity pool list: search, lock state and a summary line. */
import type { User } from '../../../../server/model/user';
import type { UserDetail } from '../../api/users-api';

/** Users whose email or name contains the query, by email (the member picker). */
export function matchUsers(users: readonly User[], query: string): User[] {
  const q = query.trim().toLowerCase();
  return users
    .filter((user) => !q || user.email.includes(q) || user.name.toLowerCase().includes(q))
    .sort((a, b) => a.email.localeCompare(b.email));
}

/** Users whose email, name or organization contains the query, by email. */
export function filterUsers(users: readonly UserDetail[], query: string): UserDetail[] {
  const q = query.trim().toLowerCase();
  return users
    .filter(
      (user) =>
        !q ||
        user.email.includes(q) ||
        user.name.toLowerCase().includes(q) ||
        user.memberships.some(
          (membership) => membership.org.name.toLowerCase().includes(q) || membership.org.slug.includes(q),
        ),
    )
    .sort((a, b) => a.email.localeCompare(b.email));
}

/** When the lockout ends, or undefined when the user may sign in at `now`. */
export function lockedUntil(user: UserDetail, now: number): Date | undefined {
  if (!user.lockedUntil) return undefined;
  const until = new Date(user.lockedUntil);
  return until.getTime() > now ? until : undefined;
}

export function poolSummary(users: readonly UserDetail[], now: number): string {
  const locked = users.filter((user) => lockedUntil(user, now)).length;
  const total = `${users.length} user${users.length === 1 ? '' : 's'}`;
  return locked > 0 ? `${total} · ${locked} locked` : total;
}
