import { describe, expect, it } from 'vitest';
import type { UrlDoctorReport } from '../../server/model/vanity-host';
import {
  checkClientUris,
  checkConfiguredIssuer,
  checkSiteSplit,
  type DoctorFacts,
} from '../../server/vanity/url-doctor-rules';
import { groupFindings, summarize } from '../../renderer/src/pages/branding/domains/doctor-groups';

const facts = (overrides: Partial<DoctorFacts> = {}): DoctorFacts => ({
  orgName: 'Acme',
  expectedIssuer: 'http://login.acme.localhost:4100/default/default',
  issuers: [
    'http://127.0.0.1:4100/default/default',
    'http://login.acme.localhost:4100/default/default',
    'http://login.acme.test:4100/default/default',
  ],
  loopbackIssuer: 'http://127.0.0.1:4100/default/default',
  ownHosts: ['login.acme.localhost', 'login.acme.test'],
  otherHosts: new Map([['login.globex.localhost', 'Globex']]),
  port: 4100,
  clients: [],
  ...overrides,
});

const rules = (findings: { rule: string }[]) => findings.map((finding) => finding.rule);
const client = (redirectUris: string[], postLogoutRedirectUris: string[] = []) => ({
  clientId: 'portal',
  name: 'Portal',
  redirectUris,
  postLogoutRedirectUris,
});

describe('the configured issuer', () => {
  it('accepts any of the org’s issuers, noting the loopback one', () => {
    expect(checkConfiguredIssuer(facts(), 'http://login.acme.test:4100/default/default')).toEqual([]);
    expect(rules(checkConfiguredIssuer(facts(), 'http://127.0.0.1:4100/default/default'))).toEqual([
      'issuer_not_vanity',
    ]);
  });

  it.each([
    ['http://login.acme.localhost:4100/default/default/', 'issuer_trailing_slash'],
    ['http://login.globex.localhost:4100/default/default', 'issuer_other_org_host'],
    ['http://login.acme.localhost:4200/default/default', 'issuer_port_mismatch'],
    ['http://login.acme.localhost:4100/initech/default', 'issuer_path_mismatch'],
    ['https://login.acme.localhost:4100/default/default', 'issuer_scheme_mismatch'],
    ['http://auth.acme.example:4100/default/default', 'issuer_host_mismatch'],
    ['not a url', 'issuer_invalid'],
  ])('%s → %s', (issuer, rule) => {
    const found = checkConfiguredIssuer(facts(), issuer);
    expect(rules(found)).toContain(rule);
    expect(found.every((finding) => finding.severity === 'error' && finding.fix.includes(facts().expectedIssuer))).toBe(
      true,
    );
  });
});

describe('client URIs', () => {
  it('is quiet for a well-set client', () => {
    const well = facts({ clients: [client(['http://127.0.0.1:4100/sample/callback', 'https://portal.acme.com/cb'])] });
    expect(checkClientUris(well)).toEqual([]);
  });

  it('flags other orgs’ hosts, http off this machine, stale ports and mixed loopback names', () => {
    const found = checkClientUris(
      facts({
        clients: [
          client(
            [
              'http://login.globex.localhost:4100/cb',
              'http://portal.acme.example/cb',
              'http://127.0.0.1:4000/sample/callback',
              'http://localhost:3000/cb',
              'http://127.0.0.1:3000/cb',
            ],
            ['http://portal.acme.example/bye'],
          ),
        ],
      }),
    );
    expect(rules(found)).toEqual([
      'redirect_other_org_host',
      'redirect_http_non_loopback',
      'redirect_port_mismatch',
      'post_logout_http_non_loopback',
      'redirect_mixed_loopback_names',
    ]);
    expect(found.find((finding) => finding.rule === 'redirect_port_mismatch')?.fix).toContain(
      'http://127.0.0.1:4100/sample/callback',
    );
  });

  it('notes an IP-address app behind a vanity login', () => {
    expect(rules(checkSiteSplit(facts({ clients: [client(['http://127.0.0.1:3000/cb'])] })))).toEqual([
      'redirect_ip_vs_login_host',
    ]);
  });
});

describe('findings as the tab draws them', () => {
  const report: UrlDoctorReport = {
    orgId: 'org_acme',
    expectedIssuer: facts().expectedIssuer,
    issuers: [],
    clients: [{ clientId: 'portal', name: 'Portal' }],
    findings: [
      { severity: 'info', rule: 'b', clientId: 'portal', subject: '', message: '', fix: '' },
      { severity: 'error', rule: 'a', clientId: 'portal', subject: '', message: '', fix: '' },
      { severity: 'warning', rule: 'c', clientId: null, subject: '', message: '', fix: '' },
    ],
  };

  it('puts org-wide findings first and the worst first in each group', () => {
    expect(groupFindings(report).map((group) => [group.key, rules(group.findings)])).toEqual([
      ['org', ['c']],
      ['portal', ['a', 'b']],
    ]);
  });

  it('summarizes by severity', () => {
    expect(summarize(report.findings)).toBe('1 error, 1 warning, 1 note');
    expect(summarize([])).toBe('No problems found');
  });
});
