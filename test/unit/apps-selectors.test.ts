import { describe, expect, it } from 'vitest';
import type { Application } from '../../server/model/application';
import type { Organization } from '../../server/model/organization';
import { WORKSPACE_PRESETS } from '../../server/model/workspace';
import {
  countByKind,
  discoveryUrl,
  filterApps,
  humanDuration,
  ownerLabel,
  parseWorkspaceKey,
  toDuration,
} from '../../renderer/src/store/apps-selectors';
import {
  draftFromApp,
  fieldErrorsFrom,
  toCreateInput,
  toPatch,
  validateDraft,
} from '../../renderer/src/pages/applications/app-form';
import {
  draftFromSettings,
  toSettings,
  validateWorkspaceDraft,
  workspaceErrorsFrom,
} from '../../renderer/src/pages/applications/workspace-form';

const app = (
  clientId: string,
  name: string,
  kind: Application['kind'],
  ownerOrgId: string | null = null,
): Application => ({
  clientId,
  tenantId: 'default',
  workspaceId: 'default',
  name,
  kind,
  ownerOrgId,
  requireOrganization: false,
  hasSecret: kind === 'web' || kind === 'm2m',
  redirectUris: kind === 'm2m' ? [] : ['https://app.test/cb'],
  postLogoutRedirectUris: [],
  source: 'admin',
  issuer: 'http://127.0.0.1:4000/default/default',
  createdAt: '',
  updatedAt: '',
});

const acme: Organization = {
  id: 'org_1',
  slug: 'acme',
  name: 'Acme Corporation',
  parentId: null,
  domains: [],
  isolation: 'shared_application',
  attributes: {},
  createdAt: '',
  updatedAt: '',
};

const apps = [
  app('zeta', 'Zeta portal', 'web'),
  app('reports', 'Acme reporting', 'm2m', 'org_1'),
  app('dash', 'Dashboard', 'spa'),
];

describe('application list selectors', () => {
  it('filters by kind and by name, client_id or owner, sorted by name', () => {
    expect(filterApps(apps, '', 'all', [acme]).map((a) => a.clientId)).toEqual(['reports', 'dash', 'zeta']);
    expect(filterApps(apps, '', 'm2m', [acme]).map((a) => a.clientId)).toEqual(['reports']);
    expect(filterApps(apps, 'DASH', 'all', [acme]).map((a) => a.clientId)).toEqual(['dash']);
    expect(filterApps(apps, 'acme corp', 'all', [acme]).map((a) => a.clientId)).toEqual(['reports']);
    expect(filterApps(apps, 'dash', 'web', [acme])).toEqual([]);
  });

  it('counts kinds and names owners', () => {
    expect(countByKind(apps)).toEqual({ all: 3, web: 1, spa: 1, native: 0, m2m: 1 });
    expect(ownerLabel(null, [acme])).toBe('Shared by all orgs');
    expect(ownerLabel('org_1', [acme])).toBe('Acme Corporation');
    expect(ownerLabel('org_gone', [acme])).toBe('org_gone');
  });

  it('builds discovery URLs and splits workspace keys', () => {
    expect(discoveryUrl('http://h/default/default/')).toBe('http://h/default/default/.well-known/openid-configuration');
    expect(parseWorkspaceKey('initech/default')).toEqual({ tenantId: 'initech', workspaceId: 'default' });
  });

  it('shows lifetimes in the largest whole unit', () => {
    expect(toDuration(1209600)).toEqual({ value: 14, unit: 'days' });
    expect(toDuration(5400)).toEqual({ value: 90, unit: 'minutes' });
    expect(humanDuration(3600)).toBe('1 hour');
    expect(humanDuration(61)).toBe('61 seconds');
  });
});

describe('application form', () => {
  it('sends no redirects for machine-to-machine apps and one URI per line otherwise', () => {
    const draft = { ...draftFromApp(app('x', 'X', 'spa')), redirectUris: 'https://a.test/cb\n\n  https://b.test/cb  ' };
    expect(toCreateInput(draft).redirectUris).toEqual(['https://a.test/cb', 'https://b.test/cb']);
    expect(toCreateInput({ ...draft, kind: 'm2m', requireOrganization: true })).toMatchObject({
      redirectUris: [],
      requireOrganization: false,
    });
  });

  it('patches only what changed', () => {
    const existing = app('zeta', 'Zeta portal', 'web');
    expect(toPatch(draftFromApp(existing), existing)).toEqual({});
    expect(toPatch({ ...draftFromApp(existing), name: 'Zeta', ownerOrgId: 'org_1' }, existing)).toEqual({
      name: 'Zeta',
      ownerOrgId: 'org_1',
    });
  });

  it('puts errors beside their field, naming the URI at fault', () => {
    const draft = { ...draftFromApp(app('x', 'X', 'spa')), redirectUris: 'https://ok.test/cb\nnot a uri' };
    expect(
      fieldErrorsFrom(
        [
          { path: 'redirectUris[1]', message: 'must be a URI' },
          { path: 'workspaceId', message: 'no workspace' },
          { path: '', message: 'something else' },
        ],
        draft,
      ),
    ).toEqual({ redirectUris: 'not a uri: must be a URI', workspace: 'no workspace', form: 'something else' });
    expect(validateDraft({ ...draft, name: ' ', redirectUris: '' })).toMatchObject({
      name: 'must not be empty',
      redirectUris: 'must list at least one redirect URI',
    });
  });
});

describe('workspace settings form', () => {
  it('round-trips the settings and maps the server’s paths to fields', () => {
    const draft = draftFromSettings(WORKSPACE_PRESETS.b2b);
    expect(draft.ttl.refreshToken).toEqual({ value: '14', unit: 'days' });
    expect(toSettings(draft)).toEqual(WORKSPACE_PRESETS.b2b);
    expect(
      workspaceErrorsFrom([{ path: 'settings.claimNames.orgId', message: 'must be a claim name' }], draft),
    ).toEqual({ 'claimNames.orgId': 'must be a claim name' });
  });

  it('refuses an empty lifetime and a bad claim name before any request', () => {
    const draft = draftFromSettings(WORKSPACE_PRESETS.b2b);
    const errors = validateWorkspaceDraft({
      ...draft,
      claimNames: { ...draft.claimNames, orgName: 'org name' },
      ttl: { ...draft.ttl, idToken: { value: '', unit: 'hours' } },
    });
    expect(errors['claimNames.orgName']).toMatch(/claim name/);
    expect(errors['ttl.idToken']).toBe('must be a number');
  });
});
