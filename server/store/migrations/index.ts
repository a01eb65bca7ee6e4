/**
 * The schema's history. Append new migrations; never edit or reorder applied ones
 * (`runMigrations` refuses a database whose recorded checksums no longer match).
 */
import type { Migration } from '../migrate';
import { m001Organizations } from './001-organizations';
import { m002OidcStorage } from './002-oidc-storage';
import { m003IdentityModel } from './003-identity-model';
import { m004Federation } from './004-federation';
import { m005Branding } from './005-branding';
import { m006Notifications } from './006-notifications';
import { m007AccountFlows } from './007-account-flows';
import { m008VanityHosts } from './008-vanity-hosts';
import { m009SamlSingleLogout } from './009-saml-single-logout';

export const migrations: readonly Migration[] = [
  m001Organizations,
  m002OidcStorage,
  m003IdentityModel,
  m004Federation,
  m005Branding,
  m006Notifications,
  m007AccountFlows,
  m008VanityHosts,
  m009SamlSingleLogout,
];
