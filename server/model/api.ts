/** Shapes of the admin API that the renderer and scripts rely on. */
import type { FieldIssue } from '../errors';

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: FieldIssue[]; details?: Record<string, unknown> };
}

export interface HealthStatus {
  status: 'ok';
  version: string;
  uptimeSeconds: number;
}

export interface ServerInfo {
  version: string;
  protocolUrl: string;
  adminUrl: string;
  dataDir: string;
  issuers: { tenant: string; workspace: string; issuer: string }[];
}

export interface SessionExchangeResponse {
  token: string;
}
