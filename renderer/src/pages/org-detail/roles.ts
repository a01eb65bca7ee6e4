/** Role names offered while assigning roles, and their client-side check. */
import { rolesSchema } from '../../../../server/model/user';
import type { MemberView } from '../../../../server/model/user';

const COMMON_ROLES = ['admin', 'member', 'viewer', 'billing'];

/** The common roles plus every role already used in this org, in a stable order. */
export function roleSuggestions(members: readonly MemberView[]): string[] {
  const used = members.flatMap((member) => member.roles);
  return [...new Set([...COMMON_ROLES, ...used.sort()])];
}

/** The problem with a role list, naming the role at fault; undefined when it is fine. */
export function rolesProblem(roles: readonly string[]): string | undefined {
  const result = rolesSchema.safeParse(roles);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const index = issue?.path[0];
  const role = typeof index === 'number' ? roles[index] : undefined;
  return role === undefined ? issue?.message : `“${role}” ${issue?.message}`;
}
