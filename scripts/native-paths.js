// Where the Electron-ABI build of better-sqlite3 lives (mirrors main/native-binding.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronAbi(root) {
  return readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
}

export function electronNativeDir(root) {
  return join(root, 'native', `electron-abi${electronAbi(root)}-${process.platform}-${process.arch}`);
}

export function electronNativeBinding(root) {
  return join(electronNativeDir(root), 'better_sqlite3.node');
}
