/**
 * SAML IdP metadata read from a file or a URL: what it says (entity ID, endpoints,
 * signing certificates with their fingerprints) and the request bodies that bring it.
 * Shared by the server and the renderer.
 */
import { z } from 'zod';

/** Largest metadata document accepted, in bytes (file or URL). */
export const MAX_METADATA_BYTES = 1024 * 1024;

const source = {
  xml: z.string().min(1, 'must not be empty').optional(),
  url: z
    .string()
    .trim()
    .url('must be a URL')
    .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL')
    .optional(),
};

function exactlyOne(input: { xml?: string | undefined; url?: string | undefined }, ctx: z.RefinementCtx): void {
  if ((input.xml === undefined) === (input.url === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['xml'], message: 'give either the metadata XML or its URL' });
  }
}

export const metadataSourceSchema = z.strictObject(source).superRefine(exactlyOne);
export type MetadataSource = z.input<typeof metadataSourceSchema>;

export const applyMetadataSchema = z
  .strictObject({ ...source, confirmCertificateChange: z.boolean().default(false) })
  .superRefine(exactlyOne);
export type ApplyMetadataInput = z.input<typeof applyMetadataSchema>;

export interface MetadataCertificate {
  pem: string;
  /** SHA-256, colon-separated upper-case hex. */
  fingerprint: string;
}

export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  /** The binding of `ssoUrl`: HTTP-Redirect when offered, else HTTP-POST. */
  ssoBinding: 'redirect' | 'post';
  sloUrl: string | null;
  /** Signing certificates (KeyDescriptor use="signing" or without use); two during a rollover. */
  certificates: MetadataCertificate[];
  nameIdFormats: string[];
}

/** The body of a 409 `certificate_change_unconfirmed`: the fingerprints trusted now and offered. */
export interface CertificateChange {
  current: string[];
  incoming: string[];
}
