/** Builds the notification service over one database: templates, outbox and SMTP relay. */
import type { OrganizationService } from '../organizations/organization-service';
import type { Clock } from '../runtime/clock';
import type { Db } from '../store/open-database';
import { OutboxRepository } from '../store/outbox-repository';
import { TemplateRepository } from '../store/template-repository';
import { DEFAULT_PRIMARY, type EmailThemeResolver } from './email-frame';
import { NotificationService } from './notification-service';
import { OutboxService } from './outbox-service';
import { SmtpRelay } from './smtp-relay';
import { TemplateService } from './template-service';

export interface NotificationDeps {
  db: Db;
  clock: Clock;
  orgs: OrganizationService;
  /** The org's theme for HTML email; without one, the org's name and Orgbench's colour. */
  theme?: EmailThemeResolver;
  /** Outbox messages kept (default 1000). */
  retention?: number;
}

export function createNotifications(deps: NotificationDeps): NotificationService {
  const repo = new TemplateRepository(deps.db);
  return new NotificationService({
    templates: new TemplateService(repo, deps.orgs, deps.clock),
    outbox: new OutboxService(new OutboxRepository(deps.db), deps.retention),
    smtp: new SmtpRelay(repo),
    theme: deps.theme ?? plainTheme(deps.orgs),
    clock: deps.clock,
  });
}

/** The theme used until the theme module is connected: the org's name, default colour and font. */
export function plainTheme(orgs: OrganizationService): EmailThemeResolver {
  return (orgId) => ({
    displayName: (orgId === null ? undefined : orgs.find(orgId)?.name) ?? 'Orgbench',
    primaryColor: DEFAULT_PRIMARY,
  });
}
