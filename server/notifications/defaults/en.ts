/** Built-in English notification texts. */
import type { LocaleTemplates } from './types';

export const EN: LocaleTemplates = {
  invitation: {
    email: {
      subject: '{{inviter.name}} invited you to {{org.name}} on {{app.name}}',
      html: `<p>Hello{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>{{inviter.name}} invited you to join <strong>{{org.name}}</strong> on {{app.name}}.</p>
<p><a class="button" href="{{link}}">Accept the invitation</a></p>
<p>The invitation expires in {{expires_in}}. It was sent to {{user.email}}; if you did not expect it, you can ignore this message.</p>`,
      text: `Hello{{#user.name}} {{user.name}}{{/user.name}},

{{inviter.name}} invited you to join {{org.name}} on {{app.name}}.

Accept the invitation: {{link}}

The invitation expires in {{expires_in}}. It was sent to {{user.email}}; if you did not expect it, you can ignore this message.`,
    },
    sms: { text: '{{inviter.name}} invited you to {{org.name}} on {{app.name}}: {{link}} (expires in {{expires_in}})' },
    voice: {
      script:
        'Hello{{#user.name}} {{user.name}}{{/user.name}}. {{inviter.name}} invited you to join {{org.name}} on {{app.name}}. To accept, open the link in the email we sent you. The invitation expires in {{expires_in}}.',
    },
  },
  password_reset: {
    email: {
      subject: 'Reset your {{org.name}} password',
      html: `<p>Hello{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Someone asked to reset the password of your {{org.name}} account ({{user.email}}) on {{app.name}}.</p>
<p><a class="button" href="{{link}}">Choose a new password</a></p>
<p>The link expires in {{expires_in}}. If you did not ask for this, ignore this message: your password stays as it is.</p>`,
      text: `Hello{{#user.name}} {{user.name}}{{/user.name}},

Someone asked to reset the password of your {{org.name}} account ({{user.email}}) on {{app.name}}.

Choose a new password: {{link}}

The link expires in {{expires_in}}. If you did not ask for this, ignore this message: your password stays as it is.`,
    },
    sms: { text: '{{org.name}}: reset your {{app.name}} password at {{link}} (expires in {{expires_in}})' },
    voice: {
      script:
        'Hello{{#user.name}} {{user.name}}{{/user.name}}. This is {{org.name}}. A password reset was requested for your {{app.name}} account. Open the link in the email we sent you within {{expires_in}} to choose a new password.',
    },
  },
  email_verification: {
    email: {
      subject: 'Confirm your email address for {{org.name}}',
      html: `<p>Hello{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Please confirm that {{user.email}} is your address for {{org.name}} on {{app.name}}.</p>
<p><a class="button" href="{{link}}">Confirm my address</a></p>
<p>If you did not create an account, you can ignore this message.</p>`,
      text: `Hello{{#user.name}} {{user.name}}{{/user.name}},

Please confirm that {{user.email}} is your address for {{org.name}} on {{app.name}}.

Confirm my address: {{link}}

If you did not create an account, you can ignore this message.`,
    },
    sms: { text: '{{org.name}}: confirm your email address for {{app.name}}: {{link}}' },
    voice: {
      script:
        'Hello{{#user.name}} {{user.name}}{{/user.name}}. This is {{org.name}}. Please confirm your email address by opening the link in the message we sent you.',
    },
  },
  mfa_code: {
    email: {
      subject: 'Your {{org.name}} sign-in code: {{code}}',
      html: `<p>Hello{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Your code to sign in to {{app.name}} for {{org.name}} is:</p>
<p class="code">{{code}}</p>
<p>It expires in {{expires_in}}. Never share this code with anyone.</p>`,
      text: `Hello{{#user.name}} {{user.name}}{{/user.name}},

Your code to sign in to {{app.name}} for {{org.name}} is: {{code}}

It expires in {{expires_in}}. Never share this code with anyone.`,
    },
    sms: { text: '{{code}} is your {{org.name}} sign-in code. It expires in {{expires_in}}.' },
    voice: {
      script:
        'Hello{{#user.name}} {{user.name}}{{/user.name}}. Your {{org.name}} sign-in code is {{code}}. Again, your code is {{code}}. It expires in {{expires_in}}.',
    },
  },
  new_device: {
    email: {
      subject: 'New sign-in to your {{org.name}} account',
      html: `<p>Hello{{#user.name}} {{user.name}}{{/user.name}},</p>
<p>Your {{org.name}} account ({{user.email}}) was used to sign in to {{app.name}} from a new device:</p>
<p><strong>{{device}}</strong><br>IP address {{ip}}<br>{{time}}</p>
<p>If this was you, there is nothing to do. If not, <a href="{{link}}">review your account activity</a> and change your password.</p>`,
      text: `Hello{{#user.name}} {{user.name}}{{/user.name}},

Your {{org.name}} account ({{user.email}}) was used to sign in to {{app.name}} from a new device:

{{device}}, IP address {{ip}}, {{time}}

If this was you, there is nothing to do. If not, review your account activity and change your password: {{link}}`,
    },
    sms: { text: '{{org.name}}: new sign-in from {{device}} ({{ip}}) at {{time}}. Not you? {{link}}' },
    voice: {
      script:
        'Hello{{#user.name}} {{user.name}}{{/user.name}}. This is {{org.name}}. Your account was used to sign in from a new device, {{device}}, at {{time}}. If this was not you, review your account activity right away.',
    },
  },
};
