/**
 * The account steps inside a sign-in (`…/interaction/{uid}/…`): after a good password, the
 * MFA code when the org asks for one, then the new-device check; and "Forgot password?".
 *
 *   GET  …/{uid}/mfa          the code page of the pending challenge
 *   POST …/{uid}/mfa          code → login finished with amr pwd + otp
 *   POST …/{uid}/mfa/resend   a new code, after a 30-second cooldown
 *   GET  …/{uid}/forgot       the reset-request form, returning to this sign-in
 *   POST …/{uid}/forgot       always the same answer
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_MS } from '../../accounts/known-devices';
import type { MfaChallengeRecord } from '../../store/mfa-challenge-repository';
import type { TraceRecorder } from '../../trace/trace-recorder';
import type { User } from '../../model/user';
import type { ProviderDeps } from '../provider-deps';
import {
  forgotPasswordPage,
  forgotPasswordSentPage,
  mfaPage,
  mfaUnavailablePage,
  type AccountPageContext,
} from './account-pages';
import type { Details, InteractionTools } from './interaction-tools';
import type { InteractionMount } from './routes';
import type { PageContext } from './views';

export interface AccountSteps {
  /** Continues a sign-in after a good password: the MFA code if required, else the login is finished. */
  afterPassword(ctx: Context, details: Details, user: User, trace: TraceRecorder): Promise<void>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const domainOf = (email: string) => email.split('@')[1]?.toLowerCase();

export function mountAccountSteps(
  provider: Provider,
  deps: ProviderDeps,
  mount: InteractionMount,
  tools: InteractionTools,
): AccountSteps {
  const router = new Router({ prefix: '/interaction/:uid' });
  const { accounts } = deps;

  /** The orgs the app named for this sign-in: the vanity host's, the requested one, the client's owner. */
  const targetOrgs = async (details: Details): Promise<string[]> => {
    const client = await provider.Client.find(String(details.params.client_id));
    const owner = (client?.metadata() as { organization_id?: unknown } | undefined)?.organization_id;
    const requested = typeof details.params.organization === 'string' ? details.params.organization : undefined;
    const ids = [mount.vanityOrgId, requested ? deps.orgs.find(requested)?.id : undefined, owner];
    return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
  };

  const accountContext = (page: PageContext): AccountPageContext => ({ base: page.base, theme: page.theme });

  /** The device check, then oidc-provider's login result (`amr` says how the user proved it). */
  const finishLogin = async (ctx: Context, details: Details, user: User, amr: string[], orgId: string | null) => {
    const page = await tools.pageContext(details);
    const device = accounts.devices.signedIn({
      userId: user.id,
      // Unsigned: one device cookie for every issuer on this origin (each tenant has its own cookie keys).
      cookie: ctx.cookies.get(DEVICE_COOKIE, { signed: false }),
      userAgent: ctx.get('user-agent') || undefined,
      ip: ctx.ip,
      orgId,
      issuer: mount.issuer,
      appName: page.clientName,
    });
    ctx.cookies.set(DEVICE_COOKIE, device.cookie, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: DEVICE_COOKIE_MAX_AGE_MS,
      overwrite: true,
      signed: false,
    });
    const trace = tools.traceOf(details);
    if (device.alerted) {
      trace.step({
        from: 'orgbench',
        to: 'browser',
        title: 'New-device alert sent',
        status: 'info',
        rule: 'new_device',
      });
    }
    await tools.finish(ctx, {
      login: { accountId: user.id, amr },
      orgbench: { emailDomain: domainOf(user.email), traceId: trace.id },
    });
  };

  const showChallenge = async (
    ctx: Context,
    details: Details,
    challenge: MfaChallengeRecord,
    extra: { error?: string; notice?: string } = {},
    status = 200,
  ) => {
    // The page wears the theme of the org whose MFA setting asked for the code.
    const org = challenge.orgId ? deps.orgs.find(challenge.orgId) : undefined;
    const page = accountContext(await tools.pageContext(details, org));
    const body = mfaPage(page, {
      channel: challenge.channel,
      sentTo: accounts.mfa.describeDestination(challenge),
      cooldownSeconds: accounts.mfa.cooldownOf(challenge),
      ...extra,
    });
    tools.show(ctx, body, status);
  };

  const restart = async (ctx: Context, details: Details, title: string, message: string, status = 401) => {
    const page = accountContext(await tools.pageContext(details));
    tools.show(ctx, mfaUnavailablePage(page, { title, message }), status);
  };

  const afterPassword: AccountSteps['afterPassword'] = async (ctx, details, user, trace) => {
    const domainOrg = deps.orgs.findByEmailDomain(domainOf(user.email) ?? '')?.id;
    const requirement = accounts.settings.requirementFor(await targetOrgs(details), user.id, domainOrg);
    if (requirement.mode === 'off') return finishLogin(ctx, details, user, ['pwd'], requirement.orgId);
    const page = await tools.pageContext(details);
    const started = accounts.mfa.start({
      interactionUid: details.uid,
      userId: user.id,
      orgId: requirement.orgId,
      channel: requirement.mode,
      traceId: trace.id,
      appName: page.clientName,
    });
    if (!started.ok) {
      trace.step({
        from: 'orgbench',
        to: 'browser',
        title: 'MFA by SMS: no phone number',
        status: 'fail',
        rule: 'mfa',
      });
      const org = requirement.orgId ? deps.orgs.find(requirement.orgId)?.name : undefined;
      return restart(
        ctx,
        details,
        'A phone number is needed',
        `${org ?? 'Your organization'} requires a sign-in code by text message, but your account has no phone number. ` +
          'Ask your administrator to add one to your account (the phone_number attribute).',
        403,
      );
    }
    trace.step({
      from: 'orgbench',
      to: 'browser',
      title: `MFA code sent by ${requirement.mode === 'sms' ? 'SMS' : 'email'} to ${started.sentTo}`,
      status: 'ok',
      rule: 'mfa',
    });
    await showChallenge(ctx, details, started.challenge);
  };

  router.get('/mfa', async (ctx) => {
    const details = await tools.loadDetails(ctx);
    if (!details) return;
    const challenge = accounts.mfa.pending(details.uid);
    if (!challenge) {
      ctx.status = 303;
      ctx.redirect(`${mount.path}/interaction/${details.uid}`);
      return;
    }
    await showChallenge(ctx, details, challenge);
  });

  router.post('/mfa', async (ctx) => {
    const details = await tools.loadDetails(ctx);
    if (!details) return;
    const code = (await tools.readForm(ctx)).code ?? '';
    const result = accounts.mfa.verify(details.uid, code);
    const trace = tools.traceOf(details);
    if (result.ok) {
      trace.step({ from: 'browser', to: 'orgbench', title: 'MFA code accepted', status: 'ok', rule: 'mfa' });
      const user = deps.users.find(result.challenge.userId);
      if (!user) return restart(ctx, details, 'Account not found', 'Your account no longer exists.', 403);
      return finishLogin(ctx, details, user, ['pwd', 'otp', 'mfa'], result.challenge.orgId);
    }
    const challenge = accounts.mfa.pending(details.uid);
    if (result.reason === 'wrong_code' && challenge) {
      trace.step({ from: 'browser', to: 'orgbench', title: 'MFA code refused', status: 'fail', rule: 'mfa' });
      const left = `${result.attemptsLeft} attempt${result.attemptsLeft === 1 ? '' : 's'} left`;
      return showChallenge(ctx, details, challenge, { error: `That code is not correct (${left}).` }, 401);
    }
    if (result.reason === 'expired' && challenge) {
      trace.step({ from: 'browser', to: 'orgbench', title: 'MFA code expired', status: 'fail', rule: 'mfa' });
      return showChallenge(ctx, details, challenge, { error: 'This code has expired. Send a new code.' }, 401);
    }
    trace.step({ from: 'browser', to: 'orgbench', title: 'MFA challenge ended', status: 'fail', rule: 'mfa' });
    await restart(
      ctx,
      details,
      'Sign in again',
      result.reason === 'none'
        ? 'No verification code is waiting for this sign-in.'
        : 'Too many wrong codes: this code no longer works. Sign in again to get a new one.',
    );
  });

  router.post('/mfa/resend', async (ctx) => {
    const details = await tools.loadDetails(ctx);
    if (!details) return;
    const page = await tools.pageContext(details);
    const result = accounts.mfa.resend(details.uid, page.clientName);
    const challenge = accounts.mfa.pending(details.uid);
    if (!challenge) return restart(ctx, details, 'Sign in again', 'This code no longer works. Sign in again.');
    if (result.ok) return showChallenge(ctx, details, challenge, { notice: `We sent a new code to ${result.sentTo}.` });
    const error =
      result.reason === 'cooldown'
        ? `Please wait ${result.retryInSeconds} seconds before asking for another code.`
        : 'You have asked for too many codes. Use the last one, or sign in again.';
    await showChallenge(ctx, details, challenge, { error }, 429);
  });

  router.get('/forgot', async (ctx) => {
    const details = await tools.loadDetails(ctx);
    if (!details) return;
    const page = await tools.pageContext(details);
    const email = typeof ctx.query.email === 'string' ? ctx.query.email : '';
    tools.show(ctx, forgotPasswordPage(accountContext(page), { email, back: page.base }));
  });

  router.post('/forgot', async (ctx) => {
    const details = await tools.loadDetails(ctx);
    if (!details) return;
    const page = await tools.pageContext(details);
    const email = ((await tools.readForm(ctx)).email ?? '').trim().toLowerCase();
    if (!EMAIL.test(email)) {
      const body = forgotPasswordPage(accountContext(page), {
        email,
        error: 'Enter an email address.',
        back: page.base,
      });
      tools.show(ctx, body, 400);
      return;
    }
    const [orgId] = await targetOrgs(details);
    accounts.resets.request({
      email,
      issuerPath: mount.path,
      origin: mount.issuer.slice(0, mount.issuer.length - mount.path.length),
      orgId: orgId ?? null,
      returnTo: page.base,
      appName: page.clientName,
    });
    tools.show(ctx, forgotPasswordSentPage(accountContext(page), { email, back: page.base }));
  });

  provider.use(router.routes());
  return { afterPassword };
}
