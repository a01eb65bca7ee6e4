import { describe, expect, it } from 'vitest';
import { draftFrom, fieldErrorsFrom, splitDomains, toInput, validateDraft } from '../../renderer/src/pages/org-form';

describe('organization form', () => {
  const draft = { name: 'Acme', slug: '', parentId: '', domains: 'acme.com, acme.io\nacme.eu' };

  it('turns a draft into API input', () => {
    expect(toInput(draft)).toEqual({ name: 'Acme', parentId: null, domains: ['acme.com', 'acme.io', 'acme.eu'] });
    expect(splitDomains('  ')).toEqual([]);
  });

  it('starts a sub-organization draft under its parent', () => {
    expect(draftFrom(undefined, 'org_1')).toEqual({ name: '', slug: '', parentId: 'org_1', domains: '' });
  });

  it('puts each error beside its field, naming the offending domain', () => {
    const errors = validateDraft({ ...draft, name: ' ', domains: 'acme.com\nnot a domain' });
    expect(errors.name).toBe('must not be empty');
    expect(errors.domains).toMatch(/^not:/);
    expect(validateDraft(draft)).toEqual({});
  });

  it('maps server field paths to fields', () => {
    const errors = fieldErrorsFrom(
      [
        { path: 'domains[1]', message: 'acme.io already belongs to "Other"' },
        { path: 'slug', message: 'already used by "Acme"' },
      ],
      draft,
    );
    expect(errors).toEqual({ domains: 'acme.io already belongs to "Other"', slug: 'already used by "Acme"' });
  });
});
