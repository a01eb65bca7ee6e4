/** Where Orgbench keeps its data: `--data`, else the OS app-data folder. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import envPaths from 'env-paths';

export function defaultDataDir(): string {
  return envPaths('Orgbench', { suffix: '' }).data;
}

/** Resolves and creates the data folder (owner-only, it holds keys and the admin token). */
export function prepareDataDir(dir: string | undefined): string {
  const path = resolve(dir ?? defaultDataDir());
  mkdirSync(path, { recursive: true, mode: 0o700 });
  return path;
}
