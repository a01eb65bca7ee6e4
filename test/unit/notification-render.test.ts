// The template language's save-time checks, escaping, SMS length and link extraction.
import { describe, expect, it } from 'vitest';
import { frameEmail } from '../../server/notifications/email-frame';
import { extractLinks } from '../../server/notifications/extract-links';
import { checkTemplate, renderTemplate } from '../../server/notifications/render-template';
import { smsLength } from '../../server/notifications/sms-segments';

const rules = { path: 'email.html', allowed: new Set(['org.name', 'user.name', 'link']), html: true };

describe('checkTemplate', () => {
  it('accepts known variables, sections and comments', () => {
    const source =
      '<p>{{! greeting }}Hi {{user.name}}</p>\n{{#link}}<a href="{{link}}">go</a>{{/link}}{{^link}}-{{/link}}';
    expect(checkTemplate(source, rules)).toEqual([]);
  });

  it('names the field, line and variable of an unknown variable', () => {
    const issues = checkTemplate('<p>Hi</p>\n<p>{{user.name}}</p>\n<p>{{user.nmae}}</p>', rules);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('email.html');
    expect(issues[0]?.message).toMatch(/^line 3: unknown variable "user\.nmae"/);
    expect(issues[0]?.message).toContain('user.name');
  });

  it('reports unknown section names too', () => {
    expect(checkTemplate('{{#coupon}}x{{/coupon}}', rules)[0]?.message).toMatch(/unknown variable "coupon"/);
  });

  it.each([
    ['Hi\n{{user.name', 'line 2: unclosed tag'],
    ['Hi\n\n{{#link}} never closed', 'line 3: unclosed section "link"'],
    ['{{/link}}', 'line 1: unopened section "link"'],
  ])('turns the syntax error in %j into a line-numbered message', (source, message) => {
    expect(checkTemplate(source, rules)).toEqual([{ path: 'email.html', message }]);
  });

  it('refuses unescaped output in HTML but allows it in text fields', () => {
    expect(checkTemplate('{{{user.name}}} {{& org.name}}', rules).map((issue) => issue.message)).toEqual([
      'line 1: "user.name" must be escaped in HTML; write {{user.name}} instead of {{{user.name}}}',
      'line 1: "org.name" must be escaped in HTML; write {{org.name}} instead of {{{org.name}}}',
    ]);
    expect(checkTemplate('{{{user.name}}}', { ...rules, path: 'email.text', html: false })).toEqual([]);
  });

  it('refuses partials', () => {
    expect(checkTemplate('{{> footer}}', rules)[0]?.message).toMatch(/partials/);
  });
});

describe('renderTemplate', () => {
  const variables = { 'user.name': '<b>Jane & "Co"</b>', link: 'https://x.test/a?b=1&c=2' };

  it('escapes values in HTML and leaves text alone', () => {
    expect(renderTemplate('{{user.name}} <a href="{{link}}">x</a>', variables, true)).toBe(
      '&lt;b&gt;Jane &amp; &quot;Co&quot;&lt;/b&gt; <a href="https://x.test/a?b=1&amp;c=2">x</a>',
    );
    expect(renderTemplate('{{user.name}} {{link}}', variables, false)).toBe(
      '<b>Jane & "Co"</b> https://x.test/a?b=1&c=2',
    );
  });

  it('renders a missing variable as empty and a section only when set', () => {
    expect(renderTemplate('[{{user.name}}]{{#link}}({{link}}){{/link}}', {}, false)).toBe('[]');
  });
});

describe('frameEmail', () => {
  it('applies the theme and refuses values that would break out of CSS or HTML', () => {
    const html = frameEmail({
      body: '<p>x</p>',
      subject: 'S',
      locale: 'de',
      theme: { displayName: 'Ac<me', primaryColor: 'red;}</style>', fontFamily: 'Inter;}', logoUrl: 'javascript:x' },
    });
    expect(html).toContain('Ac&lt;me');
    expect(html).not.toContain('red;}');
    expect(html).toContain('#4f46e5');
    expect(html).toContain('font-family: Inter,');
    expect(html).not.toContain('javascript:');
    const logo = frameEmail({
      body: '',
      subject: 'S',
      locale: 'en',
      theme: { displayName: 'A', primaryColor: '#fff', logoUrl: 'http://127.0.0.1:9/logo.png' },
    });
    expect(logo).toContain('<img src="http://127.0.0.1:9/logo.png"');
    expect(logo).toContain('color: #111827'); // dark text on a light button
  });
});

describe('smsLength', () => {
  it.each([
    ['', 0, 0, 'GSM-7'],
    ['a'.repeat(160), 160, 1, 'GSM-7'],
    ['a'.repeat(161), 161, 2, 'GSM-7'],
    ['€'.repeat(80), 160, 1, 'GSM-7'],
    ['ü'.repeat(10), 10, 1, 'GSM-7'],
    ['ł'.repeat(70), 70, 1, 'UCS-2'],
    ['ł'.repeat(71), 71, 2, 'UCS-2'],
    ['😀', 2, 1, 'UCS-2'],
  ])('%j has %i characters in %i segment(s) of %s', (text, characters, segments, encoding) => {
    expect(smsLength(text)).toEqual({ characters, segments, encoding });
  });
});

describe('extractLinks', () => {
  it('finds hrefs (entity-decoded) then bare URLs, once each, skipping non-http links', () => {
    const html =
      '<a href="https://a.test/x?y=1&amp;z=2">a</a> <a href=\'mailto:x@y\'>m</a> <a href="https://b.test">b</a>';
    const text = 'Open https://a.test/x?y=1&z=2, or https://c.test/path. Thanks';
    expect(extractLinks(html, text)).toEqual(['https://a.test/x?y=1&z=2', 'https://b.test', 'https://c.test/path']);
    expect(extractLinks(null, 'no links')).toEqual([]);
  });
});
