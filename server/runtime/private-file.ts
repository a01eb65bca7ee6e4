import { renameSync, writeFileSync, chmodSync } from 'node:fs';

/** Writes a secret file atomically with mode 0600 (temp file + rename). */
export function writePrivateFile(path: string, content: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}
