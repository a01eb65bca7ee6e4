/**
 * Applies a workspace file. All or nothing: the file is validated whole first (shape,
 * then references between its parts and to what the data folder holds, then every
 * client against its issuer's rules), every problem is reported with its path, and only
 * a file without problems is written, in one transaction.
 */
import { ValidationError, isOrgbenchError, type FieldIssue } from '../errors';
import { parseInput } from '../model/validation';
import type { Organization } from '../model/organization';
import type { Services } from '../services';
import type { AppRecord } from '../store/application-repository';
import { hashPassword } from '../users/user-service';
import { readWorkspaceFile } from './parse-workspace-file';
import { workspaceFileSchema, type WorkspaceFile } from './workspace-file';

export interface ApplyResult {
  organizations: number;
  users: number;
  applications: number;
  apis: number;
}

export async function applyConfigFile(services: Services, path: string): Promise<ApplyResult> {
  return applyWorkspaceDocument(services, readWorkspaceFile(path));
}

export async function applyWorkspaceDocument(services: Services, document: unknown): Promise<ApplyResult> {
  const file = parseInput(workspaceFileSchema, document ?? {});
  const issues = checkReferences(services, file);
  if (issues.length > 0) throw new ValidationError(issues);

  // Everything asynchronous happens before the transaction: hashing and client checks.
  const hashes = await Promise.all(file.users.map((user) => (user.password ? hashPassword(user.password) : undefined)));
  const workspacesReady = new Set(services.tenants.listWorkspaces().map((w) => `${w.tenantId}/${w.id}`));
  const appRecords: { record: AppRecord; owner: string | undefined }[] = [];
  for (const [index, app] of file.applications.entries()) {
    const [tenantId, workspaceId] = app.workspace.split('/') as [string, string];
    if (!workspacesReady.has(app.workspace)) continue; // created below, checked after
    try {
      appRecords.push({ record: await prepareApp(services, app, tenantId, workspaceId), owner: app.owner });
    } catch (error) {
      issues.push(...prefixed(error, `applications[${index}]`));
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const now = services.clock.now().toISOString();
  services.orgRepo.transaction(() => {
    for (const workspace of file.workspaces) {
      if (!services.tenants.findWorkspace(workspace.tenant, workspace.id)) {
        services.tenants.createWorkspace(workspace.tenant, {
          id: workspace.id,
          name: workspace.name,
          preset: workspace.preset,
          ...(workspace.settings ? { settings: workspace.settings } : {}),
        });
      }
    }
    for (const org of parentsFirst(file.organizations)) upsertOrg(services, org);
    file.users.forEach((user, index) => {
      const saved = services.users.saveByEmail({ ...user, passwordHash: hashes[index] });
      for (const membership of user.memberships) {
        const org = services.orgs.get(membership.org);
        services.users.addMember(org.id, { userId: saved.id, roles: membership.roles });
      }
    });
    for (const { record, owner } of appRecords) services.apps.commit(withOwner(services, record, owner));
    for (const api of file.apis) {
      const [tenantId, workspaceId] = api.workspace.split('/') as [string, string];
      services.appRepo.upsertResource(
        { tenantId, workspaceId, identifier: api.identifier, name: api.name, scopes: api.scopes },
        now,
      );
    }
  });
  // Apps of workspaces the file itself created can only be checked once those exist.
  for (const app of file.applications) {
    if (workspacesReady.has(app.workspace)) continue;
    const [tenantId, workspaceId] = app.workspace.split('/') as [string, string];
    services.apps.commit(withOwner(services, await prepareApp(services, app, tenantId, workspaceId), app.owner));
  }
  for (const org of file.organizations) await services.isolation.provision(services.orgs.get(org.slug));
  return {
    organizations: file.organizations.length,
    users: file.users.length,
    applications: file.applications.length,
    apis: file.apis.length,
  };
}

/** Checks an app of the file; its owner (perhaps created by this file) is set at commit. */
function prepareApp(
  services: Services,
  app: WorkspaceFile['applications'][number],
  tenantId: string,
  workspaceId: string,
): Promise<AppRecord> {
  return services.apps.prepare(
    {
      clientId: app.clientId,
      name: app.name,
      kind: app.kind,
      tenantId,
      workspaceId,
      ownerOrgId: null,
      requireOrganization: app.requireOrganization,
      redirectUris: app.redirectUris,
      postLogoutRedirectUris: app.postLogoutRedirectUris,
    },
    'config',
    app.secret,
  );
}

const withOwner = (services: Services, record: AppRecord, owner: string | undefined): AppRecord => ({
  ...record,
  ownerOrgId: owner ? services.orgs.get(owner).id : null,
});

function upsertOrg(services: Services, org: WorkspaceFile['organizations'][number]): Organization {
  const parentId = org.parent ? services.orgs.get(org.parent).id : null;
  const fields = { name: org.name, domains: org.domains, isolation: org.isolation, attributes: org.attributes };
  const existing = services.orgs.find(org.slug);
  return existing
    ? services.orgs.update(existing.id, { ...fields, parentId })
    : services.orgs.create({ ...fields, slug: org.slug, parentId });
}

/** Orgs ordered so every parent in the file comes before its children. */
function parentsFirst(orgs: WorkspaceFile['organizations']): WorkspaceFile['organizations'] {
  const bySlug = new Map(orgs.map((org) => [org.slug, org]));
  const out: WorkspaceFile['organizations'] = [];
  const seen = new Set<string>();
  const visit = (org: WorkspaceFile['organizations'][number]) => {
    if (seen.has(org.slug)) return;
    seen.add(org.slug);
    const parent = org.parent ? bySlug.get(org.parent) : undefined;
    if (parent) visit(parent);
    out.push(org);
  };
  orgs.forEach(visit);
  return out;
}

function checkReferences(services: Services, file: WorkspaceFile): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const fileOrgs = new Map(file.organizations.map((org) => [org.slug, org]));
  const orgExists = (slug: string) => fileOrgs.has(slug) || services.orgs.find(slug) !== undefined;
  const workspaces = new Set([
    ...services.tenants.listWorkspaces().map((w) => `${w.tenantId}/${w.id}`),
    ...file.workspaces.map((w) => `${w.tenant}/${w.id}`),
  ]);

  const seenSlugs = new Set<string>();
  const domainOwner = new Map<string, string>();
  file.organizations.forEach((org, index) => {
    const at = `organizations[${index}]`;
    if (seenSlugs.has(org.slug)) issues.push({ path: `${at}.slug`, message: `${org.slug} is listed twice` });
    seenSlugs.add(org.slug);
    if (org.parent && !orgExists(org.parent))
      issues.push({ path: `${at}.parent`, message: `no organization "${org.parent}"` });
    if (org.parent === org.slug)
      issues.push({ path: `${at}.parent`, message: 'an organization cannot be its own parent' });
    org.domains.forEach((domain, d) => {
      const inFile = domainOwner.get(domain);
      const inData = services.orgs.findByEmailDomain(domain)?.slug;
      // A domain held in the data folder is free if the file moves it away from its holder.
      const releasedByFile =
        inData !== undefined && fileOrgs.has(inData) && !fileOrgs.get(inData)?.domains.includes(domain);
      const holder = inFile ?? (inData && inData !== org.slug && !releasedByFile ? inData : undefined);
      if (holder && holder !== org.slug)
        issues.push({ path: `${at}.domains[${d}]`, message: `${domain} already belongs to "${holder}"` });
      domainOwner.set(domain, org.slug);
    });
  });
  file.organizations.forEach((org, index) => {
    // Walk up the parents in the file: a cycle returns to where it started.
    const seen = new Set([org.slug]);
    let parent = org.parent ? fileOrgs.get(org.parent) : undefined;
    while (parent) {
      if (seen.has(parent.slug)) {
        issues.push({ path: `organizations[${index}].parent`, message: 'the parents form a cycle' });
        break;
      }
      seen.add(parent.slug);
      parent = parent.parent ? fileOrgs.get(parent.parent) : undefined;
    }
  });

  const seenEmails = new Set<string>();
  file.users.forEach((user, index) => {
    if (seenEmails.has(user.email))
      issues.push({ path: `users[${index}].email`, message: `${user.email} is listed twice` });
    seenEmails.add(user.email);
    user.memberships.forEach((membership, m) => {
      if (!orgExists(membership.org)) {
        issues.push({ path: `users[${index}].memberships[${m}].org`, message: `no organization "${membership.org}"` });
      }
    });
  });

  const seenClients = new Set<string>();
  file.applications.forEach((app, index) => {
    const at = `applications[${index}]`;
    if (seenClients.has(app.clientId))
      issues.push({ path: `${at}.clientId`, message: `${app.clientId} is listed twice` });
    seenClients.add(app.clientId);
    if (!workspaces.has(app.workspace))
      issues.push({ path: `${at}.workspace`, message: `no workspace "${app.workspace}"` });
    if (app.owner && !orgExists(app.owner))
      issues.push({ path: `${at}.owner`, message: `no organization "${app.owner}"` });
    const existing = services.appRepo.find(app.clientId);
    if (existing && existing.source !== 'config' && existing.source !== 'system') {
      issues.push({ path: `${at}.clientId`, message: `${app.clientId} exists and was not made by a workspace file` });
    }
  });
  file.apis.forEach((api, index) => {
    if (!workspaces.has(api.workspace))
      issues.push({ path: `apis[${index}].workspace`, message: `no workspace "${api.workspace}"` });
  });
  return issues;
}

function prefixed(error: unknown, prefix: string): FieldIssue[] {
  if (isOrgbenchError(error) && error.fields) {
    return error.fields.map((field) => ({
      path: field.path ? `${prefix}.${field.path}` : prefix,
      message: field.message,
    }));
  }
  return [{ path: prefix, message: (error as Error).message }];
}
