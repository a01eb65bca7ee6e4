/**
 * Demo mode: what the presentation screen needs per customer (org) to show its real
 * hosted login side by side with others, and to sign in live as a persona or a demo user.
 */
import { z } from 'zod';
import type { ProtocolKind, VendorPreset } from './federation';
import type { IsolationModel } from './organization';

/** At most this many customers on one demo screen (keys 1–9 pick one). */
export const DEMO_MAX_CUSTOMERS = 9;

/** `GET /api/demo-mode/customers?orgs=acme,globex`: ids or slugs, comma-separated; none → the defaults. */
export const demoCustomersQuerySchema = z.strictObject({
  orgs: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.split(',').map((part) => part.trim()) : []))
    .pipe(
      z
        .array(z.string().min(1, 'must name an organization (id or slug)').max(100))
        .max(DEMO_MAX_CUSTOMERS, `at most ${DEMO_MAX_CUSTOMERS} organizations fit on the demo screen`),
    ),
});

/** A mock-IdP persona, with the link that signs in as it without the picker. */
export interface DemoPersona {
  handle: string;
  displayName: string;
  email: string;
  groups: string[];
  /** Starts the org's login with `login_hint=<handle>` (in the demo frame). */
  loginUrl: string;
}

/** One of the org's connections to a mock IdP hosted here. */
export interface DemoIdp {
  connectionId: string;
  connectionName: string;
  kind: ProtocolKind;
  vendor: VendorPreset;
  mockIdpName: string;
  personas: DemoPersona[];
}

/** A member of the org who signs in with a password (identity pool). */
export interface DemoLocalUser {
  email: string;
  name: string;
  /** The demo data's published password when this user came from `--demo`; never a real secret. */
  passwordHint: string | null;
  /** Starts the org's login with `login_hint=<email>`: the password page, email filled in. */
  loginUrl: string;
}

export interface DemoCustomer {
  orgId: string;
  slug: string;
  name: string;
  isolation: IsolationModel;
  /** The sample app's client used for this org (its isolation model's client). */
  clientId: string;
  /** Starts this org's hosted login in the sample app, in a session of its own (lane). */
  loginUrl: string;
  /** The same sign-in on the org's automatic vanity host, when there is one (opens outside frames). */
  vanityLoginUrl: string | null;
  idps: DemoIdp[];
  localUsers: DemoLocalUser[];
}

export interface DemoCustomersResponse {
  /** The chosen customers, in the order asked (or the defaults). */
  customers: DemoCustomer[];
  /** Slugs shown when nothing is chosen: the demo orgs when present, else the first three. */
  defaults: string[];
  /** Every org that can be chosen. */
  organizations: { id: string; slug: string; name: string; parentId: string | null }[];
  /** The protocol listener's origin: the only origin the demo frames load from. */
  protocolOrigin: string;
}
