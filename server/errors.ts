/**
 * Typed errors with stable codes. Every failure the server reports on purpose is an
 * `OrgbenchError`; the admin and protocol error handlers turn it into a response.
 * Anything else is unexpected and becomes a generic `server_error` with no details.
 */

/** One problem with one input field, named by its path (`domains[2]`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export class OrgbenchError extends Error {
  /** Stable machine-readable code, e.g. `org_not_found`. */
  readonly code: string;
  /** HTTP status used when the error reaches an HTTP client. */
  readonly status: number;
  /** Whether `message` may be shown to the caller. */
  readonly expose: boolean;
  readonly fields: FieldIssue[] | undefined;
  /** Facts the caller needs to act on the error (e.g. old and new fingerprints); exposed with it. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: string,
    message: string,
    options: {
      status?: number;
      expose?: boolean;
      fields?: FieldIssue[];
      details?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status ?? 500;
    this.expose = options.expose ?? this.status < 500;
    this.fields = options.fields;
    this.details = options.details;
  }
}

/** Input failed validation; `fields` names every offending path. */
export class ValidationError extends OrgbenchError {
  constructor(fields: FieldIssue[], message = describeFields(fields)) {
    super('validation_failed', message, { status: 400, fields });
  }
}

export class NotFoundError extends OrgbenchError {
  constructor(code: string, message: string) {
    super(code, message, { status: 404 });
  }
}

export class ConflictError extends OrgbenchError {
  constructor(code: string, message: string, fields?: FieldIssue[], details?: Record<string, unknown>) {
    super(code, message, { status: 409, ...(fields ? { fields } : {}), ...(details ? { details } : {}) });
  }
}

/** A failure while starting up: bad flags, a busy port, a locked data folder. */
export class StartupError extends OrgbenchError {
  constructor(code: string, message: string, cause?: unknown) {
    super(code, message, { status: 500, expose: true, cause });
  }
}

function describeFields(fields: FieldIssue[]): string {
  const [first] = fields;
  if (!first) return 'The request is invalid.';
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return `${first.path || 'body'}: ${first.message}${more}`;
}

export function isOrgbenchError(error: unknown): error is OrgbenchError {
  return error instanceof OrgbenchError;
}
