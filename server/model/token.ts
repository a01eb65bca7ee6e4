/** Shapes of the token log and the token inspector, shared by the server and the renderer. */

export type TokenKind = 'access_token' | 'id_token' | 'refresh_token';

export interface IssuedTokenRecord {
  id: number;
  issuer: string;
  kind: TokenKind;
  format: 'jwt' | 'opaque';
  clientId: string;
  orgId: string | null;
  subject: string | null;
  grantType: string;
  value: string;
  issuedAt: string;
  expiresAt: string | null;
}

export type SignatureStatus = 'valid' | 'invalid' | 'unverified';

export interface TokenInspection {
  format: 'jwt' | 'opaque';
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  signature: { status: SignatureStatus; message: string; keySource: string | null };
  expiry: { issuedAt: string | null; expiresAt: string | null; notBefore: string | null; expired: boolean | null };
  explanations: { claim: string; meaning: string }[];
}

/** Where the inspector takes the keys to check a signature with. */
export type KeySource =
  | { kind: 'auto' }
  | { kind: 'issuer'; issuer: string }
  | { kind: 'jwks'; jwks: string }
  | { kind: 'discovery'; url: string };
