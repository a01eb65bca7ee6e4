// `npm start`: the desktop app when an Electron binary can be had, otherwise browser
// mode (the same server and UI in the system browser), said in one plain line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronNativeBinding } from './native-paths.js';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');

/** The Electron executable, fetching it once (Electron downloads its binary lazily). */
function findElectron() {
  const pathFile = join(electronDir, 'path.txt');
  const located = () => {
    if (!existsSync(pathFile)) return undefined;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
    const full = join(base, relative);
    return existsSync(full) ? full : undefined;
  };
  if (located()) return { path: located() };
  if (!existsSync(join(electronDir, 'install.js'))) return { why: 'the electron package is not installed' };
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (located()) return { path: located() };
  const reason = `${fetched.stderr ?? ''}${fetched.stdout ?? ''}`.split('\n').find((line) => /error|fail/i.test(line));
  return { why: `its download failed${reason ? ` (${reason.trim().slice(0, 120)})` : ''}` };
}

function ensureNativeBinding() {
  const target = electronNativeBinding(root);
  if (existsSync(target)) return { ok: true };
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-electron-sqlite.js')], { stdio: 'inherit' });
  return built.status === 0 && existsSync(target)
    ? { ok: true }
    : { ok: false, why: `no SQLite addon for Electron at ${target}` };
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = findElectron();
const native = electron.path ? ensureNativeBinding() : { ok: false };
if (electron.path && native.ok) {
  run(electron.path, [root]);
} else {
  const why = electron.path ? native.why : `no Electron binary is available (${electron.why})`;
  process.stdout.write(`Orgbench desktop cannot open here: ${why}. Starting browser mode instead.\n`);
  run(process.execPath, [join(root, 'bin', 'orgbench.js'), 'serve', ...process.argv.slice(2)]);
}
