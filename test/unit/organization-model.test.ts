import { describe, expect, it } from 'vitest';
import {
  createOrganizationSchema,
  emailDomainSchema,
  orgSlugSchema,
  slugify,
  updateOrganizationSchema,
} from '../../server/model/organization';
import { formatPath, parseInput } from '../../server/model/validation';
import { ValidationError } from '../../server/errors';

describe('organization schemas', () => {
  it('accepts and normalises email domains', () => {
    expect(emailDomainSchema.parse(' Acme.COM ')).toBe('acme.com');
    expect(emailDomainSchema.parse('eu.acme.co.uk')).toBe('eu.acme.co.uk');
  });

  it.each(['acme', '*.acme.com', 'acme..com', '-acme.com', 'ac me.com', 'acme.com/x', 'user@acme.com', ''])(
    'refuses the domain %j',
    (domain) => {
      expect(emailDomainSchema.safeParse(domain).success).toBe(false);
    },
  );

  it.each(['a', 'Acme', 'acme_corp', '-acme', 'acme-', 'x'.repeat(64)])('refuses the slug %j', (slug) => {
    expect(orgSlugSchema.safeParse(slug).success).toBe(false);
  });

  it('names every bad field by path', () => {
    let error: unknown;
    try {
      parseInput(createOrganizationSchema, { name: '', domains: ['ok.com', 'bad', 'ok.com'], extra: 1 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).fields?.map((field) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'domains[1]', 'domains[2]', '']));
  });

  it('refuses unknown keys, including __proto__', () => {
    const input = JSON.parse('{"name":"Acme","__proto__":{"polluted":true}}') as unknown;
    expect(createOrganizationSchema.safeParse(input).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('requires an update to change something', () => {
    expect(updateOrganizationSchema.safeParse({}).success).toBe(false);
    expect(updateOrganizationSchema.safeParse({ name: 'New' }).success).toBe(true);
  });

  it('derives slugs from names', () => {
    expect(slugify('Acme Corp.')).toBe('acme-corp');
    expect(slugify('Société Générale')).toBe('societe-generale');
    expect(slugify('X')).toBe('org-x');
    expect(slugify('!!!')).toBe('org-new');
  });

  it('formats paths like connections[2].saml.idpCert', () => {
    expect(formatPath(['connections', 2, 'saml', 'idpCert'])).toBe('connections[2].saml.idpCert');
    expect(formatPath([])).toBe('');
  });
});
