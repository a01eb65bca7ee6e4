/**
 * Themes of workspaces and organizations: validation, storage, resolution through the
 * inheritance chain (default ← workspace ← parent orgs ← org), the stylesheet and the
 * page theme every hosted page renders with, and the uploaded assets (logos, fonts).
 */
import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import {
  createPreviewSchema,
  themeOverridesSchema,
  uploadAssetSchema,
  type ResolvedTheme,
  type ThemeAsset,
  type ThemePreview,
  type ThemeOverrides,
  type ThemeResponse,
  type ThemeScope,
  type ThemeSource,
} from '../model/theme';
import { resolveTheme } from '../model/theme-resolve';
import { checkContrast } from '../model/theme-contrast';
import { parseInput } from '../model/validation';
import type { OrganizationService } from '../organizations/organization-service';
import type { Clock } from '../runtime/clock';
import { newId } from '../runtime/ids';
import type { TenantService } from '../tenants/tenant-service';
import type { ThemeRepository } from '../store/theme-repository';
import { DEFAULT_TENANT, DEFAULT_WORKSPACE } from '../model/workspace';
import { checkCustomCss, normalizeCustomCss } from './custom-css';
import type { CustomerBranding, PageTheme } from './page-theme';
import { checkAsset, decodeBase64 } from './theme-assets';
import { PREVIEW_PATH, PreviewStore, type PreviewEntry } from './theme-preview';
import { ASSETS_PATH, cssVersion, mockIdpBrandCss, themeCss, THEMES_PATH } from './theme-css';

/** The issuer a page is served for: `tenant/workspace`. */
export interface WorkspaceRef {
  tenantId: string;
  workspaceId: string;
}

const DEFAULT_WORKSPACE_REF: WorkspaceRef = { tenantId: DEFAULT_TENANT, workspaceId: DEFAULT_WORKSPACE };
const MAX_ORG_DEPTH = 32;

export class ThemeService {
  readonly #repo: ThemeRepository;
  readonly #orgs: OrganizationService;
  readonly #tenants: TenantService;
  readonly #clock: Clock;
  readonly #previews: PreviewStore;

  constructor(repo: ThemeRepository, orgs: OrganizationService, tenants: TenantService, clock: Clock) {
    this.#repo = repo;
    this.#orgs = orgs;
    this.#tenants = tenants;
    this.#clock = clock;
    this.#previews = new PreviewStore(clock);
  }

  /** The stored overrides of a scope with what they resolve to and inherit. */
  get(scope: ThemeScope, workspace: WorkspaceRef = DEFAULT_WORKSPACE_REF): ThemeResponse {
    const checked = this.#checkScope(scope);
    const stored = this.#repo.find(checked);
    return this.#response(checked, stored?.overrides ?? {}, stored?.updatedAt ?? null, workspace);
  }

  /** Replaces a scope's overrides (all or nothing); the answer carries contrast warnings. */
  put(scope: ThemeScope, input: unknown, workspace: WorkspaceRef = DEFAULT_WORKSPACE_REF): ThemeResponse {
    const checked = this.#checkScope(scope);
    const overrides = this.validate(input);
    const updatedAt = this.#clock.now().toISOString();
    this.#repo.save({ scope: checked, overrides, updatedAt });
    return this.#response(checked, overrides, updatedAt, workspace);
  }

  delete(scope: ThemeScope): void {
    this.#repo.delete(this.#checkScope(scope));
  }

  /** Checks a theme document: schema, custom CSS and the assets it names. */
  validate(input: unknown): ThemeOverrides {
    const overrides = parseInput(themeOverridesSchema, input);
    const fields: FieldIssue[] = [];
    if (overrides.customCss !== undefined) {
      const problems = checkCustomCss(overrides.customCss);
      for (const problem of problems)
        fields.push({ path: 'customCss', message: `line ${problem.line}: ${problem.message}` });
      if (problems.length === 0) overrides.customCss = normalizeCustomCss(overrides.customCss);
    }
    if (overrides.logo) {
      const asset = this.#repo.findAsset(overrides.logo);
      if (asset?.kind !== 'logo')
        fields.push({ path: 'logo', message: `no uploaded logo has the id ${overrides.logo}` });
    }
    if (overrides.font?.startsWith('asset:')) {
      const asset = this.#repo.findAsset(overrides.font.slice('asset:'.length));
      if (asset?.kind !== 'font')
        fields.push({ path: 'font', message: `no uploaded font has the id ${overrides.font.slice(6)}` });
    }
    if (fields.length > 0) throw new ValidationError(fields);
    return overrides;
  }

  /** The resolved theme of a page for `org` (or none) on `workspace`, optionally with a draft for `draftScope`. */
  resolve(
    workspace: WorkspaceRef,
    orgId?: string | null,
    draft?: { scope: ThemeScope; overrides: ThemeOverrides },
  ): ResolvedTheme {
    return resolveTheme(this.#layers(workspace, orgId ?? null, draft));
  }

  /** The stylesheet of a resolved theme. */
  stylesheet(resolved: ResolvedTheme): { css: string; version: string } {
    const font = resolved.values.font.startsWith('asset:')
      ? this.#repo.findAsset(resolved.values.font.slice(6))
      : undefined;
    const css = themeCss(resolved.values, font ? { id: font.id, contentType: font.contentType } : undefined);
    return { css, version: cssVersion(css) };
  }

  /** What a hosted page of `org` (or the workspace alone) on `workspace` renders with. */
  pageTheme(workspace: WorkspaceRef, orgId?: string | null): PageTheme {
    const org = orgId ? this.#orgs.find(orgId) : undefined;
    const resolved = this.resolve(workspace, org?.id ?? null);
    const { version } = this.stylesheet(resolved);
    const key = `${encodeURIComponent(workspace.tenantId)}/${encodeURIComponent(workspace.workspaceId)}/${org ? encodeURIComponent(org.id) : '_'}`;
    return this.pageThemeOf(resolved, `${THEMES_PATH}${key}.css?v=${version}`, org?.name ?? 'Orgbench');
  }

  /** A page theme from a resolved theme and its stylesheet URL. */
  pageThemeOf(resolved: ResolvedTheme, stylesheet: string, brandName: string): PageTheme {
    return {
      stylesheet,
      brandName,
      logoSrc: resolved.values.logo ? `${ASSETS_PATH}${resolved.values.logo}` : null,
      texts: resolved.values.texts,
    };
  }

  /** The stylesheet served at `/_orgbench/themes/<tenant>/<workspace>/<org or _>.css`. */
  stylesheetAt(key: string): { css: string; version: string } | undefined {
    const parts = key.split('/').map((part) => decodeURIComponent(part));
    if (parts.length !== 3) return undefined;
    const [tenantId = '', workspaceId = '', org = '_'] = parts;
    if (!this.#tenants.findWorkspace(tenantId, workspaceId)) return undefined;
    if (org !== '_' && !this.#orgs.find(org)) return undefined;
    return this.stylesheet(this.resolve({ tenantId, workspaceId }, org === '_' ? null : org));
  }

  /** An org's branding on a mock IdP's pages; undefined when neither it nor a parent has a theme. */
  customerBranding(orgId: string): CustomerBranding | undefined {
    const org = this.#orgs.find(orgId);
    if (!org) return undefined;
    const resolved = this.resolve(DEFAULT_WORKSPACE_REF, org.id);
    if (!Object.values(resolved.sources).some((source) => source.kind === 'org')) return undefined;
    const css = mockIdpBrandCss(resolved.values);
    return {
      name: org.name,
      logoSrc: resolved.values.logo ? `${ASSETS_PATH}${resolved.values.logo}` : null,
      stylesheet: `${THEMES_PATH}brand/${encodeURIComponent(org.id)}.css?v=${cssVersion(css)}`,
    };
  }

  /** The stylesheet served at `/_orgbench/themes/brand/<org>.css`. */
  brandStylesheetOf(orgId: string): string | undefined {
    if (!this.#orgs.find(orgId)) return undefined;
    return mockIdpBrandCss(this.resolve(DEFAULT_WORKSPACE_REF, orgId).values);
  }

  // ---- previews ----

  /** A short-lived preview of a draft theme, rendered by the protocol listener at the returned URL. */
  createPreview(input: unknown, protocolUrl: string): ThemePreview {
    const { scope, draft } = parseInput(createPreviewSchema, input);
    const checked = this.#checkScope(scope);
    let overrides: ThemeOverrides;
    try {
      overrides = this.validate(draft);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new ValidationError((error.fields ?? []).map((field) => ({ ...field, path: `draft.${field.path}` })));
    }
    const entry = this.#previews.create(checked, overrides);
    return {
      id: entry.id,
      url: `${protocolUrl}${PREVIEW_PATH}${entry.id}/`,
      expiresAt: new Date(entry.expiresAt).toISOString(),
    };
  }

  /** A live preview with its resolved draft theme, or undefined once it expired. */
  preview(id: string): { entry: PreviewEntry; resolved: ResolvedTheme; orgId: string | null } | undefined {
    const entry = this.#previews.get(id);
    if (!entry) return undefined;
    const orgId = entry.scope.kind === 'org' ? entry.scope.orgId : null;
    const workspace =
      entry.scope.kind === 'workspace'
        ? { tenantId: entry.scope.tenantId, workspaceId: entry.scope.workspaceId }
        : DEFAULT_WORKSPACE_REF;
    return { entry, orgId, resolved: this.resolve(workspace, orgId, { scope: entry.scope, overrides: entry.draft }) };
  }

  // ---- assets ----

  uploadAsset(input: unknown): ThemeAsset {
    const upload = parseInput(uploadAssetSchema, input);
    const data = decodeBase64(upload.data);
    const contentType = checkAsset(upload.kind, data);
    const asset: ThemeAsset = {
      id: newId('ast'),
      kind: upload.kind,
      name: upload.name,
      contentType,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      createdAt: this.#clock.now().toISOString(),
    };
    this.#repo.insertAsset({ ...asset, data });
    return asset;
  }

  listAssets(): ThemeAsset[] {
    return this.#repo.listAssets();
  }

  /** Deletes an asset no theme uses; one in use answers 409 `asset_in_use`. */
  deleteAsset(id: string): void {
    if (!this.#repo.findAsset(id)) throw new NotFoundError('asset_not_found', `No asset has the id ${id}.`);
    const used = this.#repo
      .allOverrides()
      .some((overrides) => overrides.logo === id || overrides.font === `asset:${id}`);
    if (used)
      throw new ConflictError('asset_in_use', `Asset ${id} is used by a theme; remove it from the theme first.`);
    this.#repo.deleteAsset(id);
  }

  assetData(id: string): { contentType: string; sha256: string; data: Buffer } | undefined {
    return this.#repo.assetData(id);
  }

  // ---- internals ----

  #checkScope(scope: ThemeScope): ThemeScope {
    if (scope.kind === 'org') {
      const org = this.#orgs.get(scope.orgId);
      return { kind: 'org', orgId: org.id };
    }
    this.#tenants.getWorkspace(scope.tenantId, scope.workspaceId);
    return scope;
  }

  #layers(
    workspace: WorkspaceRef,
    orgId: string | null,
    draft?: { scope: ThemeScope; overrides: ThemeOverrides },
  ): { source: ThemeSource; overrides: ThemeOverrides }[] {
    const overridesOf = (scope: ThemeScope): ThemeOverrides | undefined => {
      if (draft && sameScope(draft.scope, scope)) return draft.overrides;
      return this.#repo.find(scope)?.overrides;
    };
    const layers: { source: ThemeSource; overrides: ThemeOverrides }[] = [];
    const wsScope: ThemeScope = { kind: 'workspace', ...workspace };
    const ws = overridesOf(wsScope);
    if (ws)
      layers.push({
        source: { kind: 'workspace', id: `${workspace.tenantId}/${workspace.workspaceId}` },
        overrides: ws,
      });
    const chain = [];
    for (let org = orgId ? this.#orgs.find(orgId) : undefined; org && chain.length < MAX_ORG_DEPTH;) {
      chain.unshift(org);
      org = org.parentId ? this.#orgs.find(org.parentId) : undefined;
    }
    for (const org of chain) {
      const overrides = overridesOf({ kind: 'org', orgId: org.id });
      if (overrides) layers.push({ source: { kind: 'org', id: org.id, name: org.name }, overrides });
    }
    return layers;
  }

  #response(
    scope: ThemeScope,
    overrides: ThemeOverrides,
    updatedAt: string | null,
    workspace: WorkspaceRef,
  ): ThemeResponse {
    const ws = scope.kind === 'workspace' ? { tenantId: scope.tenantId, workspaceId: scope.workspaceId } : workspace;
    const orgId = scope.kind === 'org' ? scope.orgId : null;
    const resolved = this.resolve(ws, orgId, { scope, overrides });
    const inherited = this.resolve(ws, orgId, { scope, overrides: {} });
    return { scope, overrides, resolved, inherited, warnings: checkContrast(resolved.values), updatedAt };
  }
}

function sameScope(a: ThemeScope, b: ThemeScope): boolean {
  if (a.kind === 'org') return b.kind === 'org' && a.orgId === b.orgId;
  return b.kind === 'workspace' && a.tenantId === b.tenantId && a.workspaceId === b.workspaceId;
}
