/**
 * What the interaction routes (routes.ts) lend the steps mounted beside them — federation,
 * organization, account — and the shapes they share.
 */
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { Organization } from '../../model/organization';
import type { TraceRecorder } from '../../trace/trace-recorder';
import type { PageContext } from './views';

export type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/** What Orgbench carries from the login prompt to the consent prompt (oidc-provider's lastSubmission). */
export interface OrgbenchSubmission {
  emailDomain?: string;
  /** The login's trace. */
  traceId?: string;
  /** Set when the login came through an org's connection. */
  federatedOrgId?: string;
}

export interface InteractionTools {
  loadDetails(ctx: Context): Promise<Details | undefined>;
  /** The page context, themed for `org` when given. */
  pageContext(details: Details, org?: Organization): Promise<PageContext>;
  show(ctx: Context, body: string, status?: number): void;
  finish(ctx: Context, result: Record<string, unknown>): Promise<void>;
  readForm(ctx: Context): Promise<Record<string, string>>;
  traceOf(details: Details): TraceRecorder;
}

export const emailDomain = (email: string): string | undefined => email.split('@')[1]?.toLowerCase();
