/**
 * The schema's history. Append new migrations; never edit or reorder applied ones
 * (`runMigrations` refuses a database whose recorded checksums no longer match).
 */
import type { Migration } from '../migrate';
import { m001Organizations } from './001-organizations';
import { m002OidcStorage } from './002-oidc-storage';
import { m003IdentityModel } from './003-identity-model';
import { m004Federation } from './004-federation';

export const migrations: readonly Migration[] = [m001Organizations, m002OidcStorage, m003IdentityModel, m004Federation];
