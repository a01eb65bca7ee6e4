/**
 * The server's start-up options, validated once, failing fast with the key path.
 */
import { z } from 'zod';
import { parseInput } from './model/validation';

const portSchema = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(65535, 'must be at most 65535');

export const serverOptionsSchema = z.strictObject({
  /** Data folder; default: the OS app-data folder. */
  dataDir: z.string().min(1).optional(),
  /** Protocol listener port; 0 picks a free one. */
  port: portSchema.default(4100),
  /** Admin listener port; 0 picks a free one. */
  adminPort: portSchema.default(4101),
  /** Fixed admin token (else 256 random bits per launch). */
  adminToken: z.string().optional(),
  /** better-sqlite3 addon built for the current runtime (Electron). */
  nativeBinding: z.string().min(1).optional(),
  /** Folder of the built renderer to serve in browser mode. */
  uiDir: z.string().min(1).optional(),
  /** Seed the demo organizations, users and clients (idempotent). */
  demo: z.boolean().default(false),
  /** A YAML or JSON workspace file to apply at start-up. */
  configFile: z.string().min(1).optional(),
});

export type ServerOptions = z.input<typeof serverOptionsSchema>;
export type ResolvedServerOptions = z.output<typeof serverOptionsSchema>;

export function resolveServerOptions(options: ServerOptions): ResolvedServerOptions {
  return parseInput(serverOptionsSchema, options);
}
