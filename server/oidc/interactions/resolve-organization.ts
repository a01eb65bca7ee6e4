/**
 * Which organization a sign-in is for, decided by the first step that knows, in this
 * order (the table is the policy):
 *
 *   0. on an org's vanity host, a parameter, client or IdP   → refused: the host fixes the org
 *      naming another org
 *   1. the `organization` authorize parameter (id or slug)  → must exist, user must be a member
 *   2. the client's owning organization                      → user must be a member
 *   3. the vanity host the sign-in came through              → user must be a member (no picker)
 *   4. the org whose IdP the user just signed in with         → membership comes from the
 *                                                                connection (JIT)
 *   5. the organization the user picked on the org picker    → user must be a member
 *   6. the email domain the user signed in with (home-realm  → used when the user is a
 *      discovery: the org that owns the domain)                  member of that org
 *   7. the user's memberships: one → that org; several → the picker; none → no org,
 *      unless the client requires one
 */
import type { Organization } from '../../model/organization';

export type OrgResolution =
  | { kind: 'resolved'; org: Organization; via: OrgSource }
  | { kind: 'choose'; orgs: Organization[] }
  | { kind: 'none' }
  | { kind: 'denied'; message: string };

export type OrgSource =
  'parameter' | 'client' | 'vanity_host' | 'federation' | 'picker' | 'email_domain' | 'membership';

export interface OrgResolutionInput {
  requested: string | undefined;
  clientOwner: string | undefined;
  clientName: string;
  picked: string | undefined;
  /** The org of the connection the user signed in through, if federated. */
  federatedOrg: string | undefined;
  emailDomain: string | undefined;
  requireOrganization: boolean;
  /** Looks an org up by id or slug. */
  findOrg(idOrSlug: string): Organization | undefined;
  /** The org whose vanity host the sign-in came through, if any. */
  vanityOrg?: Organization | undefined;
  orgOfDomain(domain: string): Organization | undefined;
  /** The user's organizations. */
  memberOf: Organization[];
}

type Step = (input: OrgResolutionInput) => OrgResolution | undefined;

const isMember = (input: OrgResolutionInput, org: Organization) => input.memberOf.some((m) => m.id === org.id);

const mustBeMember = (input: OrgResolutionInput, org: Organization, via: OrgSource, why: string): OrgResolution =>
  isMember(input, org)
    ? { kind: 'resolved', org, via }
    : { kind: 'denied', message: `You are not a member of ${org.name}, which ${why}.` };

const STEPS: Step[] = [
  function vanityHostConflicts(input) {
    const fixed = input.vanityOrg;
    if (!fixed) return undefined;
    const others = [
      { idOrSlug: input.requested, why: 'the application asked for' },
      { idOrSlug: input.clientOwner, why: `${input.clientName} belongs to` },
      { idOrSlug: input.federatedOrg, why: 'you signed in through' },
    ];
    for (const other of others) {
      const org = other.idOrSlug ? input.findOrg(other.idOrSlug) : undefined;
      if (org && org.id !== fixed.id) {
        return {
          kind: 'denied',
          message: `This sign-in address belongs to ${fixed.name}, but ${org.name} is the organization ${other.why}.`,
        };
      }
    }
    return undefined;
  },
  function fromParameter(input) {
    if (!input.requested) return undefined;
    const org = input.findOrg(input.requested);
    if (!org) {
      return {
        kind: 'denied',
        message: `The application asked for an organization that does not exist ("${input.requested}").`,
      };
    }
    return mustBeMember(input, org, 'parameter', 'the application asked for');
  },
  function fromClientOwner(input) {
    if (!input.clientOwner) return undefined;
    const org = input.findOrg(input.clientOwner);
    if (!org)
      return { kind: 'denied', message: `${input.clientName} belongs to an organization that no longer exists.` };
    return mustBeMember(input, org, 'client', `${input.clientName} belongs to`);
  },
  function fromVanityHost(input) {
    return input.vanityOrg
      ? mustBeMember(input, input.vanityOrg, 'vanity_host', 'this sign-in address belongs to')
      : undefined;
  },
  function fromFederation(input) {
    if (!input.federatedOrg) return undefined;
    const org = input.findOrg(input.federatedOrg);
    return org ? mustBeMember(input, org, 'federation', 'you signed in through') : undefined;
  },
  function fromPicker(input) {
    if (!input.picked) return undefined;
    const org = input.findOrg(input.picked);
    return org
      ? mustBeMember(input, org, 'picker', 'was chosen')
      : { kind: 'denied', message: 'Unknown organization.' };
  },
  function fromEmailDomain(input) {
    const home = input.emailDomain ? input.orgOfDomain(input.emailDomain) : undefined;
    return home && isMember(input, home) ? { kind: 'resolved', org: home, via: 'email_domain' } : undefined;
  },
  function fromMemberships(input) {
    const [only, ...others] = input.memberOf;
    if (only && others.length === 0) return { kind: 'resolved', org: only, via: 'membership' };
    if (only) return { kind: 'choose', orgs: input.memberOf };
    return input.requireOrganization
      ? { kind: 'denied', message: `${input.clientName} requires an organization, and you are not a member of any.` }
      : { kind: 'none' };
  },
];

export function resolveOrganization(input: OrgResolutionInput): OrgResolution {
  for (const step of STEPS) {
    const result = step(input);
    if (result) return result;
  }
  return { kind: 'none' };
}
