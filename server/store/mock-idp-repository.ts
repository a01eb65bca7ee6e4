/** SQL for mock IdPs, their personas and their fault switches. */
import type { ActiveFault, FaultName, Persona, ProtocolKind, VendorPreset } from '../model/federation';
import { statement, type Db } from './open-database';

export interface MockIdpRecord {
  id: string;
  slug: string;
  name: string;
  kind: ProtocolKind;
  preset: VendorPreset;
  settings: Record<string, unknown>;
  privateKeyPem: string;
  certificatePem: string;
  createdAt: string;
  updatedAt: string;
}

interface MockIdpRow {
  id: string;
  slug: string;
  name: string;
  kind: ProtocolKind;
  preset: VendorPreset;
  settings: string;
  private_key_pem: string;
  certificate_pem: string;
  created_at: string;
  updated_at: string;
}

interface PersonaRow {
  id: string;
  mock_idp_id: string;
  handle: string;
  display_name: string;
  email: string;
  given_name: string | null;
  family_name: string | null;
  subject: string;
  groups: string;
  attributes: string;
  position: number;
}

interface FaultRow {
  id: string;
  mock_idp_id: string;
  fault: FaultName;
  mode: 'next' | 'always';
  amount: number | null;
  created_at: string;
}

export class MockIdpRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(): MockIdpRecord[] {
    return statement<[], MockIdpRow>(this.#db, 'SELECT * FROM mock_idps ORDER BY name COLLATE NOCASE')
      .all()
      .map(toRecord);
  }

  find(id: string): MockIdpRecord | undefined {
    const row = statement<[string], MockIdpRow>(this.#db, 'SELECT * FROM mock_idps WHERE id = ?').get(id);
    return row ? toRecord(row) : undefined;
  }

  findBySlug(slug: string): MockIdpRecord | undefined {
    const row = statement<[string], MockIdpRow>(this.#db, 'SELECT * FROM mock_idps WHERE slug = ?').get(slug);
    return row ? toRecord(row) : undefined;
  }

  upsert(record: MockIdpRecord): void {
    statement(
      this.#db,
      `INSERT INTO mock_idps (id, slug, name, kind, preset, settings, private_key_pem, certificate_pem, created_at, updated_at)
       VALUES (@id, @slug, @name, @kind, @preset, @settings, @privateKeyPem, @certificatePem, @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, name = excluded.name, preset = excluded.preset,
         settings = excluded.settings, private_key_pem = excluded.private_key_pem,
         certificate_pem = excluded.certificate_pem, updated_at = excluded.updated_at`,
    ).run({ ...record, settings: JSON.stringify(record.settings) });
  }

  delete(id: string): boolean {
    return statement(this.#db, 'DELETE FROM mock_idps WHERE id = ?').run(id).changes > 0;
  }

  personas(mockIdpId: string): Persona[] {
    return statement<[string], PersonaRow>(
      this.#db,
      'SELECT * FROM personas WHERE mock_idp_id = ? ORDER BY position, handle',
    )
      .all(mockIdpId)
      .map(toPersona);
  }

  upsertPersona(persona: Persona): void {
    statement(
      this.#db,
      `INSERT INTO personas (id, mock_idp_id, handle, display_name, email, given_name, family_name, subject, groups, attributes, position)
       VALUES (@id, @mockIdpId, @handle, @displayName, @email, @givenName, @familyName, @subject, @groups, @attributes, @position)
       ON CONFLICT (id) DO UPDATE SET handle = excluded.handle, display_name = excluded.display_name, email = excluded.email,
         given_name = excluded.given_name, family_name = excluded.family_name, subject = excluded.subject,
         groups = excluded.groups, attributes = excluded.attributes, position = excluded.position`,
    ).run({ ...persona, groups: JSON.stringify(persona.groups), attributes: JSON.stringify(persona.attributes) });
  }

  deletePersona(mockIdpId: string, personaId: string): boolean {
    return (
      statement(this.#db, 'DELETE FROM personas WHERE mock_idp_id = ? AND id = ?').run(mockIdpId, personaId).changes > 0
    );
  }

  faults(mockIdpId: string): ActiveFault[] {
    return statement<[string], FaultRow>(
      this.#db,
      'SELECT * FROM mock_idp_faults WHERE mock_idp_id = ? ORDER BY created_at, id',
    )
      .all(mockIdpId)
      .map(toFault);
  }

  insertFault(fault: ActiveFault): void {
    statement(
      this.#db,
      'INSERT INTO mock_idp_faults (id, mock_idp_id, fault, mode, amount, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(fault.id, fault.mockIdpId, fault.fault, fault.mode, fault.amount, fault.createdAt);
  }

  deleteFault(mockIdpId: string, faultId: string): boolean {
    return (
      statement(this.#db, 'DELETE FROM mock_idp_faults WHERE mock_idp_id = ? AND id = ?').run(mockIdpId, faultId)
        .changes > 0
    );
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}

function toRecord(row: MockIdpRow): MockIdpRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    preset: row.preset,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    privateKeyPem: row.private_key_pem,
    certificatePem: row.certificate_pem,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toPersona(row: PersonaRow): Persona {
  return {
    id: row.id,
    mockIdpId: row.mock_idp_id,
    handle: row.handle,
    displayName: row.display_name,
    email: row.email,
    givenName: row.given_name,
    familyName: row.family_name,
    subject: row.subject,
    groups: JSON.parse(row.groups) as string[],
    attributes: JSON.parse(row.attributes) as Persona['attributes'],
    position: row.position,
  };
}

function toFault(row: FaultRow): ActiveFault {
  return {
    id: row.id,
    mockIdpId: row.mock_idp_id,
    fault: row.fault,
    mode: row.mode,
    amount: row.amount,
    createdAt: row.created_at,
  };
}
