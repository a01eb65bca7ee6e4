#!/usr/bin/env node
// Entry of the `orgbench` command: runs the built CLI (out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('orgbench: the CLI is not built yet; run `npm run build` (or `npm install`) first.\n');
  process.exit(1);
}
const { main } = await import(cli);
await main(process.argv);
