/**
 * Vanity login hosts: every organization answers on `login.<slug>.localhost` and on any
 * custom host name added to it. Shared by the server (validation) and the renderer (types
 * and the same inline checks), so this file imports nothing from Node.
 */
import { z } from 'zod';

/** The host every org gets without asking: `login.<slug>.localhost`. */
export const automaticHost = (slug: string): string => `login.${slug}.localhost`;

/** `login.<x>.localhost` and `idp.<x>.localhost` are Orgbench's own (orgs and mock IdPs). */
const RESERVED = /^(?:login|idp)\.[^.]+\.localhost$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** Names the admin listener answers to; a login host there would share its origin. */
const ADMIN_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Why `value` cannot be a custom host name, or undefined when it can. */
export function hostNameProblem(value: string): string | undefined {
  const host = value.trim().toLowerCase();
  if (!host) return 'must not be empty';
  if (host.includes('://') || host.includes('/')) {
    return 'must be a host name only, without scheme or path (e.g. login.acme.test)';
  }
  if (ADMIN_HOSTS.has(host)) return `${host} is the admin listener's host; choose a name of its own`;
  if (host.startsWith('[') || (host.match(/:/g)?.length ?? 0) > 1 || IPV4.test(host)) {
    return 'must be a host name, not an IP address';
  }
  if (host.includes(':')) return 'must not include a port: every vanity host uses the protocol listener’s port';
  if (host.length > 253) return 'must be at most 253 characters';
  const labels = host.split('.');
  if (labels.length < 2) return 'must have at least two labels, e.g. login.acme.test';
  if (!labels.every((label) => LABEL.test(label))) {
    return 'must use letters, digits, inner hyphens and dots only (no wildcards or spaces)';
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return 'must end in a name, not a number';
  if (RESERVED.test(host)) {
    return 'login.<name>.localhost and idp.<name>.localhost are reserved for automatic org and mock IdP hosts';
  }
  return undefined;
}

/** `{ host }`: a custom host name, trimmed and lower-cased. */
export const addVanityHostSchema = z.strictObject({
  host: z
    .string({ error: 'must be a host name such as login.acme.test' })
    .trim()
    .toLowerCase()
    .superRefine((host, ctx) => {
      const problem = hostNameProblem(host);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export type AddVanityHostInput = z.input<typeof addVanityHostSchema>;

export type VanityHostKind = 'automatic' | 'custom';

/** One host of an org, with the URLs an app and a browser use on it. */
export interface VanityHost {
  host: string;
  kind: VanityHostKind;
  /** `http://<host>:<protocol port>` */
  origin: string;
  /** The org's workspace issuer on this host. */
  issuer: string;
  discoveryUrl: string;
  /** Starts a sign-in on this host with the sample app (the client of the org's isolation model). */
  loginUrl: string;
  /** Whether browsers reach it without configuration (`*.localhost`). */
  resolvesByItself: boolean;
  createdAt: string | null;
}

export interface OrgVanityHosts {
  orgId: string;
  slug: string;
  name: string;
  parentId: string | null;
  /** `/{tenant}/{workspace}` of the org's issuer (per its isolation model). */
  issuerPath: string;
  /** The org's issuer on the loopback origin, for comparison. */
  loopbackIssuer: string;
  hosts: VanityHost[];
}

export interface HostSetup {
  /** Lines for /etc/hosts (custom names only). */
  hostsFile: string[];
  /** Chromium's `--host-resolver-rules` flag mapping the custom names to loopback. */
  resolverRules: string | null;
  port: number;
}

export type FindingSeverity = 'error' | 'warning' | 'info';

/** One URL doctor result: what is wrong, about what, and the one-line fix. */
export interface UrlFinding {
  severity: FindingSeverity;
  /** Stable rule code, e.g. `redirect_loopback_mismatch`. */
  rule: string;
  /** The client id, or `org` for findings about the org itself. */
  clientId: string | null;
  /** What the finding is about, e.g. a redirect URI or a host. */
  subject: string;
  message: string;
  fix: string;
}

export interface UrlDoctorReport {
  orgId: string;
  expectedIssuer: string;
  issuers: string[];
  clients: { clientId: string; name: string }[];
  findings: UrlFinding[];
}
