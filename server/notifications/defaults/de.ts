/** Built-in German notification texts. */
import type { LocaleTemplates } from './types';

export const DE: LocaleTemplates = {
  invitation: {
    email: {
      subject: '{{inviter.name}} hat Sie zu {{org.name}} bei {{app.name}} eingeladen',
      html: `<p>Hallo{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>{{inviter.name}} hat Sie eingeladen, <strong>{{org.name}}</strong> bei {{app.name}} beizutreten.</p>
<p><a class="button" href="{{link}}">Einladung annehmen</a></p>
<p>Die Einladung läuft in {{expires_in}} ab. Sie wurde an {{user.email}} gesendet; falls Sie sie nicht erwartet haben, können Sie diese Nachricht ignorieren.</p>`,
      text: `Hallo{{#user.name}} {{user.name}}{{/user.name}},

{{inviter.name}} hat Sie eingeladen, {{org.name}} bei {{app.name}} beizutreten.

Einladung annehmen: {{link}}

Die Einladung läuft in {{expires_in}} ab. Sie wurde an {{user.email}} gesendet; falls Sie sie nicht erwartet haben, können Sie diese Nachricht ignorieren.`,
    },
    sms: {
      text: '{{inviter.name}} hat Sie zu {{org.name}} bei {{app.name}} eingeladen: {{link}} (gültig für {{expires_in}})',
    },
    voice: {
      script:
        'Hallo{{#user.name}} {{user.name}}{{/user.name}}. {{inviter.name}} hat Sie eingeladen, {{org.name}} bei {{app.name}} beizutreten. Öffnen Sie zum Annehmen den Link in der E-Mail, die wir Ihnen gesendet haben. Die Einladung läuft in {{expires_in}} ab.',
    },
  },
  password_reset: {
    email: {
      subject: 'Ihr Passwort für {{org.name}} zurücksetzen',
      html: `<p>Hallo{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Für Ihr {{org.name}}-Konto ({{user.email}}) bei {{app.name}} wurde das Zurücksetzen des Passworts angefordert.</p>
<p><a class="button" href="{{link}}">Neues Passwort wählen</a></p>
<p>Der Link läuft in {{expires_in}} ab. Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.</p>`,
      text: `Hallo{{#user.name}} {{user.name}}{{/user.name}},

Für Ihr {{org.name}}-Konto ({{user.email}}) bei {{app.name}} wurde das Zurücksetzen des Passworts angefordert.

Neues Passwort wählen: {{link}}

Der Link läuft in {{expires_in}} ab. Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.`,
    },
    sms: { text: '{{org.name}}: Passwort für {{app.name}} zurücksetzen: {{link}} (gültig für {{expires_in}})' },
    voice: {
      script:
        'Hallo{{#user.name}} {{user.name}}{{/user.name}}. Hier ist {{org.name}}. Für Ihr Konto bei {{app.name}} wurde ein neues Passwort angefordert. Öffnen Sie innerhalb von {{expires_in}} den Link in der E-Mail, die wir Ihnen gesendet haben.',
    },
  },
  email_verification: {
    email: {
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse für {{org.name}}',
      html: `<p>Hallo{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Bitte bestätigen Sie, dass {{user.email}} Ihre Adresse für {{org.name}} bei {{app.name}} ist.</p>
<p><a class="button" href="{{link}}">Adresse bestätigen</a></p>
<p>Falls Sie kein Konto angelegt haben, können Sie diese Nachricht ignorieren.</p>`,
      text: `Hallo{{#user.name}} {{user.name}}{{/user.name}},

Bitte bestätigen Sie, dass {{user.email}} Ihre Adresse für {{org.name}} bei {{app.name}} ist.

Adresse bestätigen: {{link}}

Falls Sie kein Konto angelegt haben, können Sie diese Nachricht ignorieren.`,
    },
    sms: { text: '{{org.name}}: Bestätigen Sie Ihre E-Mail-Adresse für {{app.name}}: {{link}}' },
    voice: {
      script:
        'Hallo{{#user.name}} {{user.name}}{{/user.name}}. Hier ist {{org.name}}. Bitte bestätigen Sie Ihre E-Mail-Adresse über den Link in unserer Nachricht.',
    },
  },
  mfa_code: {
    email: {
      subject: 'Ihr Anmeldecode für {{org.name}}: {{code}}',
      html: `<p>Hallo{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Ihr Code für die Anmeldung bei {{app.name}} für {{org.name}} lautet:</p>
<p class="code">{{code}}</p>
<p>Er läuft in {{expires_in}} ab. Geben Sie diesen Code niemals weiter.</p>`,
      text: `Hallo{{#user.name}} {{user.name}}{{/user.name}},

Ihr Code für die Anmeldung bei {{app.name}} für {{org.name}} lautet: {{code}}

Er läuft in {{expires_in}} ab. Geben Sie diesen Code niemals weiter.`,
    },
    sms: { text: '{{code}} ist Ihr Anmeldecode für {{org.name}}. Gültig für {{expires_in}}.' },
    voice: {
      script:
        'Hallo{{#user.name}} {{user.name}}{{/user.name}}. Ihr Anmeldecode für {{org.name}} lautet {{code}}. Ich wiederhole: {{code}}. Der Code läuft in {{expires_in}} ab.',
    },
  },
  new_device: {
    email: {
      subject: 'Neue Anmeldung bei Ihrem {{org.name}}-Konto',
      html: `<p>Hallo{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Mit Ihrem {{org.name}}-Konto ({{user.email}}) hat sich jemand von einem neuen Gerät bei {{app.name}} angemeldet:</p>
<p><strong>{{device}}</strong><br>IP-Adresse {{ip}}<br>{{time}}</p>
<p>Waren Sie das, ist nichts zu tun. Andernfalls <a href="{{link}}">prüfen Sie Ihre Kontoaktivität</a> und ändern Sie Ihr Passwort.</p>`,
      text: `Hallo{{#user.name}} {{user.name}}{{/user.name}},

Mit Ihrem {{org.name}}-Konto ({{user.email}}) hat sich jemand von einem neuen Gerät bei {{app.name}} angemeldet:

{{device}}, IP-Adresse {{ip}}, {{time}}

Waren Sie das, ist nichts zu tun. Andernfalls prüfen Sie Ihre Kontoaktivität und ändern Sie Ihr Passwort: {{link}}`,
    },
    sms: { text: '{{org.name}}: Neue Anmeldung von {{device}} ({{ip}}) um {{time}}. Nicht Sie? {{link}}' },
    voice: {
      script:
        'Hallo{{#user.name}} {{user.name}}{{/user.name}}. Hier ist {{org.name}}. Mit Ihrem Konto hat sich jemand von einem neuen Gerät angemeldet: {{device}}, um {{time}}. Falls Sie das nicht waren, prüfen Sie bitte sofort Ihre Kontoaktivität.',
    },
  },
};
