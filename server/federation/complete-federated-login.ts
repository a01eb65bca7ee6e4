/**
 * After an upstream IdP's answer passed every validation rule: map its attributes to an
 * Orgbench user, provision that user just in time (per the connection's JIT mode), map
 * IdP groups to org roles, and hand the result to the waiting interaction.
 *
 *   1. map      email (required), name, given and family name, groups
 *   2. JIT      linked identity → that user; else by email / create, per the mode:
 *                 create_and_update  create if new, refresh profile fields every login
 *                 create_only        create if new, never overwrite
 *                 link_by_email      only link to an existing user with that email
 *                 deny               only identities linked before may sign in
 *   3. roles    group → role rules + default roles become the user's roles in the org
 *   4. hand-off single-use record for `<issuer>/interaction/<uid>/federated`
 */
import type { Connection } from '../model/federation';
import type { Clock } from '../runtime/clock';
import type { FederatedLoginRepository } from '../store/federated-login-repository';
import type { TraceRecorder } from '../trace/trace-recorder';
import type { UserService } from '../users/user-service';
import { allValues, firstValue, readAttribute } from './attribute-defaults';
import type { ConnectionService } from './connection-service';
import { FederationError, type ExternalProfile } from './contracts';

export const HANDOFF_TTL_MS = 5 * 60 * 1000;

export interface CompletionDeps {
  users: UserService;
  connections: ConnectionService;
  handoffs: FederatedLoginRepository;
  clock: Clock;
  protocolUrl: string;
}

export interface MappedProfile {
  email: string;
  name: string;
  givenName: string | undefined;
  familyName: string | undefined;
  groups: string[];
}

/** Step 1: the user fields from the IdP's attributes. */
export function mapProfile(connection: Connection, profile: ExternalProfile): MappedProfile {
  const names = connection.mapping.attributes;
  const email = firstValue(readAttribute(profile.attributes, 'email', names.email)?.value)
    ?.trim()
    .toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new FederationError(
      'mapping_email',
      `The IdP sent no email address (looked for "${names.email}" and the usual names); map the attribute that holds it.`,
    );
  }
  const givenName = firstValue(readAttribute(profile.attributes, 'givenName', names.givenName)?.value);
  const familyName = firstValue(readAttribute(profile.attributes, 'familyName', names.familyName)?.value);
  const name =
    firstValue(readAttribute(profile.attributes, 'name', names.name)?.value) ??
    ([givenName, familyName].filter(Boolean).join(' ') || email);
  const groups = allValues(readAttribute(profile.attributes, 'groups', names.groups)?.value);
  return { email, name, givenName, familyName, groups };
}

/** Step 3: the org roles the groups give. */
export function rolesFor(connection: Connection, groups: readonly string[]): string[] {
  const roles = new Set(connection.mapping.defaultRoles);
  for (const rule of connection.mapping.groupRoles) {
    if (groups.includes(rule.group)) for (const role of rule.roles) roles.add(role);
  }
  return [...roles];
}

export async function completeFederatedLogin(
  deps: CompletionDeps,
  input: {
    connection: Connection;
    interactionUid: string;
    issuerPath: string;
    profile: ExternalProfile;
    trace: TraceRecorder;
  },
): Promise<string> {
  const { connection, profile, trace } = input;
  let mapped: MappedProfile;
  try {
    mapped = mapProfile(connection, profile);
  } catch (error) {
    if (error instanceof FederationError) trace.fail(error.rule, error.message, { attributes: profile.attributes });
    throw error;
  }
  trace.pass(
    'mapping',
    `Mapped ${mapped.email} (${mapped.groups.length} group${mapped.groups.length === 1 ? '' : 's'})`,
    {
      mapped,
      attributes: profile.attributes,
    },
  );

  const userId = provision(deps, connection, profile.subject, mapped, trace);
  const roles = rolesFor(connection, mapped.groups);
  deps.users.addMember(connection.orgId, { userId, roles });
  trace.pass('group_roles', roles.length ? `Org roles: ${roles.join(', ')}` : 'No org roles from groups', {
    groups: mapped.groups,
    rules: connection.mapping.groupRoles,
    roles,
  });

  deps.handoffs.save(
    {
      interactionUid: input.interactionUid,
      connectionId: connection.id,
      userId,
      orgId: connection.orgId,
      traceId: trace.id,
    },
    deps.clock.now().getTime(),
    HANDOFF_TTL_MS,
  );
  trace.annotate({
    orgId: connection.orgId,
    connectionId: connection.id,
    ...(profile.persona ? { persona: profile.persona } : {}),
  });
  trace.step({ from: 'orgbench', to: 'browser', title: 'Back to the sign-in', status: 'ok' });
  return `${deps.protocolUrl}${input.issuerPath}/interaction/${input.interactionUid}/federated`;
}

function provision(
  deps: CompletionDeps,
  connection: Connection,
  subject: string,
  mapped: MappedProfile,
  trace: TraceRecorder,
): string {
  const mode = connection.mapping.jit;
  const linkedId = deps.connections.linkedUser(connection.id, subject);
  const linked = linkedId ? deps.users.find(linkedId) : undefined;
  const fields = { email: mapped.email, name: mapped.name, givenName: mapped.givenName, familyName: mapped.familyName };
  const fail = (rule: string, message: string): never => {
    trace.fail(rule, message, { subject, email: mapped.email, mode });
    throw new FederationError(rule, message, 403);
  };

  if (linked) {
    if (mode === 'create_and_update') {
      deps.users.saveByEmail({ ...fields, email: linked.email });
      trace.pass('jit', `Updated ${linked.email} from the IdP`, { userId: linked.id, mode });
    } else {
      trace.pass('jit', `Signed in the linked user ${linked.email}`, { userId: linked.id, mode });
    }
    return linked.id;
  }
  if (mode === 'deny')
    return fail(
      'jit_denied',
      `${mapped.email} has never signed in through this connection, and it admits no new users.`,
    );

  const existing = deps.users.findByEmail(mapped.email);
  if (mode === 'link_by_email' && !existing) {
    return fail(
      'jit_no_user',
      `No Orgbench user has the email ${mapped.email}, and this connection only links existing users.`,
    );
  }
  const user = existing ?? deps.users.saveByEmail(fields);
  if (existing && mode === 'create_and_update') deps.users.saveByEmail(fields);
  deps.connections.link(connection.id, subject, user.id);
  trace.pass('jit', existing ? `Linked ${mapped.email} to the existing user` : `Created ${mapped.email} just in time`, {
    userId: user.id,
    mode,
    subject,
  });
  return user.id;
}
