/** One column of an organization's isolation-model comparison (`GET /api/orgs/{id}/isolation`). */
import type { IsolationModel } from './organization';

export interface IsolationView {
  model: IsolationModel;
  label: string;
  active: boolean;
  /** Null when the model is not provisioned for this org yet. */
  issuer: string | null;
  discoveryUrl: string | null;
  clientId: string | null;
  clientName: string | null;
  tenant: string | null;
  signingKeys: 'shared with every org of the tenant' | "the org's own";
  /** What an access or ID token for a member of this org carries under this model. */
  exampleClaims: Record<string, unknown>;
  notes: string;
}
