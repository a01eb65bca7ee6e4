/**
 * The application form's draft and its checks, shared by create and edit. The schema
 * checks are the server's own zod schemas; whether a redirect URI is acceptable is the
 * workspace's provider's call, so those errors come back from the server and land on
 * the same fields.
 */
import {
  createApplicationSchema,
  type Application,
  type ApplicationKind,
  type CreateApplicationInput,
  type UpdateApplicationInput,
} from '../../../../server/model/application';
import { formatPath } from '../../../../server/model/validation';
import type { FieldIssue } from '../../api/client';
import { parseWorkspaceKey, splitLines, workspaceKey } from '../../store/apps-selectors';

export interface AppDraft {
  name: string;
  kind: ApplicationKind;
  clientId: string;
  /** '' = shared by all organizations of the workspace. */
  ownerOrgId: string;
  requireOrganization: boolean;
  redirectUris: string;
  postLogoutRedirectUris: string;
  /** `tenant/workspace`. */
  workspace: string;
}

export type AppField = keyof AppDraft;
/** Errors per field; `form` holds those that belong to no field. */
export type AppFieldErrors = Partial<Record<AppField | 'form', string>>;

/** Users of an app with no redirect step (M2M) are not asked for an organization either. */
export const hasUserLogin = (kind: ApplicationKind): boolean => kind !== 'm2m';

export function emptyDraft(workspace: string): AppDraft {
  return {
    name: '',
    kind: 'web',
    clientId: '',
    ownerOrgId: '',
    requireOrganization: false,
    redirectUris: '',
    postLogoutRedirectUris: '',
    workspace,
  };
}

export function draftFromApp(app: Application): AppDraft {
  return {
    name: app.name,
    kind: app.kind,
    clientId: app.clientId,
    ownerOrgId: app.ownerOrgId ?? '',
    requireOrganization: app.requireOrganization,
    redirectUris: app.redirectUris.join('\n'),
    postLogoutRedirectUris: app.postLogoutRedirectUris.join('\n'),
    workspace: workspaceKey({ tenantId: app.tenantId, id: app.workspaceId }),
  };
}

export function toCreateInput(draft: AppDraft): CreateApplicationInput {
  const { tenantId, workspaceId } = parseWorkspaceKey(draft.workspace);
  const login = hasUserLogin(draft.kind);
  return {
    name: draft.name,
    kind: draft.kind,
    ...(draft.clientId.trim() ? { clientId: draft.clientId.trim() } : {}),
    tenantId,
    workspaceId,
    ownerOrgId: draft.ownerOrgId || null,
    requireOrganization: login && draft.requireOrganization,
    redirectUris: login ? splitLines(draft.redirectUris) : [],
    postLogoutRedirectUris: login ? splitLines(draft.postLogoutRedirectUris) : [],
  };
}

/** Only the fields that differ from `app`, as the PATCH body wants. */
export function toPatch(draft: AppDraft, app: Application): UpdateApplicationInput {
  const next = toCreateInput(draft);
  const patch: UpdateApplicationInput = {};
  if (draft.name !== app.name) patch.name = draft.name;
  if ((next.ownerOrgId ?? null) !== app.ownerOrgId) patch.ownerOrgId = next.ownerOrgId ?? null;
  if (hasUserLogin(app.kind) && next.requireOrganization !== app.requireOrganization) {
    patch.requireOrganization = next.requireOrganization;
  }
  const same = (a: readonly string[], b: readonly string[]) => a.join('\n') === b.join('\n');
  if (!same(next.redirectUris ?? [], app.redirectUris)) patch.redirectUris = next.redirectUris;
  if (!same(next.postLogoutRedirectUris ?? [], app.postLogoutRedirectUris)) {
    patch.postLogoutRedirectUris = next.postLogoutRedirectUris;
  }
  return patch;
}

const FIELD_OF_PATH: Record<string, AppField> = {
  name: 'name',
  kind: 'kind',
  clientId: 'clientId',
  ownerOrgId: 'ownerOrgId',
  requireOrganization: 'requireOrganization',
  redirectUris: 'redirectUris',
  postLogoutRedirectUris: 'postLogoutRedirectUris',
  tenantId: 'workspace',
  workspaceId: 'workspace',
};

/** Maps issues (from zod or the server) to fields; `redirectUris[1]` names the URI. */
export function fieldErrorsFrom(issues: readonly FieldIssue[], draft: AppDraft): AppFieldErrors {
  const errors: AppFieldErrors = {};
  for (const issue of issues) {
    const match = /^([A-Za-z]+)(?:\[(\d+)\])?/.exec(issue.path);
    const field = match ? FIELD_OF_PATH[match[1] ?? ''] : undefined;
    const key = field ?? 'form';
    if (errors[key]) continue;
    let message = issue.message;
    if (field && match?.[2] !== undefined && (field === 'redirectUris' || field === 'postLogoutRedirectUris')) {
      const uri = splitLines(draft[field])[Number(match[2])];
      if (uri && !message.includes(uri)) message = `${uri}: ${message}`;
    }
    errors[key] = key === 'form' && issue.path ? `${issue.path}: ${message}` : message;
  }
  return errors;
}

/**
 * Client-side check with the server's schema and its redirect rule; empty when fine.
 * An existing app's client_id cannot change, so editing does not judge it.
 */
export function validateDraft(draft: AppDraft, editing = false): AppFieldErrors {
  const input = toCreateInput(editing ? { ...draft, clientId: '' } : draft);
  const result = createApplicationSchema.safeParse(input);
  const issues: FieldIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  if (hasUserLogin(draft.kind) && (input.redirectUris ?? []).length === 0) {
    issues.push({ path: 'redirectUris', message: 'must list at least one redirect URI' });
  }
  return fieldErrorsFrom(issues, draft);
}
