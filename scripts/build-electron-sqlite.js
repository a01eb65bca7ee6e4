// Builds better-sqlite3 for Electron's ABI in its own folder (native/electron-build),
// then copies the addon to native/electron-abi<ABI>-<platform>-<arch>/. The Node build
// in node_modules, which the tests use, is never touched. Needs network access to
// Electron's headers, so it runs on a developer's machine, not in CI.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronNativeBinding, electronNativeDir } from './native-paths.js';

const root = join(import.meta.dirname, '..');
const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const electronVersion = versionOf('electron');
const sqliteVersion = versionOf('better-sqlite3');
const buildDir = join(root, 'native', 'electron-build');

mkdirSync(buildDir, { recursive: true });
writeFileSync(
  join(buildDir, 'package.json'),
  `${JSON.stringify({ name: 'orgbench-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion }, devDependencies: { '@electron/rebuild': '^4.0.0' } }, null, 2)}\n`,
);

const step = (label, command, args) => {
  process.stdout.write(`native:electron: ${label}\n`);
  const result = spawnSync(command, args, { cwd: buildDir, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write(`native:electron: ${label} failed; the Electron SQLite addon was not built.\n`);
    process.exit(1);
  }
};

step('installing better-sqlite3 sources', 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund']);
step(`compiling for Electron ${electronVersion}`, 'npx', [
  'electron-rebuild',
  '--version',
  electronVersion,
  '--module-dir',
  buildDir,
  '--only',
  'better-sqlite3',
  '--force',
]);
mkdirSync(electronNativeDir(root), { recursive: true });
copyFileSync(
  join(buildDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
  electronNativeBinding(root),
);
process.stdout.write(`native:electron: wrote ${electronNativeBinding(root)}\n`);
