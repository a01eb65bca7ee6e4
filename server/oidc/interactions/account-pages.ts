/**
 * The hosted account pages: the MFA code step, "forgot password", choosing a new password,
 * accepting an invitation and confirming an email address. Rendered with `hostedPage`, so
 * they carry the org's theme like every other login page.
 */
import type { PageTheme } from '../../branding/page-theme';
import type { Organization } from '../../model/organization';
import { PASSWORD_MIN } from '../../model/user';
import { hostedPage, html, type SafeHtml } from '../../web/html';

/** Where a page's forms post and which theme it wears. */
export interface AccountPageContext {
  /** The form target prefix: `…/interaction/{uid}` or `/{tenant}/{workspace}/account`. */
  base: string;
  theme?: PageTheme | undefined;
}

/** Per-field messages from a refused form, keyed by field name. */
export type FieldErrors = Partial<Record<string, string>>;

const alert = (message: string | undefined): SafeHtml | string =>
  message ? html`<p class="error" role="alert" data-testid="page-error">${message}</p>` : '';

const fieldError = (errors: FieldErrors | undefined, name: string): SafeHtml | string =>
  errors?.[name] ? html`<span class="error" id="${name}-error" data-field-error="${name}">${errors[name]}</span>` : '';

const page = (ctx: AccountPageContext, title: string, body: SafeHtml): string =>
  hostedPage({ title, body, theme: ctx.theme });

export interface MfaPageOptions {
  channel: 'email' | 'sms';
  /** The masked address or number the code went to. */
  sentTo: string;
  error?: string | undefined;
  notice?: string | undefined;
  /** Seconds until "Send a new code" works. */
  cooldownSeconds: number;
}

export function mfaPage(ctx: AccountPageContext, options: MfaPageOptions): string {
  const by = options.channel === 'sms' ? 'text message' : 'email';
  return page(
    ctx,
    'Enter your verification code',
    html`<h1>Check your ${options.channel === 'sms' ? 'phone' : 'email'}</h1>
      <p class="muted">
        We sent a 6-digit code by ${by} to <strong data-testid="mfa-sent-to">${options.sentTo}</strong>. It expires in 5
        minutes.
      </p>
      ${alert(options.error)}
      ${options.notice ? html`<p class="hint" role="status" data-testid="page-notice">${options.notice}</p>` : ''}
      <form method="post" action="${ctx.base}/mfa" data-testid="mfa-form">
        <label
          >Verification code
          <input
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxlength="7"
            required
            autofocus
            data-testid="mfa-code"
            aria-describedby="mfa-help"
        /></label>
        <span class="muted" id="mfa-help">6 digits. After 5 wrong codes you need to sign in again.</span>
        <button type="submit" data-testid="mfa-submit">Verify and continue</button>
      </form>
      <form method="post" action="${ctx.base}/mfa/resend">
        <button type="submit" class="secondary" data-testid="mfa-resend">Send a new code</button>
        ${
          options.cooldownSeconds > 0
            ? html`<span class="muted">You can ask for a new code in ${options.cooldownSeconds} seconds.</span>`
            : ''
        }
      </form>
      <a class="muted" href="${ctx.base}/abort" data-testid="mfa-cancel">Cancel and return to the application</a>`,
  );
}

/** The sign-in needs a second factor the account cannot receive. */
export function mfaUnavailablePage(ctx: AccountPageContext, options: { title: string; message: string }): string {
  return page(
    ctx,
    options.title,
    html`<h1>${options.title}</h1>
      <p class="error" role="alert" data-testid="mfa-unavailable">${options.message}</p>
      <div class="row">
        <a class="button" href="${ctx.base}" data-testid="mfa-restart">Sign in again</a>
        <a class="button secondary" href="${ctx.base}/abort">Return to the application</a>
      </div>`,
  );
}

export function forgotPasswordPage(
  ctx: AccountPageContext,
  options: { email?: string; error?: string; back?: string | undefined },
): string {
  return page(
    ctx,
    'Reset your password',
    html`<h1>Reset your password</h1>
      <p class="muted">Enter the email address of your account and we will send you a link to choose a new password.</p>
      ${alert(options.error)}
      <form method="post" action="${ctx.base}/forgot" data-testid="forgot-form">
        <label
          >Email
          <input type="email" name="email" autocomplete="username" required autofocus value="${options.email ?? ''}"
        /></label>
        <button type="submit" data-testid="forgot-submit">Send reset link</button>
      </form>
      ${options.back ? html`<a class="muted" href="${options.back}">Back to sign-in</a>` : ''}`,
  );
}

/** The one answer to every reset request, whether or not the account exists. */
export function forgotPasswordSentPage(
  ctx: AccountPageContext,
  options: { email: string; back?: string | undefined },
): string {
  return page(
    ctx,
    'Check your email',
    html`<h1>Check your email</h1>
      <p data-testid="forgot-sent">
        If an account with a password exists for <strong>${options.email}</strong>, we have sent it a link to reset the
        password. The link expires in 30 minutes.
      </p>
      <p class="muted">No email? Check the address and your spam folder, then try again in a minute.</p>
      ${options.back ? html`<a class="button secondary" href="${options.back}">Back to sign-in</a>` : ''}`,
  );
}

export function resetPasswordPage(
  ctx: AccountPageContext,
  options: { token: string; email: string; error?: string; fields?: FieldErrors },
): string {
  return page(
    ctx,
    'Choose a new password',
    html`<h1>Choose a new password</h1>
      <p class="muted">for <strong>${options.email}</strong></p>
      ${alert(options.error)}
      <form method="post" action="${ctx.base}/reset" data-testid="reset-form">
        <input type="hidden" name="token" value="${options.token}" />
        <label
          >New password
          <input
            type="password"
            name="password"
            autocomplete="new-password"
            minlength="${PASSWORD_MIN}"
            required
            autofocus
        /></label>
        ${fieldError(options.fields, 'password')}
        <label
          >Repeat the new password <input type="password" name="confirm" autocomplete="new-password" required
        /></label>
        ${fieldError(options.fields, 'confirm')}
        <span class="muted">At least ${PASSWORD_MIN} characters.</span>
        <button type="submit" data-testid="reset-submit">Set new password</button>
      </form>`,
  );
}

export function resetDonePage(ctx: AccountPageContext, options: { returnTo: string | null }): string {
  return page(
    ctx,
    'Password changed',
    html`<h1>Password changed</h1>
      <p data-testid="reset-done">
        Your new password is set and your account is unlocked. Other reset links sent to you no longer work.
      </p>
      ${
        options.returnTo
          ? html`<a class="button" href="${options.returnTo}" data-testid="reset-return">Return to sign-in</a>`
          : html`<p class="muted">Return to your application and sign in with the new password.</p>`
      }`,
  );
}

export function linkInvalidPage(ctx: AccountPageContext, options: { title: string; message: string }): string {
  return page(
    ctx,
    options.title,
    html`<h1>${options.title}</h1>
      <p class="error" role="alert" data-testid="link-invalid">${options.message}</p>`,
  );
}

export function invitationPage(
  ctx: AccountPageContext,
  options: {
    token: string;
    org: Organization;
    email: string;
    roles: string[];
    inviterName: string | null;
    existingUser: boolean;
    error?: string;
    fields?: FieldErrors;
    name?: string;
  },
): string {
  const who = options.inviterName ? html`<strong>${options.inviterName}</strong> invited` : 'You are invited';
  return page(
    ctx,
    `Join ${options.org.name}`,
    html`<h1>Join ${options.org.name}</h1>
      <p>
        ${who} <strong>${options.email}</strong> to
        <span class="badge" data-org="${options.org.slug}">${options.org.name}</span>
        ${options.roles.length ? html` as <strong>${options.roles.join(', ')}</strong>` : ''}.
      </p>
      ${alert(options.error)}
      <form method="post" action="${ctx.base}/invitation" data-testid="invitation-form">
        <input type="hidden" name="token" value="${options.token}" />
        ${
          options.existingUser
            ? html`<p class="muted">You already have an account: accepting adds ${options.org.name} to it.</p>`
            : html`<label
                  >Your name
                  <input
                    name="name"
                    autocomplete="name"
                    required
                    autofocus
                    maxlength="200"
                    value="${options.name ?? ''}"
                /></label>
                ${fieldError(options.fields, 'name')}
                <label
                  >Choose a password
                  <input
                    type="password"
                    name="password"
                    autocomplete="new-password"
                    minlength="${PASSWORD_MIN}"
                    required
                /></label>
                ${fieldError(options.fields, 'password')}
                <label
                  >Repeat the password <input type="password" name="confirm" autocomplete="new-password" required
                /></label>
                ${fieldError(options.fields, 'confirm')}`
        }
        <button type="submit" data-testid="invitation-accept">
          ${options.existingUser ? 'Accept invitation' : 'Create account and join'}
        </button>
      </form>`,
  );
}

export function invitationDonePage(ctx: AccountPageContext, options: { org: Organization; created: boolean }): string {
  return page(
    ctx,
    `Welcome to ${options.org.name}`,
    html`<h1>Welcome to ${options.org.name}</h1>
      <p data-testid="invitation-done">
        ${options.created ? 'Your account is ready and you are' : 'You are now'} a member of ${options.org.name}. Return
        to your application and sign in${options.created ? ' with your email and new password' : ''}.
      </p>`,
  );
}

export function verifyEmailPage(ctx: AccountPageContext, options: { token: string; email: string }): string {
  return page(
    ctx,
    'Confirm your email address',
    html`<h1>Confirm your email address</h1>
      <p>Confirm that <strong>${options.email}</strong> is your address.</p>
      <form method="post" action="${ctx.base}/verify-email" data-testid="verify-form">
        <input type="hidden" name="token" value="${options.token}" />
        <button type="submit" data-testid="verify-submit">Confirm email address</button>
      </form>`,
  );
}

export function verifyEmailDonePage(ctx: AccountPageContext, options: { email: string }): string {
  return page(
    ctx,
    'Email address confirmed',
    html`<h1>Email address confirmed</h1>
      <p data-testid="verify-done"><strong>${options.email}</strong> is verified. You can close this page.</p>`,
  );
}
