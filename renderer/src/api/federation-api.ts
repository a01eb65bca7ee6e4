/**
 * Admin API calls for federation: the fault catalogue, mock IdPs with their personas and
 * fault switches, and organizations' connections. Each function takes the one `ApiClient`,
 * so the bearer token and error mapping stay there.
 */
import type {
  ActiveFault,
  Connection,
  ConnectionInput,
  FaultInput,
  FaultName,
  MockIdp,
  MockIdpInput,
  Persona,
  PersonaInput,
  ProtocolKind,
  SamlMockSettings,
  VendorPreset,
} from '../../../server/model/federation';
import type {
  ApplyMetadataInput,
  CertificateChange,
  IdpMetadata,
  MetadataSource,
} from '../../../server/model/idp-metadata';
import type { MappingPreview, PreviewInput } from '../../../server/model/mapping-preview';
import type { ApiClient } from './client';

/** One fault of the catalogue, with the IdP kinds it applies to. */
export interface FaultInfo {
  name: FaultName;
  kinds: ProtocolKind[];
  label: string;
}

export interface FaultCatalogue {
  faults: FaultInfo[];
  vendors: Record<VendorPreset, string>;
}

/** A mock IdP as its detail endpoint returns it: with its active faults. */
export type MockIdpDetail = MockIdp & { faults: ActiveFault[] };

export interface MockIdpPatch {
  name?: string;
  preset?: VendorPreset;
  saml?: Partial<SamlMockSettings>;
}

export interface GeneratePersonasInput {
  count: number;
  prefix: string;
  domain: string;
  groups: string[];
}

/** What `PATCH /api/connections/:id` accepts: every part optional. */
export type ConnectionPatch = Partial<Pick<ConnectionInput, 'name' | 'oidc' | 'mapping' | 'enabled'>> & {
  /** `idpSloUrl: null` removes the IdP's single logout URL. */
  saml?: Omit<NonNullable<ConnectionInput['saml']>, 'idpSloUrl'> & { idpSloUrl?: string | null };
};

const idpPath = (id: string) => `/api/mock-idps/${encodeURIComponent(id)}`;
const connectionPath = (id: string) => `/api/connections/${encodeURIComponent(id)}`;

export function getFaultCatalogue(client: ApiClient): Promise<FaultCatalogue> {
  return client.request('Loading the fault switches', 'GET', '/api/faults');
}

export async function listMockIdps(client: ApiClient): Promise<MockIdp[]> {
  const body = await client.request<{ mockIdps: MockIdp[] }>('Loading mock IdPs', 'GET', '/api/mock-idps');
  return body.mockIdps;
}

export function getMockIdp(client: ApiClient, id: string): Promise<MockIdpDetail> {
  return client.request('Loading the mock IdP', 'GET', idpPath(id));
}

export function createMockIdp(client: ApiClient, input: MockIdpInput): Promise<MockIdp> {
  return client.request('Creating the mock IdP', 'POST', '/api/mock-idps', input);
}

export function updateMockIdp(client: ApiClient, id: string, patch: MockIdpPatch): Promise<MockIdp> {
  return client.request('Saving the mock IdP', 'PATCH', idpPath(id), patch);
}

export async function deleteMockIdp(client: ApiClient, id: string): Promise<void> {
  await client.request<unknown>('Deleting the mock IdP', 'DELETE', idpPath(id));
}

/** Adds a persona, or replaces the one with `personaId`. */
export function savePersona(
  client: ApiClient,
  idpId: string,
  input: PersonaInput,
  personaId?: string,
): Promise<Persona> {
  return personaId
    ? client.request('Saving the persona', 'PUT', `${idpPath(idpId)}/personas/${encodeURIComponent(personaId)}`, input)
    : client.request('Adding the persona', 'POST', `${idpPath(idpId)}/personas`, input);
}

export async function deletePersona(client: ApiClient, idpId: string, personaId: string): Promise<void> {
  await client.request<unknown>(
    'Deleting the persona',
    'DELETE',
    `${idpPath(idpId)}/personas/${encodeURIComponent(personaId)}`,
  );
}

export async function generatePersonas(
  client: ApiClient,
  idpId: string,
  input: GeneratePersonasInput,
): Promise<Persona[]> {
  const body = await client.request<{ personas: Persona[] }>(
    'Generating personas',
    'POST',
    `${idpPath(idpId)}/personas/generate`,
    input,
  );
  return body.personas;
}

export async function listFaults(client: ApiClient, idpId: string): Promise<ActiveFault[]> {
  const body = await client.request<{ faults: ActiveFault[] }>('Loading faults', 'GET', `${idpPath(idpId)}/faults`);
  return body.faults;
}

export function addFault(client: ApiClient, idpId: string, input: FaultInput): Promise<ActiveFault> {
  return client.request('Switching the fault on', 'POST', `${idpPath(idpId)}/faults`, input);
}

export async function removeFault(client: ApiClient, idpId: string, faultId: string): Promise<void> {
  await client.request<unknown>(
    'Switching the fault off',
    'DELETE',
    `${idpPath(idpId)}/faults/${encodeURIComponent(faultId)}`,
  );
}

export async function listConnections(client: ApiClient): Promise<Connection[]> {
  const body = await client.request<{ connections: Connection[] }>('Loading connections', 'GET', '/api/connections');
  return body.connections;
}

export function createConnection(client: ApiClient, orgId: string, input: ConnectionInput): Promise<Connection> {
  return client.request('Creating the connection', 'POST', `/api/orgs/${encodeURIComponent(orgId)}/connections`, input);
}

export function getConnection(client: ApiClient, id: string): Promise<Connection> {
  return client.request('Loading the connection', 'GET', connectionPath(id));
}

export function updateConnection(client: ApiClient, id: string, patch: ConnectionPatch): Promise<Connection> {
  return client.request('Saving the connection', 'PATCH', connectionPath(id), patch);
}

export async function deleteConnection(client: ApiClient, id: string): Promise<void> {
  await client.request<unknown>('Deleting the connection', 'DELETE', connectionPath(id));
}

/** What the connection would make of a persona or pasted attributes; writes nothing. */
export function previewMapping(client: ApiClient, id: string, input: PreviewInput): Promise<MappingPreview> {
  return client.request('Previewing the mapping', 'POST', `${connectionPath(id)}/preview`, input);
}

/** Reads SAML IdP metadata (XML or URL) without saving it. */
export function parseIdpMetadata(client: ApiClient, source: MetadataSource): Promise<IdpMetadata> {
  return client.request('Reading the IdP metadata', 'POST', '/api/connections/metadata/parse', source);
}

export interface AppliedMetadata {
  connection: Connection;
  metadata: IdpMetadata;
  certificateChange: CertificateChange | null;
}

/**
 * Applies SAML IdP metadata to a connection. A certificate change fails with the ApiError
 * `certificate_change_unconfirmed` (details: current and incoming fingerprints) until confirmed.
 */
export function applyIdpMetadata(client: ApiClient, id: string, input: ApplyMetadataInput): Promise<AppliedMetadata> {
  return client.request('Importing the IdP metadata', 'POST', `${connectionPath(id)}/metadata`, input);
}
