/**
 * `orgbench` on the command line: flags in, library calls out. Headless use (CI, QA
 * pipelines) and `npm run serve` go through here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { version } from '../package.json';
import { ADMIN_TOKEN_FILE } from './admin/admin-token';
import { isOrgbenchError } from './errors';
import type { ScriptedLoginResult } from './logins/scripted-login';
import { FAULTS } from './model/federation';
import { startServer, type RunningServer } from './index';
import { defaultDataDir } from './runtime/data-dir';
import { readLockOwner } from './runtime/data-lock';
import { createLogger } from './runtime/logger';

const SHUTDOWN_LIMIT_MS = 3000;

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError('must be a port number from 0 to 65535 (0 picks a free port).');
  }
  return Number(value);
}

export function buildProgram(): Command {
  const program = new Command('orgbench')
    .description(
      'Orgbench: a local workbench for B2B SaaS identity (OpenID provider, mock customer IdPs, org branding).',
    )
    .version(version, '-v, --version')
    .showHelpAfterError('(run orgbench --help for usage)');

  program
    .command('serve')
    .description('Run the server headless: the protocol listener (issuers) and the admin listener (API + browser UI).')
    .addOption(new Option('--data <dir>', 'data folder').default(undefined, defaultDataDir()))
    .addOption(
      new Option('--port <port>', 'protocol listener port (0 = any free port)').argParser(parsePort).default(4100),
    )
    .addOption(
      new Option('--admin-port <port>', 'admin listener port (0 = any free port)').argParser(parsePort).default(4101),
    )
    .option('--json', 'print readiness as one JSON line (for scripts)')
    .option('--config <file>', 'apply a YAML or JSON workspace file (orgs, users, apps, APIs) at start-up')
    .option('--demo', 'seed the demo customers acme, globex and initech (idempotent)')
    .action(
      async (flags: {
        data?: string;
        port: number;
        adminPort: number;
        json?: boolean;
        config?: string;
        demo?: boolean;
      }) => {
        const logger = createLogger();
        const server = await startServer(
          {
            ...(flags.data ? { dataDir: flags.data } : {}),
            port: flags.port,
            adminPort: flags.adminPort,
            demo: flags.demo === true,
            ...(flags.config ? { configFile: flags.config } : {}),
            ...(process.env.ORGBENCH_ADMIN_TOKEN ? { adminToken: process.env.ORGBENCH_ADMIN_TOKEN } : {}),
          },
          { logger },
        );
        // Handlers first: a script may send a signal the moment it reads the readiness line.
        stopOnSignals(server);
        announce(server, flags.json === true);
      },
    );

  program
    .command('ui-url')
    .description('Print a fresh one-time address of the browser UI of the server running on a data folder.')
    .option('--data <dir>', 'data folder of the running server')
    .action(async (flags: { data?: string }) => {
      const { url } = (await callRunningServer(flags.data, 'POST', '/api/session/launch-links')) as { url: string };
      process.stdout.write(`${url}\n`);
    });

  program
    .command('login')
    .description(
      'Run a whole federated login through the real endpoints of the server running on a data folder, and print the tokens.',
    )
    .option('--data <dir>', 'data folder of the running server')
    .option('--org <slug>', 'organization (id or slug)')
    .option('--persona <handle>', "persona of the org's mock IdP (default: its first)")
    .option('--client <id>', "application to sign in to (default: the one of the org's isolation model)")
    .option('--fault <name>', 'switch this fault on for this login (see --list-faults)')
    .option('--amount <n>', 'amount for clock_skew (minutes) or slow (milliseconds)', (value) => Number(value))
    .option('--json', 'print the result as JSON')
    .option('--list-faults', 'list every fault a mock IdP can be switched to, and exit')
    .action(
      async (flags: {
        data?: string;
        org?: string;
        persona?: string;
        client?: string;
        fault?: string;
        amount?: number;
        json?: boolean;
        listFaults?: boolean;
      }) => {
        if (flags.listFaults) {
          for (const [name, fault] of Object.entries(FAULTS)) {
            process.stdout.write(`${name.padEnd(20)} ${fault.kinds.join('+').padEnd(10)} ${fault.label}\n`);
          }
          return;
        }
        if (!flags.org) throw new CliError('name the organization with --org <slug> (or use --list-faults).');
        const body = {
          org: flags.org,
          ...(flags.persona ? { persona: flags.persona } : {}),
          ...(flags.client ? { client: flags.client } : {}),
          ...(flags.fault ? { fault: flags.fault } : {}),
          ...(flags.amount !== undefined ? { amount: flags.amount } : {}),
        };
        const result = (await callRunningServer(flags.data, 'POST', '/api/logins', body)) as ScriptedLoginResult;
        if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else if (result.ok) {
          const claims = result.idTokenClaims ?? {};
          process.stdout.write(
            [
              `Signed in to ${result.org} as ${String(claims.email ?? claims.sub)} (persona ${result.persona ?? '-'}, client ${result.clientId})`,
              `  id_token      ${String(result.tokens.id_token ?? '')}`,
              `  access_token  ${String(result.tokens.access_token ?? '')}`,
              `  claims        ${JSON.stringify(claims)}`,
              `  trace         ${result.traceId ?? '-'}`,
              '',
            ].join('\n'),
          );
        } else {
          process.stderr.write(
            `orgbench: login rejected by rule ${result.rule}: ${result.message} (trace ${result.traceId ?? '-'})\n`,
          );
        }
        if (!result.ok) process.exitCode = 1;
      },
    );

  return program;
}

/** Calls the admin API of the server running on a data folder, with its token file. */
async function callRunningServer(
  dataDir: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const dir = dataDir ?? defaultDataDir();
  const owner = readLockOwner(dir);
  if (!owner?.adminUrl)
    throw new CliError(`No Orgbench server is running on ${dir}; start one with \`orgbench serve\`.`);
  const token = readFileSync(join(dir, ADMIN_TOKEN_FILE), 'utf8').trim();
  const response = await fetch(`${owner.adminUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed = (await response.json().catch(() => undefined)) as
    { error?: { message?: string; fields?: { path: string; message: string }[] } } | undefined;
  if (!response.ok) {
    const fields = (parsed?.error?.fields ?? []).map((field) => ` ${field.path}: ${field.message}`).join(';');
    throw new CliError(`${parsed?.error?.message ?? `HTTP ${response.status}`}${fields ? ` (${fields.trim()})` : ''}`);
  }
  return parsed;
}

class CliError extends Error {}

function announce(server: RunningServer, json: boolean): void {
  if (json) {
    const line = {
      event: 'ready',
      version: server.version,
      protocolUrl: server.protocolUrl,
      adminUrl: server.adminUrl,
      uiUrl: server.uiUrl,
      dataDir: server.dataDir,
      issuers: server.issuers.map((entry) => entry.issuer),
      pid: process.pid,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  process.stdout.write(
    [
      `Orgbench ready — open the UI: ${server.uiUrl}`,
      `  protocol listener  ${server.protocolUrl}   (issuers, login pages, mock IdPs)`,
      `  admin listener     ${server.adminUrl}   (API; token in ${join(server.dataDir, ADMIN_TOKEN_FILE)})`,
      ...server.issuers.map((entry) => `  issuer             ${entry.issuer}`),
      `  sample app         ${server.protocolUrl}/sample`,
      `  data folder        ${server.dataDir}`,
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

function stopOnSignals(server: RunningServer): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const limit = setTimeout(() => {
      process.stderr.write(`Orgbench did not stop within ${SHUTDOWN_LIMIT_MS} ms of ${signal}; exiting.\n`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    limit.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Orgbench stopped with an error: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Runs the CLI with `argv`, turning known failures into one line on stderr and exit code 1. */
export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (isOrgbenchError(error) && error.expose) {
      const details = (error.fields ?? []).map((field) => `\n  ${field.path || '(file)'}: ${field.message}`).join('');
      process.stderr.write(`orgbench: ${error.message}${error.fields && error.fields.length > 1 ? details : ''}\n`);
    } else if (error instanceof CliError) {
      process.stderr.write(`orgbench: ${error.message}\n`);
    } else {
      process.stderr.write(`orgbench: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    }
    process.exitCode = 1;
  }
}
