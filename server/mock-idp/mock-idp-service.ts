/**
 * Mock customer IdPs: create them (each with its own key and certificate), manage their
 * personas and switch faults on and off. The protocol ends (SAML in mock-idp/saml/, OIDC
 * in mock-idp/oidc/) read them through here.
 */
import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import {
  FAULTS,
  faultInputSchema,
  mockIdpInputSchema,
  personaInputSchema,
  samlMockSettingsSchema,
  vendorPresetSchema,
  type ActiveFault,
  type MockIdp,
  type Persona,
  type SamlMockSettings,
} from '../model/federation';
import { parseInput } from '../model/validation';
import type { Clock } from '../runtime/clock';
import { newId } from '../runtime/ids';
import type { MockIdpRecord, MockIdpRepository } from '../store/mock-idp-repository';
import { z } from 'zod';
import { certificateFingerprint, createSelfSignedCertificate } from './certificate';

const DEFAULT_SAML: SamlMockSettings = {
  signResponse: true,
  signAssertion: true,
  encryptAssertion: false,
  nameIdFormat: 'emailAddress',
  assertionLifetimeMinutes: 5,
};

const updateSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100).optional(),
    preset: vendorPresetSchema.optional(),
    saml: samlMockSettingsSchema.partial().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'must change at least one field' });

export interface MockIdpUrls {
  /** SAML entity ID or OIDC issuer. */
  entityId: string;
  metadataUrl: string;
  ssoUrl: string;
}

export class MockIdpService {
  readonly #repo: MockIdpRepository;
  readonly #clock: Clock;
  readonly #protocolUrl: () => string;

  constructor(repo: MockIdpRepository, clock: Clock, protocolUrl: () => string) {
    this.#repo = repo;
    this.#clock = clock;
    this.#protocolUrl = protocolUrl;
  }

  list(): MockIdp[] {
    return this.#repo.list().map((record) => this.#view(record));
  }

  get(idOrSlug: string): MockIdp {
    return this.#view(this.#mustFind(idOrSlug));
  }

  /** The full record, private key included (for the protocol ends, never the API). */
  record(idOrSlug: string): MockIdpRecord | undefined {
    return this.#repo.find(idOrSlug) ?? this.#repo.findBySlug(idOrSlug);
  }

  urls(record: Pick<MockIdpRecord, 'kind' | 'slug'>): MockIdpUrls {
    const base = `${this.#protocolUrl()}/mock/${record.kind}/${record.slug}`;
    return record.kind === 'saml'
      ? { entityId: base, metadataUrl: `${base}/metadata`, ssoUrl: `${base}/sso` }
      : { entityId: base, metadataUrl: `${base}/.well-known/openid-configuration`, ssoUrl: `${base}/authorize` };
  }

  async create(input: unknown, personas?: unknown[]): Promise<MockIdp> {
    const data = parseInput(mockIdpInputSchema, input);
    if (this.#repo.findBySlug(data.slug)) {
      throw new ConflictError('mock_idp_exists', `A mock IdP "${data.slug}" exists.`, [
        { path: 'slug', message: 'already used' },
      ]);
    }
    const now = this.#clock.now();
    const { privateKeyPem, certificatePem } = await createSelfSignedCertificate(
      `${data.name} (Orgbench mock IdP)`,
      now,
    );
    const record: MockIdpRecord = {
      id: newId('idp'),
      slug: data.slug,
      name: data.name,
      kind: data.kind,
      preset: data.preset,
      settings: data.kind === 'saml' ? { ...DEFAULT_SAML, ...data.saml } : {},
      privateKeyPem,
      certificatePem,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const inputs = personas ?? defaultPersonas(data.slug);
    const parsed = inputs.map((persona, index) => {
      try {
        return parseInput(personaInputSchema, persona);
      } catch (error) {
        if (error instanceof ValidationError) {
          throw new ValidationError(
            (error.fields ?? []).map((field) => ({ path: `personas[${index}].${field.path}`, message: field.message })),
          );
        }
        throw error;
      }
    });
    this.#repo.transaction(() => {
      this.#repo.upsert(record);
      parsed.forEach((persona, position) => this.#repo.upsertPersona(this.#toPersona(record.id, persona, position)));
    });
    return this.#view(record);
  }

  update(idOrSlug: string, input: unknown): MockIdp {
    const patch = parseInput(updateSchema, input);
    const current = this.#mustFind(idOrSlug);
    const next: MockIdpRecord = {
      ...current,
      name: patch.name ?? current.name,
      preset: patch.preset ?? current.preset,
      settings: current.kind === 'saml' ? { ...current.settings, ...patch.saml } : current.settings,
      updatedAt: this.#clock.now().toISOString(),
    };
    this.#repo.upsert(next);
    return this.#view(next);
  }

  delete(idOrSlug: string): void {
    this.#repo.delete(this.#mustFind(idOrSlug).id);
  }

  personas(idOrSlug: string): Persona[] {
    return this.#repo.personas(this.#mustFind(idOrSlug).id);
  }

  persona(idOrSlug: string, handle: string): Persona | undefined {
    return this.personas(idOrSlug).find((persona) => persona.handle === handle);
  }

  savePersona(idOrSlug: string, input: unknown, personaId?: string): Persona {
    const idp = this.#mustFind(idOrSlug);
    const data = parseInput(personaInputSchema, input);
    const existing = this.#repo.personas(idp.id);
    const clash = existing.find((persona) => persona.handle === data.handle && persona.id !== personaId);
    if (clash)
      throw new ConflictError('persona_exists', `A persona "${data.handle}" exists.`, [
        { path: 'handle', message: 'already used' },
      ]);
    const current = personaId ? existing.find((persona) => persona.id === personaId) : undefined;
    if (personaId && !current) throw new NotFoundError('persona_not_found', `No persona ${personaId}.`);
    const persona = this.#toPersona(idp.id, data, current?.position ?? existing.length, current);
    this.#repo.upsertPersona(persona);
    return persona;
  }

  deletePersona(idOrSlug: string, personaId: string): void {
    if (!this.#repo.deletePersona(this.#mustFind(idOrSlug).id, personaId)) {
      throw new NotFoundError('persona_not_found', `No persona ${personaId}.`);
    }
  }

  /** `count` personas named `<prefix>-1…n`, spread over `groups` round-robin. */
  generatePersonas(idOrSlug: string, input: unknown): Persona[] {
    const { count, prefix, domain, groups } = parseInput(
      z.strictObject({
        count: z.number().int().min(1).max(500),
        prefix: z
          .string()
          .regex(/^[a-z][a-z0-9-]{0,30}$/, 'must be lowercase letters, digits and -')
          .default('user'),
        domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain such as acme.test'),
        groups: z.array(z.string().min(1)).max(20).default([]),
      }),
      input,
    );
    const idp = this.#mustFind(idOrSlug);
    const taken = new Set(this.#repo.personas(idp.id).map((persona) => persona.handle));
    const created: Persona[] = [];
    this.#repo.transaction(() => {
      let n = 1;
      while (created.length < count) {
        const handle = `${prefix}-${n}`;
        n += 1;
        if (taken.has(handle)) continue;
        const group = groups.length > 0 ? [groups[created.length % groups.length] as string] : [];
        const persona = this.#toPersona(
          idp.id,
          parseInput(personaInputSchema, {
            handle,
            displayName: `${prefix[0]?.toUpperCase()}${prefix.slice(1)} ${n - 1}`,
            email: `${handle}@${domain}`,
            groups: group,
          }),
          taken.size + created.length,
        );
        this.#repo.upsertPersona(persona);
        created.push(persona);
      }
    });
    return created;
  }

  faults(idOrSlug: string): ActiveFault[] {
    return this.#repo.faults(this.#mustFind(idOrSlug).id);
  }

  addFault(idOrSlug: string, input: unknown): ActiveFault {
    const idp = this.#mustFind(idOrSlug);
    const data = parseInput(faultInputSchema, input);
    if (!(FAULTS[data.fault].kinds as readonly string[]).includes(idp.kind)) {
      throw new ValidationError([
        { path: 'fault', message: `${data.fault} does not apply to ${idp.kind.toUpperCase()} IdPs` },
      ]);
    }
    if ((data.fault === 'clock_skew' || data.fault === 'slow') && data.amount === undefined) {
      throw new ValidationError([
        {
          path: 'amount',
          message: data.fault === 'slow' ? 'give the delay in milliseconds' : 'give the skew in minutes',
        },
      ]);
    }
    const fault: ActiveFault = {
      id: newId('flt'),
      mockIdpId: idp.id,
      fault: data.fault,
      mode: data.mode,
      amount: data.amount ?? null,
      createdAt: this.#clock.now().toISOString(),
    };
    this.#repo.insertFault(fault);
    return fault;
  }

  removeFault(idOrSlug: string, faultId: string): void {
    if (!this.#repo.deleteFault(this.#mustFind(idOrSlug).id, faultId)) {
      throw new NotFoundError('fault_not_found', `No fault ${faultId}.`);
    }
  }

  /** The faults to apply to the login being answered now; one-shot ones are used up. */
  takeFaults(mockIdpId: string): ActiveFault[] {
    return this.#repo.transaction(() => {
      const active = this.#repo.faults(mockIdpId);
      for (const fault of active) if (fault.mode === 'next') this.#repo.deleteFault(mockIdpId, fault.id);
      return active;
    });
  }

  #toPersona(
    mockIdpId: string,
    data: z.output<typeof personaInputSchema>,
    position: number,
    current?: Persona,
  ): Persona {
    return {
      id: current?.id ?? newId('per'),
      mockIdpId,
      handle: data.handle,
      displayName: data.displayName,
      email: data.email,
      givenName: data.givenName ?? null,
      familyName: data.familyName ?? null,
      subject: data.subject ?? current?.subject ?? randomBytes(10).toString('hex'),
      groups: data.groups,
      attributes: data.attributes,
      position,
    };
  }

  #mustFind(idOrSlug: string): MockIdpRecord {
    const record = this.record(idOrSlug);
    if (!record) throw new NotFoundError('mock_idp_not_found', `No mock IdP has the id or slug "${idOrSlug}".`);
    return record;
  }

  #view(record: MockIdpRecord): MockIdp {
    const urls = this.urls(record);
    return {
      id: record.id,
      slug: record.slug,
      name: record.name,
      kind: record.kind,
      preset: record.preset,
      entityId: urls.entityId,
      metadataUrl: urls.metadataUrl,
      saml: record.kind === 'saml' ? ({ ...DEFAULT_SAML, ...record.settings } as SamlMockSettings) : null,
      certificate: record.certificatePem,
      fingerprint: certificateFingerprint(record.certificatePem),
      personas: this.#repo.personas(record.id),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }
}

function defaultPersonas(slug: string): unknown[] {
  const domain = `${slug}.example`;
  return [
    {
      handle: 'jane',
      displayName: 'Jane Admin',
      email: `jane@${domain}`,
      givenName: 'Jane',
      familyName: 'Admin',
      groups: ['admins', 'everyone'],
    },
    {
      handle: 'sam',
      displayName: 'Sam User',
      email: `sam@${domain}`,
      givenName: 'Sam',
      familyName: 'User',
      groups: ['everyone'],
    },
    {
      handle: 'lee',
      displayName: 'Lee Contractor',
      email: `lee@${domain}`,
      givenName: 'Lee',
      familyName: 'Contractor',
      groups: ['contractors'],
    },
  ];
}
