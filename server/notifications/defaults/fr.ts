/** Built-in French notification texts. */
import type { LocaleTemplates } from './types';

export const FR: LocaleTemplates = {
  invitation: {
    email: {
      subject: '{{inviter.name}} vous invite à rejoindre {{org.name}} sur {{app.name}}',
      html: `<p>Bonjour{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>{{inviter.name}} vous invite à rejoindre <strong>{{org.name}}</strong> sur {{app.name}}.</p>
<p><a class="button" href="{{link}}">Accepter l’invitation</a></p>
<p>L’invitation expire dans {{expires_in}}. Elle a été envoyée à {{user.email}} ; si vous ne l’attendiez pas, ignorez ce message.</p>`,
      text: `Bonjour{{#user.name}} {{user.name}}{{/user.name}},

{{inviter.name}} vous invite à rejoindre {{org.name}} sur {{app.name}}.

Accepter l’invitation : {{link}}

L’invitation expire dans {{expires_in}}. Elle a été envoyée à {{user.email}} ; si vous ne l’attendiez pas, ignorez ce message.`,
    },
    sms: {
      text: '{{inviter.name}} vous invite sur {{org.name}} ({{app.name}}) : {{link}} (expire dans {{expires_in}})',
    },
    voice: {
      script:
        'Bonjour{{#user.name}} {{user.name}}{{/user.name}}. {{inviter.name}} vous invite à rejoindre {{org.name}} sur {{app.name}}. Pour accepter, ouvrez le lien de l’e-mail que nous vous avons envoyé. L’invitation expire dans {{expires_in}}.',
    },
  },
  password_reset: {
    email: {
      subject: 'Réinitialisez votre mot de passe {{org.name}}',
      html: `<p>Bonjour{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Une réinitialisation du mot de passe de votre compte {{org.name}} ({{user.email}}) sur {{app.name}} a été demandée.</p>
<p><a class="button" href="{{link}}">Choisir un nouveau mot de passe</a></p>
<p>Le lien expire dans {{expires_in}}. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.</p>`,
      text: `Bonjour{{#user.name}} {{user.name}}{{/user.name}},

Une réinitialisation du mot de passe de votre compte {{org.name}} ({{user.email}}) sur {{app.name}} a été demandée.

Choisir un nouveau mot de passe : {{link}}

Le lien expire dans {{expires_in}}. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.`,
    },
    sms: {
      text: '{{org.name}} : réinitialisez votre mot de passe {{app.name}} : {{link}} (expire dans {{expires_in}})',
    },
    voice: {
      script:
        'Bonjour{{#user.name}} {{user.name}}{{/user.name}}. Ici {{org.name}}. Une réinitialisation de votre mot de passe {{app.name}} a été demandée. Ouvrez dans les {{expires_in}} le lien de l’e-mail que nous vous avons envoyé.',
    },
  },
  email_verification: {
    email: {
      subject: 'Confirmez votre adresse e-mail pour {{org.name}}',
      html: `<p>Bonjour{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Merci de confirmer que {{user.email}} est votre adresse pour {{org.name}} sur {{app.name}}.</p>
<p><a class="button" href="{{link}}">Confirmer mon adresse</a></p>
<p>Si vous n’avez pas créé de compte, ignorez ce message.</p>`,
      text: `Bonjour{{#user.name}} {{user.name}}{{/user.name}},

Merci de confirmer que {{user.email}} est votre adresse pour {{org.name}} sur {{app.name}}.

Confirmer mon adresse : {{link}}

Si vous n’avez pas créé de compte, ignorez ce message.`,
    },
    sms: { text: '{{org.name}} : confirmez votre adresse e-mail pour {{app.name}} : {{link}}' },
    voice: {
      script:
        'Bonjour{{#user.name}} {{user.name}}{{/user.name}}. Ici {{org.name}}. Merci de confirmer votre adresse e-mail en ouvrant le lien du message que nous vous avons envoyé.',
    },
  },
  mfa_code: {
    email: {
      subject: 'Votre code de connexion {{org.name}} : {{code}}',
      html: `<p>Bonjour{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Votre code pour vous connecter à {{app.name}} pour {{org.name}} est :</p>
<p class="code">{{code}}</p>
<p>Il expire dans {{expires_in}}. Ne communiquez jamais ce code.</p>`,
      text: `Bonjour{{#user.name}} {{user.name}}{{/user.name}},

Votre code pour vous connecter à {{app.name}} pour {{org.name}} est : {{code}}

Il expire dans {{expires_in}}. Ne communiquez jamais ce code.`,
    },
    sms: { text: '{{code}} est votre code de connexion {{org.name}}. Il expire dans {{expires_in}}.' },
    voice: {
      script:
        'Bonjour{{#user.name}} {{user.name}}{{/user.name}}. Votre code de connexion {{org.name}} est {{code}}. Je répète : {{code}}. Il expire dans {{expires_in}}.',
    },
  },
  new_device: {
    email: {
      subject: 'Nouvelle connexion à votre compte {{org.name}}',
      html: `<p>Bonjour{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Votre compte {{org.name}} ({{user.email}}) a servi à se connecter à {{app.name}} depuis un nouvel appareil :</p>
<p><strong>{{device}}</strong><br>Adresse IP {{ip}}<br>{{time}}</p>
<p>Si c’était vous, il n’y a rien à faire. Sinon, <a href="{{link}}">vérifiez l’activité de votre compte</a> et changez votre mot de passe.</p>`,
      text: `Bonjour{{#user.name}} {{user.name}}{{/user.name}},

Votre compte {{org.name}} ({{user.email}}) a servi à se connecter à {{app.name}} depuis un nouvel appareil :

{{device}}, adresse IP {{ip}}, {{time}}

Si c’était vous, il n’y a rien à faire. Sinon, vérifiez l’activité de votre compte et changez votre mot de passe : {{link}}`,
    },
    sms: { text: '{{org.name}} : nouvelle connexion depuis {{device}} ({{ip}}) à {{time}}. Pas vous ? {{link}}' },
    voice: {
      script:
        'Bonjour{{#user.name}} {{user.name}}{{/user.name}}. Ici {{org.name}}. Votre compte a servi à se connecter depuis un nouvel appareil, {{device}}, à {{time}}. Si ce n’était pas vous, vérifiez tout de suite l’activité de votre compte.',
    },
  },
};
