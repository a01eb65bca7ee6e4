/**
 * better-sqlite3 under Electron needs an addon built for Electron's ABI. It lives in
 * its own folder (made by `npm run native:electron`), so the Node build in
 * node_modules that the tests use is never overwritten.
 */
import { join } from 'node:path';

export function electronNativeBindingPath(
  appRoot: string,
  versions: NodeJS.ProcessVersions = process.versions,
): string {
  return join(
    appRoot,
    'native',
    `electron-abi${versions.modules}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
}
