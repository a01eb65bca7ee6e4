// Email takes the org's resolved theme (primary colour, bundled font) from the real theme
// service, over a real SQLite file.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotifications } from '../../server/notifications/create-notifications';
import { emailThemeFrom } from '../../server/notifications/email-theme';
import { createServices, type Services } from '../../server/services';
import { openDatabase, type Db } from '../../server/store/open-database';
import { frozenClock, makeTempDir } from '../helpers/temp-dir';

describe('emailThemeFrom', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let services: Services;

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase({ file: join(dir.path, 'orgbench.db') });
    services = createServices(db, frozenClock(), () => 'http://127.0.0.1:4000');
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('renders an org email in its theme colour and font, inherited by sub-orgs', () => {
    const acme = services.orgs.create({ name: 'Acme Corporation', slug: 'acme' });
    const labs = services.orgs.create({ name: 'Acme Labs', parentId: acme.id });
    services.themes.put({ kind: 'org', orgId: acme.id }, { colors: { primary: '#0a7d5a' }, font: 'lato' });
    const theme = emailThemeFrom(services.themes, services.orgs, () => 'http://127.0.0.1:4000');
    expect(theme(labs.id)).toMatchObject({ displayName: 'Acme Labs', primaryColor: '#0a7d5a', logoUrl: undefined });
    expect(theme(null).displayName).toBe('Orgbench');

    const notifications = createNotifications({ db, clock: frozenClock(), orgs: services.orgs, theme });
    const message = notifications.send({
      orgId: labs.id,
      kind: 'mfa_code',
      channel: 'email',
      to: 'sam@acme.test',
      variables: { code: '135790' },
    });
    expect(message.html).toContain('background: #0a7d5a');
    expect(message.html).toContain("font-family: 'Lato'");
    expect(message.subject).toBe('Your Acme Labs sign-in code: 135790');
  });
});
