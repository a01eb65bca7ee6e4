/**
 * Imports SAML IdP metadata (XML, or fetched from its URL) into a connection. The trusted
 * certificates never change silently (security.md §1 #33): when the metadata's signing
 * certificates differ from the trusted ones, nothing is written until the caller confirms,
 * and the refusal carries both sets of fingerprints for the UI to show side by side.
 */
import { ConflictError, OrgbenchError } from '../errors';
import type { Connection } from '../model/federation';
import {
  applyMetadataSchema,
  metadataSourceSchema,
  type CertificateChange,
  type IdpMetadata,
} from '../model/idp-metadata';
import { parseInput } from '../model/validation';
import { certificateFingerprint } from '../mock-idp/certificate';
import type { ConnectionService } from './connection-service';
import { fetchIdpMetadata } from './saml/fetch-idp-metadata';
import { parseIdpMetadata } from './saml/parse-idp-metadata';

/** `{ xml } | { url }` → the parsed metadata. */
export async function readIdpMetadata(input: unknown): Promise<IdpMetadata> {
  const source = parseInput(metadataSourceSchema, input);
  return parseIdpMetadata(source.xml ?? (await fetchIdpMetadata(source.url ?? '')));
}

/** Applies metadata to a SAML connection; a certificate change needs `confirmCertificateChange`. */
export async function applyIdpMetadata(
  connections: ConnectionService,
  connectionId: string,
  input: unknown,
): Promise<{ connection: Connection; metadata: IdpMetadata; certificateChange: CertificateChange | null }> {
  const body = parseInput(applyMetadataSchema, input);
  const current = connections.get(connectionId);
  if (!current.saml) {
    throw new OrgbenchError(
      'connection_not_saml',
      `${current.name} is an OIDC connection; SAML metadata does not apply.`,
      {
        status: 400,
      },
    );
  }
  const metadata = parseIdpMetadata(body.xml ?? (await fetchIdpMetadata(body.url ?? '')));
  const change: CertificateChange = {
    current: current.saml.idpCertificates.map(certificateFingerprint),
    incoming: metadata.certificates.map((certificate) => certificate.fingerprint),
  };
  const changed = !sameSet(change.current, change.incoming);
  if (changed && !body.confirmCertificateChange) {
    throw new ConflictError(
      'certificate_change_unconfirmed',
      'The metadata changes the trusted signing certificate; confirm the new fingerprint to apply it.',
      undefined,
      { ...change },
    );
  }
  const connection = connections.update(connectionId, {
    saml: {
      idpEntityId: metadata.entityId,
      idpSsoUrl: metadata.ssoUrl,
      ...(metadata.sloUrl ? { idpSloUrl: metadata.sloUrl } : {}),
      idpCertificates: metadata.certificates.map((certificate) => certificate.pem),
      binding: metadata.ssoBinding,
    },
  });
  return { connection, metadata, certificateChange: changed ? change : null };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));
