/**
 * The optional SMTP relay: when the user sets one, every email that lands in the outbox is
 * also sent there (nodemailer). The password is write-only: never returned, never logged,
 * and scrubbed from any error text that is recorded.
 */
import nodemailer from 'nodemailer';
import { OrgbenchError, ValidationError, type FieldIssue } from '../errors';
import { smtpSettingsInputSchema, type SmtpSettingsView, type SmtpTlsMode } from '../model/notification';
import { parseInput } from '../model/validation';
import type { TemplateRepository } from '../store/template-repository';

const SMTP_KEY = 'smtp';
const TIMEOUT_MS = 10_000;

interface StoredSmtp {
  enabled: boolean;
  host: string;
  port: number;
  tls: SmtpTlsMode;
  username: string;
  password: string;
  from: string;
}

const NOT_SET: StoredSmtp = {
  enabled: false,
  host: '',
  port: 587,
  tls: 'starttls',
  username: '',
  password: '',
  from: '',
};

/** One email as the relay sends it. */
export interface RelayEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export class SmtpRelay {
  readonly #repo: TemplateRepository;

  constructor(repo: TemplateRepository) {
    this.#repo = repo;
  }

  /** The settings without the password (only whether one is set). */
  view(): SmtpSettingsView {
    const { password, ...rest } = this.#stored();
    return { ...rest, passwordSet: password.length > 0 };
  }

  get enabled(): boolean {
    return this.#stored().enabled;
  }

  /** Replaces the settings; an absent password keeps the stored one, '' clears it. */
  update(input: unknown): SmtpSettingsView {
    const parsed = parseInput(smtpSettingsInputSchema, input);
    const fields: FieldIssue[] = [];
    if (parsed.enabled && !parsed.host) fields.push({ path: 'host', message: 'must be set to enable the relay' });
    if (parsed.host && !/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/.test(parsed.host)) {
      fields.push({ path: 'host', message: 'must be a host name or IP address' });
    }
    if (parsed.enabled && !/^[^\s@<>]+@[^\s@<>]+$/.test(parsed.from)) {
      fields.push({ path: 'from', message: 'must be an email address such as no-reply@example.test' });
    }
    if (fields.length) throw new ValidationError(fields);
    const { password, ...rest } = parsed;
    this.#repo.setSetting(SMTP_KEY, { ...rest, password: password ?? this.#stored().password });
    return this.view();
  }

  /** Sends one email through the relay; rejects with an error whose text holds no secret. */
  async send(email: RelayEmail): Promise<void> {
    const settings = this.#stored();
    if (!settings.enabled) {
      throw new OrgbenchError('smtp_not_configured', 'The SMTP relay is not enabled.', { status: 409 });
    }
    const transport = nodemailer.createTransport({
      host: settings.host.replace(/^\[|\]$/g, ''),
      port: settings.port,
      secure: settings.tls === 'tls',
      requireTLS: settings.tls === 'starttls',
      ignoreTLS: settings.tls === 'none',
      ...(settings.username ? { auth: { user: settings.username, pass: settings.password } } : {}),
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
      logger: false,
    });
    try {
      await transport.sendMail({ from: settings.from, ...email });
    } catch (error) {
      throw new OrgbenchError('smtp_send_failed', scrub(error, settings.password), { status: 502, expose: true });
    } finally {
      transport.close();
    }
  }

  #stored(): StoredSmtp {
    return { ...NOT_SET, ...this.#repo.setting<Partial<StoredSmtp>>(SMTP_KEY) };
  }
}

/** The error's message, shortened, with the password removed wherever it might appear. */
function scrub(error: unknown, password: string): string {
  let message = error instanceof Error ? error.message : String(error);
  if (password) message = message.split(password).join('***');
  return `SMTP relay failed: ${message}`.slice(0, 500);
}
