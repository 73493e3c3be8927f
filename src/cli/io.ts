// node:fs, not node:fs/promises: reads are synchronous (a CLI has nothing else to do meanwhile) and
// fs.promises, which loads a good part of Node's stream machinery, is touched only when writing files.
import * as fs from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputError, usageError } from '../errors.js';
import { shippedKbFileNames } from '../kb/shipped-files.js';

/** Every file, stdin and stdout access of mqselect goes through here. */
export const LIMITS = {
  /** A requirements document is a few KB; anything near this is not one. */
  requirementsBytes: 1024 * 1024,
  kbFileBytes: 4 * 1024 * 1024,
} as const;

export const STDIN_NAME = '<stdin>';

export async function readInput(path: string, limit: number): Promise<{ file: string; text: string }> {
  if (path === '-') return { file: STDIN_NAME, text: await readStdin(limit) };
  try {
    const info = fs.statSync(path);
    if (info.isDirectory()) throw inputError('is a directory, expected a file', { file: path });
    if (info.size > limit) throw inputError(`file is ${formatSize(info.size)}, over the ${formatSize(limit)} limit`, { file: path });
    return { file: path, text: decode(fs.readFileSync(path), path) };
  } catch (error) {
    if ((error as { kind?: string }).kind) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'unknown error'})`, { file: path });
  }
}

async function readStdin(limit: number): Promise<string> {
  if (process.stdin.isTTY) throw usageError('reading requirements from stdin ("-"), but stdin is a terminal: pipe a file in, e.g. mqselect recommend - < reqs.yaml');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > limit) throw inputError(`input is over the ${formatSize(limit)} limit`, { file: STDIN_NAME });
    chunks.push(chunk as Buffer);
  }
  return decode(Buffer.concat(chunks), STDIN_NAME);
}

function decode(buffer: Buffer, file: string): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  if (text.includes('\u0000')) throw inputError('looks like a binary file (contains NUL bytes)', { file });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

export async function sha256(text: string): Promise<string> {
  // Loaded on demand: only --kb files are hashed, and node:crypto costs start-up time.
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(text).digest('hex');
}

/** The package root: dist/ and src/cli/ both sit two levels or fewer below it. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (dir.endsWith('dist') || dir.endsWith(join('src', 'cli'))) return dir.endsWith('dist') ? dirname(dir) : dirname(dirname(dir));
    dir = dirname(dir);
  }
  return process.cwd();
}

export async function shippedKbFiles(): Promise<string[]> {
  const data = join(packageRoot(), 'data');
  return shippedKbFileNames(fs.readdirSync(join(data, 'brokers'))).map((f) => relative(process.cwd(), join(data, f)) || f);
}

/**
 * Writes a new file without ever replacing what the user has: written to a temporary name, then
 * renamed; an existing target is refused unless `force`.
 */
export async function writeFileAtomic(path: string, text: string, force: boolean): Promise<void> {
  if (!force) {
    try {
      await fs.promises.stat(path);
      throw usageError('already exists (use --force to replace it)', { file: path });
    } catch (error) {
      if ((error as { kind?: string }).kind) throw error;
    }
  }
  const temp = join(dirname(path), `.${Date.now()}-${process.pid}.mqselect.tmp`);
  try {
    const handle = await fs.promises.open(temp, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o644);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (force) await fs.promises.rename(temp, path);
    else {
      // link() fails if the target appeared meanwhile (another process): no window in which we could clobber it.
      await fs.promises.link(temp, path);
      await fs.promises.unlink(temp);
    }
  } catch (error) {
    await fs.promises.unlink(temp).catch(() => undefined);
    if ((error as { kind?: string }).kind) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw usageError('already exists (use --force to replace it)', { file: path });
    throw inputError(`cannot write (${code ?? 'error'})`, { file: path });
  }
}

/** A command's output: stdout, or with --output FILE a file written atomically (then its path is printed). */
export async function writeOutput(text: string, output: string | undefined, force: boolean): Promise<void> {
  if (output === undefined || output === '-') return writeStdout(text);
  await writeFileAtomic(output, text.endsWith('\n') ? text : `${text}\n`, force);
  writeStdout(output);
}

export function writeStdout(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeStderr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

export const writeFile = (path: string, text: string): Promise<void> => fs.promises.writeFile(path, text);
