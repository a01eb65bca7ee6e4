import { randomBytes } from 'node:crypto';

/** A new opaque identifier such as `org_3f9a1c0d7e2b4a61`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}
