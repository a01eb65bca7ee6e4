/**
 * The renderer's one way to the server: a typed client over the admin API. Failures
 * become `ApiError`s carrying the server's stable code and field paths.
 */
import type { ApiErrorBody, HealthStatus, ServerInfo, SessionExchangeResponse } from '../../../server/model/api';
import type {
  ChildrenPolicy,
  CreateOrganizationInput,
  DeleteOrganizationResult,
  Organization,
  UpdateOrganizationInput,
} from '../../../server/model/organization';

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldIssue[];
  /** What the server added to act on the error (e.g. old and new certificate fingerprints). */
  readonly details: Record<string, unknown> | undefined;

  constructor(operation: string, status: number, body: Partial<ApiErrorBody> | undefined) {
    super(body?.error?.message ?? `${operation} failed (HTTP ${status}).`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.error?.code ?? 'http_error';
    this.fields = body?.error?.fields ?? [];
    this.details = body?.error?.details;
  }
}

export class ApiClient {
  readonly baseUrl: string;
  readonly #token: string;

  constructor(baseUrl: string, token: string) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.#token = token;
  }

  /** Trades a one-time launch code for the admin token (browser mode). */
  static async exchangeLaunchCode(baseUrl: string, code: string): Promise<string> {
    const response = await fetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const body = (await response.json().catch(() => undefined)) as SessionExchangeResponse | ApiErrorBody | undefined;
    if (!response.ok || !body || !('token' in body)) {
      throw new ApiError('Signing in', response.status, body as ApiErrorBody | undefined);
    }
    return body.token;
  }

  health(): Promise<HealthStatus> {
    return this.request('Checking health', 'GET', '/healthz');
  }

  info(): Promise<ServerInfo> {
    return this.request('Loading server info', 'GET', '/api/info');
  }

  async listOrganizations(): Promise<Organization[]> {
    const body = await this.request<{ organizations: Organization[] }>('Loading organizations', 'GET', '/api/orgs');
    return body.organizations;
  }

  createOrganization(input: CreateOrganizationInput): Promise<Organization> {
    return this.request('Creating the organization', 'POST', '/api/orgs', input);
  }

  updateOrganization(id: string, patch: UpdateOrganizationInput): Promise<Organization> {
    return this.request('Saving the organization', 'PATCH', `/api/orgs/${encodeURIComponent(id)}`, patch);
  }

  deleteOrganization(id: string, children: ChildrenPolicy): Promise<DeleteOrganizationResult> {
    const query = new URLSearchParams({ children }).toString();
    return this.request('Deleting the organization', 'DELETE', `/api/orgs/${encodeURIComponent(id)}?${query}`);
  }

  /** One admin API call; domain modules (e.g. `api/apps.ts`) build on this. */
  async request<T>(operation: string, method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.#token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(operation, 0, {
        error: { code: 'server_unreachable', message: `${operation} failed: the Orgbench server is not reachable.` },
      });
    }
    const parsed = (await response.json().catch(() => undefined)) as unknown;
    if (!response.ok) throw new ApiError(operation, response.status, parsed as ApiErrorBody | undefined);
    return parsed as T;
  }
}
