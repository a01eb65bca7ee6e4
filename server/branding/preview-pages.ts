/**
 * A theme preview renders the real hosted page functions (the same ones real sign-ins use)
 * with the draft theme and sample data: nothing here draws a page of its own.
 */
import type { Organization } from '../model/organization';
import type { PreviewPage } from '../model/theme';
import { mfaPage } from '../oidc/interactions/account-pages';
import { loggedOutPage, logoutPage, providerErrorPage } from '../oidc/interactions/provider-pages';
import {
  connectionChooserPage,
  identifierPage,
  interactionErrorPage,
  orgPickerPage,
  passwordPage,
  type PageContext,
} from '../oidc/interactions/views';
import { personaPickerPage } from '../mock-idp/saml/mock-idp-pages';
import type { CustomerBranding, PageTheme } from './page-theme';

export interface PreviewInput {
  page: PreviewPage;
  /** Where the preview lives: its forms and links stay inside it. */
  base: string;
  theme: PageTheme;
  customer: CustomerBranding;
  org: Organization | undefined;
}

const SAMPLE_CLIENT = 'Sample app';

function sampleOrg(id: string, name: string, slug: string): Organization {
  return {
    id,
    slug,
    name,
    parentId: null,
    domains: [`${slug}.test`],
    isolation: 'shared_application',
    attributes: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const sampleEmail = (org: Organization | undefined) => `alex@${org?.domains[0] ?? 'example.test'}`;

/** The HTML of one preview page. */
export function renderPreviewPage(input: PreviewInput): string {
  const { org, theme } = input;
  const page: PageContext = { base: input.base, clientName: SAMPLE_CLIENT, demo: false, theme };
  const shownOrg = org ?? sampleOrg('org_preview', 'Example Corp', 'example');
  switch (input.page) {
    case 'identifier':
      return identifierPage(page, { org });
    case 'password':
      return passwordPage(page, { email: sampleEmail(org), org });
    case 'mfa':
      return mfaPage(
        { base: input.base, theme },
        { channel: 'email', sentTo: 'a••••@example.test', cooldownSeconds: 0 },
      );
    case 'picker':
      return orgPickerPage(page, {
        userName: 'Alex Sample',
        orgs: [shownOrg, sampleOrg('org_preview_2', 'Northwind Traders', 'northwind')],
      });
    case 'chooser':
      return connectionChooserPage(page, {
        org: shownOrg,
        connections: [
          { id: 'con_preview_saml', name: `${shownOrg.name} Okta`, kind: 'saml' },
          { id: 'con_preview_oidc', name: `${shownOrg.name} Entra ID`, kind: 'oidc' },
        ],
        email: sampleEmail(org),
      });
    case 'error':
      return interactionErrorPage(page, {
        title: 'Access denied',
        message: `Alex Sample is not a member of ${shownOrg.name}. Ask an administrator to invite you.`,
      });
    case 'logout':
      return logoutPage(theme, {
        form: `<form id="op.logoutForm" method="get" action="${input.base}/logged-out"></form>`,
        client: SAMPLE_CLIENT,
      });
    case 'logged-out':
      return loggedOutPage(theme, { client: SAMPLE_CLIENT });
    case 'persona':
      return personaPickerPage({
        look: { slug: 'preview', name: `${shownOrg.name} Okta (mock)`, preset: 'okta', customer: input.customer },
        spName: SAMPLE_CLIENT,
        carry: {},
        personas: [
          {
            id: 'per_preview',
            mockIdpId: 'idp_preview',
            handle: 'alex',
            displayName: 'Alex Sample',
            email: sampleEmail(org),
            givenName: 'Alex',
            familyName: 'Sample',
            subject: '00u1a2b3c4',
            groups: ['Engineering'],
            attributes: {},
            position: 0,
          },
        ],
        faults: [],
      });
    default:
      return providerErrorPage(theme, { error: 'invalid_request', error_description: 'Unknown preview page.' });
  }
}
