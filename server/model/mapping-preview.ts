/**
 * A mapping preview: what a connection would make of a persona (or of pasted attributes)
 * at sign-in — the attributes sent, the user fields, the JIT outcome and the org roles —
 * computed without signing in and without writing anything. Shared by server and renderer.
 */
import { z } from 'zod';
import type { JitMode, ProtocolKind, VendorPreset } from './federation';

const attributeValue = z.union([z.string().max(2000), z.array(z.string().max(2000)).max(100)]);

export const previewInputSchema = z
  .strictObject({
    /** A persona handle of the connection's mock IdP. */
    persona: z.string().trim().min(1, 'must not be empty').max(64).optional(),
    /** Or what an IdP sent: the subject (NameID / sub) and the attributes or claims. */
    subject: z.string().trim().min(1, 'must not be empty').max(1000).optional(),
    attributes: z.record(z.string().min(1).max(300), attributeValue).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.persona !== undefined) {
      if (input.subject !== undefined || input.attributes !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['persona'],
          message: 'give a persona, or subject and attributes, not both',
        });
      }
      return;
    }
    if (input.subject === undefined)
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'give a persona, or a subject with attributes' });
    if (input.attributes === undefined)
      ctx.addIssue({ code: 'custom', path: ['attributes'], message: 'give the attributes the IdP sends' });
  });
export type PreviewInput = z.input<typeof previewInputSchema>;

export type PreviewField = 'email' | 'name' | 'givenName' | 'familyName' | 'groups';

/** A mapped user field and the attribute it was read from (null: derived, or not sent). */
export interface PreviewFieldValue {
  value: string | string[] | null;
  from: string | null;
  /** The attribute name the connection's mapping names for this field, if any. */
  mappedName: string | null;
}

/** What happens to the Orgbench user, per the connection's JIT mode. */
export type JitAction = 'create' | 'update' | 'link' | 'sign_in' | 'deny';

export interface PreviewUser {
  id: string;
  email: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
}

export interface PreviewRule {
  group: string;
  roles: string[];
  fired: boolean;
  /** Why a rule may not fire although it looks like it should (Entra sends group object ids). */
  hint: string | null;
}

export interface MappingPreview {
  connection: { id: string; name: string; kind: ProtocolKind; jit: JitMode };
  source:
    | { kind: 'persona'; handle: string; displayName: string; mockIdp: string; preset: VendorPreset }
    | { kind: 'pasted' };
  /** What the IdP sends, by the names it uses (SAML attributes or OIDC claims). */
  sent: {
    subject: string;
    /** Why the subject is as it is (NameID format, pairwise sub…). */
    subjectNote: string | null;
    attributes: Record<string, string | string[]>;
    /** OIDC: claims the ID token lacked and that userinfo would add. */
    fromUserinfo: string[];
  };
  fields: Record<PreviewField, PreviewFieldValue>;
  /** Null when mapping failed before JIT (no email). */
  jit: {
    action: JitAction;
    /** The existing user the login lands on: linked by subject, or found by email. */
    existing: PreviewUser | null;
    linkedBy: 'subject' | 'email' | null;
    /** Profile fields the login would overwrite on the existing user. */
    changes: { field: 'name' | 'givenName' | 'familyName'; from: string | null; to: string | null }[];
  } | null;
  org: { id: string; slug: string; name: string };
  roles: {
    rules: PreviewRule[];
    defaultRoles: string[];
    /** The org roles after this login (the membership's roles are replaced by these). */
    result: string[];
    /** The existing user's roles in the org now, or null when not a member. */
    current: string[] | null;
  };
  /** When the login would fail: the rule and one sentence. */
  failure: { rule: 'mapping_email' | 'jit_denied' | 'jit_no_user'; message: string } | null;
}
