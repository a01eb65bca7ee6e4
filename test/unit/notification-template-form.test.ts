// The template editor's pure helpers: fields per channel, error placement, inserting a
// variable at the cursor, the locale a scope opens on, and the outbox's summaries.
import { describe, expect, it } from 'vitest';
import type { LocaleSettings, OutboxMessage } from '../../server/model/notification';
import { previewDocument } from '../../renderer/src/pages/branding/notifications/email-frame-doc';
import { summaryOf } from '../../renderer/src/pages/branding/notifications/outbox-format';
import {
  contentFor,
  effectiveLocale,
  errorsByPath,
  fieldsOf,
  insertVariable,
  sameContent,
} from '../../renderer/src/pages/branding/notifications/template-form';

describe('template editor helpers', () => {
  it('lists the fields of each channel', () => {
    expect(fieldsOf('email').map((f) => f.field)).toEqual(['subject', 'html', 'text']);
    expect(fieldsOf('sms').map((f) => f.field)).toEqual(['text']);
    expect(fieldsOf('voice').map((f) => f.field)).toEqual(['script']);
    expect(contentFor('sms', { subject: 'x', text: 'hi' })).toEqual({ text: 'hi' });
    expect(contentFor('voice', {})).toEqual({ script: '' });
  });

  it('puts errors beside their field and the rest above the buttons', () => {
    expect(
      errorsByPath('email', [
        { path: 'email.html', message: 'line 2: unknown variable "x"' },
        { path: 'email.html', message: 'line 3: unclosed tag' },
        { path: 'kind', message: 'bad' },
      ]),
    ).toEqual({ 'email.html': ['line 2: unknown variable "x"', 'line 3: unclosed tag'], '': ['bad'] });
  });

  it('inserts a variable in place of the selection, or at the end', () => {
    expect(insertVariable('Hi !', 'user.name', { start: 3, end: 3 })).toEqual({
      value: 'Hi {{user.name}}!',
      caret: 16,
    });
    expect(insertVariable('Hi XX!', 'code', { start: 3, end: 5 })).toEqual({ value: 'Hi {{code}}!', caret: 11 });
    expect(insertVariable('Code: ', 'code')).toEqual({ value: 'Code: {{code}}', caret: 14 });
    expect(insertVariable('ab', 'code', { start: 9, end: 2 })).toEqual({ value: 'ab{{code}}', caret: 10 });
  });

  it('compares drafts by value', () => {
    expect(sameContent({ text: 'a' }, { text: 'a', subject: '' })).toBe(true);
    expect(sameContent({ text: 'a' }, { text: 'b' })).toBe(false);
  });

  it('opens a scope on the chosen locale while it is enabled, else on its default', () => {
    const settings: LocaleSettings = { enabledLocales: ['de', 'en'], defaultLocale: 'de' };
    expect(effectiveLocale(null, settings)).toBe('de');
    expect(effectiveLocale('en', settings)).toBe('en');
    expect(effectiveLocale('fr', settings)).toBe('de');
  });

  it('makes links in a previewed email open a new window', () => {
    expect(previewDocument('<html><head><title>x</title></head></html>')).toBe(
      '<html><head><base target="_blank"><title>x</title></head></html>',
    );
    expect(previewDocument('<p>x</p>')).toBe('<base target="_blank"><p>x</p>');
  });

  it('summarizes a message by its subject, else its text, on one line', () => {
    const base = { subject: null, text: 'Your code\nis 1234' } as OutboxMessage;
    expect(summaryOf(base)).toBe('Your code is 1234');
    expect(summaryOf({ ...base, subject: 'Reset' })).toBe('Reset');
    expect(summaryOf({ ...base, text: 'x'.repeat(100) }, 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
