/**
 * Runs the real `orgbench` command (bin/orgbench.js → out/main/cli.js) as a child
 * process, as QA scripts and CI pipelines do. `npm test` builds it first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/orgbench.js', import.meta.url));
const BUILT_CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));

export function assertCliBuilt(): void {
  if (!existsSync(BUILT_CLI))
    throw new Error('out/main/cli.js is missing: run `npm run build` (npm test does it first).');
}

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Resolves with the first stdout line matching `test`, or rejects when the process exits first. */
export function waitForLine(run: CliRun, test: (line: string) => boolean, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`no matching line within ${timeoutMs} ms; stderr: ${run.stderr()}`)),
      timeoutMs,
    );
    const check = () => {
      const line = run.stdout().split('\n').find(test);
      if (line) finish(undefined, line);
    };
    const onExit = () => finish(new Error(`exited before the line appeared; stderr: ${run.stderr()}`));
    function finish(error?: Error, line?: string) {
      clearTimeout(timer);
      run.child.stdout?.off('data', check);
      run.child.off('exit', onExit);
      if (error) reject(error);
      else resolve(line as string);
    }
    run.child.stdout?.on('data', check);
    run.child.once('exit', onExit);
    check();
  });
}

export interface ReadyLine {
  event: 'ready';
  protocolUrl: string;
  adminUrl: string;
  uiUrl: string;
  dataDir: string;
  issuers: string[];
  pid: number;
}

export async function serveJson(dataDir: string, env: Record<string, string> = {}, extra: string[] = []) {
  const run = runCli(['serve', '--data', dataDir, '--port', '0', '--admin-port', '0', '--json', ...extra], env);
  const line = await waitForLine(run, (candidate) => candidate.startsWith('{'));
  return { run, ready: JSON.parse(line) as ReadyLine };
}
