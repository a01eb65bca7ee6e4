/**
 * The consent prompt of an interaction: which organization the grant is for (see
 * resolve-organization.ts for the order), the picker when the user must choose, or a refusal;
 * every decision is a step of the login's trace.
 */
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { ProviderDeps } from '../provider-deps';
import { completeConsent } from './consent';
import { emailDomain, type Details, type InteractionTools, type OrgbenchSubmission } from './interaction-tools';
import { resolveOrganization } from './resolve-organization';
import type { InteractionMount } from './routes';
import { interactionErrorPage, orgPickerPage } from './views';

export type OrganizationStep = (ctx: Context, details: Details, picked: string | undefined) => Promise<void>;

export function createOrganizationStep(
  provider: Provider,
  deps: ProviderDeps,
  mount: InteractionMount,
  tools: InteractionTools,
): OrganizationStep {
  /** Resolves the org (or asks) and finishes the consent prompt. */
  const consent = async (ctx: Context, details: Details, picked: string | undefined) => {
    const page = await tools.pageContext(details);
    const accountId = details.session?.accountId;
    const user = accountId ? deps.users.find(accountId) : undefined;
    if (!user) {
      tools.show(
        ctx,
        interactionErrorPage(page, { title: 'Account not found', message: 'Your account no longer exists.' }),
        403,
      );
      return;
    }
    const client = await provider.Client.find(String(details.params.client_id));
    const metadata = (client?.metadata() ?? {}) as Record<string, unknown>;
    const submission = (details.lastSubmission as { orgbench?: OrgbenchSubmission } | undefined)?.orgbench;
    const memberOf = deps.users
      .membershipsOf(user.id)
      .map((membership) => deps.orgs.find(membership.orgId))
      .filter((org) => org !== undefined);
    const resolution = resolveOrganization({
      requested: typeof details.params.organization === 'string' ? details.params.organization : undefined,
      clientOwner: typeof metadata.organization_id === 'string' ? metadata.organization_id : undefined,
      clientName: page.clientName,
      picked,
      federatedOrg: submission?.federatedOrgId,
      emailDomain: submission?.emailDomain ?? emailDomain(user.email),
      requireOrganization: metadata.require_organization === true,
      findOrg: (idOrSlug) => deps.orgs.find(idOrSlug),
      vanityOrg: mount.vanityOrgId ? deps.orgs.find(mount.vanityOrgId) : undefined,
      orgOfDomain: (domain) => deps.orgs.findByEmailDomain(domain),
      memberOf,
    });
    const trace = tools.traceOf(details);
    trace.step({
      from: 'orgbench',
      to: 'orgbench',
      title:
        resolution.kind === 'resolved'
          ? `Organization: ${resolution.org.name} (by ${resolution.via.replace('_', ' ')})`
          : resolution.kind === 'choose'
            ? 'Organization: the user chooses'
            : resolution.kind === 'denied'
              ? 'Organization refused'
              : 'No organization',
      status: resolution.kind === 'denied' ? 'fail' : 'ok',
      rule: 'organization',
      detail: {
        resolution: resolution.kind,
        ...(resolution.kind === 'resolved' ? { org: resolution.org.slug, via: resolution.via } : {}),
      },
    });
    switch (resolution.kind) {
      case 'choose':
        tools.show(ctx, orgPickerPage(page, { userName: user.name, orgs: resolution.orgs }));
        return;
      case 'denied':
        trace.fail('organization', resolution.message);
        tools.show(ctx, interactionErrorPage(page, { title: 'Access denied', message: resolution.message }), 403);
        return;
      default: {
        const orgId = resolution.kind === 'resolved' ? resolution.org.id : null;
        if (resolution.kind === 'resolved') trace.annotate({ orgId: resolution.org.id });
        const grantId = await completeConsent(provider, deps, mount, details, orgId);
        deps.traces.linkGrant(grantId, trace.id);
        trace.step({
          from: 'orgbench',
          to: 'app',
          title: 'Authorization code sent to the app',
          status: 'ok',
          detail: { grantId },
        });
        await tools.finish(ctx, { consent: { grantId } });
      }
    }
  };

  return consent;
}
