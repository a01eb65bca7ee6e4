/** The words the Isolation tab uses for each model: one sentence each, and who it suits. */
import type { IsolationModel } from '../../../../server/model/organization';
import type { IconName } from '../../components/icons';

export const MODEL_COPY: Record<IsolationModel, { icon: IconName; summary: string; bestFor: string }> = {
  shared_application: {
    icon: 'shared',
    summary:
      'One application serves every customer: users choose their organization at sign-in and the token says which one.',
    bestFor: 'self-serve SaaS with many customers',
  },
  per_organization_application: {
    icon: 'per-org',
    summary:
      'The organization gets its own application on the shared issuer, so the client ID alone identifies the customer.',
    bestFor: 'customers with their own app settings or redirect URLs',
  },
  dedicated_tenant: {
    icon: 'tenant',
    summary: 'The organization gets its own issuer, signing keys and application, separate from every other customer.',
    bestFor: 'enterprise and regulated customers',
  },
};
