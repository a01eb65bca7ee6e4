/**
 * The URL doctor's rules, as pure functions over what is known of one org: its issuers
 * (loopback and vanity), its clients' redirect URIs, the other orgs' vanity hosts and the
 * protocol listener's port. Each rule gives findings with a stable code and a one-line fix.
 */
import type { FindingSeverity, UrlFinding } from '../model/vanity-host';

export interface DoctorClient {
  clientId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface DoctorFacts {
  orgName: string;
  /** The issuer an app of this org should use: on the org's automatic vanity host. */
  expectedIssuer: string;
  /** Every issuer of the org: loopback and each vanity host. */
  issuers: string[];
  loopbackIssuer: string;
  /** Host names of this org's vanity hosts. */
  ownHosts: string[];
  /** Vanity host name → the other org's name. */
  otherHosts: Map<string, string>;
  port: number;
  clients: DoctorClient[];
}

const LOOPBACK_IPS = new Set(['127.0.0.1', '[::1]']);
const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');
const isLoopback = (host: string) => LOOPBACK_IPS.has(host) || isLocalName(host);
const portOf = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

const finding = (
  severity: FindingSeverity,
  rule: string,
  clientId: string | null,
  subject: string,
  message: string,
  fix: string,
): UrlFinding => ({ severity, rule, clientId, subject, message, fix });

/** Compares the issuer an app is configured with to the org's issuers. */
export function checkConfiguredIssuer(facts: DoctorFacts, configured: string): UrlFinding[] {
  const value = configured.trim();
  const fixIssuer = `Configure the app with ${facts.expectedIssuer} exactly.`;
  if (facts.issuers.includes(value)) {
    return value === facts.loopbackIssuer && value !== facts.expectedIssuer
      ? [
          finding(
            'info',
            'issuer_not_vanity',
            null,
            value,
            `The app uses the loopback issuer: tokens carry iss=${value} and the login is not fixed to ${facts.orgName}.`,
            `To test the vanity domain, use ${facts.expectedIssuer} (only the host changes).`,
          ),
        ]
      : [];
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [finding('error', 'issuer_invalid', null, value, 'The configured issuer is not a URL.', fixIssuer)];
  }
  const expected = new URL(facts.expectedIssuer);
  const host = url.hostname;
  if (value.replace(/\/+$/, '') !== value && facts.issuers.includes(value.replace(/\/+$/, ''))) {
    return [
      finding(
        'error',
        'issuer_trailing_slash',
        null,
        value,
        'Issuers must match exactly; this one ends in "/".',
        fixIssuer,
      ),
    ];
  }
  const other = facts.otherHosts.get(host);
  if (other) {
    return [
      finding('error', 'issuer_other_org_host', null, value, `${host} is the login host of ${other}.`, fixIssuer),
    ];
  }
  const problems: UrlFinding[] = [];
  if (url.protocol !== expected.protocol) {
    problems.push(
      finding(
        'error',
        'issuer_scheme_mismatch',
        null,
        value,
        `The issuer is served over ${expected.protocol}//.`,
        fixIssuer,
      ),
    );
  }
  if (!facts.ownHosts.includes(host) && host !== new URL(facts.loopbackIssuer).hostname) {
    problems.push(
      finding(
        'error',
        'issuer_host_mismatch',
        null,
        value,
        `${host} is not a host of ${facts.orgName}'s issuer (${facts.ownHosts.join(', ')}).`,
        fixIssuer,
      ),
    );
  }
  if (portOf(url) !== facts.port) {
    problems.push(
      finding(
        'error',
        'issuer_port_mismatch',
        null,
        value,
        `The protocol listener is on port ${facts.port}.`,
        fixIssuer,
      ),
    );
  }
  if (url.pathname.replace(/\/+$/, '') !== expected.pathname) {
    problems.push(
      finding(
        'error',
        'issuer_path_mismatch',
        null,
        value,
        `${facts.orgName}'s issuer path is ${expected.pathname} (its isolation model's tenant and workspace).`,
        fixIssuer,
      ),
    );
  }
  return problems.length
    ? problems
    : [finding('error', 'issuer_mismatch', null, value, 'The configured issuer matches none of the org’s.', fixIssuer)];
}

/** Redirect and post-logout URIs of every client. */
export function checkClientUris(facts: DoctorFacts): UrlFinding[] {
  return facts.clients.flatMap((client) => [
    ...client.redirectUris.flatMap((uri) => checkUri(facts, client, uri, 'redirect')),
    ...client.postLogoutRedirectUris.flatMap((uri) => checkUri(facts, client, uri, 'post_logout')),
    ...checkMixedLoopbackNames(client),
  ]);
}

function checkUri(
  facts: DoctorFacts,
  client: DoctorClient,
  uri: string,
  kind: 'redirect' | 'post_logout',
): UrlFinding[] {
  const label = kind === 'redirect' ? 'Redirect URI' : 'Post-logout URI';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return [
      finding('error', `${kind}_invalid`, client.clientId, uri, `${label} is not a URL.`, 'Register a full URL.'),
    ];
  }
  const host = url.hostname;
  const out: UrlFinding[] = [];
  const other = facts.otherHosts.get(host);
  if (other) {
    out.push(
      finding(
        'error',
        `${kind}_other_org_host`,
        client.clientId,
        uri,
        `${label} points at ${other}'s login host: ${facts.orgName}'s users would land on another customer's domain.`,
        `Register the app's own callback URL (on the app's host), never another customer's login host.`,
      ),
    );
  }
  if (url.protocol === 'http:' && !isLoopback(host) && !facts.ownHosts.includes(host)) {
    out.push(
      finding(
        'warning',
        `${kind}_http_non_loopback`,
        client.clientId,
        uri,
        `${label} uses plain http on ${host}, which is not this machine: codes and tokens would cross the network unencrypted.`,
        `Use https://${host}${url.port ? `:${url.port}` : ''}${url.pathname}, or a loopback host while testing.`,
      ),
    );
  }
  const onListener = url.pathname.startsWith('/sample/') || facts.ownHosts.includes(host) || other !== undefined;
  if (onListener && isLoopback(host) && portOf(url) !== facts.port) {
    out.push(
      finding(
        'error',
        `${kind}_port_mismatch`,
        client.clientId,
        uri,
        `${label} is served by Orgbench's protocol listener, which now runs on port ${facts.port}, not ${portOf(url)}.`,
        `Change the port to ${facts.port}: ${uri.replace(`:${url.port}`, `:${facts.port}`)}.`,
      ),
    );
  }
  return out;
}

/** 127.0.0.1 and localhost are different hosts to cookies: an app registered on both loses its session. */
function checkMixedLoopbackNames(client: DoctorClient): UrlFinding[] {
  const hosts = new Set<string>();
  for (const uri of client.redirectUris) {
    const host = URL.canParse(uri) ? new URL(uri).hostname : '';
    if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') hosts.add(host);
  }
  if (hosts.size < 2) return [];
  const names = [...hosts].sort().join(' and ');
  return [
    finding(
      'warning',
      'redirect_mixed_loopback_names',
      client.clientId,
      names,
      `Redirect URIs use both ${names}: a session cookie the app sets on one is not sent on the other (cookies are per host name).`,
      'Run the app on one host name and register only that one.',
    ),
  ];
}

/** The app signs in on a vanity issuer but comes back to 127.0.0.1: two sites, so no shared cookies. */
export function checkSiteSplit(facts: DoctorFacts): UrlFinding[] {
  const loginHost = new URL(facts.expectedIssuer).hostname;
  return facts.clients.flatMap((client) => {
    const ipHosts = client.redirectUris.filter(
      (uri) =>
        URL.canParse(uri) && LOOPBACK_IPS.has(new URL(uri).hostname) && !new URL(uri).pathname.startsWith('/sample/'),
    );
    return ipHosts.length
      ? [
          finding(
            'info',
            'redirect_ip_vs_login_host',
            client.clientId,
            ipHosts[0] ?? '',
            `The login runs on ${loginHost} and the app on an IP address: different sites, so cookies are never shared (SameSite=Strict ones are not sent on the return).`,
            `Serve the app on a name such as app.${loginHost.replace(/^login\./, '')} to test as production would.`,
          ),
        ]
      : [];
  });
}
