/**
 * A small structured logger writing one line per event to stderr. Callers pass facts,
 * never secrets: the admin token and private keys are not logged anywhere.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const log = (level: Level, message: string, fields?: Record<string, unknown>) => {
    const details = fields ? ` ${JSON.stringify(fields, replaceErrors)}` : '';
    write(`[orgbench] ${level}: ${message}${details}`);
  };
  return {
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}

/** Logs nothing: for tests and embedding. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function replaceErrors(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
