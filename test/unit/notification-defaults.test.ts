// Every built-in template (kind × channel × locale) passes the save-time checks, renders
// with every documented variable, and leaves no placeholder behind.
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_LOCALES, type NotificationChannel } from '../../server/model/notification';
import { CHANNELS_BY_KIND, exampleVariables, variableNames, variablesFor } from '../../server/notifications/catalog';
import { builtInTemplate } from '../../server/notifications/default-templates';
import { renderMessage } from '../../server/notifications/render-message';
import { checkTemplate, usedVariables } from '../../server/notifications/render-template';

const theme = { displayName: 'Acme Corporation', primaryColor: '#0a7d5a' };
const slots = Object.entries(CHANNELS_BY_KIND).flatMap(([kind, channels]) =>
  channels.flatMap((channel) => NOTIFICATION_LOCALES.map((locale) => ({ kind, channel, locale }))),
) as {
  kind: keyof typeof CHANNELS_BY_KIND;
  channel: NotificationChannel;
  locale: (typeof NOTIFICATION_LOCALES)[number];
}[];

describe('built-in notification templates', () => {
  it('cover every kind × channel in at least three locales', () => {
    expect(slots).toHaveLength(5 * 3 * 3);
  });

  it.each(slots)('$kind / $channel / $locale passes the checks and renders every variable', (slot) => {
    const content = builtInTemplate(slot.kind, slot.channel, slot.locale);
    const allowed = variableNames(slot.kind);
    const fields = Object.entries(content);
    expect(fields.length).toBe(slot.channel === 'email' ? 3 : 1);
    for (const [field, source] of fields) {
      expect(checkTemplate(source, { path: `${slot.channel}.${field}`, allowed, html: field === 'html' })).toEqual([]);
    }

    // Distinct markers show where each variable lands; none may stay a placeholder.
    const variables = Object.fromEntries(variablesFor(slot.kind).map(({ name }) => [name, `⟦${name}⟧`]));
    const rendered = renderMessage({ ...slot, content, variables, theme });
    const output = [rendered.subject ?? '', rendered.html ?? '', rendered.text].join('\n');
    expect(output).not.toMatch(/\{\{|\}\}/);
    for (const source of Object.values(content)) {
      for (const name of usedVariables(source)) expect(output).toContain(`⟦${name}⟧`);
    }
    expect(output).toContain('⟦org.name⟧');
    if (slot.kind === 'mfa_code') expect(output).toContain('⟦code⟧');
    if (slot.channel !== 'voice' && 'link' in variables) expect(output).toContain('⟦link⟧');
    if (slot.channel === 'email') {
      expect(rendered.html).toContain(`lang="${slot.locale}"`);
      expect(rendered.html).toContain('#0a7d5a');
    }
    if (slot.channel === 'sms') expect(rendered.sms?.segments).toBeGreaterThan(0);
  });

  it('every catalog variable has a description and an example', () => {
    for (const kind of Object.keys(CHANNELS_BY_KIND) as (keyof typeof CHANNELS_BY_KIND)[]) {
      for (const variable of variablesFor(kind)) {
        expect(variable.description.length).toBeGreaterThan(5);
        expect(variable.example.length).toBeGreaterThan(0);
      }
      expect(Object.keys(exampleVariables(kind))).toEqual(variablesFor(kind).map((v) => v.name));
    }
  });

  it('uses the documented names for each kind', () => {
    const own = (kind: keyof typeof CHANNELS_BY_KIND) =>
      variablesFor(kind)
        .map((v) => v.name)
        .filter((name) => !['org.name', 'user.name', 'user.email', 'app.name'].includes(name));
    expect(own('invitation')).toEqual(['inviter.name', 'link', 'expires_in']);
    expect(own('password_reset')).toEqual(['link', 'expires_in']);
    expect(own('email_verification')).toEqual(['link']);
    expect(own('mfa_code')).toEqual(['code', 'expires_in']);
    expect(own('new_device')).toEqual(['device', 'ip', 'time', 'link']);
  });
});
