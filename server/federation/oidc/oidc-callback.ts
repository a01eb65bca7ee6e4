/**
 * The OIDC relying party's callback: every check on an upstream answer, in order, each
 * recorded in the login's trace with its rule, before the spine maps the user.
 *
 *   state      a known transaction, taken (single use); no interaction to return to
 *              otherwise, so the callback shows the error itself               oidc_state
 *   then the pipeline below (any rejection goes to the interaction's error page)
 */
import { isOrgbenchError } from '../../errors';
import type { Connection } from '../../model/federation';
import { OidcRpRepository } from '../../store/oidc-rp-repository';
import { FederationError } from '../contracts';
import type { FederationDeps } from '../federation-deps';
import {
  checkErrorAnswer,
  checkIssuedAt,
  checkIssuerParameter,
  checkRequiredClaims,
  checkTransaction,
  fetchMissingClaims,
} from './callback-checks';
import { CallbackRun, Rejected, single } from './callback-run';
import { OIDC_RULES } from './classify-oidc-error';
import { exchangeCode } from './exchange-code';

/** The checks, in order: each passes (and says so in the trace) or rejects with its rule. */
const PIPELINE: readonly [step: string, run: (run: CallbackRun) => void | Promise<void>][] = [
  ['transaction', checkTransaction], //   alive, started for this connection   oidc_state, oidc_issuer (mix-up)
  ['iss', checkIssuerParameter], //       RFC 9207 iss = connection's issuer  oidc_issuer
  ['error', checkErrorAnswer], //         the IdP's error answer              oidc_consent_denied, oidc_idp_error
  ['exchange', exchangeCode], //          code + PKCE → verified ID token     oidc_signature, oidc_issuer, oidc_audience,
  //                                                                           oidc_expired, oidc_not_yet_valid, oidc_nonce
  ['iat', checkIssuedAt], //              not issued in the future            oidc_not_yet_valid
  ['userinfo', fetchMissingClaims], //    only for claims the token lacks     oidc_userinfo
  ['claims', checkRequiredClaims], //     the email the mapping needs         oidc_required_claim
];

export type CallbackResult =
  | { kind: 'redirect'; url: string }
  /** No login to return to (unknown or missing state): the callback shows the error itself. */
  | { kind: 'rejected'; error: FederationError; traceId: string };

/** The callback handler of the OIDC relying party, over the RP transaction store. */
export function createOidcCallback(deps: FederationDeps) {
  const transactions = new OidcRpRepository(deps.db);

  const rejectOrphan = (connectionId: string, query: URLSearchParams, message: string): CallbackResult => {
    const trace = deps.traces.start({});
    const connection = findConnection(deps, connectionId);
    trace.annotate({ connectionId, ...(connection ? { orgId: connection.orgId } : {}) });
    trace.step({
      from: 'idp',
      to: 'orgbench',
      title: 'Authorization response (via the browser)',
      detail: paramsOf(query),
    });
    const error = new FederationError(OIDC_RULES.state, message);
    trace.fail(error.rule, error.message);
    return { kind: 'rejected', error, traceId: trace.id };
  };

  return async (connectionId: string, query: URLSearchParams): Promise<CallbackResult> => {
    const state = single(query, 'state');
    if (!state) {
      return rejectOrphan(
        connectionId,
        query,
        'The IdP’s answer carries no state, so it belongs to no sign-in started here.',
      );
    }
    // Taken, not read: a second delivery of the same answer finds nothing.
    const transaction = transactions.take(state);
    if (!transaction) {
      return rejectOrphan(
        connectionId,
        query,
        'The IdP’s answer carries a state no sign-in is waiting for (forged, altered, or already used).',
      );
    }
    const trace =
      deps.traces.forInteraction(transaction.interactionUid) ??
      deps.traces.start({ interactionUid: transaction.interactionUid });
    trace.step({
      from: 'idp',
      to: 'orgbench',
      title: 'Authorization response (via the browser)',
      detail: paramsOf(query),
    });
    const run = new CallbackRun(deps, transaction, connectionId, query, trace);
    try {
      for (const [, step] of PIPELINE) await step(run);
      const url = await deps.complete({
        connection: run.connection,
        interactionUid: transaction.interactionUid,
        issuerPath: transaction.issuerPath,
        profile: run.profile,
        trace,
      });
      return { kind: 'redirect', url };
    } catch (caught) {
      const error = toFederationError(deps, caught);
      if (!(caught instanceof Rejected)) trace.fail(error.rule, error.message);
      const url = deps.fail({
        interactionUid: transaction.interactionUid,
        issuerPath: transaction.issuerPath,
        error,
        trace,
      });
      return { kind: 'redirect', url };
    }
  };
}

function paramsOf(query: URLSearchParams): Record<string, unknown> {
  return Object.fromEntries(
    [...new Set(query.keys())].map((key) => [key, query.getAll(key).length > 1 ? query.getAll(key) : query.get(key)]),
  );
}

function findConnection(deps: FederationDeps, id: string): Connection | undefined {
  try {
    return deps.connections.get(id);
  } catch {
    return undefined;
  }
}

function toFederationError(deps: FederationDeps, caught: unknown): FederationError {
  if (caught instanceof Rejected) return caught.error;
  if (caught instanceof FederationError) return caught;
  if (isOrgbenchError(caught) && caught.expose) return new FederationError(caught.code, caught.message, caught.status);
  deps.logger.error('OIDC callback failed unexpectedly', { error: caught });
  return new FederationError(
    'oidc_internal',
    'The answer could not be processed (unexpected error; see the server log).',
    500,
  );
}
