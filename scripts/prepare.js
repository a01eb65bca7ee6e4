// Runs after `npm install`: builds the app bundles so `npx orgbench` works at once.
// Skipped quietly when the build tooling is absent (a production-only install).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const bin = 'node_modules/electron-vite/bin/electron-vite.js';
if (!existsSync(bin)) process.exit(0);
const result = spawnSync(process.execPath, [bin, 'build'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
