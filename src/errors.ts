/**
 * Every failure a user can cause is one of these values. They are thrown only at the boundary (parsing,
 * I/O) and turned into one stderr line plus an exit code in exactly one place: src/cli/main.ts.
 */
export const EXIT = { ok: 0, negative: 1, usage: 2, cancelled: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type ErrorKind = 'usage' | 'input' | 'kb' | 'cancelled';

export interface ErrorLocation {
  /** File name as the user gave it, or "<stdin>". */
  file?: string;
  /** Dotted field path inside the document, e.g. "workload.peakMessagesPerSecond" or "protocols[1]". */
  path?: string;
  line?: number;
  column?: number;
}

export class MqselectError extends Error {
  readonly kind: ErrorKind;
  readonly location: ErrorLocation;
  readonly exitCode: ExitCode;

  constructor(kind: ErrorKind, message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = 'MqselectError';
    this.kind = kind;
    this.location = location;
    this.exitCode = kind === 'cancelled' ? EXIT.cancelled : EXIT.usage;
  }

  /** One line: "file:line:col: path: message". */
  toUserLine(): string {
    const { file, path, line, column } = this.location;
    const where = [
      file,
      line !== undefined ? String(line) : undefined,
      column !== undefined ? String(column) : undefined,
    ]
      .filter((part): part is string => part !== undefined)
      .join(':');
    const prefix = [where, path].filter((part) => part !== undefined && part !== '').join(': ');
    return prefix === '' ? this.message : `${prefix}: ${this.message}`;
  }
}

export const usageError = (message: string, location?: ErrorLocation) => new MqselectError('usage', message, location);
export const inputError = (message: string, location?: ErrorLocation) => new MqselectError('input', message, location);
export const cancelledError = () => new MqselectError('cancelled', 'cancelled');

/** Renders a path array the way users write it: a.b[2].c */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
